// Workflow runner tests over the in-memory store fake and a scripted
// provider (fast, deterministic). End-to-end runs on the real SQLite store
// and the offline generator are in tests/cli.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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

const char* kEpics =
    "---\ntitle: Epics\nartifact: epics.md\nphase: SOLUTIONING_EPICS\nagent: product_manager\nversion: 1\n---\n"
    "# Epics\n\n## E1: Tides\nCovers: F1\n\n## E2: Routes\nCovers: F2\n\n## E3: Sharing\nCovers: F3\n";

int64_t NewProject(test::MemoryStore& store) {
  ProjectRecord p;
  p.name = "Tidewater";
  p.brief = "# Tidewater\nA brief.";
  p.workflow_yaml = "(default)";
  store.CreateProject(p);
  return p.id;
}

PhaseStatus StatusOf(const RunReport& r, const std::string& name) {
  for (const auto& p : r.phases)
    if (p.name == name) return p.status;
  FAIL("no phase " << name);
  return PhaseStatus::kPending;
}

}  // namespace

TEST_CASE("WorkflowRunner.RunsDefaultWorkflowEndToEnd") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(r.status == RunStatus::kSucceeded);
  for (const auto& a : Default().AllArtifacts()) CHECK_MESSAGE(store.LatestVersion(project, a).has_value(), a);
  // Fan-out: one call per epic, joined in epic order.
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 3);
  auto tasks = store.LatestVersion(project, "tasks.md")->content;
  CHECK(tasks.find("## E1: Tides") < tasks.find("## E2: Routes"));
  CHECK(tasks.find("## E2: Routes") < tasks.find("## E3: Sharing"));
  CHECK(tasks.rfind("---\nartifact: tasks.md\nphase: SOLUTIONING_TASKS\n", 0) == 0);  // the engine's envelope
  // VALIDATE: one review per upstream artifact; DONE makes no call.
  CHECK(provider.Calls("VALIDATE") == 12);
  CHECK(provider.Calls("DONE") == 0);
  auto pack = store.LatestVersion(project, "spec-pack.md")->content;
  CHECK(pack.find("| prd.md | 1 |") != std::string::npos);
  // The gate was auto-approved and recorded.
  CHECK(store.ListApprovals(r.run_id).size() == 1);
  // Measured figures are present and consistent.
  CHECK(r.makespan_ms > 0);
  CHECK(r.sequential_ms >= r.critical_path_ms);
  CHECK(r.critical_path.front() == "ANALYSIS");
  auto j = nlohmann::json::parse(r.ToJson());
  for (const char* k : {"makespan_ms", "sequential_ms", "critical_path_ms", "time_saved_percent", "phases", "waves"})
    CHECK_MESSAGE(j.contains(k), k);
  auto back = RunReport::FromJson(r.ToJson());
  REQUIRE(back.has_value());
  CHECK(back->phases.size() == r.phases.size());
  CHECK(back->makespan_ms == doctest::Approx(r.makespan_ms).epsilon(0.01));
}

TEST_CASE("WorkflowRunner.ResumeMakesNoCallForCompletedPhases") {
  test::MemoryStore store;
  test::ScriptedProvider broken;
  broken.overrides["SOLUTIONING_EPICS"] = kEpics;
  broken.fail_phases = {"SPEC_ARCHITECT"};
  int64_t project = NewProject(store);
  RunOptions opt;
  opt.auto_approve = true;
  RunReport first;
  {
    WorkflowRunner runner(Default(), store, broken, SystemClock::Instance());
    first = runner.Run(project, opt, nullptr, CancelToken{});
  }
  CHECK(first.status == RunStatus::kFailed);
  CHECK(StatusOf(first, "SPEC_ARCHITECT") == PhaseStatus::kFailed);
  CHECK(StatusOf(first, "ANALYSIS") == PhaseStatus::kSucceeded);
  CHECK(StatusOf(first, "SOLUTIONING_TASKS") == PhaseStatus::kSkipped);

  test::ScriptedProvider fixed;
  fixed.overrides["SOLUTIONING_EPICS"] = kEpics;
  WorkflowRunner runner(Default(), store, fixed, SystemClock::Instance());
  RunReport second = runner.Resume(project, first.run_id, opt, nullptr, CancelToken{});
  INFO(second.ToJson());
  CHECK(second.status == RunStatus::kSucceeded);
  for (const char* done : {"ANALYSIS", "STACK_SELECTION", "SPEC_PM", "SPEC_DESIGN_TOKENS", "SOLUTIONING_EPICS"})
    CHECK_MESSAGE(fixed.Calls(done) == 0, done);
  CHECK(fixed.Calls("SPEC_ARCHITECT") == 1);
  CHECK(fixed.Calls("SOLUTIONING_TASKS") == 3);
}

TEST_CASE("WorkflowRunner.FailedCommitStoresNothingOfThePhase") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  int64_t project = NewProject(store);
  store.FailCommitNumber(1);  // the first phase's commit (ANALYSIS)
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunReport r = runner.Run(project, RunOptions{}, nullptr, CancelToken{});
  CHECK(StatusOf(r, "ANALYSIS") == PhaseStatus::kFailed);
  CHECK_FALSE(store.LatestVersion(project, "analysis.md").has_value());
  bool mentions = false;
  for (const auto& p : r.phases) mentions |= p.reason.find("storage is full") != std::string::npos;
  CHECK(mentions);
}

TEST_CASE("WorkflowRunner.ValidationErrorStopsThePhase") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  PhaseChecks checks;
  checks.validate_phase = [](const PhaseSpec& p, const NamedTexts& produced) {
    std::vector<ArtifactFinding> out;
    if (p.name == "SPEC_DESIGN_TOKENS")
      out.push_back({produced[0].first, "anti_ai_slop", "purple-gradient", Severity::kError, 7, "purple gradient", "x"});
    if (p.name == "SPEC_PM")
      out.push_back({produced[0].first, "markdown_frontmatter", "w", Severity::kWarning, 1, "a warning", ""});
    return out;
  };
  runner.SetChecks(checks);
  RunReport r = runner.Run(project, RunOptions{}, nullptr, CancelToken{});
  CHECK(StatusOf(r, "SPEC_DESIGN_TOKENS") == PhaseStatus::kFailed);
  CHECK(StatusOf(r, "SPEC_DESIGN_COMPONENTS") == PhaseStatus::kSkipped);
  CHECK(StatusOf(r, "SPEC_PM") == PhaseStatus::kSucceeded);  // warnings are kept, not fatal
  // A failed phase's output never becomes a version (issue #14.1); its
  // findings and reply are on the phase's record instead.
  CHECK_FALSE(store.LatestVersion(project, "design-tokens.md").has_value());
  bool recorded = false;
  for (const auto& pr : store.ListPhaseRuns(r.run_id))
    if (pr.phase == "SPEC_DESIGN_TOKENS")
      recorded = pr.findings_json.find("purple-gradient") != std::string::npos && !pr.raw_reply.empty();
  CHECK(recorded);
}

TEST_CASE("WorkflowRunner.ApprovalGatePausesThenResumes") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunReport r = runner.Run(project, RunOptions{}, nullptr, CancelToken{});
  CHECK(r.status == RunStatus::kAwaitingApproval);
  REQUIRE(r.pending_gates.size() == 1);
  CHECK(r.pending_gates[0] == "SPEC_ARCHITECT/architecture_approved");
  CHECK(provider.Calls("DEPENDENCIES") == 0);
  CHECK(runner.Approve(project, r.run_id, "SPEC_ARCHITECT", "architecture_approved", "user").kind ==
        StoreError::Kind::kNone);
  CHECK(runner.Approve(project, r.run_id, "SPEC_ARCHITECT", "no_such_gate", "user").kind != StoreError::Kind::kNone);
  RunReport r2 = runner.Resume(project, r.run_id, RunOptions{}, nullptr, CancelToken{});
  CHECK(r2.status == RunStatus::kSucceeded);
  CHECK(provider.Calls("SPEC_ARCHITECT") == 1);
  CHECK(provider.Calls("DEPENDENCIES") == 1);
}

TEST_CASE("WorkflowRunner.BudgetStopsLaunching") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.budget_usd = 0.025;
  opt.cost = [](ProviderKind, const std::string&, const TokenUsage&) { return 0.01; };
  opt.max_in_flight = 1;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  CHECK(r.status == RunStatus::kFailed);
  CHECK(r.stop_reason.find("budget") != std::string::npos);
  CHECK(r.cost_usd <= 0.025 + 1e-9);
  CHECK(provider.TotalCalls() == 2);
}

TEST_CASE("WorkflowRunner.EarlyCutoffSkipsPhasesWhoseInputsDidNotChange") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  int64_t project = NewProject(store);
  RunOptions opt;
  opt.auto_approve = true;
  {
    WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
    REQUIRE(runner.Run(project, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);
  }
  // Regenerate everything downstream of SPEC_PM, as if prd.md was edited; the
  // scripted provider answers the same, so every output comes out unchanged.
  test::ScriptedProvider again;
  again.overrides["SOLUTIONING_EPICS"] = kEpics;
  WorkflowRunner runner(Default(), store, again, SystemClock::Instance());
  RunOptions regen = opt;
  regen.only_phases = std::set<std::string>{"SPEC_ARCHITECT", "SPEC_DESIGN_COMPONENTS", "DEPENDENCIES",
                                            "SOLUTIONING_EPICS", "SOLUTIONING_TASKS", "VALIDATE", "DONE"};
  regen.early_cutoff = true;
  regen.changed_inputs = {"SPEC_PM"};
  regen.run_kind = RunKind::kRegeneration;
  RunReport r = runner.Run(project, regen, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(r.status == RunStatus::kSucceeded);
  // Direct dependents of the edit run; their outputs are unchanged, so
  // nothing after them is called again.
  CHECK(again.Calls("SPEC_ARCHITECT") == 1);
  CHECK(again.Calls("SOLUTIONING_EPICS") == 1);
  CHECK(again.Calls("DEPENDENCIES") == 0);
  CHECK(again.Calls("SOLUTIONING_TASKS") == 0);
  CHECK(r.early_cutoff_phases >= 2);
  // Unchanged outputs add no versions.
  CHECK(store.ListVersions(project, "architecture.md").size() == 1);
}
