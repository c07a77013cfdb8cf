#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/artifact_diff.hpp"
#include "engine/regeneration.hpp"
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

std::string EditedPrd() {
  std::string p = kPrd;
  const std::string anchor = "- A route has a start and an end.\n";
  return p.replace(p.find(anchor), anchor.size(), anchor + "- A route can be saved offline.\n");
}

ImpactAnalysis Analyze(const std::string& old_prd, const std::string& new_prd, bool with_trace) {
  ArtifactChangeInput change = DiffArtifact("prd.md", old_prd, new_prd);
  TraceImpactInput in;
  in.old_text = old_prd;
  in.new_text = new_prd;
  in.current = {{"prd.md", old_prd},          {"epics.md", kEpics},       {"tasks.md", kTasks},
                {"data-model.md", kModel},     {"journey-maps.md", kJourneys}, {"component-mapping.md", kComponents},
                {"architecture.md", "# Architecture\n\nA web app.\n"}};
  return AnalyzeImpact(Default(), change, {},
                       with_trace ? TraceRefinement(Default(), in, validators::ReadTraceGraph) : ImpactRefinement{});
}

const AffectedArtifact* Find(const std::vector<AffectedArtifact>& list, const std::string& artifact) {
  for (const auto& a : list)
    if (a.artifact == artifact) return &a;
  return nullptr;
}

std::vector<std::string> Ids(const AffectedArtifact& a) {
  std::vector<std::string> out;
  for (const auto& i : a.items) out.push_back(i.id);
  return out;
}

}  // namespace

TEST_CASE("TraceImpact.ChangedIdIsNamedWithWhatChanged") {
  ImpactAnalysis a = Analyze(kPrd, EditedPrd(), true);
  CHECK(a.trace_used);
  REQUIRE(a.changed_ids.size() == 1);
  CHECK(a.changed_ids[0].id == "F2");
  CHECK(a.changed_ids[0].how == "whose acceptance gained a bullet");
}

TEST_CASE("TraceImpact.EpicsTasksJourneysAndTouchedEntitiesAreRatedPerItem") {
  ImpactAnalysis a = Analyze(kPrd, EditedPrd(), true);
  INFO(a.ToJson());
  const AffectedArtifact* epics = Find(a.affected, "epics.md");
  REQUIRE(epics);
  CHECK(epics->level == ImpactLevel::kHigh);
  CHECK(epics->from_trace);
  REQUIRE(Ids(*epics) == std::vector<std::string>{"E2"});  // E1 covers only F1
  CHECK(epics->items[0].reason == "E2 covers F2, whose acceptance gained a bullet");
  CHECK(epics->items[0].section == "Epics > E2: Routes");

  const AffectedArtifact* tasks = Find(a.affected, "tasks.md");
  REQUIRE(tasks);
  CHECK(tasks->level == ImpactLevel::kMedium);
  CHECK(Ids(*tasks) == std::vector<std::string>{"T2.1", "T2.2"});
  CHECK(tasks->items[0].reason == "T2.1 belongs to E2, which covers F2");

  const AffectedArtifact* journeys = Find(a.affected, "journey-maps.md");
  REQUIRE(journeys);
  CHECK(journeys->level == ImpactLevel::kHigh);
  REQUIRE(journeys->items.size() == 1);
  CHECK(journeys->items[0].reason.find("journey 'Plan a trip', step 2 names F2") == 0);

  const AffectedArtifact* model = Find(a.affected, "data-model.md");
  REQUIRE(model);
  CHECK(model->level == ImpactLevel::kLow);
  CHECK(Ids(*model) == std::vector<std::string>{"entity:route"});  // Tide is touched only by E1's task
  CHECK(model->items[0].reason == "entity Route is touched by T2.1, which belongs to E2");
}

TEST_CASE("TraceImpact.ArtifactsTheTraceDoesNotReachAreNoneAndMakeNoCall") {
  ImpactAnalysis a = Analyze(kPrd, EditedPrd(), true);
  const AffectedArtifact* comps = Find(a.unaffected, "component-mapping.md");
  REQUIRE(comps);
  CHECK(comps->level == ImpactLevel::kNone);
  CHECK(Find(a.affected, "component-mapping.md") == nullptr);
  // high_impact_only and regenerate_all select over the trace's levels.
  auto high = a.Select(Strategy::kHighImpactOnly, {});
  CHECK(std::find(high.begin(), high.end(), "epics.md") != high.end());
  CHECK(std::find(high.begin(), high.end(), "tasks.md") == high.end());
  auto all = a.Select(Strategy::kRegenerateAll, {});
  CHECK(std::find(all.begin(), all.end(), "component-mapping.md") == all.end());
  CHECK(std::find(all.begin(), all.end(), "tasks.md") != all.end());
  auto j = nlohmann::json::parse(a.ToJson());
  bool listed = false;
  for (const auto& x : j["affected"])
    if (x["artifact"] == "tasks.md") {
      listed = x["items"].size() == 2 && x["items"][0]["level"] == "MEDIUM" && x["source"] == "trace";
    }
  CHECK(listed);
}

TEST_CASE("TraceImpact.UntracedArtifactsSayTheyAreTheFallback") {
  ImpactAnalysis a = Analyze(kPrd, EditedPrd(), true);
  const AffectedArtifact* arch = Find(a.affected, "architecture.md");
  REQUIRE(arch);
  CHECK_FALSE(arch->from_trace);
  CHECK(arch->reason.find("phase-graph fallback") != std::string::npos);
  // No reason carries hashes or byte counts.
  for (const auto& x : a.affected) CHECK(x.reason.find("\xE2\x86\x92") == std::string::npos);
  // Without a trace, everything is the fallback and says so.
  ImpactAnalysis g = Analyze(kPrd, EditedPrd(), false);
  CHECK_FALSE(g.trace_used);
  CHECK(Find(g.affected, "component-mapping.md") != nullptr);
}

TEST_CASE("TraceImpact.SectionWithoutIdFallsBackForThePhasesThatReadIt") {
  std::string edited = kPrd;
  edited += "- No social feed.\n";  // Non-goals: no id owns it
  ImpactAnalysis a = Analyze(kPrd, edited, true);
  INFO(a.ToJson());
  CHECK(a.changed_ids.empty());
  // SOLUTIONING_EPICS consumes only Features: nothing reaches epics.md.
  CHECK(Find(a.unaffected, "epics.md") != nullptr);
  // tasks.md's phase reads all of prd.md (no consumes): the graph's level stands.
  const AffectedArtifact* arch = Find(a.affected, "architecture.md");
  REQUIRE(arch);
  CHECK(arch->reason.find("fallback") != std::string::npos);
}

// Issue #16.6: a regenerated artifact that names what its upstream does not
// define flags that upstream, with a reason naming both.
TEST_CASE("TraceImpact.UpwardFlagNamesWhatTheUpstreamDoesNotDefine") {
  NamedTexts before = {{"tasks.md", kTasks}, {"data-model.md", kModel}, {"epics.md", kEpics}};
  std::string tasks = kTasks;
  tasks += "\n### T2.3: GPX export\n\nEpic: E2\nTouches: GpxExport\n";
  NamedTexts after = {{"tasks.md", tasks}, {"data-model.md", kModel}, {"epics.md", kEpics}};
  auto flags = UpwardFlags(validators::ReadTraceGraph(before), validators::ReadTraceGraph(after), {"tasks.md"});
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].upstream == "data-model.md");
  CHECK(flags[0].reason == "tasks.md T2.3 touches GpxExport, which data-model.md does not define");
  // Not regenerated, or already missing before: no flag.
  CHECK(UpwardFlags(validators::ReadTraceGraph(before), validators::ReadTraceGraph(after), {"epics.md"}).empty());
  CHECK(UpwardFlags(validators::ReadTraceGraph(after), validators::ReadTraceGraph(after), {"tasks.md"}).empty());
}
