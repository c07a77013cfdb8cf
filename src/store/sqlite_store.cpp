// SqliteStore: opening (pragmas, safety checks, migrations) and projects.
// Artifacts and versions are in sqlite_store_artifacts.cpp, runs and the
// other records in sqlite_store_runs.cpp.
#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include "store/migrations.hpp"
#include "store/names.hpp"
#include "store/sqlite_db.hpp"

namespace specwave {

using Kind = StoreError::Kind;
using sql::Step;

SqliteOptions SqliteOptions::ForBrowser(const std::string& file, const std::string& vfs) {
  SqliteOptions o;
  o.path = file;
  o.vfs = vfs;
  o.journal = JournalMode::kTruncate;
  o.exclusive_locking = true;
  return o;
}

SqliteStore::SqliteStore(SqliteOptions options, std::unique_ptr<sql::Db> db)
    : options_(std::move(options)),
      clock_(options_.clock ? options_.clock : &SystemClock::Instance()),
      db_(std::move(db)) {}

SqliteStore::~SqliteStore() = default;

namespace {

const char* JournalPragma(JournalMode m) {
  switch (m) {
    case JournalMode::kWal: return "PRAGMA journal_mode=WAL";
    case JournalMode::kTruncate: return "PRAGMA journal_mode=TRUNCATE";
    case JournalMode::kPersist: return "PRAGMA journal_mode=PERSIST";
    case JournalMode::kDelete: return "PRAGMA journal_mode=DELETE";
  }
  return "PRAGMA journal_mode=DELETE";
}

}  // namespace

std::unique_ptr<SqliteStore> OpenSqliteStore(const SqliteOptions& options, StoreError* error) {
  StoreError ignored;
  if (!error) error = &ignored;
  *error = {};
  sql::Db::OpenFlags flags;
  flags.read_only = options.read_only;
  flags.create = options.create;
  flags.vfs = options.vfs;
  auto db = sql::Db::Open(options.path, flags, error);
  if (!db) return nullptr;
  std::unique_ptr<SqliteStore> store(new SqliteStore(options, std::move(db)));
  if (StoreError err = store->Open()) {
    *error = err;
    return nullptr;
  }
  return store;
}

StoreError SqliteStore::Open() {
  sql::Db& db = *db_;
  sqlite3_busy_timeout(db.raw(), options_.busy_timeout_ms);
  // trusted_schema=OFF: a database from elsewhere cannot make our statements
  // run its functions through views or triggers.
  if (!db.Exec("PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF")) return db.Error("opening " + options_.path);

  // The first read of the file: garbage is SQLITE_NOTADB here.
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version) return Fail("reading " + options_.path);
  auto app_id = db.QueryInt("PRAGMA application_id");
  if (!app_id) return Fail("reading " + options_.path);
  schema_version_ = static_cast<int>(*version);
  const int latest = sql::LatestSchemaVersion();

  if (*app_id != 0 && *app_id != sql::kApplicationId)
    return {Kind::kInvalid, options_.path +
                                " is an SQLite database of another program, not a Specwave one; "
                                "it was not changed"};
  if (*version == 0) {
    auto tables = db.QueryInt("SELECT count(*) FROM sqlite_schema");
    if (!tables) return Fail("reading " + options_.path);
    if (*tables > 0)
      return {Kind::kInvalid, options_.path + " is an SQLite database but not a Specwave one; it was not changed"};
  }
  if (*version > latest && !options_.read_only)
    return {Kind::kTooNew, "this database was written by a newer Specwave (schema " + std::to_string(*version) + " > " +
                               std::to_string(latest) + "); open it read-only or update Specwave"};

  if (options_.verify_on_open) {
    // quick_check reads every page (not the index/table cross-checks of
    // integrity_check); (1) stops at the first problem.
    auto result = db.QueryText("PRAGMA quick_check(1)");
    if (!result) return Fail("checking " + options_.path);
    if (*result != "ok") {
      // "*** in database main ***\nPage 135: btreeInitPage() returns error code 11" -> one line.
      std::string detail = *result;
      if (detail.rfind("*** in database main ***\n", 0) == 0) detail.erase(0, 25);
      for (char& c : detail)
        if (c == '\n') c = ' ';
      return sql::CorruptError("quick_check: " + detail);
    }
  }

  if (options_.read_only) {
    if (*version < latest)
      return {Kind::kInvalid, *version == 0 ? options_.path + " is empty: there is no Specwave data to read"
                                            : "this database was written by an older Specwave (schema " +
                                                  std::to_string(*version) + " < " + std::to_string(latest) +
                                                  "); open it once read-write to upgrade it"};
    journal_mode_ = db.QueryText("PRAGMA journal_mode").value_or("");
    return {};
  }

  // The journal mode must be set outside a transaction and before the first
  // write. An in-memory database answers "memory" whatever we ask.
  auto mode = db.QueryText(JournalPragma(options_.journal));
  if (!mode) return Fail("setting the journal mode of " + options_.path);
  journal_mode_ = *mode;
  std::string pragmas = options_.synchronous_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  if (options_.exclusive_locking) pragmas += "PRAGMA locking_mode=EXCLUSIVE;";
  if (!db.Exec(pragmas)) return Fail("configuring " + options_.path);
  if (options_.max_page_count > 0 && !db.QueryInt("PRAGMA max_page_count=" + std::to_string(options_.max_page_count)))
    return Fail("configuring " + options_.path);

  int reached = 0;
  if (StoreError err = sql::ApplyMigrations(db, sql::Migrations(), &reached)) {
    if (db.saw_corruption()) return sql::CorruptError(err.message);
    return err;
  }
  schema_version_ = reached;
  return {};
}

bool SqliteStore::written_by_newer_specwave() const { return schema_version_ > sql::LatestSchemaVersion(); }

std::string SqliteStore::ReadOnlyReason() const {
  if (!frozen_reason_.empty()) return frozen_reason_;
  if (!written_by_newer_specwave()) return "";
  return "this database was written by a newer Specwave (schema " + std::to_string(schema_version_) + " > " +
         std::to_string(sql::LatestSchemaVersion()) + "): it is shown read-only; update Specwave to change it";
}

int64_t SqliteStore::Now() const { return clock_->NowUnixMs(); }

StoreError SqliteStore::CheckWritable() const {
  if (options_.read_only) return sql::ReadOnlyError();
  // Writing into a file known to be damaged can spread the damage: stop, and
  // point to the salvage instead.
  if (db_->saw_corruption()) return sql::CorruptError("SQLite reported damage in " + options_.path);
  return {};
}

StoreError SqliteStore::Fail(const std::string& what) { return db_->Error(what); }

StoreError SqliteStore::Health() {
  std::lock_guard<std::mutex> lock(mu_);
  if (db_->saw_corruption()) return sql::CorruptError("SQLite reported damage while reading " + options_.path);
  return {};
}

StoreError SqliteStore::RequireProjectLocked(int64_t project_id) {
  auto st = db_->Prepare("SELECT 1 FROM projects WHERE id = ?1");
  st.Bind(1, project_id);
  Step s = st.Next();
  if (s == Step::kRow) return {};
  if (s == Step::kError) return Fail("reading the project");
  return {Kind::kNotFound, "no project " + std::to_string(project_id)};
}

StoreError SqliteStore::TouchProjectLocked(int64_t project_id) {
  auto st = db_->Prepare("UPDATE projects SET updated_at = max(updated_at, ?2) WHERE id = ?1");
  st.Bind(1, project_id).Bind(2, Now());
  if (!st.Run()) return Fail("updating the project");
  return {};
}

// ---- Projects ---------------------------------------------------------------

namespace {

constexpr const char* kProjectColumns =
    "SELECT id, name, brief, workflow_yaml, workflow_name, settings_json, created_at, updated_at FROM projects ";

ProjectRecord ReadProject(const sql::Stmt& st) {
  ProjectRecord p;
  p.id = st.Int(0);
  p.name = st.Text(1);
  p.brief = st.Text(2);
  p.workflow_yaml = st.Text(3);
  p.workflow_name = st.Text(4);
  p.settings_json = st.Text(5);
  p.created_at = st.Int(6);
  p.updated_at = st.Int(7);
  return p;
}

// Settings are stored without anything that looks like a credential, whatever
// the caller passed (defence in depth: the session already leaves keys out).
StoreError CleanSettings(const std::string& in, std::string* out) {
  int removed = 0;
  std::string why;
  if (!ScrubSecrets(in, out, &removed, &why)) return {Kind::kInvalid, "project settings: " + why};
  return {};
}

}  // namespace

StoreError SqliteStore::CreateProject(ProjectRecord& project) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (project.name.empty()) return {Kind::kInvalid, "a project needs a name"};
  std::string settings;
  if (StoreError err = CleanSettings(project.settings_json, &settings)) return err;
  int64_t now = Now();
  auto st = db_->Prepare(
      "INSERT INTO projects (name, brief, workflow_yaml, workflow_name, settings_json, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
  st.Bind(1, project.name).Bind(2, project.brief).Bind(3, project.workflow_yaml).Bind(4, project.workflow_name);
  st.Bind(5, settings).Bind(6, now);
  if (!st.Run()) return Fail("creating the project");
  project.id = db_->LastInsertId();
  project.settings_json = settings;
  project.created_at = project.updated_at = now;
  return {};
}

std::vector<ProjectRecord> SqliteStore::ListProjects() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ProjectRecord> out;
  auto st = db_->Prepare(std::string(kProjectColumns) + "ORDER BY id");
  while (st.Next() == Step::kRow) out.push_back(ReadProject(st));
  return out;
}

std::optional<ProjectRecord> SqliteStore::GetProject(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare(std::string(kProjectColumns) + "WHERE id = ?1");
  st.Bind(1, id);
  if (st.Next() != Step::kRow) return std::nullopt;
  return ReadProject(st);
}

StoreError SqliteStore::UpdateProject(const ProjectRecord& project) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (project.name.empty()) return {Kind::kInvalid, "a project needs a name"};
  std::string settings;
  if (StoreError err = CleanSettings(project.settings_json, &settings)) return err;
  auto st = db_->Prepare(
      "UPDATE projects SET name = ?2, brief = ?3, workflow_yaml = ?4, workflow_name = ?5, settings_json = ?6, "
      "updated_at = ?7 WHERE id = ?1");
  st.Bind(1, project.id).Bind(2, project.name).Bind(3, project.brief).Bind(4, project.workflow_yaml);
  st.Bind(5, project.workflow_name).Bind(6, settings).Bind(7, Now());
  if (!st.Run()) return Fail("updating the project");
  if (db_->Changes() == 0) return {Kind::kNotFound, "no project " + std::to_string(project.id)};
  return {};
}

StoreError SqliteStore::DeleteProject(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  // One statement, so one implicit transaction: the cascade is all or nothing.
  auto st = db_->Prepare("DELETE FROM projects WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Run()) return Fail("deleting the project");
  if (db_->Changes() == 0) return {Kind::kNotFound, "no project " + std::to_string(id)};
  return {};
}

}  // namespace specwave
