// One test per impact rule (src/engine/impact.hpp), on the default workflow
// and on small graphs.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/artifact_diff.hpp"
#include "engine/impact.hpp"
#include "support/paths.hpp"

using namespace specwave;

namespace {

const WorkflowSpec& Default() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

ArtifactChangeInput Change(const std::string& artifact, std::vector<SectionChange> sections) {
  ArtifactChangeInput c;
  c.artifact = artifact;
  c.changed = true;
  c.old_sha256 = "a1b2c3";
  c.new_sha256 = "d4e5f6";
  c.sections = std::move(sections);
  return c;
}

const AffectedArtifact* Find(const ImpactAnalysis& a, const std::string& artifact) {
  for (const auto& x : a.affected)
    if (x.artifact == artifact) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("Impact.AddedSectionIsHighForDirectDependents") {
  auto a = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F6: Offline sync", "added"}}), {});
  CHECK(a.change_level == ImpactLevel::kHigh);
  for (const char* direct : {"architecture.md", "data-model.md", "api-spec.md", "epics.md", "journey-maps.md"}) {
    REQUIRE_MESSAGE(Find(a, direct), direct);
    CHECK_MESSAGE(Find(a, direct)->level == ImpactLevel::kHigh, direct);
    CHECK(Find(a, direct)->distance == 1);
  }
  const auto* api = Find(a, "api-spec.md");
  CHECK(api->reason.find("prd.md > PRD > Features > F6: Offline sync was added") != std::string::npos);
  CHECK(api->reason.find("SPEC_PM -> SPEC_ARCHITECT") != std::string::npos);
  CHECK(a.recommended == Strategy::kRegenerateAll);
}

TEST_CASE("Impact.DeletedSectionIsHighAndModifiedIsMedium") {
  auto del = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F2", "deleted"}}), {});
  CHECK(Find(del, "architecture.md")->level == ImpactLevel::kHigh);
  auto mod = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F2", "modified"}}), {});
  CHECK(mod.change_level == ImpactLevel::kMedium);
  CHECK(Find(mod, "architecture.md")->level == ImpactLevel::kMedium);
  CHECK(mod.high == 0);
  CHECK(mod.recommended == Strategy::kManualReview);
}

TEST_CASE("Impact.EachStepDownLowersTheLevel") {
  auto a = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F6", "added"}}), {});
  // SPEC_PM -> SPEC_ARCHITECT -> DEPENDENCIES: distance 2.
  REQUIRE(Find(a, "dependencies.md"));
  CHECK(Find(a, "dependencies.md")->distance == 2);
  CHECK(Find(a, "dependencies.md")->level == ImpactLevel::kMedium);
  CHECK(Find(a, "dependencies.md")->reason.find("SPEC_PM -> SPEC_ARCHITECT -> DEPENDENCIES") != std::string::npos);
  auto m = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F1", "modified"}}), {});
  CHECK(Find(m, "dependencies.md")->level == ImpactLevel::kLow);
}

TEST_CASE("Impact.ReportsAreLow") {
  auto a = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F6", "added"}}), {});
  CHECK(Find(a, "validation-report.md")->level == ImpactLevel::kLow);
  CHECK(Find(a, "spec-pack.md")->level == ImpactLevel::kLow);
  CHECK(Find(a, "validation-report.md")->reason.find("rebuilt, not redesigned") != std::string::npos);
}

TEST_CASE("Impact.SectionsAPhaseDoesNotReadAreLow") {
  // SOLUTIONING_EPICS declares it reads only the PRD's Features.
  auto a = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Non-goals", "added"}}), {});
  REQUIRE(Find(a, "epics.md"));
  CHECK(Find(a, "epics.md")->level == ImpactLevel::kLow);
  CHECK(Find(a, "epics.md")->reason.find("reads only Features") != std::string::npos);
  CHECK(Find(a, "architecture.md")->level == ImpactLevel::kHigh);  // reads the whole PRD
}

TEST_CASE("Impact.HighestPathWins") {
  auto r = LoadWorkflowSpec(R"(phases:
  A: {description: d, agent: a, phase_type: t, produces: [a.md]}
  B: {description: d, agent: a, phase_type: t, produces: [b.md], depends_on: [A]}
  C: {description: d, agent: a, phase_type: t, produces: [c.md], depends_on: [A, B]}
)",
                            "w.yml");
  REQUIRE(r.ok());
  auto a = AnalyzeImpact(*r.spec, Change("a.md", {{"A > X", "added"}}), {});
  // C is both a direct dependent (HIGH) and two steps away via B (MEDIUM).
  CHECK(Find(a, "c.md")->level == ImpactLevel::kHigh);
  CHECK(Find(a, "c.md")->distance == 1);
}

TEST_CASE("Impact.NoChangeAndFrontmatterOnly") {
  ArtifactChangeInput same;
  same.artifact = "prd.md";
  auto a = AnalyzeImpact(Default(), same, {});
  CHECK(a.affected.empty());
  CHECK(a.recommended == Strategy::kIgnore);
  auto fm = AnalyzeImpact(Default(), Change("prd.md", {{"(frontmatter)", "modified"}}), {});
  CHECK(fm.change_level == ImpactLevel::kLow);
  CHECK(Find(fm, "architecture.md")->level == ImpactLevel::kLow);
}

TEST_CASE("Impact.EstimateFromHistoryAndStrategies") {
  std::vector<PhaseHistory> h = {{"SPEC_ARCHITECT", 3000, 1, 4000, 0.02}, {"DEPENDENCIES", 1000, 1, 1000, 0.005},
                                 {"SOLUTIONING_TASKS", 2000, 5, 5000, 0.03}};
  auto a = AnalyzeImpact(Default(), Change("prd.md", {{"PRD > Features > F6", "added"}}), h);
  CHECK(a.estimate.from_history);
  CHECK(a.estimate.time_ms >= 5000);  // ARCH then TASKS or DEPENDENCIES
  CHECK_FALSE(a.estimate.cost_known);  // some affected phases have no history
  auto all = a.Select(Strategy::kRegenerateAll, {});
  auto high = a.Select(Strategy::kHighImpactOnly, {});
  auto manual = a.Select(Strategy::kManualReview, {"epics.md", "not-affected.md"});
  CHECK(all.size() == a.affected.size());
  CHECK(high.size() == static_cast<size_t>(a.high));
  CHECK(manual == std::vector<std::string>{"epics.md"});
  CHECK(a.Select(Strategy::kIgnore, {}).empty());
  auto j = nlohmann::json::parse(a.ToJson());
  CHECK(j["recommended_strategy"] == "regenerate_all");
  CHECK(j["summary"]["high"].get<int>() == a.high);
  CHECK(j["impact_level"] == "HIGH");
}

TEST_CASE("Impact.OneSectionPrdEditThroughTheRealDiffer") {
  std::string old_prd = "---\ntitle: PRD\n---\n# PRD\n\n## Features\n\n### F1: Tides\nShow tides.\n\n### F2: Routes\nDraw routes.\n\n"
                        "## Non-goals\nNo social features.\n";
  std::string new_prd = old_prd;
  new_prd.replace(new_prd.find("Draw routes."), 12, "Draw routes with waypoints.");
  auto c = DiffArtifact("prd.md", old_prd, new_prd);
  REQUIRE(c.changed);
  REQUIRE(c.sections.size() == 1);  // only that section, not the ones after it
  CHECK(c.sections[0].section == "PRD > Features > F2: Routes");
  CHECK(c.sections[0].change == "modified");
  auto a = AnalyzeImpact(Default(), c, {});
  CHECK(a.change_level == ImpactLevel::kMedium);
  CHECK(Find(a, "epics.md")->level == ImpactLevel::kMedium);  // epics read Features
  auto ng = DiffArtifact("prd.md", old_prd, old_prd + "\n## Risks\nWeather.\n");
  auto b = AnalyzeImpact(Default(), ng, {});
  CHECK(b.change_level == ImpactLevel::kHigh);
  CHECK(Find(b, "epics.md")->level == ImpactLevel::kLow);  // epics read only Features
}
