// Runs, phase runs, CommitPhase (and its atomicity), approvals, changes,
// regeneration runs, validations, snapshots and the response cache.
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;
using Kind = StoreError::Kind;

namespace {

int64_t Count(const std::string& path, const std::string& table) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string q = "SELECT count(*) FROM " + table;
  REQUIRE(sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  int64_t n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

PhaseRunRecord Phase(int64_t run_id, const std::string& phase, PhaseStatus status) {
  PhaseRunRecord pr;
  pr.workflow_run_id = run_id;
  pr.phase = phase;
  pr.status = status;
  pr.started_at_us = 100;
  pr.ended_at_us = 2100;
  pr.duration_ms = 2;
  pr.calls = 3;
  pr.cached_calls = 1;
  pr.usage.input_tokens = 1000;
  pr.usage.output_tokens = 200;
  pr.usage.cached_input_tokens = 50;
  pr.cost_usd = 0.0125;
  pr.provider = ProviderKind::kOffline;
  pr.model = "rules";
  return pr;
}

}  // namespace

TEST_CASE("SqliteStore.CreatesUpdatesAndFindsRuns") {
  auto store = OpenOrFail(FreshDb("runs_crud"));
  ProjectRecord p = MakeProject(*store);
  WorkflowRunRecord r1 = MakeRun(*store, p.id);
  WorkflowRunRecord regen = MakeRun(*store, p.id, RunKind::kRegeneration);
  WorkflowRunRecord r2 = MakeRun(*store, p.id);
  CHECK(r1.started_at > 0);

  r1.status = RunStatus::kSucceeded;
  r1.finished_at = r1.started_at + 5;
  r1.metrics_json = R"({"makespan_ms":5})";
  CHECK_FALSE(store->UpdateRun(r1));
  auto got = store->GetRun(r1.id);
  REQUIRE(got);
  CHECK(got->status == RunStatus::kSucceeded);
  CHECK(got->metrics_json == R"({"makespan_ms":5})");
  CHECK(got->options_json == "{}");
  CHECK(got->mode == "ready");

  CHECK(store->LatestRun(p.id, RunKind::kRun)->id == r2.id);
  CHECK(store->LatestRun(p.id, RunKind::kRegeneration)->id == regen.id);
  CHECK_FALSE(store->LatestRun(MakeProject(*store).id, RunKind::kRun));  // a project with no run
  CHECK_FALSE(store->GetRun(9999));
  WorkflowRunRecord missing = r1;
  missing.id = 9999;
  CHECK(store->UpdateRun(missing).kind == Kind::kNotFound);
}

TEST_CASE("SqliteStore.RecordsAndListsPhaseRuns") {
  auto store = OpenOrFail(FreshDb("runs_phases"));
  ProjectRecord p = MakeProject(*store);
  WorkflowRunRecord run = MakeRun(*store, p.id);
  PhaseRunRecord failed = Phase(run.id, "SPEC_UX", PhaseStatus::kFailed);
  failed.error = "model timed out";
  REQUIRE_FALSE(store->RecordPhaseRun(failed));
  PhaseRunRecord skipped = Phase(run.id, "SPEC_UI", PhaseStatus::kSkipped);
  REQUIRE_FALSE(store->RecordPhaseRun(skipped));
  CHECK(failed.id > 0);

  auto list = store->ListPhaseRuns(run.id);
  REQUIRE(list.size() == 2);
  CHECK(list[0].phase == "SPEC_UX");
  CHECK(list[0].status == PhaseStatus::kFailed);
  CHECK(list[0].error == "model timed out");
  CHECK(list[0].calls == 3);
  CHECK(list[0].cached_calls == 1);
  CHECK(list[0].usage.input_tokens == 1000);
  CHECK(list[0].usage.output_tokens == 200);
  CHECK(list[0].usage.cached_input_tokens == 50);
  CHECK(list[0].cost_usd == doctest::Approx(0.0125));
  CHECK(list[0].started_at_us == 100);
  CHECK(list[0].ended_at_us == 2100);
  CHECK(list[0].provider == ProviderKind::kOffline);
  CHECK(list[0].model == "rules");
  CHECK(list[1].status == PhaseStatus::kSkipped);

  PhaseRunRecord orphan = Phase(4242, "X", PhaseStatus::kFailed);
  CHECK(store->RecordPhaseRun(orphan).kind == Kind::kInvalid);  // foreign key
  CHECK(store->ListPhaseRuns(4242).empty());
}

TEST_CASE("SqliteStore.CommitPhaseStoresVersionsAndThePhaseRun") {
  auto store = OpenOrFail(FreshDb("commit_phase"));
  ProjectRecord p = MakeProject(*store);
  WorkflowRunRecord run = MakeRun(*store, p.id);
  AddText(*store, p.id, "prd.md", "old\n");
  REQUIRE_FALSE(store->MarkStale(p.id, "prd.md", "brief changed"));

  PhaseRunRecord pr = Phase(run.id, "SPEC_PM", PhaseStatus::kSucceeded);
  std::vector<ArtifactToCommit> arts = {{"prd.md", "# PRD\n"}, {"features.md", "# Features\n"}};
  REQUIRE_FALSE(store->CommitPhase(pr, arts, "agent:product_manager", p.id, "", 0));
  CHECK(pr.id > 0);

  auto prd = store->LatestVersion(p.id, "prd.md");
  REQUIRE(prd);
  CHECK(prd->version == 2);
  CHECK(prd->author == "agent:product_manager");
  CHECK(prd->phase == "SPEC_PM");
  CHECK(prd->workflow_run_id == run.id);
  CHECK(prd->regeneration_run_id == 0);
  CHECK(store->LatestVersion(p.id, "features.md")->version == 1);
  CHECK(store->ListArtifacts(p.id)[1].stale_reason.empty());  // prd.md: a new version clears the mark
  auto phases = store->ListPhaseRuns(run.id);
  REQUIRE(phases.size() == 1);
  CHECK(phases[0].id == pr.id);

  // A regeneration commit records why and by which regeneration run.
  RegenerationRunRecord regen;
  regen.project_id = p.id;
  regen.trigger_artifact = "prd.md";
  REQUIRE_FALSE(store->CreateRegenerationRun(regen));
  PhaseRunRecord pr2 = Phase(run.id, "SPEC_ARCHITECT", PhaseStatus::kSucceeded);
  REQUIRE_FALSE(store->CommitPhase(pr2, {{"architecture.md", "# A\n"}}, "agent:architect", p.id,
                                   "PRD > Features changed", regen.id));
  auto arch = store->LatestVersion(p.id, "architecture.md");
  CHECK(arch->regeneration_reason == "PRD > Features changed");
  CHECK(arch->regeneration_run_id == regen.id);
}

TEST_CASE("SqliteStore.CommitPhaseRefusesBadInputBeforeWriting") {
  auto store = OpenOrFail(FreshDb("commit_phase_invalid"));
  ProjectRecord p = MakeProject(*store);
  ProjectRecord other = MakeProject(*store, "Other");
  WorkflowRunRecord run = MakeRun(*store, p.id);
  PhaseRunRecord pr = Phase(run.id, "SPEC_PM", PhaseStatus::kSucceeded);
  CHECK(store->CommitPhase(pr, {{"a.md", "x"}}, "nobody", p.id, "", 0).kind == Kind::kInvalid);
  CHECK(store->CommitPhase(pr, {{"../a.md", "x"}}, "agent:pm", p.id, "", 0).kind == Kind::kInvalid);
  CHECK(store->CommitPhase(pr, {{"a.md", "x"}}, "agent:pm", other.id, "", 0).kind == Kind::kInvalid);
  pr.workflow_run_id = 999;
  CHECK(store->CommitPhase(pr, {{"a.md", "x"}}, "agent:pm", p.id, "", 0).kind == Kind::kNotFound);
  CHECK(pr.id == 0);
  CHECK(store->ListArtifacts(p.id).empty());
  CHECK(store->ListPhaseRuns(run.id).empty());
}

TEST_CASE("SqliteStore.CommitPhaseIsAllOrNothing") {
  std::string path = FreshDb("commit_phase_atomic");
  auto store = OpenOrFail(path);
  ProjectRecord p = MakeProject(*store);
  WorkflowRunRecord run = MakeRun(*store, p.id);
  AddText(*store, p.id, "prd.md", "v1\n");
  // Fault injection: the database itself refuses the second artifact, after
  // the phase_run and the first version have been written in the transaction.
  RawExec(path,
          "CREATE TRIGGER fail_second BEFORE INSERT ON artifact_versions WHEN NEW.content = 'BOOM' "
          "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  int64_t phase_runs = Count(path, "phase_runs"), versions = Count(path, "artifact_versions");

  PhaseRunRecord pr = Phase(run.id, "SPEC_PM", PhaseStatus::kSucceeded);
  std::vector<ArtifactToCommit> arts = {{"prd.md", "v2\n"}, {"features.md", "BOOM"}, {"c.md", "c"}};
  StoreError err = store->CommitPhase(pr, arts, "agent:product_manager", p.id, "", 0);
  CHECK(err);
  CHECK(err.message.find("injected failure") != std::string::npos);
  CHECK(pr.id == 0);
  // Nothing of the phase: no phase_run, no version, no new artifact row.
  CHECK(Count(path, "phase_runs") == phase_runs);
  CHECK(Count(path, "artifact_versions") == versions);
  CHECK(store->LatestVersion(p.id, "prd.md")->version == 1);
  CHECK_FALSE(store->LatestVersion(p.id, "features.md"));
  CHECK(store->ListArtifacts(p.id).size() == 1);
  CHECK(store->ListPhaseRuns(run.id).empty());

  // The store is still usable, and numbering continues where it was.
  RawExec(path, "DROP TRIGGER fail_second");
  arts[1].content = "fine";
  REQUIRE_FALSE(store->CommitPhase(pr, arts, "agent:product_manager", p.id, "", 0));
  CHECK(store->LatestVersion(p.id, "prd.md")->version == 2);
  CHECK(store->ListPhaseRuns(run.id).size() == 1);
}

TEST_CASE("SqliteStore.RecordsApprovals") {
  auto store = OpenOrFail(FreshDb("approvals"));
  ProjectRecord p = MakeProject(*store);
  WorkflowRunRecord run = MakeRun(*store, p.id);
  ApprovalRecord a;
  a.project_id = p.id;
  a.workflow_run_id = run.id;
  a.phase = "SPEC_PM";
  a.gate = "prd_review";
  a.decided_by = "cli --auto-approve";
  REQUIRE_FALSE(store->RecordApproval(a));
  CHECK(a.id > 0);
  CHECK(a.decided_at > 0);
  auto list = store->ListApprovals(run.id);
  REQUIRE(list.size() == 1);
  CHECK(list[0].gate == "prd_review");
  CHECK(list[0].decided_by == "cli --auto-approve");
  CHECK(list[0].project_id == p.id);
  CHECK(store->ListApprovals(run.id + 1).empty());
}

TEST_CASE("SqliteStore.RecordsChangesAndRegenerationRuns") {
  auto store = OpenOrFail(FreshDb("changes_regen"));
  ProjectRecord p = MakeProject(*store);
  ArtifactVersion v1 = AddText(*store, p.id, "prd.md", "a\n");
  ArtifactVersion v2 = AddText(*store, p.id, "prd.md", "b\n");
  ArtifactChangeRecord c;
  c.project_id = p.id;
  c.artifact = "prd.md";
  c.old_version_id = v1.id;
  c.new_version_id = v2.id;
  c.old_sha256 = v1.sha256;
  c.new_sha256 = v2.sha256;
  c.sections_json = R"([{"section":"PRD > Features > Auth","change":"modified"}])";
  c.impact_level = "HIGH";
  c.impact_json = R"({"affected":["architecture.md"]})";
  REQUIRE_FALSE(store->RecordChange(c));
  auto got = store->GetChange(c.id);
  REQUIRE(got);
  CHECK(got->old_version_id == v1.id);
  CHECK(got->new_version_id == v2.id);
  CHECK(got->sections_json == c.sections_json);
  CHECK(got->impact_level == "HIGH");
  CHECK(got->new_sha256 == v2.sha256);
  CHECK_FALSE(store->GetChange(c.id + 100));
  c.impact_level = "SEVERE";
  CHECK(store->RecordChange(c).kind == Kind::kInvalid);

  WorkflowRunRecord run = MakeRun(*store, p.id, RunKind::kRegeneration);
  RegenerationRunRecord r;
  r.project_id = p.id;
  r.trigger_artifact = "prd.md";
  r.trigger_change_id = c.id;
  r.impact_json = c.impact_json;
  r.strategy = "high_impact_only";
  r.to_regenerate = {"architecture.md", "api-spec.md"};
  r.workflow_run_id = run.id;
  REQUIRE_FALSE(store->CreateRegenerationRun(r));
  CHECK(r.id > 0);
  CHECK(r.started_at > 0);
  r.regenerated = {"architecture.md"};
  r.skipped_early_cutoff = {"api-spec.md"};
  r.completed_at = r.started_at + 1500;
  r.duration_ms = 1500;
  r.success = true;
  REQUIRE_FALSE(store->UpdateRegenerationRun(r));
  auto list = store->ListRegenerationRuns(p.id);
  REQUIRE(list.size() == 1);
  CHECK(list[0].trigger_change_id == c.id);
  CHECK(list[0].strategy == "high_impact_only");
  CHECK(list[0].to_regenerate == std::vector<std::string>{"architecture.md", "api-spec.md"});
  CHECK(list[0].regenerated == std::vector<std::string>{"architecture.md"});
  CHECK(list[0].skipped_early_cutoff == std::vector<std::string>{"api-spec.md"});
  CHECK(list[0].success == std::optional<bool>(true));
  CHECK(list[0].duration_ms == 1500);
  CHECK(list[0].workflow_run_id == run.id);

  RegenerationRunRecord unfinished;
  unfinished.project_id = p.id;
  REQUIRE_FALSE(store->CreateRegenerationRun(unfinished));
  CHECK_FALSE(store->ListRegenerationRuns(p.id)[1].success.has_value());
  unfinished.id = 9999;
  CHECK(store->UpdateRegenerationRun(unfinished).kind == Kind::kNotFound);
}

TEST_CASE("SqliteStore.LatestValidationsPerArtifactAndValidator") {
  auto store = OpenOrFail(FreshDb("validations"));
  ProjectRecord p = MakeProject(*store);
  ArtifactVersion v = AddText(*store, p.id, "prd.md", "x\n");
  auto record = [&](const std::string& artifact, const std::string& validator, bool passed) {
    ValidationRunRecord r;
    r.project_id = p.id;
    r.artifact = artifact;
    r.validator = validator;
    r.passed = passed;
    r.artifact_version_id = artifact == "prd.md" ? v.id : 0;
    r.findings_json = passed ? "[]" : R"([{"severity":"error","line":3,"message":"missing section"}])";
    REQUIRE_FALSE(store->RecordValidation(r));
    return r;
  };
  record("prd.md", "headings", false);
  auto latest_headings = record("prd.md", "headings", true);
  record("prd.md", "links", false);
  record("", "traceability", true);
  auto list = store->LatestValidations(p.id);
  REQUIRE(list.size() == 3);
  CHECK(list[0].validator == "traceability");
  CHECK(list[1].validator == "headings");
  CHECK(list[1].id == latest_headings.id);
  CHECK(list[1].passed);
  CHECK(list[1].artifact_version_id == v.id);
  CHECK(list[2].validator == "links");
  CHECK_FALSE(list[2].passed);
  CHECK(list[2].findings_json.find("missing section") != std::string::npos);
}

TEST_CASE("SqliteStore.SnapshotsHoldTheLatestVersions") {
  std::string path = FreshDb("snapshots");
  auto store = OpenOrFail(path);
  ProjectRecord p = MakeProject(*store);
  AddText(*store, p.id, "a.md", "1\n");
  ArtifactVersion a2 = AddText(*store, p.id, "a.md", "2\n");
  ArtifactVersion b1 = AddText(*store, p.id, "b.md", "1\n");
  int64_t snap = 0;
  REQUIRE_FALSE(store->CreateSnapshot(p.id, "before regeneration", &snap));
  CHECK(snap > 0);
  CHECK(store->CreateSnapshot(9999, "x", &snap).kind == Kind::kNotFound);
  CHECK(Count(path, "snapshot_items") == 2);
  CHECK(Count(path, "snapshot_items WHERE artifact_version_id IN (" + std::to_string(a2.id) + "," +
                        std::to_string(b1.id) + ")") == 2);
}

TEST_CASE("SqliteStore.ResponseCache") {
  auto store = OpenOrFail(FreshDb("cache"));
  CHECK_FALSE(store->CacheGet("k1"));
  CachedResponse r;
  r.text = "=== FILE: prd.md ===\n# PRD\n";
  r.usage.input_tokens = 10;
  r.usage.output_tokens = 20;
  r.usage.cached_input_tokens = 5;
  REQUIRE_FALSE(store->CachePut("k1", r));
  auto got = store->CacheGet("k1");
  REQUIRE(got);
  CHECK(got->text == r.text);
  CHECK(got->usage.input_tokens == 10);
  CHECK(got->usage.output_tokens == 20);
  CHECK(got->usage.cached_input_tokens == 5);
  r.text = "replaced";
  REQUIRE_FALSE(store->CachePut("k1", r));
  CHECK(store->CacheGet("k1")->text == "replaced");
  CHECK(store->CachePut("", r).kind == Kind::kInvalid);
}

TEST_CASE("SqliteStore.InMemoryDatabaseWorks") {
  SqliteOptions o;
  o.path = ":memory:";
  auto store = OpenOrFail(o);
  ProjectRecord p = MakeProject(*store);
  AddText(*store, p.id, "a.md", "x");
  CHECK(store->ListArtifacts(p.id).size() == 1);
}
