// The impact grouped by changed id (issue #16.9): one group per id with the
// chain the trace followed and its reason once, the fallback and the reports
// apart, the NONE artifacts folded into one line; and a strategy's calls set
// against a full run's.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/artifact_diff.hpp"
#include "engine/impact_groups.hpp"
#include "engine/regeneration_cost.hpp"
#include "engine/trace_impact.hpp"
#include "support/paths.hpp"
#include "validators/trace_graph_reader.hpp"

using namespace specwave;

namespace {

const WorkflowSpec& Default() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

const char* kPrd =
    "---\ntitle: PRD\n---\n# PRD\n\n## Features\n\n### F1: Tide table\n\nShows the tides.\n\nAcceptance:\n"
    "- The table shows today's tides.\n\n### F2: Route sketch\n\nDraws a route.\n\nAcceptance:\n"
    "- A route has a start and an end.\n\n## Non-goals\n\n- No payments.\n";
const char* kEpics =
    "---\ntitle: Epics\n---\n# Epics\n\n## E1: Tides\n\nCovers: F1\n\n## E2: Routes\n\nCovers: F2\n";
const char* kTasks =
    "---\ntitle: Tasks\n---\n# Tasks\n\n## E1: Tides\n\n### T1.1: Tide API\n\nEpic: E1\nTouches: Tide\n\n"
    "## E2: Routes\n\n### T2.1: Route store\n\nEpic: E2\nTouches: Route\n\n### T2.2: Route screen\n\nEpic: E2\n";
const char* kModel = "---\ntitle: Data model\n---\n# Data model\n\n## Tide\n\nHeight and time.\n\n## Route\n\nPoints.\n";
const char* kJourneys =
    "---\ntitle: Journeys\n---\n# Journey maps\n\n## Journey: Plan a trip\n\n1. Check the tides \xE2\x80\x94 F1\n"
    "2. Sketch the route \xE2\x80\x94 F2\n";
const char* kComponents = "---\ntitle: C\n---\n# Components\n\n## TideChart\n\nTokens: color-primary\n";

std::string AddBullet(std::string prd, const std::string& anchor, const std::string& bullet) {
  return prd.replace(prd.find(anchor), anchor.size(), anchor + bullet);
}

ImpactAnalysis Analyze(const std::string& new_prd, bool with_trace = true) {
  ArtifactChangeInput change = DiffArtifact("prd.md", kPrd, new_prd);
  TraceImpactInput in;
  in.old_text = kPrd;
  in.new_text = new_prd;
  in.current = {{"prd.md", kPrd},          {"epics.md", kEpics},           {"tasks.md", kTasks},
                {"data-model.md", kModel}, {"journey-maps.md", kJourneys}, {"component-mapping.md", kComponents},
                {"architecture.md", "# Architecture\n\nA web app.\n"}};
  return AnalyzeImpact(Default(), change, {},
                       with_trace ? TraceRefinement(Default(), in, validators::ReadTraceGraph) : ImpactRefinement{});
}

std::string F2Edit() { return AddBullet(kPrd, "- A route has a start and an end.\n", "- A route can be saved offline.\n"); }

const ImpactGroup* Group(const ImpactGroups& g, ImpactGroupKind kind, const std::string& id = "") {
  for (const auto& x : g.groups)
    if (x.kind == kind && x.id == id) return &x;
  return nullptr;
}

const ImpactGroupArtifact* Artifact(const ImpactGroup& g, const std::string& name) {
  for (const auto& a : g.artifacts)
    if (a.artifact == name) return &a;
  return nullptr;
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("ImpactGroups.OneGroupPerChangedIdReadsAsTheChain") {
  ImpactAnalysis a = Analyze(F2Edit());
  ImpactGroups g = GroupImpact(Default(), a);
  const ImpactGroup* f2 = Group(g, ImpactGroupKind::kChangedId, "F2");
  REQUIRE(f2);
  INFO(f2->chain);
  CHECK(f2->title == "F2");
  CHECK(f2->level == ImpactLevel::kHigh);
  // F2 → E2 → T2.1, T2.2 → entity Route, and the journey step that names F2 as a second branch.
  CHECK(f2->chain == "F2 \xE2\x86\x92 E2 \xE2\x86\x92 T2.1, T2.2 \xE2\x86\x92 entity Route \xC2\xB7 journey 'Plan a trip', step 2");
  CHECK(f2->chain.find("E2 \xE2\x86\x92 T2.1, T2.2 \xE2\x86\x92 entity Route") != std::string::npos);
  CHECK(f2->chain.find("journey 'Plan a trip', step 2") != std::string::npos);
  CHECK(f2->chain.find(" \xC2\xB7 ") != std::string::npos);
  REQUIRE(f2->branches.size() == 2);
  const ImpactBranch* epic = &f2->branches[0];  // the longest first
  CHECK(epic->tiers[0].labels[0] == "E2");
  REQUIRE(epic->tiers.size() == 3);
  CHECK(epic->tiers[0].level == ImpactLevel::kHigh);
  CHECK(epic->tiers[1].labels == std::vector<std::string>{"T2.1", "T2.2"});
  CHECK(epic->tiers[1].level == ImpactLevel::kMedium);
  CHECK(epic->tiers[2].labels == std::vector<std::string>{"entity Route"});
  CHECK(epic->tiers[2].level == ImpactLevel::kLow);
  // The artifacts it reaches, each with its level in this group and what in it.
  REQUIRE(Artifact(*f2, "epics.md"));
  CHECK(Artifact(*f2, "epics.md")->level == ImpactLevel::kHigh);
  REQUIRE(Artifact(*f2, "tasks.md"));
  CHECK(Artifact(*f2, "tasks.md")->level == ImpactLevel::kMedium);
  CHECK(Artifact(*f2, "tasks.md")->detail == "T2.1, T2.2");
  REQUIRE(Artifact(*f2, "data-model.md"));
  CHECK(Artifact(*f2, "data-model.md")->level == ImpactLevel::kLow);
  CHECK(Artifact(*f2, "architecture.md") == nullptr);  // not traced: in the fallback group
}

TEST_CASE("ImpactGroups.TheReasonIsSaidOncePerGroup") {
  ImpactAnalysis a = Analyze(F2Edit());
  ImpactGroups g = GroupImpact(Default(), a);
  const ImpactGroup* f2 = Group(g, ImpactGroupKind::kChangedId, "F2");
  REQUIRE(f2);
  CHECK(f2->reason == "F2, whose acceptance gained a bullet");
  // Per artifact the analysis repeats it (one reason each); the group does not.
  size_t in_analysis = 0;
  for (const auto& x : a.affected) in_analysis += Count(x.reason, "whose acceptance gained a bullet");
  CHECK(in_analysis >= 2);
  std::string everything = f2->title + "\n" + f2->chain + "\n" + f2->reason;
  for (const auto& x : f2->artifacts) everything += "\n" + x.artifact + " " + x.detail;
  CHECK(Count(everything, "whose acceptance gained a bullet") == 1);
}

TEST_CASE("ImpactGroups.NoneArtifactsFoldIntoOneLine") {
  ImpactAnalysis a = Analyze(F2Edit());
  ImpactGroups g = GroupImpact(Default(), a);
  REQUIRE(!a.unaffected.empty());
  CHECK(g.not_affected.size() == a.unaffected.size());
  CHECK(std::find(g.not_affected.begin(), g.not_affected.end(), "component-mapping.md") != g.not_affected.end());
  CHECK(g.not_affected_line == std::to_string(a.unaffected.size()) +
                                   (a.unaffected.size() == 1 ? " artifact not affected" : " artifacts not affected"));
  CHECK(g.not_affected_reason.find("names F2") != std::string::npos);
  for (const auto& group : g.groups) CHECK(Artifact(group, "component-mapping.md") == nullptr);
}

TEST_CASE("ImpactGroups.FallbackArtifactsHaveTheirOwnGroupSayingSo") {
  ImpactAnalysis a = Analyze(F2Edit());
  ImpactGroups g = GroupImpact(Default(), a);
  const ImpactGroup* fb = Group(g, ImpactGroupKind::kPhaseGraphFallback);
  REQUIRE(fb);
  CHECK(fb->title == "Phase-graph fallback");
  REQUIRE(Artifact(*fb, "architecture.md"));
  CHECK(Artifact(*fb, "architecture.md")->detail == "SPEC_PM \xE2\x86\x92 SPEC_ARCHITECT");
  CHECK(fb->reason.find("fallback") != std::string::npos);
  CHECK(fb->reason.find("the trace reads no identifiers in architecture.md") != std::string::npos);
  // The reports the engine builds are a group of their own, not the fallback.
  const ImpactGroup* reports = Group(g, ImpactGroupKind::kReports);
  REQUIRE(reports);
  CHECK(Artifact(*reports, "validation-report.md"));
  CHECK(Artifact(*fb, "validation-report.md") == nullptr);
  // Without a trace everything the graph reaches is the fallback, and no group is by id.
  ImpactGroups none = GroupImpact(Default(), Analyze(F2Edit(), false));
  CHECK(Group(none, ImpactGroupKind::kChangedId, "F2") == nullptr);
  const ImpactGroup* all = Group(none, ImpactGroupKind::kPhaseGraphFallback);
  REQUIRE(all);
  CHECK(Artifact(*all, "component-mapping.md"));
  CHECK(all->reason.find("no trace was read") != std::string::npos);
}

TEST_CASE("ImpactGroups.TwoChangedIdsAreTwoGroups") {
  std::string edited = AddBullet(F2Edit(), "- The table shows today's tides.\n", "- And tomorrow's.\n");
  ImpactGroups g = GroupImpact(Default(), Analyze(edited));
  const ImpactGroup* f1 = Group(g, ImpactGroupKind::kChangedId, "F1");
  const ImpactGroup* f2 = Group(g, ImpactGroupKind::kChangedId, "F2");
  REQUIRE(f1);
  REQUIRE(f2);
  INFO(f1->chain);
  CHECK(f1->chain.find("F1 \xE2\x86\x92 E1 \xE2\x86\x92 T1.1") == 0);
  CHECK(f1->chain.find("T2.1") == std::string::npos);
  CHECK(f2->chain.find("T1.1") == std::string::npos);
}

TEST_CASE("ImpactGroups.ALongTierIsCutInTheChainButKeptInTheBranch") {
  ImpactAnalysis a;
  a.changed_ids = {{"F9", "which was reworded", "PRD > F9", "F9"}};
  AffectedArtifact epics{"epics.md", "SOLUTIONING_EPICS", ImpactLevel::kHigh, 1, "", {}, true, "", {}};
  epics.items.push_back({"Epics > E9", "E9", ImpactLevel::kHigh, "E9 covers F9", "E9", "F9", "", 1});
  AffectedArtifact tasks{"tasks.md", "SOLUTIONING_TASKS", ImpactLevel::kMedium, 2, "", {}, true, "", {}};
  for (int i = 1; i <= 9; ++i) {
    std::string t = "T9." + std::to_string(i);
    tasks.items.push_back({"Tasks > " + t, t, ImpactLevel::kMedium, t + " belongs to E9", t, "F9", "E9", 2});
  }
  a.affected = {epics, tasks};
  ImpactGroups g = GroupImpact(Default(), a);
  REQUIRE(g.groups.size() == 1);
  CHECK(g.groups[0].chain ==
        "F9 \xE2\x86\x92 E9 \xE2\x86\x92 T9.1, T9.2, T9.3, T9.4, T9.5, T9.6, \xE2\x80\xA6 +3 more");
  CHECK(g.groups[0].branches[0].tiers[1].labels.size() == 9);
  CHECK(g.not_affected_line.empty());
}

TEST_CASE("RegenerationCost.StrategyCallsAreSetAgainstAFullRun") {
  ImpactAnalysis a = Analyze(F2Edit());
  std::vector<PhaseHistory> history;
  for (const auto& p : Default().phases)
    history.push_back({p.name, 100, p.name == "VALIDATE" ? 12 : p.name == "SOLUTIONING_TASKS" ? 3 : 1, 1000, 0});
  const ImpactEstimate all = EstimateStrategy(Default(), a, Strategy::kRegenerateAll, {}, history);
  const ImpactEstimate high = EstimateStrategy(Default(), a, Strategy::kHighImpactOnly, {}, history);
  const ImpactEstimate manual = EstimateStrategy(Default(), a, Strategy::kManualReview, {"tasks.md"}, history);
  CHECK(EstimateStrategy(Default(), a, Strategy::kIgnore, {}, history).calls == 0);

  CHECK(high.calls < all.calls);
  CHECK(manual.calls == 3);  // only SOLUTIONING_TASKS
  RunCost full;
  full.calls = 23;
  CHECK(CallsAgainst(4, full) == "4 of a full run's 23 model calls (17%)");
  CHECK(TokensAgainst(1234, 13000, "output tokens") == "1,234 of a full run's 13,000 output tokens (9%)");
}
