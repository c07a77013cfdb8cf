// Kiro import: a spec folder (.kiro/specs/<name>/, or the folder itself) and
// the steering files become Specwave artifacts: requirements -> prd.md
// (each requirement a feature; EARS criteria in Specwave's frame come back as
// the bullets they were, others stay as written), design.md ->
// architecture.md, api-spec.md (Components and Interfaces > API) and
// data-model.md (Data Models), tasks.md -> epics.md and tasks.md (top-level
// tasks with sub-tasks are epics; a flat list is one epic's tasks;
// "_Requirements:_" on a top-level task says which features it covers),
// steering/product.md -> analysis.md, steering/tech.md -> stack.md.
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "interop/artifact_header.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/kiro_layout.hpp"
#include "interop/scenario_text.hpp"
#include "interop/specwave_model.hpp"

namespace specwave::interop {
namespace {

constexpr const char* kGenerator = "import:kiro";

struct Ctx {
  const FileTree& files;
  std::string base;
  std::string project;
  CodecImport* out;
  const std::string* Get(const std::string& rel) const {
    auto it = files.find(base + rel);
    return it == files.end() ? nullptr : &it->second;
  }
};

MdNode Shifted(const MdNode& n, int delta) {
  MdNode c = n;
  ShiftLevels(&c, delta);
  return c;
}

// Bullet lines (with their continuation) / the other lines.
std::pair<std::string, std::string> SplitBullets(std::string_view body) {
  std::string bullets, rest;
  bool in_bullet = false;
  for (std::string_view l : SplitLines(body)) {
    if (StartsWith(l, "- ")) in_bullet = true;
    else if (Trim(l).empty() || !StartsWith(l, " ")) in_bullet = false;
    (in_bullet ? bullets : rest) += std::string(l) + "\n";
  }
  return {NormBody(bullets), NormBody(rest)};
}

std::string TitleFromStory(const std::string& story) {
  std::string s = story;
  for (const char* want : {"I want to ", "I want "}) {
    size_t at = s.find(want);
    if (at != std::string::npos) return UpperFirst(ShortName(s.substr(at + std::string(want).size()), 6));
  }
  return "";
}

void ImportRequirements(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  MdNode prd = MakeNode(1, DefaultTitle("prd.md", c.project));
  MdNode features = MakeNode(2, "Features");
  std::string story_lines, loose;
  std::vector<MdNode> story_children, others;
  for (const MdNode& s : top.children) {
    std::string t = ToLower(s.title);
    if (t == "introduction") {
      auto [bullets, intro] = SplitBullets(s.body);
      prd.body = intro;
      loose = bullets;
      story_children = s.children;
    } else if (t == "requirements") {
      for (const MdNode& r : s.children) {
        auto heading = kiro::ParseRequirementHeading(r.heading);
        if (!heading) {
          others.push_back(Shifted(r, 2 - r.level));
          continue;
        }
        Feature f;
        f.number = heading->number;
        f.title = heading->title;
        std::string rest;
        std::vector<std::string> stories;
        for (std::string_view l : SplitLines(r.body)) {
          if (StartsWith(Trim(l), kiro::kUserStory)) stories.emplace_back(Trim(Trim(l).substr(std::string_view(kiro::kUserStory).size())));
          else rest += std::string(l) + "\n";
        }
        if (f.title.empty() && !stories.empty()) f.title = TitleFromStory(stories[0]);
        if (f.title.empty()) f.title = "Requirement " + std::to_string(f.number);
        for (const std::string& st : stories) story_lines += "- " + st + "\n";
        auto [statement, notes] = SplitFirstParagraph(rest);
        f.statement = statement;
        f.notes = notes;
        for (const MdNode& child : r.children) {
          if (!StartsWith(ToLower(child.title), "acceptance criteria")) {
            f.children.push_back(Shifted(child, 4 - child.level));
            continue;
          }
          LabeledList list = SplitAtList("Criteria:\n" + child.body, {"criteria"});
          for (const std::string& item : list.items) f.acceptance.push_back(FromEars(f.title, item));
          f.acceptance_label = "Acceptance:";
          f.after = list.after;
          if (!list.before.empty()) f.notes = JoinBlocks({f.notes, list.before});
        }
        features.children.push_back(FeatureNode(f, 3));
      }
    } else {
      others.push_back(s);
    }
  }
  prd.children.push_back(features);
  std::string stories = JoinBlocks({story_lines, loose});
  if (!stories.empty() || !story_children.empty()) {
    MdNode st = MakeNode(2, "User stories", stories);
    st.children = story_children;
    prd.children.push_back(st);
  }
  for (MdNode& o : others) prd.children.push_back(o);
  c.out->pack.artifacts["prd.md"] = BuildArtifact("prd.md", c.project, kGenerator, prd);
}

void ImportDesign(const Ctx& c, const std::string& text) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  MdNode arch = MakeNode(1, DefaultTitle("architecture.md", c.project));
  MdNode components = MakeNode(2, "Components");
  bool have_components = false;
  std::vector<MdNode> rest;
  for (const MdNode& s : top.children) {
    std::string t = ToLower(s.title);
    if (t == "overview") {
      arch.children.push_back(s);
    } else if (t == "architecture") {
      if (s.body.empty())
        for (const MdNode& a : s.children) rest.push_back(Shifted(a, -1));
      else
        rest.push_back(s);
    } else if (t == "components and interfaces") {
      have_components = true;
      components.body = s.body;
      for (const MdNode& k : s.children) {
        if (ToLower(k.title) != "api") {
          components.children.push_back(k);
          continue;
        }
        MdNode api = MakeNode(1, DefaultTitle("api-spec.md", c.project), k.body);
        for (const MdNode& e : k.children) api.children.push_back(Shifted(e, -2));
        c.out->pack.artifacts["api-spec.md"] = BuildArtifact("api-spec.md", c.project, kGenerator, api);
      }
    } else if (t == "data models" || t == "data model") {
      MdNode model = MakeNode(1, DefaultTitle("data-model.md", c.project), s.body);
      bool structured = ChildWithPrefix(s, "Entities") != nullptr;
      if (structured) {
        for (const MdNode& e : s.children) model.children.push_back(Shifted(e, -1));
      } else {
        MdNode entities = MakeNode(2, "Entities");
        for (const MdNode& e : s.children) entities.children.push_back(Shifted(e, 3 - e.level));
        model.children.push_back(entities);
      }
      c.out->pack.artifacts["data-model.md"] = BuildArtifact("data-model.md", c.project, kGenerator, model);
    } else if (t == "error handling" && (s.body.empty() || s.body == NormBody(kiro::kErrorHandling))) {
      // Written by the export.
    } else if (t == "testing strategy" && (s.body.empty() || StartsWith(s.body, kiro::kTestingLead))) {
      // Derived from the epics' done-when lines.
    } else {
      rest.push_back(s);
    }
  }
  if (have_components) arch.children.push_back(components);
  for (MdNode& r : rest) arch.children.push_back(r);
  c.out->pack.artifacts["architecture.md"] = BuildArtifact("architecture.md", c.project, kGenerator, arch);
}

struct Item {
  kiro::TaskLine line;
  std::string body;               // dedented continuation
  std::vector<int> requirements;  // from its _Requirements:_ line
  bool has_requirements = false;
  std::vector<Item> children;
};

void ImportTasks(const Ctx& c, const std::string& text) {
  std::vector<std::string_view> lines = SplitLines(text);
  std::string intro;
  std::vector<Item> items;
  size_t i = 0;
  while (i < lines.size() && !StartsWith(Trim(lines[i]), "# ") && !kiro::ParseTaskLine(lines[i])) ++i;
  if (i < lines.size() && StartsWith(Trim(lines[i]), "# ")) ++i;
  for (; i < lines.size(); ++i) {
    auto t = kiro::ParseTaskLine(lines[i]);
    if (!t) {
      if (items.empty()) intro += std::string(lines[i]) + "\n";
      continue;
    }
    Item item{*t, "", {}, false, {}};
    size_t body_indent = t->indent + 2;
    std::string cont;
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      auto sub = kiro::ParseTaskLine(lines[j]);
      if (sub) break;
      std::string_view l = lines[j];
      size_t ind = 0;
      while (ind < l.size() && l[ind] == ' ') ++ind;
      if (Trim(l).empty()) {
        cont += "\n";
        continue;
      }
      if (ind < body_indent) break;
      if (auto reqs = kiro::ParseRequirementsLine(l)) {
        item.requirements = *reqs;
        item.has_requirements = true;
        continue;
      }
      cont += std::string(l.substr(body_indent)) + "\n";
    }
    item.body = NormBody(cont);
    bool nested = t->minor > 0 || t->indent > 0;
    if (nested && !items.empty()) items.back().children.push_back(item);
    else items.push_back(item);
    i = j - 1;
  }
  bool any_sub = false;
  for (const Item& it : items) any_sub = any_sub || !it.children.empty();
  if (!any_sub) {  // a flat plan: one epic, its tasks
    Item epic{kiro::TaskLine{0, 1, 0, false, "Implementation plan"}, "", {}, false, items};
    for (size_t k = 0; k < epic.children.size(); ++k) epic.children[k].line.minor = static_cast<int>(k) + 1;
    items = {epic};
  }
  MdNode epics = MakeNode(1, DefaultTitle("epics.md", c.project), intro);
  MdNode tasks = MakeNode(1, DefaultTitle("tasks.md", c.project));
  for (const Item& it : items) {
    Epic e;
    e.number = it.line.major;
    e.title = it.line.title;
    e.covers = it.requirements;
    e.body = it.body;
    epics.children.push_back(EpicNode(e, 2));
    MdNode group = MakeNode(2, "E" + std::to_string(e.number) + ": " + e.title);
    for (const Item& sub : it.children) {
      MdNode parsed = MakeNode(3, "T0.0: x", "Epic: E0\n" + sub.body);
      Task t = ParseTask(parsed, e.number);
      t.epic = e.number;
      t.number = sub.line.minor;
      t.title = sub.line.title;
      if (sub.has_requirements) {
        std::string refs;
        for (int r : sub.requirements) refs += (refs.empty() ? "F" : ", F") + std::to_string(r);
        t.key_lines.push_back("Features: " + refs);
      }
      group.children.push_back(TaskNode(t, 3));
    }
    tasks.children.push_back(group);
  }
  c.out->pack.artifacts["epics.md"] = BuildArtifact("epics.md", c.project, kGenerator, epics);
  c.out->pack.artifacts["tasks.md"] = BuildArtifact("tasks.md", c.project, kGenerator, tasks);
}

void ImportSteering(const Ctx& c, const std::string& text, const std::string& artifact) {
  MdDoc doc = ParseMd(text);
  MdNode top = Top(doc);
  top.heading = DefaultTitle(artifact, c.project);
  std::vector<std::pair<std::string, std::string>> extra;
  std::string body;
  for (std::string_view l : SplitLines(top.body)) {
    if (artifact == "stack.md" && StartsWith(Trim(l), kiro::kStackIdLabel)) {
      std::string_view v = Trim(Trim(l).substr(std::string_view(kiro::kStackIdLabel).size()));
      if (v.size() >= 2 && v.front() == '`' && v.back() == '`') v = v.substr(1, v.size() - 2);
      extra.push_back({"stack", std::string(v)});
      continue;
    }
    body += std::string(l) + "\n";
  }
  top.body = NormBody(body);
  c.out->pack.artifacts[artifact] = BuildArtifact(artifact, c.project, kGenerator, top, extra);
}

std::string FindBase(const FileTree& files, const ImportOptions& options, std::string* error) {
  for (const char* f : {"requirements.md", "design.md", "tasks.md"})
    if (files.count(f)) return "";
  std::vector<std::string> specs;
  for (const auto& [path, text] : files) {
    if (!StartsWith(path, ".kiro/specs/")) continue;
    size_t slash = path.find('/', 12);
    if (slash == std::string::npos) continue;
    std::string name = path.substr(12, slash - 12);
    std::string file = path.substr(slash + 1);
    if ((file == "requirements.md" || file == "design.md" || file == "tasks.md") &&
        std::find(specs.begin(), specs.end(), name) == specs.end())
      specs.push_back(name);
  }
  if (!options.feature.empty()) {
    for (const std::string& s : specs)
      if (s == options.feature) return ".kiro/specs/" + s + "/";
    *error = "no spec .kiro/specs/" + options.feature + "/ (found: " + Join(specs, ", ") + ")";
    return "";
  }
  if (specs.size() == 1) return ".kiro/specs/" + specs[0] + "/";
  if (specs.empty()) *error = "no .kiro/specs/<name>/ with requirements.md, design.md or tasks.md";
  else *error = "several specs (" + Join(specs, ", ") + "): choose one with --feature NAME";
  return "";
}

}  // namespace

std::string NotKiro(const FileTree& files) {
  std::string error;
  FindBase(files, ImportOptions{}, &error);
  return StartsWith(error, "several") ? "" : error;
}

CodecImport ImportKiro(const FileTree& files, const ImportOptions& options) {
  CodecImport out;
  std::string error;
  std::string base = FindBase(files, options, &error);
  if (!error.empty()) {
    out.errors.push_back({Severity::kError, "", 0, 0, "", "not a Kiro spec: " + error, ""});
    return out;
  }
  Ctx c{files, base, options.project_name, &out};
  if (c.project.empty()) {
    std::string name = base.empty() ? "project" : base.substr(12, base.size() - 13);
    std::string words;
    for (char ch : name) words += ch == '-' || ch == '_' ? ' ' : ch;
    c.project = UpperFirst(words);
  }
  out.pack.project_name = c.project;
  if (const std::string* r = c.Get("requirements.md")) ImportRequirements(c, *r);
  if (const std::string* d = c.Get("design.md")) ImportDesign(c, *d);
  if (const std::string* t = c.Get("tasks.md")) ImportTasks(c, *t);
  auto product = files.find(".kiro/steering/product.md");
  if (product != files.end()) ImportSteering(c, product->second, "analysis.md");
  auto tech = files.find(".kiro/steering/tech.md");
  if (tech != files.end()) ImportSteering(c, tech->second, "stack.md");
  for (const auto& [path, text] : files)
    if (StartsWith(path, ".kiro/steering/") && path != ".kiro/steering/product.md" && path != ".kiro/steering/tech.md")
      out.ignored.push_back({path, "", "steering file with no Specwave artifact (structure.md and custom files)"});
  return out;
}

}  // namespace specwave::interop
