// SqliteStore: workflow runs and phase runs, approvals, detected changes,
// regeneration runs, validation runs, snapshots and the response cache.
#include <nlohmann/json.hpp>

#include "store/sqlite_db.hpp"
#include "store/sqlite_store.hpp"

namespace specwave {

using Kind = StoreError::Kind;
using sql::Step;

namespace {

StoreError NotFound(const char* what, int64_t id) {
  return {Kind::kNotFound, std::string("no ") + what + " " + std::to_string(id)};
}

// JSON text columns: empty means "nothing", stored as the empty container.
std::string OrEmpty(const std::string& json, const char* empty) { return json.empty() ? empty : json; }

std::string ListToJson(const std::vector<std::string>& list) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& s : list) j.push_back(s);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> ListFromJson(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

constexpr const char* kRunColumns =
    "SELECT id, project_id, kind, mode, status, options_json, metrics_json, started_at, finished_at FROM "
    "workflow_runs ";

WorkflowRunRecord ReadRun(const sql::Stmt& st) {
  WorkflowRunRecord r;
  r.id = st.Int(0);
  r.project_id = st.Int(1);
  // Stored names are read once, here; an unknown one (a damaged or foreign
  // row) reads as what it most safely means.
  r.kind = ParseRunKind(st.Text(2)).value_or(RunKind::kRun);
  r.mode = st.Text(3);
  r.status = ParseRunStatus(st.Text(4)).value_or(RunStatus::kInterrupted);
  r.options_json = st.Text(5);
  r.metrics_json = st.Text(6);
  r.started_at = st.Int(7);
  r.finished_at = st.Int(8);
  return r;
}

}  // namespace

// ---- Workflow runs ----------------------------------------------------------

StoreError SqliteStore::CreateRun(WorkflowRunRecord& run) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (StoreError err = RequireProjectLocked(run.project_id)) return err;
  int64_t started = run.started_at ? run.started_at : Now();
  auto st = db_->Prepare(
      "INSERT INTO workflow_runs (project_id, kind, mode, status, options_json, metrics_json, started_at, finished_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.Bind(1, run.project_id).Bind(2, RunKindName(run.kind)).Bind(3, run.mode).Bind(4, RunStatusName(run.status));
  st.Bind(5, OrEmpty(run.options_json, "{}")).Bind(6, OrEmpty(run.metrics_json, "{}")).Bind(7, started);
  st.Bind(8, run.finished_at);
  if (!st.Run()) return Fail("creating the run");
  run.id = db_->LastInsertId();
  run.started_at = started;
  return {};
}

StoreError SqliteStore::UpdateRun(const WorkflowRunRecord& run) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  auto st = db_->Prepare(
      "UPDATE workflow_runs SET mode = ?2, status = ?3, options_json = ?4, metrics_json = ?5, finished_at = ?6 "
      "WHERE id = ?1");
  st.Bind(1, run.id).Bind(2, run.mode).Bind(3, RunStatusName(run.status)).Bind(4, OrEmpty(run.options_json, "{}"));
  st.Bind(5, OrEmpty(run.metrics_json, "{}")).Bind(6, run.finished_at);
  if (!st.Run()) return Fail("updating the run");
  if (db_->Changes() == 0) return NotFound("workflow run", run.id);
  return {};
}

std::optional<WorkflowRunRecord> SqliteStore::GetRun(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare(std::string(kRunColumns) + "WHERE id = ?1");
  st.Bind(1, run_id);
  if (st.Next() != Step::kRow) return std::nullopt;
  return ReadRun(st);
}

std::optional<WorkflowRunRecord> SqliteStore::LatestRun(int64_t project_id, RunKind kind) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare(std::string(kRunColumns) + "WHERE project_id = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1");
  st.Bind(1, project_id).Bind(2, RunKindName(kind));
  if (st.Next() != Step::kRow) return std::nullopt;
  return ReadRun(st);
}

// ---- Phase runs ---------------------------------------------------------------

StoreError SqliteStore::InsertPhaseRunLocked(PhaseRunRecord& pr) {
  auto st = db_->Prepare(
      "INSERT INTO phase_runs (workflow_run_id, phase, status, started_at_us, ended_at_us, duration_ms, calls, "
      "cached_calls, input_tokens, output_tokens, cached_input_tokens, cost_usd, error, provider, model, outcome, "
      "raw_reply, findings_json, repair_calls) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
  st.BindId(1, pr.workflow_run_id).Bind(2, pr.phase).Bind(3, PhaseStatusName(pr.status));
  st.Bind(4, pr.started_at_us).Bind(5, pr.ended_at_us).Bind(6, pr.duration_ms).Bind(7, pr.calls);
  st.Bind(8, pr.cached_calls).Bind(9, pr.usage.input_tokens).Bind(10, pr.usage.output_tokens);
  st.Bind(11, pr.usage.cached_input_tokens).Bind(12, pr.cost_usd).Bind(13, pr.error).Bind(14, ProviderKindName(pr.provider));
  st.Bind(15, pr.model).Bind(16, PhaseOutcomeName(pr.outcome));
  st.Bind(17, pr.raw_reply).Bind(18, pr.findings_json.empty() ? std::string("[]") : pr.findings_json);
  st.Bind(19, pr.repair_calls);
  if (!st.Run()) return Fail("saving phase " + pr.phase);
  pr.id = db_->LastInsertId();
  return {};
}

StoreError SqliteStore::RecordPhaseRun(PhaseRunRecord& phase_run) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (phase_run.phase.empty()) return {Kind::kInvalid, "a phase run needs a phase"};
  return InsertPhaseRunLocked(phase_run);
}

std::vector<PhaseRunRecord> SqliteStore::ListPhaseRuns(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<PhaseRunRecord> out;
  auto st = db_->Prepare(
      "SELECT id, workflow_run_id, phase, status, started_at_us, ended_at_us, duration_ms, calls, cached_calls, "
      "input_tokens, output_tokens, cached_input_tokens, cost_usd, error, provider, model, outcome, "
      "raw_reply, findings_json, repair_calls FROM phase_runs WHERE workflow_run_id = ?1 ORDER BY id");
  st.Bind(1, run_id);
  while (st.Next() == Step::kRow) {
    PhaseRunRecord pr;
    pr.id = st.Int(0);
    pr.workflow_run_id = st.Int(1);
    pr.phase = st.Text(2);
    pr.status = ParsePhaseStatus(st.Text(3)).value_or(PhaseStatus::kPending);
    pr.started_at_us = st.Int(4);
    pr.ended_at_us = st.Int(5);
    pr.duration_ms = st.Int(6);
    pr.calls = static_cast<int>(st.Int(7));
    pr.cached_calls = static_cast<int>(st.Int(8));
    pr.usage.input_tokens = st.Int(9);
    pr.usage.output_tokens = st.Int(10);
    pr.usage.cached_input_tokens = st.Int(11);
    pr.cost_usd = st.Real(12);
    pr.error = st.Text(13);
    pr.provider = ParseProviderKind(st.Text(14)).value_or(ProviderKind::kOffline);
    pr.model = st.Text(15);
    pr.outcome = ParsePhaseOutcome(st.Text(16)).value_or(PhaseOutcome::kNone);
    pr.raw_reply = st.Text(17);
    pr.findings_json = st.Text(18);
    pr.repair_calls = static_cast<int>(st.Int(19));
    out.push_back(std::move(pr));
  }
  return out;
}

// ---- Approvals ----------------------------------------------------------------

StoreError SqliteStore::RecordApproval(ApprovalRecord& approval) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  int64_t at = approval.decided_at ? approval.decided_at : Now();
  auto st = db_->Prepare(
      "INSERT INTO approvals (project_id, workflow_run_id, phase, gate, decided_by, decided_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.Bind(1, approval.project_id).BindId(2, approval.workflow_run_id).Bind(3, approval.phase).Bind(4, approval.gate);
  st.Bind(5, approval.decided_by).Bind(6, at);
  if (!st.Run()) return Fail("saving the approval");
  approval.id = db_->LastInsertId();
  approval.decided_at = at;
  return {};
}

std::vector<ApprovalRecord> SqliteStore::ListApprovals(int64_t run_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ApprovalRecord> out;
  auto st = db_->Prepare(
      "SELECT id, project_id, workflow_run_id, phase, gate, decided_by, decided_at FROM approvals "
      "WHERE workflow_run_id = ?1 ORDER BY id");
  st.Bind(1, run_id);
  while (st.Next() == Step::kRow)
    out.push_back({st.Int(0), st.Int(1), st.Int(2), st.Text(3), st.Text(4), st.Text(5), st.Int(6)});
  return out;
}

// ---- Changes ------------------------------------------------------------------

StoreError SqliteStore::RecordChange(ArtifactChangeRecord& change) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  int64_t at = change.created_at ? change.created_at : Now();
  auto st = db_->Prepare(
      "INSERT INTO artifact_changes (project_id, artifact, old_version_id, new_version_id, old_sha256, new_sha256, "
      "sections_json, impact_level, impact_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.Bind(1, change.project_id).Bind(2, change.artifact).BindId(3, change.old_version_id);
  st.BindId(4, change.new_version_id).Bind(5, change.old_sha256).Bind(6, change.new_sha256);
  st.Bind(7, OrEmpty(change.sections_json, "[]"))
      .Bind(8, change.impact_level)
      .Bind(9, OrEmpty(change.impact_json, "{}"));
  st.Bind(10, at);
  if (!st.Run()) return Fail("saving the change to " + change.artifact);
  change.id = db_->LastInsertId();
  change.created_at = at;
  return {};
}

std::optional<ArtifactChangeRecord> SqliteStore::GetChange(int64_t change_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare(
      "SELECT id, project_id, artifact, old_version_id, new_version_id, old_sha256, new_sha256, sections_json, "
      "impact_level, impact_json, created_at FROM artifact_changes WHERE id = ?1");
  st.Bind(1, change_id);
  if (st.Next() != Step::kRow) return std::nullopt;
  ArtifactChangeRecord c;
  c.id = st.Int(0);
  c.project_id = st.Int(1);
  c.artifact = st.Text(2);
  c.old_version_id = st.Int(3);
  c.new_version_id = st.Int(4);
  c.old_sha256 = st.Text(5);
  c.new_sha256 = st.Text(6);
  c.sections_json = st.Text(7);
  c.impact_level = st.Text(8);
  c.impact_json = st.Text(9);
  c.created_at = st.Int(10);
  return c;
}

// ---- Regeneration runs --------------------------------------------------------

namespace {

void BindRegeneration(sql::Stmt& st, const RegenerationRunRecord& r) {
  st.Bind(2, r.trigger_artifact).BindId(3, r.trigger_change_id).Bind(4, OrEmpty(r.impact_json, "{}"));
  st.Bind(5, r.strategy).Bind(6, ListToJson(r.to_regenerate)).Bind(7, ListToJson(r.regenerated));
  st.Bind(8, ListToJson(r.skipped_early_cutoff)).BindId(9, r.workflow_run_id).Bind(10, r.started_at);
  st.Bind(11, r.completed_at).Bind(12, r.duration_ms);
  if (r.success)
    st.Bind(13, *r.success ? 1 : 0);
  else
    st.BindNull(13);
  st.Bind(14, r.error);
}

}  // namespace

StoreError SqliteStore::CreateRegenerationRun(RegenerationRunRecord& run) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  RegenerationRunRecord r = run;
  if (r.started_at == 0) r.started_at = Now();
  auto st = db_->Prepare(
      "INSERT INTO regeneration_runs (project_id, trigger_artifact, trigger_change_id, impact_json, strategy, "
      "to_regenerate_json, regenerated_json, skipped_early_cutoff_json, workflow_run_id, started_at, completed_at, "
      "duration_ms, success, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  st.Bind(1, r.project_id);
  BindRegeneration(st, r);
  if (!st.Run()) return Fail("saving the regeneration run");
  r.id = db_->LastInsertId();
  run = r;
  return {};
}

StoreError SqliteStore::UpdateRegenerationRun(const RegenerationRunRecord& run) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  auto st = db_->Prepare(
      "UPDATE regeneration_runs SET trigger_artifact = ?2, trigger_change_id = ?3, impact_json = ?4, strategy = ?5, "
      "to_regenerate_json = ?6, regenerated_json = ?7, skipped_early_cutoff_json = ?8, workflow_run_id = ?9, "
      "started_at = ?10, completed_at = ?11, duration_ms = ?12, success = ?13, error = ?14 WHERE id = ?1");
  st.Bind(1, run.id);
  BindRegeneration(st, run);
  if (!st.Run()) return Fail("updating the regeneration run");
  if (db_->Changes() == 0) return NotFound("regeneration run", run.id);
  return {};
}

std::vector<RegenerationRunRecord> SqliteStore::ListRegenerationRuns(int64_t project_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<RegenerationRunRecord> out;
  auto st = db_->Prepare(
      "SELECT id, project_id, trigger_artifact, trigger_change_id, impact_json, strategy, to_regenerate_json, "
      "regenerated_json, skipped_early_cutoff_json, workflow_run_id, started_at, completed_at, duration_ms, success, "
      "error FROM regeneration_runs WHERE project_id = ?1 ORDER BY id");
  st.Bind(1, project_id);
  while (st.Next() == Step::kRow) {
    RegenerationRunRecord r;
    r.id = st.Int(0);
    r.project_id = st.Int(1);
    r.trigger_artifact = st.Text(2);
    r.trigger_change_id = st.Int(3);
    r.impact_json = st.Text(4);
    r.strategy = st.Text(5);
    r.to_regenerate = ListFromJson(st.Text(6));
    r.regenerated = ListFromJson(st.Text(7));
    r.skipped_early_cutoff = ListFromJson(st.Text(8));
    r.workflow_run_id = st.Int(9);
    r.started_at = st.Int(10);
    r.completed_at = st.Int(11);
    r.duration_ms = st.Int(12);
    if (!st.IsNull(13)) r.success = st.Int(13) != 0;
    r.error = st.Text(14);
    out.push_back(std::move(r));
  }
  return out;
}

// ---- Validation runs ----------------------------------------------------------

StoreError SqliteStore::RecordValidation(ValidationRunRecord& run) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (run.validator.empty()) return {Kind::kInvalid, "a validation run needs a validator"};
  int64_t at = run.created_at ? run.created_at : Now();
  auto st = db_->Prepare(
      "INSERT INTO validation_runs (project_id, artifact_version_id, artifact, validator, passed, findings_json, "
      "workflow_run_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.Bind(1, run.project_id).BindId(2, run.artifact_version_id).Bind(3, run.artifact).Bind(4, run.validator);
  st.Bind(5, run.passed ? 1 : 0).Bind(6, OrEmpty(run.findings_json, "[]")).BindId(7, run.workflow_run_id).Bind(8, at);
  if (!st.Run()) return Fail("saving the validation of " + run.artifact);
  run.id = db_->LastInsertId();
  run.created_at = at;
  return {};
}

std::vector<ValidationRunRecord> SqliteStore::LatestValidations(int64_t project_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ValidationRunRecord> out;
  auto st = db_->Prepare(
      "SELECT v.id, v.project_id, v.artifact_version_id, v.artifact, v.validator, v.passed, v.findings_json, "
      "v.workflow_run_id, v.created_at FROM validation_runs v "
      "JOIN (SELECT max(id) AS id FROM validation_runs WHERE project_id = ?1 GROUP BY artifact, validator) latest "
      "ON latest.id = v.id ORDER BY v.artifact, v.validator");
  st.Bind(1, project_id);
  while (st.Next() == Step::kRow) {
    ValidationRunRecord r;
    r.id = st.Int(0);
    r.project_id = st.Int(1);
    r.artifact_version_id = st.Int(2);
    r.artifact = st.Text(3);
    r.validator = st.Text(4);
    r.passed = st.Int(5) != 0;
    r.findings_json = st.Text(6);
    r.workflow_run_id = st.Int(7);
    r.created_at = st.Int(8);
    out.push_back(std::move(r));
  }
  return out;
}

// ---- Snapshots ----------------------------------------------------------------

StoreError SqliteStore::CreateSnapshot(int64_t project_id, const std::string& label, int64_t* snapshot_id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  if (StoreError err = RequireProjectLocked(project_id)) return err;
  auto st = db_->Prepare("INSERT INTO snapshots (project_id, label, created_at) VALUES (?1, ?2, ?3)");
  st.Bind(1, project_id).Bind(2, label).Bind(3, Now());
  if (!st.Run()) return Fail("saving the snapshot");
  int64_t id = db_->LastInsertId();
  // The snapshot holds the latest version of every artifact at this moment.
  auto items = db_->Prepare(
      "INSERT INTO snapshot_items (snapshot_id, artifact_version_id) "
      "SELECT ?1, (SELECT id FROM artifact_versions WHERE artifact_id = a.id ORDER BY version DESC LIMIT 1) "
      "FROM artifacts a WHERE a.project_id = ?2 AND EXISTS (SELECT 1 FROM artifact_versions WHERE artifact_id = a.id)");
  items.Bind(1, id).Bind(2, project_id);
  if (!items.Run()) return Fail("saving the snapshot");
  if (StoreError err = tx.Commit()) return err;
  if (snapshot_id) *snapshot_id = id;
  return {};
}

// ---- Response cache -----------------------------------------------------------

std::optional<CachedResponse> SqliteStore::CacheGet(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st =
      db_->Prepare("SELECT text, input_tokens, output_tokens, cached_input_tokens FROM response_cache WHERE key = ?1");
  st.Bind(1, key);
  if (st.Next() != Step::kRow) return std::nullopt;
  CachedResponse r;
  r.text = st.Text(0);
  r.usage.input_tokens = st.Int(1);
  r.usage.output_tokens = st.Int(2);
  r.usage.cached_input_tokens = st.Int(3);
  return r;
}

StoreError SqliteStore::CachePut(const std::string& key, const CachedResponse& value) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (key.empty()) return {Kind::kInvalid, "a cache entry needs a key"};
  auto st = db_->Prepare(
      "INSERT OR REPLACE INTO response_cache (key, text, input_tokens, output_tokens, cached_input_tokens, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.Bind(1, key).Bind(2, value.text).Bind(3, value.usage.input_tokens).Bind(4, value.usage.output_tokens);
  st.Bind(5, value.usage.cached_input_tokens).Bind(6, Now());
  if (!st.Run()) return Fail("saving the response cache");
  return {};
}

}  // namespace specwave
