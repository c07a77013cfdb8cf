// Kiro export: .kiro/specs/<slug>/ in the three files Kiro's spec workflow
// writes (kiro.dev/docs/specs: requirements.md with user stories and EARS
// acceptance criteria, design.md, tasks.md), and .kiro/steering/ for the
// product and technology context (Kiro's steering files):
//
//   requirements.md  a "### Requirement N: Title" per feature F<N>: its
//                    statement and notes, the PRD's user stories that name
//                    exactly that feature as "**User Story:**" lines, and its
//                    acceptance bullets as numbered EARS criteria N.1, N.2 ...
//                    ("WHEN <feature> is used THEN THE SYSTEM SHALL ensure that
//                    ..."); stories naming several features or none stay in the
//                    Introduction; non-goals and success metrics follow as
//                    sections of their own
//   design.md        architecture.md (Overview; Architecture = its other
//                    sections; Components and Interfaces = its components and,
//                    under "API", api-spec.md), Data Models = data-model.md
//   tasks.md         "- [ ] N. <epic>" with "_Requirements: N.M ..._" (the
//                    criteria of the features it covers) and its tasks nested
//                    as "- [ ] N.M <task>", each with its text indented below
//   steering/product.md = analysis.md, steering/tech.md = stack.md
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/kiro_layout.hpp"
#include "interop/pack_view.hpp"
#include "interop/scenario_text.hpp"

namespace specwave::interop {
namespace {

// User stories by the one feature they name; the rest (none or several).
struct Stories {
  std::map<int, std::vector<std::string>> by_feature;
  std::string loose;  // the stories section's other lines, verbatim
};

Stories SortStories(const MdNode* stories) {
  Stories out;
  if (!stories) return out;
  for (std::string_view l : SplitLines(stories->body)) {
    std::string_view t = Trim(l);
    std::vector<int> named = IdNumbersIn(t, 'F');
    if (StartsWith(t, "- ") && named.size() == 1) out.by_feature[named[0]].emplace_back(Trim(t.substr(2)));
    else out.loose += std::string(l) + "\n";
  }
  out.loose = NormBody(out.loose);
  return out;
}

std::string RequirementsMd(const PackView& v) {
  const MdNode* prd = v.TopOf("prd.md");
  const MdNode* stories_node = ChildWithPrefix(*prd, "User stories");
  Stories stories = SortStories(stories_node);
  MdNode top = MakeNode(1, kiro::kRequirementsTitle);
  MdNode intro = MakeNode(2, "Introduction", JoinBlocks({prd->body, stories.loose}));
  if (stories_node) intro.children = stories_node->children;
  top.children.push_back(std::move(intro));
  MdNode reqs = MakeNode(2, "Requirements");
  for (const Feature& f : v.features) {
    MdNode r = MakeNode(3, kiro::RequirementHeading(f.number, f.title));
    std::string story_lines;
    for (const std::string& s : stories.by_feature[f.number]) story_lines += std::string(kiro::kUserStory) + " " + s + "\n\n";
    r.body = JoinBlocks({f.statement, f.notes, story_lines});
    if (!f.acceptance.empty() || !f.after.empty()) {
      std::string list;
      for (size_t i = 0; i < f.acceptance.size(); ++i)
        list += std::to_string(i + 1) + ". " + Ears(f.title, f.acceptance[i]) + "\n";
      r.children.push_back(MakeNode(4, kiro::kCriteria, JoinBlocks({list, f.after})));
    }
    for (MdNode c : f.children) {
      ShiftLevels(&c, 4 - c.level);
      r.children.push_back(std::move(c));
    }
    reqs.children.push_back(std::move(r));
  }
  top.children.push_back(std::move(reqs));
  for (MdNode& other : OtherSections(*prd, {"Features", "User stories"})) top.children.push_back(std::move(other));
  return RenderNode(top);
}

MdNode Shifted(const MdNode& n, int delta) {
  MdNode c = n;
  ShiftLevels(&c, delta);
  return c;
}

std::string DesignMd(const PackView& v) {
  MdNode top = MakeNode(1, kiro::kDesignTitle);
  const MdNode* arch = v.TopOf("architecture.md");
  if (arch) {
    const MdNode* overview = ChildWithPrefix(*arch, "Overview");
    MdNode o = MakeNode(2, "Overview", JoinBlocks({arch->body, overview ? overview->body : ""}));
    if (overview) o.children = overview->children;
    top.children.push_back(std::move(o));
    MdNode a = MakeNode(2, "Architecture");
    for (const MdNode& s : OtherSections(*arch, {"Overview", "Components"})) a.children.push_back(Shifted(s, 1));
    top.children.push_back(std::move(a));
  }
  MdNode ci = MakeNode(2, "Components and Interfaces");
  if (arch)
    if (const MdNode* comps = ChildWithPrefix(*arch, "Components")) {
      ci.body = comps->body;
      ci.children = comps->children;
    }
  if (const MdNode* api = v.TopOf("api-spec.md")) {
    MdNode a = MakeNode(3, kiro::kApiHeading, api->body);
    for (const MdNode& s : api->children) a.children.push_back(Shifted(s, 2));
    ci.children.push_back(std::move(a));
  }
  top.children.push_back(std::move(ci));
  if (const MdNode* model = v.TopOf("data-model.md")) {
    MdNode d = MakeNode(2, "Data Models", model->body);
    for (const MdNode& s : model->children) d.children.push_back(Shifted(s, 1));
    top.children.push_back(std::move(d));
  }
  top.children.push_back(MakeNode(2, "Error Handling", kiro::kErrorHandling));
  std::string testing;
  for (const Epic& e : v.epics)
    for (std::string_view l : SplitLines(e.body))
      if (StartsWith(Trim(l), "Done when")) testing += "- " + std::to_string(e.number) + ". " + e.title + ": " +
                                                       LowerFirst(Trim(l)) + "\n";
  top.children.push_back(MakeNode(2, "Testing Strategy", testing.empty() ? "" : std::string(kiro::kTestingLead) + "\n\n" + testing));
  return RenderNode(top);
}

std::string TasksMd(const PackView& v) {
  std::string out = "# " + std::string(kiro::kTasksTitle) + "\n\n";
  if (const MdNode* top = v.TopOf("epics.md"))
    if (!top->body.empty()) out += top->body + "\n";
  std::vector<int> order;
  for (const Epic& e : v.epics) order.push_back(e.number);
  for (const TaskGroup& g : v.groups)
    if (std::find(order.begin(), order.end(), g.epic) == order.end()) order.push_back(g.epic);
  for (int n : order) {
    const Epic* e = v.EpicNumber(n);
    const TaskGroup* group = nullptr;
    for (const TaskGroup& g : v.groups)
      if (g.epic == n) group = &g;
    std::string title = e ? e->title : ParseIdHeading(group->heading, 'E').value_or(IdHeading{}).title;
    out += "- [ ] " + std::to_string(n) + ". " + title + "\n";
    if (e && !e->covers.empty()) {
      std::string refs;
      for (int f : e->covers) {
        const Feature* feature = v.FeatureNumber(f);
        size_t criteria = feature ? feature->acceptance.size() : 0;
        if (criteria == 0) refs += (refs.empty() ? "" : ", ") + std::to_string(f);
        for (size_t i = 0; i < criteria; ++i)
          refs += (refs.empty() ? "" : ", ") + std::to_string(f) + "." + std::to_string(i + 1);
      }
      out += "  - _Requirements: " + refs + "_\n";
    }
    if (e && !e->body.empty()) out += "\n" + Indent(e->body, 2);
    if (group)
      for (const Task& t : group->tasks) {
        out += "\n  - [ ] " + std::to_string(t.epic) + "." + std::to_string(t.number) + " " + t.title + "\n";
        std::string body = JoinBlocks({Join(t.key_lines, "\n"), t.prose});
        if (!body.empty()) out += Indent(body, 4);
      }
    out += "\n";
  }
  return NormBody(out);
}

std::string Steering(const PackView& v, const std::string& artifact, const char* title) {
  MdNode top = *v.TopOf(artifact);
  top.level = 1;
  top.heading = title;
  if (artifact == "stack.md") {
    std::string id = v.FrontmatterField("stack.md", "stack");
    if (!id.empty()) top.body = JoinBlocks({std::string(kiro::kStackIdLabel) + " `" + id + "`", top.body});
  }
  return kiro::kSteeringFrontmatter + RenderNode(top);
}

}  // namespace

CodecExport ExportKiro(const Pack& pack, const ExportContext& ctx) {
  CodecExport out;
  PackView v = ViewOf(pack);
  const std::string base = ".kiro/specs/" + ctx.slug + "/";
  out.entry = base;
  if (v.TopOf("prd.md")) {
    out.files[base + "requirements.md"] = RequirementsMd(v);
    for (const Feature& f : v.features) {
      std::vector<std::string> also;
      for (size_t i = 0; i < f.acceptance.size(); ++i) also.push_back(std::to_string(f.number) + "." + std::to_string(i + 1));
      out.ids.push_back({"F" + std::to_string(f.number), "Requirement " + std::to_string(f.number), also,
                         base + "requirements.md"});
    }
  }
  if (v.TopOf("architecture.md") || v.TopOf("api-spec.md") || v.TopOf("data-model.md"))
    out.files[base + "design.md"] = DesignMd(v);
  if (!v.epics.empty() || !v.groups.empty()) {
    out.files[base + "tasks.md"] = TasksMd(v);
    for (const Epic& e : v.epics)
      out.ids.push_back({"E" + std::to_string(e.number), "task " + std::to_string(e.number), {}, base + "tasks.md"});
    for (const TaskGroup& g : v.groups)
      for (const Task& t : g.tasks)
        out.ids.push_back({"T" + std::to_string(t.epic) + "." + std::to_string(t.number),
                           "task " + std::to_string(t.epic) + "." + std::to_string(t.number), {}, base + "tasks.md"});
  }
  if (v.TopOf("analysis.md")) out.files[".kiro/steering/product.md"] = Steering(v, "analysis.md", "Product");
  if (v.TopOf("stack.md")) out.files[".kiro/steering/tech.md"] = Steering(v, "stack.md", "Technology Stack");
  if (const MdNode* prd = v.TopOf("prd.md"))
    if (ChildWithPrefix(*prd, "User stories"))
      out.dropped.push_back({"prd.md", "User stories",
                             "Kiro keeps each user story with its requirement, so the stories come back grouped "
                             "by feature, not in the PRD's order"});
  return out;
}

}  // namespace specwave::interop
