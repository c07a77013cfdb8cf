#include "validators/traceability.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "validators/builtin.hpp"
#include "design/text_scan.hpp"
#include "validators/trace_parse.hpp"

namespace specwave::validators {
namespace {

struct Doc {
  std::string name;  // as given (may carry a path)
  std::string_view text;
  bool present = false;
};

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

Doc Lookup(const NamedTexts& all, std::string_view name) {
  for (const auto& [n, text] : all)
    if (IEquals(BaseName(n), name)) return {BaseName(n), text, true};
  return {std::string(name), {}, false};
}

class Checker {
 public:
  explicit Checker(const NamedTexts& all)
      : prd_(Lookup(all, "prd.md")),
        epics_(Lookup(all, "epics.md")),
        tasks_(Lookup(all, "tasks.md")),
        api_(Lookup(all, "api-spec.md")),
        model_(Lookup(all, "data-model.md")),
        components_(Lookup(all, "component-mapping.md")),
        tokens_(Lookup(all, "design-tokens.md")) {}

  TraceabilityReport Run() {
    Features();
    Tasks();
    Resources();
    ComponentTokens();
    return std::move(report_);
  }

 private:
  void Add(const char* rule, Severity severity, std::string message, std::vector<TraceLocation> where,
           const Doc& excerpt_doc) {
    Gap g;
    g.rule = rule;
    g.severity = severity;
    g.message = std::move(message);
    g.excerpt = where.empty() ? "" : LineText(excerpt_doc, where[0].line);
    g.where = std::move(where);
    report_.gaps.push_back(std::move(g));
  }

  // The excerpt of a gap: its first location's line (line indexes built once per file).
  std::string LineText(const Doc& doc, int line) {
    if (line <= 0) return "";
    auto it = lines_.find(doc.name);
    if (it == lines_.end()) it = lines_.emplace(doc.name, MarkdownLines(doc.text)).first;
    return Excerpt(it->second.At(line).text);
  }

  // Both present: go on. One missing: say so (once per pair) and stop.
  bool Pair(const Doc& a, const Doc& b, const std::string& what) {
    if (a.present && b.present) return true;
    if (!a.present && !b.present) return false;
    const Doc& have = a.present ? a : b;
    const Doc& missing = a.present ? b : a;
    Add("missing-artifact", Severity::kWarning, missing.name + " is missing, so " + what + " cannot be checked",
        {{have.name, 0}, {missing.name, 0}}, have);
    return false;
  }

  void Features() {
    if (!Pair(prd_, epics_, "PRD features' coverage by epics")) {
      epic_defs_ = epics_.present ? ReadEpics(epics_.text) : std::vector<EpicDef>{};
      return;
    }
    auto features = ReadFeatures(prd_.text);
    epic_defs_ = ReadEpics(epics_.text);
    report_.features = static_cast<int>(features.size());
    report_.epics = static_cast<int>(epic_defs_.size());
    std::set<std::string> covered, defined;
    for (const auto& f : features) defined.insert(f.id);
    for (const auto& e : epic_defs_)
      for (const auto& c : e.covers) covered.insert(c.id);
    for (const auto& f : features)
      if (!covered.count(f.id))
        Add("feature-not-covered", Severity::kError,
            f.id + (f.title.empty() ? "" : " (" + f.title + ")") + " is covered by no epic",
            {{prd_.name, f.line}, {epics_.name, 0}}, prd_);
    for (const auto& e : epic_defs_) {
      if (e.covers.empty()) {
        Add("epic-covers-nothing", Severity::kWarning,
            e.id + Title(e.title) + " has no Covers: line naming the features it delivers", {{epics_.name, e.line}},
            epics_);
        continue;
      }
      for (const auto& c : e.covers)
        if (!defined.count(c.id))
          Add("epic-unknown-feature", Severity::kError,
              e.id + " covers " + c.id + ", which " + prd_.name + " does not define",
              {{epics_.name, c.line}, {prd_.name, 0}}, epics_);
    }
  }

  static std::string Title(const std::string& t) { return t.empty() ? "" : " (" + t + ")"; }

  void Tasks() {
    if (!Pair(epics_, tasks_, "epics' tasks")) return;
    auto tasks = ReadTasks(tasks_.text);
    report_.tasks = static_cast<int>(tasks.size());
    std::map<std::string, const EpicDef*> epics;
    for (const auto& e : epic_defs_) epics.emplace(e.id, &e);
    std::set<std::string> with_tasks;
    for (const auto& t : tasks) {
      std::string epic;
      if (!t.epic) {
        Add("task-without-epic", Severity::kError, t.id + Title(t.title) + " names no epic; add a line \"Epic: E<n>\"",
            {{tasks_.name, t.line}}, tasks_);
        epic = t.section_epic;  // still counts for its section's epic
      } else {
        epic = t.epic->id;
        if (!epics.count(epic)) {
          // "Epic: Tide windows" names the epic by title.
          for (const auto& e : epic_defs_)
            if (!e.title.empty() && IEquals(Trim(e.title), Trim(epic))) epic = e.id;
        }
        if (!epics.count(epic)) {
          Add("task-unknown-epic", Severity::kError,
              t.id + " names epic " + t.epic->id + ", which " + epics_.name + " does not define",
              {{tasks_.name, t.epic->line}, {epics_.name, 0}}, tasks_);
          continue;
        }
        if (!t.section_epic.empty() && t.section_epic != epic)
          Add("task-epic-mismatch", Severity::kWarning,
              t.id + " sits under " + t.section_epic + " but names " + epic + " as its epic",
              {{tasks_.name, t.epic->line}, {tasks_.name, t.line}}, tasks_);
      }
      if (!epic.empty()) with_tasks.insert(epic);
    }
    for (const auto& e : epic_defs_)
      if (!with_tasks.count(e.id))
        Add("epic-without-tasks", Severity::kError, e.id + Title(e.title) + " has no tasks",
            {{epics_.name, e.line}, {tasks_.name, 0}}, epics_);
  }

  void Resources() {
    if (!Pair(api_, model_, "API resources against the data model")) return;
    auto endpoints = ReadEndpoints(api_.text);
    auto entities = ReadEntities(model_.text);
    report_.endpoints = static_cast<int>(endpoints.size());

    for (const auto& ep : endpoints) {
      std::string name = ep.method + " " + ep.path;
      if (!ep.has_resources_line) {
        Add("endpoint-without-resources", Severity::kWarning,
            name + " has no Resources: line naming the data-model entities it reads or writes", {{api_.name, ep.line}},
            api_);
        continue;
      }
      for (const auto& r : ep.resources)
        if (std::none_of(entities.begin(), entities.end(), [&](const NamedDef& e) { return SameEntity(e.name, r.id); }))
          Add("resource-not-in-model", Severity::kError,
              name + " names resource " + r.id + ", which " + model_.name + " does not define as an entity",
              {{api_.name, r.line}, {model_.name, 0}}, api_);
    }
  }

  void ComponentTokens() {
    if (!Pair(components_, tokens_, "component tokens against the design tokens")) return;
    auto components = ReadComponents(components_.text);
    DesignTokens tokens = ParseDesignTokens(tokens_.text);
    report_.components = static_cast<int>(components.size());
    for (const auto& c : components) {
      std::vector<std::string> unknown;
      int line = 0;
      for (const auto& t : c.tokens)
        if (!tokens.Defines(t.id) && std::find(unknown.begin(), unknown.end(), t.id) == unknown.end()) {
          unknown.push_back(t.id);
          if (!line) line = t.line;
        }
      if (unknown.empty()) continue;
      Add("component-unknown-token", Severity::kError,
          c.name + " uses " + Join(unknown, ", ") + ", which " + tokens_.name + " does not define",
          {{components_.name, line}, {tokens_.name, 0}}, components_);
    }
  }

  Doc prd_, epics_, tasks_, api_, model_, components_, tokens_;
  std::vector<EpicDef> epic_defs_;
  std::map<std::string, MarkdownLines> lines_;
  TraceabilityReport report_;
};

std::string Where(const std::vector<TraceLocation>& where, bool code) {
  std::vector<std::string> parts;
  const char* q = code ? "`" : "";
  for (const auto& w : where) parts.push_back(q + w.artifact + (w.line > 0 ? ":" + std::to_string(w.line) : "") + q);
  return Join(parts, ", ");
}

class Traceability final : public Validator {
 public:
  std::string_view Name() const override { return "traceability"; }

  ValidationResult Run(const ValidationContext& ctx) const override {
    ValidationResult r{"traceability", ctx.artifact, {}};
    NamedTexts single;
    const NamedTexts* all = ctx.artifacts;
    if (!all) {
      if (ctx.content) single.push_back({ctx.artifact, std::string(*ctx.content)});
      all = &single;
    }
    r.findings = GapsToFindings(CheckTraceability(*all));
    return r;
  }
};

}  // namespace

int TraceabilityReport::errors() const {
  return static_cast<int>(
      std::count_if(gaps.begin(), gaps.end(), [](const Gap& g) { return g.severity == Severity::kError; }));
}

TraceabilityReport CheckTraceability(const NamedTexts& artifacts) { return Checker(artifacts).Run(); }

std::string RenderGapsMarkdown(const TraceabilityReport& report) {
  if (report.gaps.empty()) return "No gaps found.\n";
  std::string out;
  for (const auto& g : report.gaps) {
    out += "- **" + g.rule + "**";
    if (g.severity != Severity::kError) out += std::string(" (") + SeverityName(g.severity) + ")";
    out += ": " + g.message + " \xE2\x80\x94 " + Where(g.where, true) + "\n";
  }
  return out;
}

std::vector<Finding> GapsToFindings(const TraceabilityReport& report) {
  std::vector<Finding> out;
  for (const auto& g : report.gaps) {
    Finding f;
    f.severity = g.severity;
    f.rule = g.rule;
    f.line = g.where.empty() ? 0 : g.where[0].line;
    f.artifact = g.where.empty() ? "" : g.where[0].artifact;
    f.message = g.message + " (" + Where(g.where, false) + ")";
    f.excerpt = g.excerpt;
    out.push_back(std::move(f));
  }
  return out;
}

const Validator& TraceabilityValidator() {
  static const Traceability kInstance;
  return kInstance;
}

}  // namespace specwave::validators
