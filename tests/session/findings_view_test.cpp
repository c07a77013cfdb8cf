// Where stored validation findings are shown (engine/findings_view.hpp), and
// that a validate join leaves a clean record for every artifact it checked,
// so a fixed gap does not linger from an older run.
#include <doctest/doctest.h>

#include "session/findings_view.hpp"
#include "engine/workflow_runner.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

const WorkflowSpec& Default() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

ValidationRunRecord Run(const std::string& artifact, const std::string& validator, int64_t version_id,
                        const std::string& json) {
  ValidationRunRecord r;
  r.artifact = artifact;
  r.validator = validator;
  r.artifact_version_id = version_id;
  r.findings_json = json;
  return r;
}

ArtifactState State(const std::string& artifact, int64_t version_id) {
  ArtifactState a;
  a.artifact = artifact;
  a.latest_version_id = version_id;
  return a;
}

const char* kGap = R"([{"severity":"error","validator":"traceability","rule":"feature-not-covered","line":14,)"
                   R"("message":"F3 is covered by no epic","excerpt":"### F3: Sharing"}])";

}  // namespace

TEST_CASE("FindingsView.KeepsOnlyFindingsOfTheCurrentVersion") {
  std::string error;
  auto by = StoredFindings({State("prd.md", 7), State("epics.md", 9)},
                           {Run("prd.md", "traceability", 7, kGap), Run("epics.md", "traceability", 8, kGap)}, &error);
  CHECK(error.empty());
  REQUIRE(by.count("prd.md") == 1);
  CHECK(by.count("epics.md") == 0);  // found in v8; the artifact is at v9 now
  const auto& f = by["prd.md"][0];
  CHECK(f.artifact == "prd.md");
  CHECK(f.line == 14);
  CHECK(f.rule == "feature-not-covered");
  CHECK(f.severity == Severity::kError);
  CHECK(f.excerpt == "### F3: Sharing");
}

TEST_CASE("FindingsView.CleanRecordsShowNothing") {
  std::string error;
  auto by = StoredFindings({State("prd.md", 7)}, {Run("prd.md", "traceability", 7, "[]")}, &error);
  CHECK(by.empty());
  CHECK(error.empty());
}

TEST_CASE("FindingsView.MalformedStoredFindingsAreNamedNotFatal") {
  for (const char* bad : {"{", "{}", "[1]", R"([{"line":3}])", "not json at all"}) {
    CAPTURE(bad);
    std::string error;
    auto by = StoredFindings({State("prd.md", 7), State("epics.md", 9)},
                             {Run("prd.md", "anti_ai_slop", 7, bad), Run("epics.md", "traceability", 9, kGap)}, &error);
    CHECK(error.find("prd.md (anti_ai_slop)") != std::string::npos);
    CHECK(by.count("prd.md") == 0);
    CHECK(by.count("epics.md") == 1);  // the readable ones are kept
  }
}

TEST_CASE("FindingsView.GapsGoToTheProducerAndToValidate") {
  const WorkflowSpec& spec = Default();
  FindingsByArtifact by;
  by["epics.md"] = {{"epics.md", "traceability", "epic-without-tasks", Severity::kError, 5, "E2 has no tasks", ""},
                    {"epics.md", "markdown_frontmatter", "missing-field", Severity::kWarning, 1, "no version", ""}};
  by["prd.md"] = {{"prd.md", "traceability", "feature-not-covered", Severity::kError, 14, "F3 not covered", ""}};
  auto placed = PlaceFindings(spec, by);
  REQUIRE(placed.size() == spec.phases.size());
  const int epics = spec.ProducerOf("epics.md"), prd = spec.ProducerOf("prd.md"), validate = spec.IndexOf("VALIDATE");
  REQUIRE(epics >= 0);
  REQUIRE(prd >= 0);
  REQUIRE(validate >= 0);
  CHECK(placed[epics].gaps == 1);
  CHECK(placed[epics].findings.size() == 2);  // its gap and its own warning
  CHECK(placed[prd].gaps == 1);
  CHECK(placed[validate].gaps == 2);
  CHECK(placed[validate].findings.size() == 2);  // every gap, not the other validators' findings
  for (size_t i = 0; i < placed.size(); ++i)
    if (static_cast<int>(i) != epics && static_cast<int>(i) != prd && static_cast<int>(i) != validate)
      CHECK_MESSAGE(placed[i].gaps == 0, spec.phases[i].name);
}

TEST_CASE("FindingsView.AFixedGapIsNotShownFromTheEarlierRun") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  ProjectRecord p;
  p.name = "Tidewater";
  p.brief = "# Tidewater\nA brief.";
  p.workflow_yaml = "(default)";
  store.CreateProject(p);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  // A cross-check that reports a gap at prd.md (where F3 is defined) while
  // epics.md does not cover F3. prd.md itself stays at the same version, so
  // only a fresh clean record can clear the gap.
  PhaseChecks checks;
  checks.cross_check = [](const NamedTexts& all) {
    CrossCheckResult r;
    for (const auto& [name, text] : all)
      if (name == "epics.md" && text.find("F3") == std::string::npos)
        r.findings.push_back({"prd.md", "traceability", "feature-not-covered", Severity::kError, 1, "F3 not covered", ""});
    return r;
  };
  runner.SetChecks(checks);
  provider.overrides["SOLUTIONING_EPICS"] = "---\ntitle: Epics\n---\n# Epics\n\n## E1: Tides\nCovers: F1\n";
  RunOptions opt;
  opt.auto_approve = true;
  REQUIRE(runner.Run(p.id, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);
  std::string error;
  auto by = StoredFindings(store.ListArtifacts(p.id), store.LatestValidations(p.id), &error);
  REQUIRE(by.count("prd.md") == 1);
  CHECK(PlaceFindings(Default(), by)[Default().IndexOf("VALIDATE")].gaps == 1);
  const int64_t prd_version = store.LatestVersion(p.id, "prd.md")->id;

  provider.overrides["SOLUTIONING_EPICS"] = "---\ntitle: Epics\n---\n# Epics\n\n## E1: Tides\nCovers: F1, F3\n";
  REQUIRE(runner.Run(p.id, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);
  REQUIRE(store.LatestVersion(p.id, "prd.md")->id == prd_version);
  by = StoredFindings(store.ListArtifacts(p.id), store.LatestValidations(p.id), &error);
  CHECK(by.count("prd.md") == 0);
  CHECK(error.empty());
}
