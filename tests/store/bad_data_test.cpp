// Bad stored data and hostile conditions, each injected for real: a schema
// from the future, garbage, truncation and flipped bytes in a real file, a
// full disk (max_page_count), a read-only open. Each must give a clear
// error with a way out, and never lose data silently.
#include <filesystem>

#include "store/project_bundle.hpp"
#include "store/salvage.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;
using Kind = StoreError::Kind;
namespace fs = std::filesystem;

namespace {

// A closed database (WAL checkpointed into the main file) with one project
// and `n` versions of a few artifacts; returns the project id.
int64_t MakeDatabase(const std::string& path, int n, size_t content_bytes = 200) {
  auto store = OpenOrFail(path);
  ProjectRecord p = MakeProject(*store);
  for (int i = 1; i <= n; ++i) {
    std::string body = "# Version " + std::to_string(i) + "\n" + std::string(content_bytes, 'a' + i % 26) + "\n";
    AddText(*store, p.id, "doc" + std::to_string(i % 4) + ".md", body);
  }
  return p.id;
}

int64_t QueryRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  int64_t v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

StoreError OpenError(const std::string& path, bool read_only = false) {
  SqliteOptions o;
  o.path = path;
  o.read_only = read_only;
  StoreError err;
  auto store = OpenSqliteStore(o, &err);
  CHECK_FALSE(store);
  return err;
}

// Overwrites the b-tree page header of `table`'s root page with 0xff bytes:
// a page type SQLite does not know, i.e. a damaged page.
void DamageRootPage(const std::string& path, const std::string& table) {
  int64_t page_size = QueryRaw(path, "PRAGMA page_size");
  int64_t root = QueryRaw(path, "SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'");
  std::string bytes = ReadAll(path);
  size_t at = static_cast<size_t>((root - 1) * page_size);
  REQUIRE(at + 8 <= bytes.size());
  for (size_t i = 0; i < 8; ++i) bytes[at + i] = '\xff';
  WriteAll(path, bytes);
}

}  // namespace

TEST_CASE("SqliteStore.NewerSchemaIsRefusedForWritingWithAWayOut") {
  std::string path = FreshDb("bad_too_new");
  int64_t id = MakeDatabase(path, 3);
  RawExec(path, "PRAGMA user_version = 99");
  StoreError err = OpenError(path);
  CHECK(err.kind == Kind::kTooNew);
  CHECK(err.message ==
        "this database was written by a newer Specwave (schema 99 > 5); open it read-only or update Specwave");

  // Read-only still reads, and refuses writes.
  SqliteOptions o;
  o.path = path;
  o.read_only = true;
  auto store = OpenOrFail(o);
  CHECK(store->read_only());
  CHECK(store->schema_version() == 99);
  // A front end tells the person why it shows the data read-only.
  CHECK(store->ReadOnlyReason() ==
        "this database was written by a newer Specwave (schema 99 > 5): it is shown read-only; update Specwave to "
        "change it");
  REQUIRE(store->ListProjects().size() == 1);
  CHECK(store->ListArtifacts(id).size() == 3);
  CHECK(store->LatestVersion(id, "doc1.md"));
  ArtifactVersion v;
  v.project_id = id;
  v.artifact = "x.md";
  v.author = "user";
  CHECK(store->AddVersion(v).kind == Kind::kReadOnly);
  // And the file keeps its version: nothing downgraded it.
  store.reset();
  CHECK(QueryRaw(path, "PRAGMA user_version") == 99);
}

TEST_CASE("SqliteStore.ReadOnlyOpenRefusesEveryWrite") {
  std::string path = FreshDb("bad_read_only");
  int64_t id = MakeDatabase(path, 2);
  SqliteOptions o;
  o.path = path;
  o.read_only = true;
  auto store = OpenOrFail(o);
  CHECK(store->ReadOnlyReason() == "");  // asked for: nothing to explain
  ProjectRecord p = *store->GetProject(id);
  ArtifactVersion v;
  v.project_id = id;
  v.artifact = "doc1.md";
  v.author = "user";
  WorkflowRunRecord run;
  run.project_id = id;
  run.kind = RunKind::kRun;
  run.status = RunStatus::kRunning;
  PhaseRunRecord pr;
  pr.phase = "P";
  ApprovalRecord ap;
  ArtifactChangeRecord ch;
  RegenerationRunRecord rr;
  ValidationRunRecord vr;
  vr.validator = "v";
  int64_t snap = 0;
  std::vector<ArtifactVersion> none;
  for (StoreError err :
       {store->CreateProject(p), store->UpdateProject(p), store->DeleteProject(id), store->AddVersion(v),
        store->MarkStale(id, "doc1.md", "r"), store->ClearStale(id, "doc1.md"), store->CreateRun(run),
        store->UpdateRun(run), store->CommitPhase(pr, {}, "user", id, "", 0), store->RecordPhaseRun(pr),
        store->RecordApproval(ap), store->RecordChange(ch), store->CreateRegenerationRun(rr),
        store->UpdateRegenerationRun(rr), store->RecordValidation(vr), store->CreateSnapshot(id, "s", &snap),
        store->CachePut("k", {}), store->ImportProject(p, none, {})}) {
    CHECK(err.kind == Kind::kReadOnly);
    CHECK(err.message == "the database is open read-only: the last change was not saved");
  }
  CHECK(store->ListProjects().size() == 1);
  CHECK(store->ListVersions(id, "doc1.md").size() == 1);
}

TEST_CASE("SqliteStore.ReadOnlyOpenOfAMissingFileIsNotFound") {
  std::string path = FreshDb("bad_missing");
  StoreError err = OpenError(path, true);
  CHECK(err.kind == Kind::kNotFound);
  CHECK_FALSE(fs::exists(path));  // and it was not created
}

TEST_CASE("SqliteStore.GarbageFileIsCorrupt") {
  std::string path = FreshDb("bad_garbage");
  std::string junk;
  for (int i = 0; i < 8192; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) % 251));
  WriteAll(path, junk);
  for (bool ro : {false, true}) {
    StoreError err = OpenError(path, ro);
    CHECK(err.kind == Kind::kCorrupt);
    CHECK(err.message.find("export what can be read") != std::string::npos);
  }
  CHECK(ReadAll(path) == junk);  // untouched
  SalvageReport report;
  CHECK(SalvageDatabase(path, &report).kind == Kind::kCorrupt);
}

TEST_CASE("SqliteStore.TruncatedFileIsCorrupt") {
  std::string path = FreshDb("bad_truncated");
  MakeDatabase(path, 200, 2000);
  std::string bytes = ReadAll(path);
  REQUIRE(bytes.size() > 100000);
  WriteAll(path, bytes.substr(0, bytes.size() / 2));
  StoreError err = OpenError(path);
  CHECK(err.kind == Kind::kCorrupt);
  CHECK(err.message.find("export what can be read") != std::string::npos);
}

TEST_CASE("SqliteStore.DamagedPageIsCorruptAndSalvageRecoversTheRest") {
  std::string path = FreshDb("bad_page");
  int64_t id = MakeDatabase(path, 400, 1500);
  int64_t page_size = QueryRaw(path, "PRAGMA page_size");
  int64_t pages = QueryRaw(path, "PRAGMA page_count");
  // Damage one leaf page of the versions table: found by where a version's
  // text sits in the file, in the middle of the table.
  std::string bytes = ReadAll(path);
  size_t at = bytes.find("# Version 200\n");
  REQUIRE(at != std::string::npos);
  size_t page_start = at / page_size * page_size;
  for (size_t i = 0; i < 8; ++i) bytes[page_start + i] = '\xff';
  WriteAll(path, bytes);
  REQUIRE(pages > 10);

  StoreError err = OpenError(path);
  CHECK(err.kind == Kind::kCorrupt);

  // Opened without the check, reads that hit the damage come back empty or
  // short, and Health() says why instead of leaving the person guessing.
  SqliteOptions o;
  o.path = path;
  o.read_only = true;
  o.verify_on_open = false;
  auto store = OpenOrFail(o);
  for (int a = 0; a < 4; ++a) store->ListVersions(id, "doc" + std::to_string(a) + ".md");
  CHECK(store->Health().kind == Kind::kCorrupt);
  store.reset();

  SalvageReport report;
  std::string out = FreshDir("salvage_page");
  REQUIRE_FALSE(SalvageExport(path, out, &report));
  REQUIRE(report.projects.size() == 1);
  CHECK(report.versions_read > 300);
  CHECK(report.versions_read < 400);
  CHECK_FALSE(report.problems.empty());
  REQUIRE(report.written.size() == 1);
  CHECK(fs::exists(fs::path(out) / "salvage-report.txt"));
  CHECK(report.projects[0].project.name == "Tide app");

  // The salvaged folder is an ordinary export: it imports into a new database.
  auto fresh = OpenOrFail(FreshDb("salvage_page_import"));
  int64_t new_id = 0;
  StoreError imp = ImportProjectFrom(*fresh, report.written[0], &new_id);
  INFO(imp.message);
  REQUIRE_FALSE(imp);
  int total = 0;
  for (const auto& a : fresh->ListArtifacts(new_id))
    total += static_cast<int>(fresh->ListVersions(new_id, a.artifact).size());
  CHECK(total == report.versions_read);

  // Once damage has been seen, a read-write store refuses further writes
  // rather than risk spreading it.
  o.read_only = false;
  auto writer = OpenOrFail(o);
  for (int a = 0; a < 4; ++a) writer->ListVersions(id, "doc" + std::to_string(a) + ".md");
  ArtifactVersion v;
  v.project_id = id;
  v.artifact = "new.md";
  v.author = "user";
  CHECK(writer->AddVersion(v).kind == Kind::kCorrupt);
}

// A table's root page destroyed: none of its rows can be reached. Salvage
// still returns the other tables and names the lost one.
TEST_CASE("SqliteStore.DestroyedRootPageLosesOneTableAndSalvageSaysWhich") {
  std::string path = FreshDb("bad_root");
  MakeDatabase(path, 400, 1500);
  DamageRootPage(path, "artifact_versions");
  CHECK(OpenError(path).kind == Kind::kCorrupt);

  SalvageReport report;
  REQUIRE_FALSE(SalvageDatabase(path, &report));
  REQUIRE(report.projects.size() == 1);
  CHECK(report.projects[0].project.name == "Tide app");
  CHECK(report.versions_read == 0);
  std::string problems;
  for (const auto& p : report.problems) problems += p + "\n";
  INFO(problems);
  CHECK(problems.find("artifact_versions") != std::string::npos);
}

TEST_CASE("SqliteStore.RescuedCopyShowsWhatCouldBeReadReadOnly") {
  // The browser's way out (one OPFS file, nowhere to export to on disk).
  std::string path = FreshDb("bad_rescue");
  MakeDatabase(path, 400, 1500);
  std::string bytes = ReadAll(path);
  size_t at = bytes.find("# Version 200\n");
  REQUIRE(at != std::string::npos);
  const int64_t page_size = QueryRaw(path, "PRAGMA page_size");
  size_t page_start = at / page_size * page_size;
  for (size_t i = 0; i < 8; ++i) bytes[page_start + i] = '\xff';
  WriteAll(path, bytes);
  REQUIRE(OpenError(path).kind == Kind::kCorrupt);

  StoreError err;
  auto copy = OpenRescuedCopy(path, "", "Export each project.", &err);
  REQUIRE_MESSAGE(copy, err.message);
  CHECK_FALSE(err);
  CHECK(copy->read_only());
  const std::string reason = copy->ReadOnlyReason();
  CHECK(reason.find("the database file is damaged") == 0);
  CHECK(reason.find("1 project,") != std::string::npos);
  CHECK(reason.find("lost or damaged:") != std::string::npos);
  CHECK(reason.rfind("Export each project.") == reason.size() - 20);
  auto projects = copy->ListProjects();
  REQUIRE(projects.size() == 1);
  int total = 0;
  for (const auto& a : copy->ListArtifacts(projects[0].id))
    total += static_cast<int>(copy->ListVersions(projects[0].id, a.artifact).size());
  CHECK(total > 300);
  CHECK(total < 400);
  ArtifactVersion v;
  v.project_id = projects[0].id;
  v.artifact = "new.md";
  v.author = "user";
  CHECK(copy->AddVersion(v).kind == Kind::kReadOnly);  // an edit here would vanish with the tab
  CHECK(ReadAll(path) == bytes);                          // the damaged file is left as it was

  std::string garbage = FreshDb("bad_rescue_garbage");
  WriteAll(garbage, std::string(8192, 'x'));
  CHECK_FALSE(OpenRescuedCopy(garbage, "", "", &err));
  CHECK(err.kind == Kind::kCorrupt);
}

TEST_CASE("SqliteStore.FlippedByteInContentIsCaughtByItsHash") {
  std::string path = FreshDb("bad_flipped_content");
  int64_t id = 0;
  {
    auto store = OpenOrFail(path);
    ProjectRecord p = MakeProject(*store);
    id = p.id;
    AddText(*store, id, "prd.md", "# PRD\nMARKER-CONTENT stays intact\n");
    AddText(*store, id, "prd.md", "# PRD\nsecond\n");
  }
  std::string bytes = ReadAll(path);
  size_t at = bytes.find("MARKER-CONTENT");
  REQUIRE(at != std::string::npos);
  bytes[at] = 'm';  // SQLite cannot see this: the page is well-formed
  WriteAll(path, bytes);

  auto store = OpenOrFail(path);
  ProjectBundle bundle;
  StoreError err = ReadProjectBundle(*store, id, &bundle);
  CHECK(err.kind == Kind::kCorrupt);
  CHECK(err.message.find("prd.md version 1") != std::string::npos);
  std::string written;
  CHECK(ExportProject(*store, id, FreshDir("flipped_export"), false, &written).kind == Kind::kCorrupt);
  store.reset();

  SalvageReport report;
  REQUIRE_FALSE(SalvageExport(path, FreshDir("flipped_salvage"), &report));
  CHECK(report.versions_read == 2);
  CHECK(report.versions_damaged == 1);
}

TEST_CASE("SqliteStore.DiskFullIsReportedAndNothingHalfWritten") {
  std::string path = FreshDb("bad_full");
  int64_t id = MakeDatabase(path, 2);
  int64_t pages = QueryRaw(path, "PRAGMA page_count");
  SqliteOptions o;
  o.path = path;
  o.max_page_count = pages + 2;  // room for a little, not for 64 KB
  auto store = OpenOrFail(o);
  WorkflowRunRecord run = MakeRun(*store, id);

  ArtifactVersion big;
  big.project_id = id;
  big.artifact = "big.md";
  big.author = "user";
  big.content = std::string(64 * 1024, 'x');
  StoreError err = store->AddVersion(big);
  CHECK(err.kind == Kind::kFull);
  CHECK(err.message == "storage is full: the last change was not saved; free space or export the project");
  CHECK(big.id == 0);
  CHECK_FALSE(store->LatestVersion(id, "big.md"));

  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = "SPEC_PM";
  pr.status = PhaseStatus::kSucceeded;
  err = store->CommitPhase(pr, {{"small.md", "ok"}, {"big.md", big.content}}, "agent:pm", id, "", 0);
  CHECK(err.kind == Kind::kFull);
  CHECK_FALSE(store->LatestVersion(id, "small.md"));
  CHECK(store->ListPhaseRuns(run.id).empty());

  // Small changes still fit: the store is not left broken.
  AddText(*store, id, "small.md", "fits\n");
  CHECK_FALSE(store->Health());
}

TEST_CASE("SqliteStore.BusyDatabaseIsReported") {
  std::string path = FreshDb("bad_busy");
  MakeDatabase(path, 1);
  sqlite3* holder = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &holder) == SQLITE_OK);
  REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  SqliteOptions o;
  o.path = path;
  o.busy_timeout_ms = 50;
  auto store = OpenOrFail(o);
  ProjectRecord p;
  p.name = "x";
  StoreError err = store->CreateProject(p);
  CHECK(err.kind == Kind::kBusy);
  CHECK(err.message.find("in use by another Specwave") != std::string::npos);
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  CHECK_FALSE(store->CreateProject(p));
}
