#include "store/sqlite_db.hpp"

#include <sqlite3.h>

namespace specwave::sql {

using Kind = StoreError::Kind;

StoreError FullError() {
  return {Kind::kFull, "storage is full: the last change was not saved; free space or export the project"};
}

StoreError CorruptError(const std::string& detail) {
  return {Kind::kCorrupt, "the database file is damaged (" + detail +
                              "); export what can be read (specwave export --db FILE --out DIR --salvage) and "
                              "import it into a new database"};
}

StoreError ReadOnlyError() {
  return {Kind::kReadOnly, "the database is open read-only: the last change was not saved"};
}

StoreError BusyError() {
  return {Kind::kBusy, "the database is in use by another Specwave window or process; close it and try again"};
}

StoreError ErrorFromCode(int rc, const std::string& what, const std::string& detail) {
  switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return {};
    case SQLITE_FULL: return FullError();
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return CorruptError(detail);
    case SQLITE_READONLY: return ReadOnlyError();
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return BusyError();
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE: return {Kind::kInvalid, what + ": " + detail};
    case SQLITE_CANTOPEN: return {Kind::kIo, what + ": cannot open the file (" + detail + ")"};
    default: return {Kind::kIo, what + ": " + detail};
  }
}

// ---- Stmt -----------------------------------------------------------------

Stmt::Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_), rc_(other.rc_) { other.stmt_ = nullptr; }

Stmt::~Stmt() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

namespace {
int Check(int rc, int* first) {
  if (rc != SQLITE_OK && *first == SQLITE_OK) *first = rc;
  return rc;
}
}  // namespace

Stmt& Stmt::Bind(int index, int64_t value) {
  if (stmt_) Check(sqlite3_bind_int64(stmt_, index, value), &rc_);
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  if (stmt_) Check(sqlite3_bind_double(stmt_, index, value), &rc_);
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so temporaries are safe to pass.
  if (stmt_) Check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), &rc_);
  return *this;
}

Stmt& Stmt::BindNull(int index) {
  if (stmt_) Check(sqlite3_bind_null(stmt_, index), &rc_);
  return *this;
}

Stmt& Stmt::BindId(int index, int64_t id) { return id == 0 ? BindNull(index) : Bind(index, id); }

Step Stmt::Next() {
  if (!stmt_ || rc_ != SQLITE_OK) {
    db_->NoteResult(rc_ != SQLITE_OK ? rc_ : SQLITE_MISUSE);
    return Step::kError;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return Step::kRow;
  if (rc == SQLITE_DONE) return Step::kDone;
  db_->NoteResult(rc);
  return Step::kError;
}

bool Stmt::Run() {
  for (;;) {
    Step s = Next();
    if (s == Step::kDone) return true;
    if (s == Step::kError) return false;
  }
}

int64_t Stmt::Int(int col) const { return stmt_ ? sqlite3_column_int64(stmt_, col) : 0; }
double Stmt::Real(int col) const { return stmt_ ? sqlite3_column_double(stmt_, col) : 0.0; }
bool Stmt::IsNull(int col) const { return !stmt_ || sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string Stmt::Text(int col) const {
  if (!stmt_) return {};
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

// ---- Db -------------------------------------------------------------------

std::unique_ptr<Db> Db::Open(const std::string& path, const OpenFlags& flags, StoreError* error) {
  int oflags = flags.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!flags.read_only && flags.create) oflags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, oflags, flags.vfs.empty() ? nullptr : flags.vfs.c_str());
  if (rc != SQLITE_OK) {
    std::string detail = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    if ((rc & 0xff) == SQLITE_CANTOPEN)
      *error = {flags.read_only || !flags.create ? Kind::kNotFound : Kind::kIo,
                "cannot open the database " + path + " (" + detail + ")"};
    else
      *error = ErrorFromCode(rc, "opening " + path, detail);
    return nullptr;
  }
  sqlite3_extended_result_codes(raw, 1);
  // Defensive mode: SQL cannot deliberately corrupt the file (writable_schema,
  // direct page writes), which matters when a database came from elsewhere.
  sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  return std::unique_ptr<Db>(new Db(raw));
}

Db::~Db() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void Db::NoteResult(int rc) {
  last_rc_ = rc;
  last_message_ = sqlite3_errmsg(db_);
  if (last_message_.empty() || last_message_ == "not an error") last_message_ = sqlite3_errstr(rc);
  int primary = rc & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) saw_corruption_ = true;
}

bool Db::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    NoteResult(rc);
    return false;
  }
  return true;
}

Stmt Db::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Stmt(this, it->second, SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  int rc =
      sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    NoteResult(rc);
    sqlite3_finalize(stmt);
    return Stmt(this, nullptr, rc);
  }
  cache_.emplace(sql, stmt);
  return Stmt(this, stmt, SQLITE_OK);
}

std::optional<int64_t> Db::QueryInt(const std::string& sql) {
  Stmt st = Prepare(sql);
  if (st.Next() != Step::kRow) return std::nullopt;
  return st.Int(0);
}

std::optional<std::string> Db::QueryText(const std::string& sql) {
  Stmt st = Prepare(sql);
  if (st.Next() != Step::kRow) return std::nullopt;
  return st.Text(0);
}

int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }
bool Db::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

StoreError Db::Error(const std::string& what) const {
  StoreError e = ErrorFromCode(last_rc_, what, last_message_);
  if (!e) e = {Kind::kIo, what + ": failed"};
  return e;
}

// ---- Transaction ----------------------------------------------------------

Transaction::Transaction(Db& db) : db_(db) {
  if (db_.Exec("BEGIN IMMEDIATE"))
    open_ = true;
  else
    error_ = db_.Error("starting a transaction");
}

Transaction::~Transaction() {
  // After SQLITE_FULL and some I/O errors SQLite has already rolled back;
  // a second ROLLBACK would only report "no transaction is active".
  if (open_ && db_.InTransaction()) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}

StoreError Transaction::Commit() {
  if (!open_) return error_;
  if (!db_.InTransaction()) {
    open_ = false;
    return db_.Error("saving");
  }
  if (!db_.Exec("COMMIT")) return db_.Error("saving");  // destructor rolls back
  open_ = false;
  return {};
}

}  // namespace specwave::sql
