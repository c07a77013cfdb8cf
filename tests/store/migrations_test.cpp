#include "store/migrations.hpp"

#include "store/sqlite_db.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;

namespace {

int64_t UserVersion(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  int64_t v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::unique_ptr<sql::Db> RawDb(const std::string& path) {
  StoreError err;
  auto db = sql::Db::Open(path, {}, &err);
  REQUIRE(db);
  return db;
}

}  // namespace

TEST_CASE("SqliteStore.MigrationsAreNumberedWithoutGaps") {
  const auto& steps = sql::Migrations();
  REQUIRE_FALSE(steps.empty());
  for (size_t i = 0; i < steps.size(); ++i) {
    CHECK(steps[i].version == static_cast<int>(i) + 1);
    CHECK(std::string(steps[i].description).size() > 0);
  }
  CHECK(sql::LatestSchemaVersion() == steps.back().version);
}

TEST_CASE("SqliteStore.MigratesAnEmptyDatabase") {
  std::string path = FreshDb("migrate_empty");
  {
    auto store = OpenOrFail(path);
    CHECK(store->schema_version() == sql::LatestSchemaVersion());
    CHECK(store->journal_mode() == "wal");
  }
  CHECK(UserVersion(path) == sql::LatestSchemaVersion());
  // Every table of the model is there.
  auto db = RawDb(path);
  for (const char* table :
       {"projects", "artifacts", "artifact_versions", "artifact_changes", "workflow_runs", "phase_runs",
        "regeneration_runs", "snapshots", "snapshot_items", "validation_runs", "approvals", "response_cache"}) {
    auto n =
        db->QueryInt(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") + table + "'");
    CHECK_MESSAGE(n.value_or(0) == 1, table);
  }
  CHECK(db->QueryInt("PRAGMA application_id").value_or(0) == sql::kApplicationId);
}

TEST_CASE("SqliteStore.ReopenIsIdempotent") {
  std::string path = FreshDb("migrate_reopen");
  int64_t id = 0;
  {
    auto store = OpenOrFail(path);
    id = MakeProject(*store).id;
    AddText(*store, id, "prd.md", "v1\n");
  }
  for (int i = 0; i < 3; ++i) {
    auto store = OpenOrFail(path);
    CHECK(store->schema_version() == sql::LatestSchemaVersion());
    REQUIRE(store->ListProjects().size() == 1);
    CHECK(store->LatestVersion(id, "prd.md")->content == "v1\n");
  }
  CHECK(UserVersion(path) == sql::LatestSchemaVersion());
}

TEST_CASE("SqliteStore.MigrationsApplyStepByStep") {
  std::string path = FreshDb("migrate_steps");
  auto db = RawDb(path);
  std::vector<sql::Migration> steps = {
      {1, "a", "CREATE TABLE a (x INTEGER) STRICT;"},
      {2, "b", "CREATE TABLE b (y INTEGER) STRICT;"},
  };
  int reached = 0;
  REQUIRE_FALSE(sql::ApplyMigrations(*db, {steps[0]}, &reached));
  CHECK(reached == 1);
  // An older database is brought forward by the steps it has not seen.
  REQUIRE_FALSE(sql::ApplyMigrations(*db, steps, &reached));
  CHECK(reached == 2);
  CHECK(db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name IN ('a', 'b')") == 2);
  // Applying again changes nothing.
  REQUIRE_FALSE(sql::ApplyMigrations(*db, steps, &reached));
  CHECK(reached == 2);
}

TEST_CASE("SqliteStore.FailedMigrationStepLeavesThePreviousVersion") {
  std::string path = FreshDb("migrate_fail");
  auto db = RawDb(path);
  std::vector<sql::Migration> steps = {
      {1, "a", "CREATE TABLE a (x INTEGER) STRICT;"},
      // Half of this step would succeed; the transaction must drop that half.
      {2, "broken", "CREATE TABLE b (y INTEGER) STRICT; CREATE TABLE a (x INTEGER);"},
  };
  int reached = 0;
  StoreError err = sql::ApplyMigrations(*db, steps, &reached);
  CHECK(err);
  CHECK(reached == 1);
  CHECK(db->QueryInt("PRAGMA user_version") == 1);
  CHECK(db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == 0);
}

TEST_CASE("SqliteStore.ForeignKeysAreOn") {
  auto store = OpenOrFail(FreshDb("fk_on"));
  // A run for a project that does not exist is refused by the foreign key.
  WorkflowRunRecord r;
  r.project_id = 424242;
  r.kind = RunKind::kRun;
  r.status = RunStatus::kRunning;
  CHECK(store->CreateRun(r).kind == StoreError::Kind::kNotFound);
  ApprovalRecord a;
  a.project_id = 424242;
  a.workflow_run_id = 1;
  a.phase = "P";
  a.gate = "g";
  StoreError err = store->RecordApproval(a);
  CHECK(err.kind == StoreError::Kind::kInvalid);
  CHECK(err.message.find("FOREIGN KEY") != std::string::npos);
}

TEST_CASE("SqliteStore.RefusesAnotherProgramsDatabase") {
  std::string path = FreshDb("foreign_db");
  RawExec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  StoreError err;
  SqliteOptions o;
  o.path = path;
  CHECK_FALSE(OpenSqliteStore(o, &err));
  CHECK(err.kind == StoreError::Kind::kInvalid);
  CHECK(err.message.find("not a Specwave one") != std::string::npos);
  // ... and left it alone.
  auto db = RawDb(path);
  CHECK(db->QueryInt("PRAGMA user_version") == 0);
  CHECK(db->QueryInt("SELECT count(*) FROM sqlite_schema") == 1);
}

TEST_CASE("SqliteStore.BrowserOptionsUseATruncatedJournalAndAnExclusiveLock") {
  std::string path = FreshDb("browser_options");
  SqliteOptions o = SqliteOptions::ForBrowser(path, "");  // default VFS natively
  CHECK(o.journal == JournalMode::kTruncate);
  CHECK(o.exclusive_locking);
  auto store = OpenOrFail(o);
  CHECK(store->journal_mode() == "truncate");
  ProjectRecord p = MakeProject(*store);
  AddText(*store, p.id, "prd.md", "x\n");
  CHECK(store->ListArtifacts(p.id).size() == 1);
}

// Schema 3 (issue #14): a database written at schema 2 is brought forward;
// its phase runs read back with no raw reply and no findings, and new ones
// keep what a failed phase said.
TEST_CASE("SqliteStore.Schema3KeepsAFailedPhasesReplyAndFindings") {
  std::string path = FreshDb("migrate_v3");
  int64_t run_id = 0;
  {
    auto db = RawDb(path);
    std::vector<sql::Migration> upto2(sql::Migrations().begin(), sql::Migrations().begin() + 2);
    int reached = 0;
    REQUIRE_FALSE(sql::ApplyMigrations(*db, upto2, &reached));
    REQUIRE(reached == 2);
    REQUIRE(db->Exec("INSERT INTO projects (name, brief, workflow_yaml, workflow_name, settings_json, created_at, "
                     "updated_at) VALUES ('p', 'b', 'w', 'default', '{}', 1, 1)"));
    REQUIRE(db->Exec("INSERT INTO workflow_runs (project_id, kind, mode, status, options_json, metrics_json, "
                     "started_at) VALUES (1, 'run', 'ready', 'failed', '{}', '{}', 1)"));
    REQUIRE(db->Exec("INSERT INTO phase_runs (workflow_run_id, phase, status, error, outcome) "
                     "VALUES (1, 'SPEC_PM', 'failed', 'old', 'call_failed')"));
    run_id = 1;
  }
  auto store = OpenOrFail(path);
  CHECK(store->schema_version() == sql::LatestSchemaVersion());
  auto old = store->ListPhaseRuns(run_id);
  REQUIRE(old.size() == 1);
  CHECK(old[0].raw_reply.empty());
  CHECK(old[0].findings_json == "[]");
  CHECK(old[0].repair_calls == 0);

  PhaseRunRecord pr;
  pr.workflow_run_id = run_id;
  pr.phase = "SPEC_DESIGN_TOKENS";
  pr.status = PhaseStatus::kFailed;
  pr.outcome = PhaseOutcome::kValidationFailed;
  pr.raw_reply = "# Design tokens\r\n\r\nA purple gradient.\r\n";
  pr.findings_json = R"([{"artifact":"design-tokens.md","severity":"error","rule":"purple-gradient"}])";
  pr.repair_calls = 1;
  REQUIRE_FALSE(store->RecordPhaseRun(pr));
  auto all = store->ListPhaseRuns(run_id);
  REQUIRE(all.size() == 2);
  CHECK(all[1].raw_reply == pr.raw_reply);  // byte for byte, CRLF included: it is the model's reply
  CHECK(all[1].findings_json == pr.findings_json);
  CHECK(all[1].repair_calls == 1);
}
