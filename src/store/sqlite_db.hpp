// Internal to src/store: a thin RAII layer over the SQLite C API — a
// connection with a prepared-statement cache, statements that reset
// themselves, an IMMEDIATE transaction that rolls back unless committed, and
// the one place where SQLite result codes become StoreErrors.
//
//   sql::Db& db = ...;
//   sql::Transaction tx(db);
//   if (tx.error()) return tx.error();
//   auto st = db.Prepare("INSERT INTO t(a) VALUES (?1)");
//   st.Bind(1, "x");
//   if (st.Next() == sql::Step::kError) return db.Error("saving t");
//   return tx.Commit();
//
// Not thread-safe: SqliteStore serialises access. No SQLite type appears here
// beyond the forward declarations below.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/store_port.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace specwave::sql {

enum class Step { kRow, kDone, kError };

class Db;

// A cached prepared statement, borrowed for one use: reset on destruction.
// The same SQL text must not be in use twice at once (it is one statement).
class Stmt {
 public:
  Stmt(Db* db, sqlite3_stmt* stmt, int rc) : db_(db), stmt_(stmt), rc_(rc) {}
  Stmt(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, double value);
  Stmt& Bind(int index, std::string_view text);
  Stmt& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Stmt& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Stmt& BindNull(int index);
  Stmt& BindId(int index, int64_t id);  // 0 means "none" and binds NULL (foreign keys)

  // Runs one step; a failed bind or prepare makes this kError.
  Step Next();
  // Steps to the end; true when it ended without an error.
  bool Run();

  bool prepared() const { return stmt_ != nullptr; }

  int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
  int rc_;  // first error of prepare/bind, 0 when fine
};

class Db {
 public:
  struct OpenFlags {
    bool read_only = false;
    bool create = true;
    std::string vfs;  // empty: the default VFS
  };
  // Opens a connection. On failure returns null and sets *error.
  static std::unique_ptr<Db> Open(const std::string& path, const OpenFlags& flags, StoreError* error);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs SQL without results (may hold several statements). False on error.
  bool Exec(const char* sql);
  bool Exec(const std::string& sql) { return Exec(sql.c_str()); }
  // Prepared once per connection and kept.
  Stmt Prepare(const std::string& sql);
  // First column of the first row of `sql` as integer / text; nullopt on error.
  std::optional<int64_t> QueryInt(const std::string& sql);
  std::optional<std::string> QueryText(const std::string& sql);

  int64_t LastInsertId() const;
  int Changes() const;
  bool InTransaction() const;

  // The last failure, as a StoreError whose message says what was being done
  // and what the person can do about it.
  StoreError Error(const std::string& what) const;
  int last_rc() const { return last_rc_; }
  void NoteResult(int rc);  // records the outcome of a call (Stmt, Exec)
  // True once SQLite has reported corruption on this connection.
  bool saw_corruption() const { return saw_corruption_; }

  sqlite3* raw() { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  int last_rc_ = 0;
  std::string last_message_;
  bool saw_corruption_ = false;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
// IMMEDIATE takes the write lock up front, so a version number read inside
// the transaction cannot be taken by another connection before we commit.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const StoreError& error() const { return error_; }  // set when BEGIN failed
  StoreError Commit();

 private:
  Db& db_;
  StoreError error_;
  bool open_ = false;
};

// The messages for failures a person must act on (kept in one place so the
// CLI, the UI and the tests agree on them).
StoreError FullError();
StoreError CorruptError(const std::string& detail);
StoreError ReadOnlyError();
StoreError BusyError();
StoreError ErrorFromCode(int rc, const std::string& what, const std::string& detail);

}  // namespace specwave::sql
