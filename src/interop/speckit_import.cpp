// Spec Kit import: a feature folder (specs/NNN-name/, or the folder itself)
// becomes Specwave artifacts. What Specwave's own export wrote comes back
// exactly; a folder Spec Kit's commands wrote maps as follows:
//
//   spec.md        user stories -> features (their acceptance scenarios ->
//                  acceptance bullets); FR-### lines give the features'
//                  statements when they pair one-to-one with the stories (else
//                  they stay a "Functional requirements" section); Success
//                  Criteria -> Success metrics; Edge Cases and Assumptions stay
//                  sections of prd.md
//   plan.md        -> architecture.md (Summary -> Overview)
//   research.md    -> stack.md; data-model.md -> data-model.md;
//   contracts/     -> api-spec.md; quickstart.md -> journey-maps.md
//   tasks.md       phases -> epics, "- [ ] T###" lines -> tasks ([US#] labels
//                  -> what the epic covers when it has no Covers: line)
//   .specify/memory/constitution.md   principles -> analysis.md > Constraints
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "interop/artifact_header.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/scenario_text.hpp"
#include "interop/specwave_model.hpp"
#include "interop/speckit_layout.hpp"

namespace specwave::interop {
namespace {

constexpr const char* kGenerator = "import:speckit";

struct Ctx {
  const FileTree& files;
  std::string base;     // "specs/001-x/" or ""
  std::string project;
  CodecImport* out;
  const std::string* Get(const std::string& rel) const {
    auto it = files.find(base + rel);
    return it == files.end() ? nullptr : &it->second;
  }
  void Ignore(const std::string& rel, const std::string& section, const std::string& why) const {
    out->ignored.push_back({base + rel, section, why});
  }
};

// Drops "**Key**: ..." metadata lines (Feature Branch, Status, Input, ...) from a body.
std::string WithoutMetadata(std::string_view body, std::initializer_list<std::string_view> keys) {
  std::string out;
  for (std::string_view l : SplitLines(body)) {
    bool meta = false;
    for (std::string_view k : keys)
      if (StartsWith(Trim(l), "**" + std::string(k) + "**")) meta = true;
    // "**Branch**: `x` | **Date**: ... | **Spec**: ..." is one line.
    if (!meta) out += std::string(l) + "\n";
  }
  return NormBody(out);
}

std::string Title(const MdNode& top, const char* prefix) {
  std::string h = top.heading;
  if (StartsWith(h, prefix)) return std::string(Trim(std::string_view(h).substr(std::string_view(prefix).size())));
  return "";
}

std::vector<Feature> StoriesToFeatures(const Ctx& c, const MdNode& scenarios, MdNode* stories_node,
                                       MdNode* edge_cases) {
  std::vector<Feature> out;
  for (const MdNode& child : scenarios.children) {
    auto story = speckit::ParseStoryHeading(child.heading);
    if (!story) {
      if (StartsWith(ToLower(child.title), "edge case")) *edge_cases = child;
      else stories_node->children.push_back(child);
      continue;
    }
    Feature f;
    f.number = story->number;
    f.title = story->title;
    LabeledList list = SplitAtList(child.body, {"acceptance scenarios"});
    f.notes = list.before;
    f.acceptance_label = "Acceptance:";
    for (const std::string& s : list.items) f.acceptance.push_back(FromGivenWhenThen(f.title, s));
    if (!list.found) f.acceptance_label.clear();
    f.after = list.after;
    f.children = child.children;
    out.push_back(std::move(f));
  }
  (void)c;
  return out;
}

void ReadRequirements(const Ctx& c, const MdNode& s, std::map<int, std::string>* fr, std::string* fr_rest,
                      std::vector<MdNode>* others) {
  for (const MdNode& r : s.children) {
    if (StartsWith(ToLower(r.title), "functional requirements")) {
      for (std::string_view l : SplitLines(r.body)) {
        if (auto p = speckit::ParseFrLine(l)) (*fr)[p->first] = p->second;
        else *fr_rest += std::string(l) + "\n";
      }
    } else if (StartsWith(ToLower(r.title), "key entities")) {
      // Specwave's own list (each line ends "(data-model.md)") is derived;
      // one written in Spec Kit is reported, since data-model.md is what is read.
      bool ours = true;
      for (std::string_view l : SplitLines(r.body))
        if (!Trim(l).empty() && !EndsWith(Trim(l), "(data-model.md)")) ours = false;
      if (!ours) c.Ignore("spec.md", r.title, "entities are read from data-model.md");
    } else {
      others->push_back(r);
    }
  }
}

MdNode SuccessMetrics(const MdNode& s) {
  MdNode metrics = MakeNode(2, "Success metrics", s.body);
  for (const MdNode& m : s.children) {
    if (StartsWith(ToLower(m.title), "measurable outcomes")) {
      metrics.body = JoinBlocks({metrics.body, speckit::UnnumberBullets(m.body, "SC")});
      for (const MdNode& g : m.children) metrics.children.push_back(g);
    } else {
      metrics.children.push_back(m);
    }
  }
  return metrics;
}

// FR-### lines give the features' statements when they pair one-to-one with
// the stories; without stories they are the features; otherwise they stay a
// section of their own and a story's first paragraph is its statement.
void PairStatements(std::vector<Feature>* features, const std::map<int, std::string>& fr, const std::string& fr_rest,
                    std::vector<MdNode>* others) {
  bool paired = !features->empty() && fr.size() == features->size();
  for (const Feature& f : *features) paired = paired && fr.count(f.number);
  if (paired) {
    for (Feature& f : *features) f.statement = fr.at(f.number);
  } else if (features->empty()) {
    for (const auto& [n, text] : fr) {
      Feature f;
      f.number = n;
      f.title = ShortName(text, 6);
      f.statement = text;
      features->push_back(f);
    }
  } else {
    for (Feature& f : *features) {
      auto [first, rest] = SplitFirstParagraph(f.notes);
      f.statement = first;
      f.notes = rest;
    }
    std::string lines;
    for (const auto& [n, text] : fr) lines += "- **" + speckit::FrId(n) + "**: " + text + "\n";
    if (!fr.empty()) others->insert(others->begin(), MakeNode(2, "Functional requirements", lines + fr_rest));
  }
}

void ImportSpec(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  MdNode prd = MakeNode(1, DefaultTitle("prd.md", c.project),
                        WithoutMetadata(top.body, {"Feature Branch", "Created", "Status", "Input"}));
  MdNode features_node = MakeNode(2, "Features");
  MdNode stories_node = MakeNode(2, "User stories");
  MdNode edge_cases;
  std::vector<Feature> features;
  std::map<int, std::string> fr;
  std::string fr_rest;
  MdNode non_goals, metrics;
  std::vector<MdNode> others;
  for (const MdNode& s : top.children) {
    if (StartsWith(ToLower(s.title), "user scenarios")) {
      stories_node.body = s.body;
      features = StoriesToFeatures(c, s, &stories_node, &edge_cases);
    } else if (StartsWith(ToLower(s.title), "requirements")) {
      ReadRequirements(c, s, &fr, &fr_rest, &others);
    } else if (StartsWith(ToLower(s.title), "success criteria")) {
      metrics = SuccessMetrics(s);
    } else if (StartsWith(ToLower(s.title), "assumptions") && StartsWith(s.body, speckit::kNonGoalsLead)) {
      non_goals = MakeNode(2, "Non-goals", std::string_view(s.body).substr(std::string_view(speckit::kNonGoalsLead).size()));
      non_goals.children = s.children;
    } else {
      others.push_back(s);
    }
  }
  PairStatements(&features, fr, fr_rest, &others);
  for (const Feature& f : features) features_node.children.push_back(FeatureNode(f, 3));
  prd.children.push_back(features_node);
  if (!stories_node.body.empty() || !stories_node.children.empty()) prd.children.push_back(stories_node);
  if (!edge_cases.heading.empty()) {
    edge_cases.level = 2;
    edge_cases.heading = "Edge cases";
    prd.children.push_back(edge_cases);
  }
  if (!non_goals.heading.empty()) prd.children.push_back(non_goals);
  if (!metrics.heading.empty()) prd.children.push_back(metrics);
  for (MdNode& o : others) {
    o.level = 2;
    prd.children.push_back(o);
  }
  c.out->pack.artifacts["prd.md"] = BuildArtifact("prd.md", c.project, kGenerator, prd);
}

void ImportPlan(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  MdNode arch = MakeNode(1, DefaultTitle("architecture.md", c.project), WithoutMetadata(top.body, {"Branch"}));
  for (const MdNode& s : top.children) {
    std::string t = ToLower(s.title);
    if (t == "summary") {
      MdNode o = s;
      o.heading = o.title = "Overview";
      arch.children.push_back(o);
    } else if (t == "technical context" && (s.body.empty() || StartsWith(s.body, "**Stack**:"))) {
      // Written by the export from stack.md: not read back.
    } else if (t == "constitution check" && (s.body.empty() || StartsWith(s.body, "Gates: the principles in"))) {
      // Written by the export.
    } else if (t == "project structure" && s.body.empty() && s.children.size() == 1 &&
               StartsWith(ToLower(s.children[0].title), "documentation")) {
      // The folder layout, written by the export.
    } else {
      arch.children.push_back(s);
    }
  }
  c.out->pack.artifacts["architecture.md"] = BuildArtifact("architecture.md", c.project, kGenerator, arch);
}

void ImportResearch(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  std::string stack_id, intro;
  for (std::string_view l : SplitLines(top.body)) {
    if (StartsWith(Trim(l), speckit::kStackIdLabel)) {
      std::string_view v = Trim(Trim(l).substr(std::string_view(speckit::kStackIdLabel).size()));
      if (v.size() >= 2 && v.front() == '`' && v.back() == '`') v = v.substr(1, v.size() - 2);
      stack_id = std::string(v);
      continue;
    }
    intro += std::string(l) + "\n";
  }
  MdNode stack = MakeNode(1, DefaultTitle("stack.md", c.project), intro);
  for (const MdNode& s : top.children) {
    std::string t = ToLower(s.title);
    if (t == ToLower(speckit::kDecisionsHeading)) {
      MdNode chosen = MakeNode(2, "Chosen stack");
      std::string bullets = s.body;
      for (const MdNode& d : s.children) {
        std::string decision, rationale;
        bool other = false;
        for (std::string_view l : SplitLines(d.body)) {
          if (auto v = KeyValue(l, {"decision"})) decision = *v;
          else if (auto r = KeyValue(l, {"rationale"})) rationale = *r;
          else if (!Trim(l).empty()) other = true;
        }
        if (decision.empty() || other || !d.children.empty()) {
          chosen.children.push_back(d);
          continue;
        }
        bullets += "- " + d.heading + ": " + decision + (rationale.empty() ? "" : " — " + rationale) + "\n";
      }
      chosen.body = NormBody(bullets);
      stack.children.push_back(chosen);
    } else if (t == ToLower(speckit::kAlternativesHeading)) {
      MdNode r = s;
      r.heading = r.title = "Rejected options";
      stack.children.push_back(r);
    } else {
      stack.children.push_back(s);
    }
  }
  std::vector<std::pair<std::string, std::string>> extra;
  if (!stack_id.empty()) extra.push_back({"stack", stack_id});
  c.out->pack.artifacts["stack.md"] = BuildArtifact("stack.md", c.project, kGenerator, stack, extra);
}

void ImportRetitled(const Ctx& c, const std::string& text, const std::string& artifact) {
  MdDoc doc = ParseMd(text);
  MdNode top = Top(doc);
  top.heading = DefaultTitle(artifact, c.project);
  c.out->pack.artifacts[artifact] = BuildArtifact(artifact, c.project, kGenerator, top);
}

// contracts/: api.md as the API spec; other files (OpenAPI YAML, JSON
// schemas) follow it as sections, each in a fenced block.
void ImportContracts(const Ctx& c) {
  std::string prefix = c.base + "contracts/";
  MdNode api = MakeNode(1, DefaultTitle("api-spec.md", c.project));
  bool any = false;
  if (const std::string* main = c.Get("contracts/api.md")) {
    MdDoc doc = ParseMd(*main);
    api = Top(doc);
    api.heading = DefaultTitle("api-spec.md", c.project);
    any = true;
  }
  for (const auto& [path, text] : c.files) {
    if (!StartsWith(path, prefix) || path == prefix + "api.md") continue;
    std::string name = path.substr(prefix.size());
    std::string ext = name.substr(name.rfind('.') == std::string::npos ? name.size() : name.rfind('.') + 1);
    if (ext == "md") {
      MdDoc doc = ParseMd(text);
      MdNode part = Top(doc);
      part.heading = part.title = name;
      ShiftLevels(&part, 2 - part.level);
      api.children.push_back(part);
    } else {
      api.children.push_back(MakeNode(2, name, "```" + ext + "\n" + text + (EndsWith(text, "\n") ? "" : "\n") + "```"));
    }
    any = true;
  }
  if (any) c.out->pack.artifacts["api-spec.md"] = BuildArtifact("api-spec.md", c.project, kGenerator, api);
}

// The task lines of a phase (its body and, in Spec Kit's own files, the
// "### Implementation for User Story 1" sections below it), with their
// indented continuation.
struct PhaseTask {
  speckit::TaskLine line;
  std::string body;
};

void CollectTasks(std::string_view body, std::vector<PhaseTask>* tasks, std::string* text, std::string* covers) {
  std::vector<std::string_view> lines = SplitLines(body);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (auto t = speckit::ParseTaskLine(lines[i])) {
      PhaseTask pt{*t, ""};
      size_t j = i + 1;
      std::string cont;
      for (; j < lines.size(); ++j) {
        if (StartsWith(lines[j], "  ")) cont += std::string(lines[j]) + "\n";
        else if (Trim(lines[j]).empty() && j + 1 < lines.size() && StartsWith(lines[j + 1], "  ")) cont += "\n";
        else break;
      }
      pt.body = NormBody(Dedent(cont, 2));
      tasks->push_back(pt);
      i = j - 1;
      continue;
    }
    if (covers->empty())
      if (auto v = KeyValue(lines[i], {"covers", "features", "implements"})) {
        *covers = std::string(Trim(lines[i]));
        continue;
      }
    *text += std::string(lines[i]) + "\n";
  }
}

void ImportTasks(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  MdNode epics = MakeNode(1, DefaultTitle("epics.md", c.project), WithoutMetadata(top.body, {"Input", "Format"}));
  MdNode tasks = MakeNode(1, DefaultTitle("tasks.md", c.project));
  int phase_index = 0;
  for (const MdNode& s : top.children) {
    auto phase = speckit::ParsePhaseHeading(s.heading);
    if (!phase) {
      c.Ignore("tasks.md", s.title, "not a phase; Specwave's tasks.md holds only the epics' tasks");
      continue;
    }
    ++phase_index;
    std::vector<PhaseTask> found;
    std::string epic_text, covers;
    CollectTasks(s.body, &found, &epic_text, &covers);
    for (const MdNode& sub : s.children) {
      std::string ignored_text;
      CollectTasks(RenderNode(sub), &found, &ignored_text, &covers);
      if (!NormBody(ignored_text).empty()) c.Ignore("tasks.md", s.title + " > " + sub.title, "text between task lines");
    }
    Epic e;
    e.number = phase->number > 0 ? phase->number : phase_index;
    e.title = phase->title;
    std::string epic_body = JoinBlocks({covers, epic_text});
    MdNode parsed = MakeNode(2, "E" + std::to_string(e.number) + ": " + e.title, epic_body);
    e = ParseEpic(parsed);
    if (covers.empty()) {
      std::set<int> stories;
      for (const PhaseTask& t : found) stories.insert(t.line.stories.begin(), t.line.stories.end());
      e.covers.assign(stories.begin(), stories.end());
    }
    epics.children.push_back(EpicNode(e, 2));
    MdNode group = MakeNode(2, "E" + std::to_string(e.number) + ": " + e.title);
    int position = 0;
    for (const PhaseTask& pt : found) {
      ++position;
      Task t;
      t.epic = e.number;
      bool encoded = pt.line.number / 100 == e.number && pt.line.number % 100 > 0;
      t.number = encoded ? pt.line.number % 100 : position;
      t.title = pt.line.title;
      MdNode body = MakeNode(3, "T0.0: x", "Epic: E0\n" + pt.body);
      Task parsed_body = ParseTask(body, e.number);
      t.key_lines = parsed_body.key_lines;
      t.touches = parsed_body.touches;
      t.prose = parsed_body.prose;
      group.children.push_back(TaskNode(t, 3));
    }
    tasks.children.push_back(group);
  }
  c.out->pack.artifacts["epics.md"] = BuildArtifact("epics.md", c.project, kGenerator, epics);
  c.out->pack.artifacts["tasks.md"] = BuildArtifact("tasks.md", c.project, kGenerator, tasks);
}

void ImportConstitution(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  std::string bullets;
  for (const MdNode& s : top.children) {
    if (StartsWith(ToLower(s.title), "core principles")) {
      bullets += s.body;
      for (const MdNode& p : s.children) {
        std::string name = p.heading;
        size_t dot = name.find(". ");
        if (dot != std::string::npos && dot <= 6) name = name.substr(dot + 2);
        std::string body;
        for (std::string_view l : SplitLines(p.body))
          if (!Trim(l).empty()) body += (body.empty() ? "" : " ") + std::string(Trim(l));
        if (body.empty()) bullets += "- " + name + "\n";
        else if (ShortName(body, 8) == name) bullets += "- " + body + "\n";
        else bullets += "- " + name + " — " + body + "\n";
      }
    } else if (!(ToLower(s.title) == "governance" && StartsWith(s.body, "These principles are the constraints"))) {
      c.Ignore(".specify/memory/constitution.md", s.title, "only the Core Principles map to analysis.md > Constraints");
    }
  }
  MdNode analysis = MakeNode(1, DefaultTitle("analysis.md", c.project));
  analysis.children.push_back(MakeNode(2, "Constraints", bullets));
  c.out->pack.artifacts["analysis.md"] = BuildArtifact("analysis.md", c.project, kGenerator, analysis);
}

// The feature folder: the folder itself when it holds spec.md, else the one
// folder under specs/ (or the one options.feature names).
std::string FindBase(const FileTree& files, const ImportOptions& options, std::string* error) {
  if (files.count("spec.md")) return "";
  std::vector<std::string> features;
  for (const auto& [path, text] : files) {
    if (!StartsWith(path, "specs/")) continue;
    size_t slash = path.find('/', 6);
    if (slash != std::string::npos && path.substr(slash + 1) == "spec.md") features.push_back(path.substr(6, slash - 6));
  }
  if (!options.feature.empty()) {
    for (const std::string& f : features)
      if (f == options.feature || EndsWith(f, "-" + options.feature) || StartsWith(f, options.feature + "-"))
        return "specs/" + f + "/";
    *error = "no feature folder specs/" + options.feature + "/ with a spec.md (found: " + Join(features, ", ") + ")";
    return "";
  }
  if (features.size() == 1) return "specs/" + features[0] + "/";
  if (features.empty()) *error = "no specs/<NNN-name>/spec.md";
  else *error = "several feature folders (" + Join(features, ", ") + "): choose one with --feature NAME";
  return "";
}

}  // namespace

std::string NotSpecKit(const FileTree& files) {
  std::string error;
  FindBase(files, ImportOptions{}, &error);
  return StartsWith(error, "several") ? "" : error;
}

CodecImport ImportSpecKit(const FileTree& files, const ImportOptions& options) {
  CodecImport out;
  std::string error;
  std::string base = FindBase(files, options, &error);
  if (!error.empty()) {
    out.errors.push_back({Severity::kError, "", 0, 0, "", "not a Spec Kit feature folder: " + error, ""});
    return out;
  }
  Ctx c{files, base, options.project_name, &out};
  const std::string* spec = c.Get("spec.md");
  if (c.project.empty()) {
    MdDoc doc = ParseMd(*spec);
    c.project = Title(Top(doc), speckit::kSpecTitle);
    if (c.project.empty()) {
      std::string dir = base.empty() ? "" : base.substr(6, base.size() - 7);
      size_t dash = dir.find('-');
      c.project = dash == std::string::npos ? dir : dir.substr(dash + 1);
    }
  }
  out.pack.project_name = c.project;
  ImportSpec(c, *spec);
  if (const std::string* plan = c.Get("plan.md")) ImportPlan(c, *plan);
  if (const std::string* research = c.Get("research.md")) ImportResearch(c, *research);
  if (const std::string* model = c.Get("data-model.md")) ImportRetitled(c, *model, "data-model.md");
  if (const std::string* quick = c.Get("quickstart.md")) ImportRetitled(c, *quick, "journey-maps.md");
  ImportContracts(c);
  if (const std::string* tasks = c.Get("tasks.md")) ImportTasks(c, *tasks);
  auto constitution = files.find(".specify/memory/constitution.md");
  if (constitution != files.end()) ImportConstitution(c, constitution->second);
  return out;
}

}  // namespace specwave::interop
