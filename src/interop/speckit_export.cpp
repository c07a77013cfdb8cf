// Spec Kit export: the pack as one feature folder, specs/001-<slug>/, in the
// shape Spec Kit's templates give (templates/spec-template.md, plan-, tasks-
// and constitution-template.md in github/spec-kit) so its /speckit.* commands
// and an agent that knows Spec Kit can read it:
//
//   spec.md        prd.md: a user story per feature ("User Story 2 - Route
//                  sketch (Priority: P2)") with Given/When/Then acceptance
//                  scenarios, one FR-00n line per feature (its statement),
//                  success metrics as SC-00n, non-goals under Assumptions
//   plan.md        architecture.md (Overview -> Summary, the rest as written)
//   research.md    stack.md as Decision / Rationale per layer
//   data-model.md  data-model.md; contracts/api.md: api-spec.md;
//   quickstart.md  journey-maps.md
//   tasks.md       epics.md + tasks.md: a phase per epic, "- [ ] T101 [P] [US1] title"
//                  lines (T<epic><nn>), Touches and the task text indented below
//   .specify/memory/constitution.md   analysis.md > Constraints as principles
//
// Text the format has no place for is not written; the round-trip check in
// interop.cpp lists it. Priorities: a feature's priority is the rank of the
// first epic that covers it. [P]: no task of the same epic depends on it and it
// depends on none (trace_deps.hpp).
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/pack_view.hpp"
#include "interop/scenario_text.hpp"
#include "interop/speckit_layout.hpp"
#include "interop/trace_deps.hpp"

namespace specwave::interop {
namespace {

std::string OneLine(std::string_view text) {
  std::string out;
  for (std::string_view l : SplitLines(text)) {
    std::string_view t = Trim(l);
    if (t.empty()) continue;
    out += (out.empty() ? "" : " ") + std::string(t);
  }
  return out;
}

std::string SpecMd(const PackView& v, const std::string& dir) {
  const MdNode* prd = v.TopOf("prd.md");
  std::map<int, int> priority = FeaturePriority(v.epics, v.features);
  MdNode top = MakeNode(1, std::string(speckit::kSpecTitle) + v.project);
  top.body = JoinBlocks({"**Feature Branch**: `" + dir + "`\n**Status**: Draft\n**Input**: " + speckit::kInputLine,
                         prd->body});
  MdNode scenarios = MakeNode(2, speckit::kScenariosHeading);
  if (const MdNode* stories = ChildWithPrefix(*prd, "User stories")) {
    scenarios.body = stories->body;
    for (const MdNode& c : stories->children) scenarios.children.push_back(c);
  }
  MdNode requirements = MakeNode(2, speckit::kRequirementsHeading);
  MdNode fr = MakeNode(3, "Functional Requirements");
  std::string fr_lines;
  for (const Feature& f : v.features) {
    MdNode story = MakeNode(3, speckit::StoryHeading(f.number, f.title, priority[f.number]));
    std::string scenarios_list;
    for (size_t i = 0; i < f.acceptance.size(); ++i)
      scenarios_list += std::to_string(i + 1) + ". " + GivenWhenThen(f.title, f.acceptance[i]) + "\n";
    story.body = JoinBlocks({f.notes, f.acceptance.empty() ? "" : "**Acceptance Scenarios**:\n\n" + scenarios_list,
                             f.after});
    for (MdNode c : f.children) story.children.push_back(c);
    scenarios.children.push_back(std::move(story));
    fr_lines += "- **" + speckit::FrId(f.number) + "**: " + OneLine(f.statement) + "\n";
  }
  fr.body = fr_lines;
  requirements.children.push_back(fr);
  if (const MdNode* model = v.TopOf("data-model.md"))
    if (const MdNode* entities = ChildWithPrefix(*model, "Entities")) {
      std::string lines;
      for (const MdNode& e : entities->children)
        lines += "- **" + e.title + "**: " + OneLine(SplitFirstParagraph(e.body).first) + " (data-model.md)\n";
      requirements.children.push_back(MakeNode(3, speckit::kKeyEntitiesHeading, lines));
    }
  top.children.push_back(std::move(scenarios));
  top.children.push_back(std::move(requirements));
  if (const MdNode* metrics = ChildWithPrefix(*prd, "Success metrics")) {
    MdNode sc = MakeNode(2, speckit::kSuccessHeading);
    MdNode outcomes = MakeNode(3, "Measurable Outcomes", speckit::NumberBullets(metrics->body, "SC"));
    for (const MdNode& c : metrics->children) outcomes.children.push_back(c);
    sc.children.push_back(std::move(outcomes));
    top.children.push_back(std::move(sc));
  }
  if (const MdNode* non_goals = ChildWithPrefix(*prd, "Non-goals")) {
    MdNode a = MakeNode(2, speckit::kAssumptionsHeading, JoinBlocks({speckit::kNonGoalsLead, non_goals->body}));
    a.children = non_goals->children;
    top.children.push_back(std::move(a));
  }
  for (MdNode& other : OtherSections(*prd, {"Features", "User stories", "Success metrics", "Non-goals"}))
    top.children.push_back(std::move(other));
  return RenderNode(top);
}

std::string PlanMd(const PackView& v, const std::string& dir) {
  const MdNode* arch = v.TopOf("architecture.md");
  MdNode top = MakeNode(1, std::string(speckit::kPlanTitle) + v.project);
  top.body = JoinBlocks({"**Branch**: `" + dir + "` | **Spec**: [spec.md](spec.md)", arch->body});
  if (const MdNode* overview = ChildWithPrefix(*arch, "Overview")) {
    MdNode summary = MakeNode(2, "Summary", overview->body);
    summary.children = overview->children;
    top.children.push_back(std::move(summary));
  }
  std::string context;
  std::string stack_id = v.FrontmatterField("stack.md", "stack");
  if (stack_id.empty()) stack_id = v.FrontmatterField("architecture.md", "stack");
  if (!stack_id.empty()) context += "**Stack**: `" + stack_id + "` (see [research.md](research.md))\n\n";
  if (const MdNode* stack = v.TopOf("stack.md"))
    if (const MdNode* chosen = ChildWithPrefix(*stack, "Chosen stack"))
      for (std::string_view l : SplitLines(chosen->body)) {
        std::string_view t = Trim(l);
        size_t dash = t.find(" — ");
        if (StartsWith(t, "- ")) context += std::string(dash == std::string_view::npos ? t : t.substr(0, dash)) + "\n";
      }
  top.children.push_back(MakeNode(2, speckit::kTechnicalContextHeading, context));
  top.children.push_back(MakeNode(2, speckit::kConstitutionCheckHeading,
                                  "Gates: the principles in `.specify/memory/constitution.md` (the analysis's "
                                  "constraints); the validation report of the Specwave project records the checks."));
  for (MdNode& other : OtherSections(*arch, {"Overview"})) top.children.push_back(std::move(other));
  MdNode structure = MakeNode(2, speckit::kProjectStructureHeading);
  structure.children.push_back(MakeNode(3, "Documentation (this feature)",
                                        "```text\nspecs/" + dir + "/\n├── spec.md\n├── plan.md\n├── research.md\n"
                                        "├── data-model.md\n├── quickstart.md\n├── contracts/\n│   └── api.md\n"
                                        "└── tasks.md\n```"));
  top.children.push_back(std::move(structure));
  return RenderNode(top);
}

std::string ResearchMd(const PackView& v) {
  const MdNode* stack = v.TopOf("stack.md");
  MdNode top = MakeNode(1, std::string(speckit::kResearchTitle) + v.project);
  std::string id = v.FrontmatterField("stack.md", "stack");
  top.body = JoinBlocks({id.empty() ? "" : std::string(speckit::kStackIdLabel) + " `" + id + "`", stack->body});
  if (const MdNode* chosen = ChildWithPrefix(*stack, "Chosen stack")) {
    MdNode decisions = MakeNode(2, speckit::kDecisionsHeading);
    std::string unparsed;
    for (std::string_view l : SplitLines(chosen->body)) {
      auto d = speckit::ParseStackBullet(l);
      if (!d) {
        unparsed += std::string(l) + "\n";
        continue;
      }
      decisions.children.push_back(
          MakeNode(3, d->layer, "- **Decision**: " + d->choice + "\n- **Rationale**: " + d->reason));
    }
    decisions.body = NormBody(unparsed);
    for (const MdNode& c : chosen->children) decisions.children.push_back(c);
    top.children.push_back(std::move(decisions));
  }
  if (const MdNode* rejected = ChildWithPrefix(*stack, "Rejected options")) {
    MdNode alt = MakeNode(2, speckit::kAlternativesHeading, rejected->body);
    alt.children = rejected->children;
    top.children.push_back(std::move(alt));
  }
  for (MdNode& other : OtherSections(*stack, {"Chosen stack", "Rejected options"})) top.children.push_back(std::move(other));
  return RenderNode(top);
}

// data-model.md, contracts/api.md, quickstart.md: the artifact under a Spec Kit title.
std::string Retitled(const PackView& v, const std::string& artifact, const char* title) {
  MdNode top = *v.TopOf(artifact);
  top.level = 1;
  top.heading = std::string(title) + v.project;
  return RenderNode(top);
}

std::string TasksMd(const PackView& v, const std::string& dir) {
  auto deps = TraceDependencies(v.groups);
  std::set<TaskKey> parallel;
  for (const TaskKey& k : IndependentInEpic(v.groups, deps)) parallel.insert(k);
  MdNode top = MakeNode(1, std::string(speckit::kTasksTitle) + v.project);
  // The epics' introduction leads the file (Spec Kit's tasks.md has one
  // introduction; tasks.md's own, rarely written, is not carried).
  const MdNode* epics_top = v.TopOf("epics.md");
  top.body = JoinBlocks({"**Input**: Design documents from `specs/" + dir + "/`\n" + speckit::kTaskFormatLine,
                         epics_top ? epics_top->body : ""});
  std::vector<int> epic_order;
  for (const Epic& e : v.epics) epic_order.push_back(e.number);
  for (const TaskGroup& g : v.groups)
    if (std::find(epic_order.begin(), epic_order.end(), g.epic) == epic_order.end()) epic_order.push_back(g.epic);
  for (int n : epic_order) {
    const Epic* e = v.EpicNumber(n);
    const TaskGroup* group = nullptr;
    for (const TaskGroup& g : v.groups)
      if (g.epic == n) group = &g;
    std::string title = e ? e->title : (group ? ParseIdHeading(group->heading, 'E').value_or(IdHeading{}).title : "");
    MdNode phase = MakeNode(2, speckit::PhaseHeading(n, title));
    std::string lines;
    if (group)
      for (const Task& t : group->tasks) {
        std::string label;
        if (parallel.count(TaskKey{t.epic, t.number})) label += " [P]";
        if (e && e->covers.size() == 1) label += " [US" + std::to_string(e->covers[0]) + "]";
        lines += "- [ ] " + speckit::TaskId(t.epic, t.number) + label + " " + t.title + "\n";
        std::string body = JoinBlocks({Join(t.key_lines, "\n"), t.prose});
        if (!body.empty()) lines += Indent(body, 2);
        lines += "\n";
      }
    phase.body = JoinBlocks({e ? CoversLine(*e) : "", e ? e->body : "", lines});
    if (e)
      for (const MdNode& c : e->children) phase.children.push_back(c);
    top.children.push_back(std::move(phase));
  }
  return RenderNode(top);
}

std::string ConstitutionMd(const PackView& v) {
  const MdNode* analysis = v.TopOf("analysis.md");
  const MdNode* constraints = analysis ? ChildWithPrefix(*analysis, "Constraints") : nullptr;
  MdNode top = MakeNode(1, v.project + speckit::kConstitutionSuffix);
  MdNode principles = MakeNode(2, "Core Principles");
  std::string unparsed, body = constraints ? constraints->body : "";
  int n = 0;
  for (std::string_view l : SplitLines(body)) {
    std::string_view t = Trim(l);
    if (!StartsWith(t, "- ")) {
      unparsed += std::string(l) + "\n";
      continue;
    }
    std::string text(Trim(t.substr(2)));
    principles.children.push_back(MakeNode(3, speckit::Roman(++n) + ". " + ShortName(text, 8), text));
  }
  principles.body = NormBody(unparsed);
  top.children.push_back(std::move(principles));
  top.children.push_back(MakeNode(2, "Governance", speckit::kGovernance));
  return RenderNode(top);
}

}  // namespace

CodecExport ExportSpecKit(const Pack& pack, const ExportContext& ctx) {
  CodecExport out;
  PackView v = ViewOf(pack);
  const std::string dir = Numbered(1, ctx.slug);
  const std::string base = "specs/" + dir + "/";
  out.entry = base;
  if (v.TopOf("prd.md")) {
    out.files[base + "spec.md"] = SpecMd(v, dir);
    std::map<int, int> priority = FeaturePriority(v.epics, v.features);
    for (const Feature& f : v.features)
      out.ids.push_back({"F" + std::to_string(f.number), speckit::FrId(f.number),
                         {"User Story " + std::to_string(f.number), "US" + std::to_string(f.number),
                          "P" + std::to_string(priority[f.number])},
                         base + "spec.md"});
  }
  if (v.TopOf("architecture.md")) out.files[base + "plan.md"] = PlanMd(v, dir);
  if (v.TopOf("stack.md")) out.files[base + "research.md"] = ResearchMd(v);
  if (v.TopOf("data-model.md")) out.files[base + "data-model.md"] = Retitled(v, "data-model.md", speckit::kDataModelTitle);
  if (v.TopOf("api-spec.md")) out.files[base + "contracts/api.md"] = Retitled(v, "api-spec.md", speckit::kContractTitle);
  if (v.TopOf("journey-maps.md"))
    out.files[base + "quickstart.md"] = Retitled(v, "journey-maps.md", speckit::kQuickstartTitle);
  if (!v.groups.empty() || !v.epics.empty()) {
    out.files[base + "tasks.md"] = TasksMd(v, dir);
    for (const Epic& e : v.epics)
      out.ids.push_back({"E" + std::to_string(e.number), speckit::PhaseHeading(e.number, e.title), {}, base + "tasks.md"});
    for (const TaskGroup& g : v.groups)
      for (const Task& t : g.tasks)
        out.ids.push_back({"T" + std::to_string(t.epic) + "." + std::to_string(t.number), speckit::TaskId(t.epic, t.number),
                           {}, base + "tasks.md"});
  }
  if (v.TopOf("analysis.md")) out.files[".specify/memory/constitution.md"] = ConstitutionMd(v);
  return out;
}

}  // namespace specwave::interop
