// Loads and checks a workflow spec (docs/workflow-spec.md). yaml-cpp is used
// only in this file; its exceptions stop here and become Diagnostics.
//
// Checks, in order: YAML syntax; top-level shape; each phase's fields and their
// types (unknown keys are errors, with a "did you mean"); dependencies (unknown,
// self, duplicate); artifacts (names, produced twice); validators; fan-out;
// cycles (the cycle is printed); requires_stack (a stack phase must be
// upstream). All problems are collected, not just the first.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/files.hpp"
#include "core/text.hpp"
#include "engine/section_names.hpp"
#include "engine/spec.hpp"

namespace specwave {

PhaseType PhaseTypeOf(const std::string& phase_type) {
  if (phase_type == "stack") return PhaseType::kStack;
  if (phase_type == "validate") return PhaseType::kValidate;
  if (phase_type == "done") return PhaseType::kDone;
  return PhaseType::kGenerate;
}

const std::vector<std::string>& KnownValidators() {
  static const std::vector<std::string> kNames = {"presence", "markdown_frontmatter", "anti_ai_slop", "contrast",
                                                  "traceability"};
  return kNames;
}

int WorkflowSpec::IndexOf(const std::string& phase_name) const {
  for (size_t i = 0; i < phases.size(); ++i)
    if (phases[i].name == phase_name) return static_cast<int>(i);
  return -1;
}

int WorkflowSpec::ProducerOf(const std::string& artifact) const {
  for (size_t i = 0; i < phases.size(); ++i)
    for (const auto& a : phases[i].produces)
      if (a == artifact) return static_cast<int>(i);
  return -1;
}

bool PhaseSpec::Consumes(const std::string& artifact, const std::string& section) const {
  const std::vector<std::string>* listed = nullptr;
  for (const auto& [a, sections] : consumes)
    if (a == artifact) listed = &sections;
  if (!listed) return true;  // not declared: the whole artifact is read
  // A listed path matches a section whose heading path contains it as a run
  // of components: "Features" matches "PRD: Tidewater > Features > F1: Tides".
  // Components compare by SectionKey, so "Features" also matches the names
  // real PRDs use ("Functional Requirements", "Requirements *(mandatory)*").
  auto split = [](const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t pos; (pos = path.find(" > ", start)) != std::string::npos; start = pos + 3)
      parts.push_back(SectionKey(path.substr(start, pos - start)));
    parts.push_back(SectionKey(path.substr(start)));
    return parts;
  };
  auto have = split(section);
  for (const auto& want_path : *listed) {
    auto want = split(want_path);
    for (size_t i = 0; i + want.size() <= have.size(); ++i)
      if (std::equal(want.begin(), want.end(), have.begin() + static_cast<long>(i))) return true;
  }
  return false;
}

std::vector<std::string> WorkflowSpec::AllArtifacts() const {
  std::vector<std::string> out;
  for (const auto& p : phases) out.insert(out.end(), p.produces.begin(), p.produces.end());
  return out;
}

namespace {

const std::vector<std::string> kTopKeys = {"name", "description", "version", "frontmatter_fields", "repair_attempts",
                                           "phases", "max_artifact_chars"};
constexpr int kMaxRepairAttempts = 5;
const std::vector<std::string> kPhaseKeys = {"description", "agent",      "phase_type",     "produces",
                                             "depends_on",  "requires_stack", "priority",   "validators",
                                             "approval_gates", "prompt",  "critical",       "fan_out",
                                             "frontmatter_fields", "consumes", "repair_attempts"};

std::string Suggest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(3, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = EditDistance(ToLower(word), ToLower(c));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

bool ValidArtifactName(const std::string& a) {
  if (a.empty() || a == "." || a == ".." || a[0] == '.') return false;
  return std::all_of(a.begin(), a.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

class Loader {
 public:
  explicit Loader(std::string file) : file_(std::move(file)) {}

  SpecLoadResult Run(const std::string& text) {
    SpecLoadResult result;
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
      Error(e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0, "",
            "malformed YAML: " + e.msg);
      result.errors = std::move(diags_);
      return result;
    } catch (const std::exception& e) {
      Error(0, 0, "", std::string("malformed YAML: ") + e.what());
      result.errors = std::move(diags_);
      return result;
    }
    WorkflowSpec spec;
    spec.file = file_;
    try {
      ReadTop(root, spec);
      // Always: a missing field elsewhere must not hide a cycle (every
      // problem in one pass, issue #14.9). The graph checks read only what
      // was read well (unknown dependencies are left out of `deps`).
      CheckGraph(spec);
    } catch (const std::exception& e) {
      // yaml-cpp can still throw on exotic input (e.g. conversions); never let it escape.
      Error(0, 0, "", std::string("could not read the spec: ") + e.what());
    }
    result.errors = std::move(diags_);
    if (!HasErrors(result.errors)) result.spec = std::move(spec);
    return result;
  }

 private:
  static int LineOf(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

  void Error(int line, int col, const std::string& phase, const std::string& msg) {
    Diagnostic d;
    d.file = file_;
    d.line = line;
    d.column = col;
    if (!phase.empty()) d.subject = "phase '" + phase + "'";
    d.message = msg;
    diags_.push_back(std::move(d));
  }
  void Warn(int line, const std::string& phase, const std::string& msg) {
    Error(line, 0, phase, msg);
    diags_.back().severity = Severity::kWarning;
  }

  bool ReadString(const YAML::Node& n, const std::string& phase, const std::string& key, std::string* out) {
    if (!n.IsScalar()) {
      Error(LineOf(n), 0, phase, "'" + key + "' must be a text value");
      return false;
    }
    *out = n.Scalar();
    return true;
  }

  bool ReadBool(const YAML::Node& n, const std::string& phase, const std::string& key, bool* out) {
    if (n.IsScalar()) {
      std::string v = ToLower(n.Scalar());
      if (v == "true" || v == "yes" || v == "on") { *out = true; return true; }
      if (v == "false" || v == "no" || v == "off") { *out = false; return true; }
    }
    Error(LineOf(n), 0, phase, "'" + key + "' must be true or false");
    return false;
  }

  void ReadRepairAttempts(const YAML::Node& n, const std::string& phase, int* out) {
    int v = 0;
    if (!ReadInt(n, phase, "repair_attempts", &v)) return;
    if (v < 0 || v > kMaxRepairAttempts) {
      Error(LineOf(n), 0, phase,
            "repair_attempts must be a whole number from 0 to " + std::to_string(kMaxRepairAttempts) + ", not " +
                std::to_string(v));
      return;
    }
    *out = v;
  }

  bool ReadInt(const YAML::Node& n, const std::string& phase, const std::string& key, int* out) {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
      bool digits = i < s.size() && s.size() - i <= 9 &&
                    std::all_of(s.begin() + static_cast<long>(i), s.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits) { *out = std::stoi(s); return true; }
    }
    Error(LineOf(n), 0, phase, "'" + key + "' must be a whole number");
    return false;
  }

  // A whole number of at least 1 (limits: 0 or less would forbid everything).
  template <typename Int>
  bool ReadPositive(const YAML::Node& n, const std::string& phase, const std::string& key, Int* out) {
    int v = 0;
    if (!ReadInt(n, phase, key, &v)) return false;
    if (v < 1) {
      Error(LineOf(n), 0, phase, "'" + key + "' must be at least 1, not " + std::to_string(v));
      return false;
    }
    *out = v;
    return true;
  }

  // A list of text values; a single scalar is accepted as a one-item list only
  // if allow_scalar (it never is for names, to catch `depends_on: A, B`).
  bool ReadList(const YAML::Node& n, const std::string& phase, const std::string& key, std::vector<std::string>* out) {
    if (n.IsNull()) return true;
    if (!n.IsSequence()) {
      Error(LineOf(n), 0, phase, "'" + key + "' must be a list (one '- item' per line)");
      return false;
    }
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        Error(LineOf(item), 0, phase, "every item of '" + key + "' must be a non-empty text value");
        continue;
      }
      out->push_back(item.Scalar());
    }
    return true;
  }

  void ReadTop(const YAML::Node& root, WorkflowSpec& spec) {
    if (!root.IsDefined() || root.IsNull()) {
      Error(0, 0, "", "the file is empty: a workflow needs a 'phases:' map");
      return;
    }
    if (!root.IsMap()) {
      Error(LineOf(root), 0, "", "the top level must be a map with a 'phases:' key");
      return;
    }
    YAML::Node phases;
    for (const auto& kv : root) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      int line = LineOf(kv.first);
      if (key == "name") ReadString(kv.second, "", key, &spec.name);
      else if (key == "description") ReadString(kv.second, "", key, &spec.description);
      else if (key == "version") { /* free text, informational */ }
      else if (key == "frontmatter_fields") ReadList(kv.second, "", key, &spec.frontmatter_fields);
      else if (key == "repair_attempts") ReadRepairAttempts(kv.second, "", &spec.repair_attempts);
      else if (key == "phases") phases = kv.second;
      else if (key == "max_artifact_chars") ReadPositive(kv.second, "", key, &spec.max_artifact_chars);
      else Error(line, 0, "", "unknown top-level key '" + key + "'" + Suggest(key, kTopKeys));
    }
    if (!phases.IsDefined() || phases.IsNull()) {
      Error(LineOf(root), 0, "", "no phases: the workflow needs a non-empty 'phases:' map");
      return;
    }
    if (!phases.IsMap()) {
      Error(LineOf(phases), 0, "", "'phases' must be a map of PHASE_NAME: {fields}");
      return;
    }
    if (phases.size() == 0) {
      Error(LineOf(phases), 0, "", "no phases: 'phases:' is empty");
      return;
    }
    std::unordered_map<std::string, int> first_line;
    for (const auto& kv : phases) {
      if (!kv.first.IsScalar() || kv.first.Scalar().empty()) {
        Error(LineOf(kv.first), 0, "", "a phase name must be a non-empty text value");
        continue;
      }
      const std::string name = kv.first.Scalar();
      auto [it, inserted] = first_line.emplace(name, LineOf(kv.first));
      if (!inserted) {
        Error(LineOf(kv.first), 0, name, "defined twice (first at line " + std::to_string(it->second) + ")");
        continue;
      }
      PhaseSpec p;
      p.name = name;
      p.line = LineOf(kv.first);
      ReadPhase(kv.second, p);
      if (p.frontmatter_fields.empty()) p.frontmatter_fields = spec.frontmatter_fields;
      spec.phases.push_back(std::move(p));
    }
  }

  void ReadPhase(const YAML::Node& n, PhaseSpec& p) {
    if (!n.IsMap()) {
      Error(p.line, 0, p.name, "must be a map of fields (description, agent, phase_type, produces, ...)");
      return;
    }
    std::set<std::string> seen;
    for (const auto& kv : n) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const YAML::Node& v = kv.second;
      if (!seen.insert(key).second) {
        Error(LineOf(kv.first), 0, p.name, "field '" + key + "' given twice");
        continue;
      }
      field_lines_[p.name][key] = LineOf(kv.first);
      if (key == "description") ReadString(v, p.name, key, &p.description);
      else if (key == "agent") ReadString(v, p.name, key, &p.agent);
      else if (key == "phase_type") {
        ReadString(v, p.name, key, &p.phase_type);
        p.type = PhaseTypeOf(p.phase_type);
      }
      else if (key == "produces") ReadList(v, p.name, key, &p.produces);
      else if (key == "depends_on") ReadList(v, p.name, key, &p.depends_on);
      else if (key == "requires_stack") ReadBool(v, p.name, key, &p.requires_stack);
      else if (key == "priority") ReadInt(v, p.name, key, &p.priority);
      else if (key == "validators") ReadList(v, p.name, key, &p.validators);
      else if (key == "approval_gates") ReadList(v, p.name, key, &p.approval_gates);
      else if (key == "prompt") ReadString(v, p.name, key, &p.prompt);
      else if (key == "critical") ReadBool(v, p.name, key, &p.critical);
      else if (key == "frontmatter_fields") ReadList(v, p.name, key, &p.frontmatter_fields);
      else if (key == "fan_out") ReadFanOut(v, p);
      else if (key == "consumes") ReadConsumes(v, p);
      else if (key == "repair_attempts") ReadRepairAttempts(v, p.name, &p.repair_attempts);
      else Error(LineOf(kv.first), 0, p.name, "unknown field '" + key + "'" + Suggest(key, kPhaseKeys));
    }
    // phase_type is optional (issue #14.9): a phase without one is a spec phase.
    if (!seen.count("phase_type")) {
      p.phase_type = "spec";
      p.type = PhaseTypeOf(p.phase_type);
    }
    for (const char* required : {"description", "agent", "produces"})
      if (!seen.count(required)) Error(p.line, 0, p.name, std::string("missing required field '") + required + "'");
    for (const auto& v : p.validators) {
      const auto& known = KnownValidators();
      if (std::find(known.begin(), known.end(), v) == known.end())
        Error(LineOf(n["validators"]), 0, p.name,
              "unknown validator '" + v + "'" + Suggest(v, known) + "; known: " + Join(known, ", "));
    }
  }

  // consumes: {prd.md: [Features, "User stories"], architecture.md: [Components]}
  void ReadConsumes(const YAML::Node& n, PhaseSpec& p) {
    if (!n.IsMap()) {
      Error(LineOf(n), 0, p.name, "'consumes' must be a map ARTIFACT: [section, ...]");
      return;
    }
    for (const auto& kv : n) {
      std::string artifact = kv.first.IsScalar() ? kv.first.Scalar() : "";
      std::vector<std::string> sections;
      if (artifact.empty() || !ReadList(kv.second, p.name, "consumes." + artifact, &sections)) continue;
      p.consumes.push_back({artifact, sections});
      consumes_lines_[p.name].push_back({artifact, LineOf(kv.first)});
    }
  }

  void ReadFanOut(const YAML::Node& n, PhaseSpec& p) {
    if (!n.IsMap()) {
      Error(LineOf(n), 0, p.name, "'fan_out' must be a map: {over: ARTIFACT, items: \"## headings\"}");
      return;
    }
    FanOut f;
    bool have_items = false;
    for (const auto& kv : n) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (key == "over") {
        ReadString(kv.second, p.name, "fan_out.over", &f.over);
      } else if (key == "items") {
        std::string items;
        if (!ReadString(kv.second, p.name, "fan_out.items", &items)) continue;
        std::string t(Trim(items));
        size_t hashes = 0;
        while (hashes < t.size() && t[hashes] == '#') ++hashes;
        std::string rest(Trim(std::string_view(t).substr(hashes)));
        if (rest == "artifacts" && hashes == 0) {
          f.items = FanOut::Items::kArtifacts;
          have_items = true;
        } else if (rest == "headings" && hashes >= 1 && hashes <= 6) {
          f.items = FanOut::Items::kHeadings;
          f.heading_level = static_cast<int>(hashes);
          have_items = true;
        } else {
          Error(LineOf(kv.second), 0, p.name,
                "fan_out.items must be \"## headings\" (any level 1-6) or \"artifacts\", not '" + items + "'");
        }
      } else if (key == "max_items") {
        ReadPositive(kv.second, p.name, "fan_out.max_items", &f.max_items);
      } else {
        Error(LineOf(kv.first), 0, p.name,
              "unknown fan_out field '" + key + "' (expected 'over', 'items' and 'max_items')");
      }
    }
    if (!have_items) Error(LineOf(n), 0, p.name, "fan_out needs 'items'");
    if (f.items == FanOut::Items::kHeadings && f.over.empty())
      Error(LineOf(n), 0, p.name, "fan_out over headings needs 'over: ARTIFACT'");
    p.fan_out = f;
  }

  void CheckGraph(WorkflowSpec& spec) {
    std::unordered_map<std::string, int> index;
    std::vector<std::string> names;
    for (size_t i = 0; i < spec.phases.size(); ++i) {
      index[spec.phases[i].name] = static_cast<int>(i);
      names.push_back(spec.phases[i].name);
    }
    // Dependencies.
    for (auto& p : spec.phases) {
      std::set<std::string> seen;
      for (const auto& d : p.depends_on) {
        if (d == p.name) {
          Error(FieldLine(p, "depends_on"), 0, p.name, "depends on itself");
          continue;
        }
        if (!seen.insert(d).second) {
          Warn(FieldLine(p, "depends_on"), p.name, "lists dependency '" + d + "' twice");
          continue;
        }
        auto it = index.find(d);
        if (it == index.end()) {
          Error(FieldLine(p, "depends_on"), 0, p.name, "unknown dependency '" + d + "'" + Suggest(d, names));
          continue;
        }
        p.deps.push_back(it->second);
      }
    }
    // Artifacts.
    std::unordered_map<std::string, std::string> producer;
    for (const auto& p : spec.phases) {
      for (const auto& a : p.produces) {
        if (!ValidArtifactName(a)) {
          Error(FieldLine(p, "produces"), 0, p.name,
                "artifact name '" + a + "' must be a plain file name (letters, digits, '.', '_', '-'; no folders)");
          continue;
        }
        auto [it, inserted] = producer.emplace(a, p.name);
        if (!inserted)
          Error(FieldLine(p, "produces"), 0, p.name, "artifact '" + a + "' is also produced by phase '" + it->second + "'");
      }
    }
    if (!CheckCycles(spec)) return;
    // Fan-out sources must be produced by a direct dependency.
    for (const auto& p : spec.phases) {
      if (!p.fan_out || p.fan_out->items != FanOut::Items::kHeadings) continue;
      int prod = spec.ProducerOf(p.fan_out->over);
      if (prod < 0) {
        Error(p.line, 0, p.name, "fan_out.over names artifact '" + p.fan_out->over + "' that no phase produces");
      } else if (std::find(p.deps.begin(), p.deps.end(), prod) == p.deps.end()) {
        Error(p.line, 0, p.name,
              "fan_out.over artifact '" + p.fan_out->over + "' comes from phase '" + spec.phases[prod].name +
                  "', which must be listed in depends_on");
      }
    }
    // consumes: only artifacts of direct dependencies.
    for (const auto& p : spec.phases) {
      for (const auto& [artifact, line] : consumes_lines_[p.name]) {
        int prod = spec.ProducerOf(artifact);
        if (prod < 0 || std::find(p.deps.begin(), p.deps.end(), prod) == p.deps.end())
          Error(line, 0, p.name, "consumes '" + artifact + "', which no phase in its depends_on produces");
      }
    }
    // requires_stack: some phase of type 'stack' must be upstream.
    std::vector<int> stack_phases;
    for (size_t i = 0; i < spec.phases.size(); ++i)
      if (spec.phases[i].type == PhaseType::kStack) stack_phases.push_back(static_cast<int>(i));
    for (size_t i = 0; i < spec.phases.size(); ++i) {
      const auto& p = spec.phases[i];
      if (!p.requires_stack) continue;
      if (stack_phases.empty()) {
        Error(p.line, 0, p.name, "requires_stack is true but no phase has 'phase_type: stack'");
        continue;
      }
      if (!HasUpstream(spec, static_cast<int>(i), stack_phases))
        Error(p.line, 0, p.name,
              "requires_stack is true but the stack phase '" + spec.phases[stack_phases[0]].name +
                  "' is not upstream of it (add it to depends_on)");
    }
  }

  static bool HasUpstream(const WorkflowSpec& spec, int phase, const std::vector<int>& targets) {
    std::vector<char> seen(spec.phases.size(), 0);
    std::vector<int> stack = spec.phases[phase].deps;
    while (!stack.empty()) {
      int x = stack.back();
      stack.pop_back();
      if (seen[x]) continue;
      seen[x] = 1;
      if (std::find(targets.begin(), targets.end(), x) != targets.end()) return true;
      for (int d : spec.phases[x].deps) stack.push_back(d);
    }
    return false;
  }

  // Iterative DFS over "depends on" edges; reports the first cycle found, in
  // run order ("A -> B" = A must finish before B).
  bool CheckCycles(const WorkflowSpec& spec) {
    const size_t n = spec.phases.size();
    std::vector<char> color(n, 0);  // 0 new, 1 on stack, 2 done
    std::vector<int> path;
    std::vector<size_t> next(n, 0);
    for (size_t s = 0; s < n; ++s) {
      if (color[s]) continue;
      path.assign(1, static_cast<int>(s));
      color[s] = 1;
      while (!path.empty()) {
        int v = path.back();
        const auto& deps = spec.phases[v].deps;
        if (next[v] < deps.size()) {
          int d = deps[next[v]++];
          if (color[d] == 0) {
            color[d] = 1;
            path.push_back(d);
          } else if (color[d] == 1) {
            // path: ... d ... v, v depends on d. Run order is reverse of path.
            auto it = std::find(path.begin(), path.end(), d);
            std::vector<int> cyc(it, path.end());
            std::vector<int> order(cyc.rbegin(), cyc.rend());
            // Start the printed cycle at its first-declared phase, so the same
            // cycle always reads the same way.
            std::rotate(order.begin(), std::min_element(order.begin(), order.end()), order.end());
            std::string text;
            for (int x : order) text += spec.phases[x].name + " -> ";
            text += spec.phases[order.front()].name;
            Error(spec.phases[d].line, 0, "", "dependency cycle: " + text + " (each must finish before the next)");
            return false;
          }
        } else {
          color[v] = 2;
          path.pop_back();
        }
      }
    }
    return true;
  }

  std::string file_;
  std::vector<Diagnostic> diags_;
  std::map<std::string, std::vector<std::pair<std::string, int>>> consumes_lines_;
  // Where each field of each phase is written, so a problem with a field
  // points at its line (the editor marks it), not only at the phase's.
  std::map<std::string, std::map<std::string, int>> field_lines_;
  int FieldLine(const PhaseSpec& p, const std::string& key) const {
    auto phase = field_lines_.find(p.name);
    if (phase == field_lines_.end()) return p.line;
    auto it = phase->second.find(key);
    return it == phase->second.end() || it->second == 0 ? p.line : it->second;
  }
};

}  // namespace

SpecLoadResult LoadWorkflowSpec(const std::string& yaml_text, const std::string& file_name) {
  return Loader(file_name).Run(yaml_text);
}

SpecLoadResult LoadWorkflowSpecFile(const std::string& path) {
  std::string err;
  auto text = ReadFile(path, &err);
  if (!text) {
    SpecLoadResult r;
    Diagnostic d;
    d.file = path;
    d.message = err.empty() ? "cannot read file" : err.substr(path.size() + 2);
    r.errors.push_back(d);
    return r;
  }
  return LoadWorkflowSpec(*text, path);
}

}  // namespace specwave
