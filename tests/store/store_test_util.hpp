// Helpers for the store tests: fresh database paths under the build tree's
// scratch folder, a controllable clock, raw SQLite access for injecting
// faults, and small builders for records.
#pragma once

#include <sqlite3.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/clock.hpp"
#include "store/sqlite_store.hpp"
#include "support/paths.hpp"

namespace specwave::test {

// A path for a new database: SCRATCH/store/NAME.db, with any earlier file
// (and its -wal/-shm/-journal) removed.
inline std::string FreshDb(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(ScratchDir()) / "store";
  fs::create_directories(dir);
  fs::path db = dir / (name + ".db");
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
  return db.string();
}

// A fresh, empty folder path (not created): SCRATCH/store/NAME.
inline std::string FreshDir(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(ScratchDir()) / "store" / name;
  fs::remove_all(dir);
  fs::create_directories(dir.parent_path());
  return dir.string();
}

class FakeClock final : public Clock {
 public:
  int64_t NowMonotonicUs() const override { return now_ms * 1000; }
  int64_t NowUnixMs() const override { return now_ms; }
  int64_t now_ms = 1'700'000'000'000;
};

inline std::unique_ptr<SqliteStore> OpenOrFail(SqliteOptions options) {
  StoreError err;
  auto store = OpenSqliteStore(options, &err);
  INFO("open error: " << err.message);
  REQUIRE(store);
  return store;
}

inline std::unique_ptr<SqliteStore> OpenOrFail(const std::string& path) {
  SqliteOptions o;
  o.path = path;
  return OpenOrFail(o);
}

// Runs SQL on the file through a separate raw connection (fault injection).
inline void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* msg = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
  INFO("sql: " << sql << " error: " << (msg ? msg : ""));
  sqlite3_free(msg);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteAll(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

inline ProjectRecord MakeProject(Store& store, const std::string& name = "Tide app") {
  ProjectRecord p;
  p.name = name;
  p.brief = "# Brief\nA tide table app.\n";
  p.workflow_yaml = "name: default\nphases: []\n";
  p.workflow_name = "default";
  p.settings_json = R"({"provider":"offline","model":"m"})";
  REQUIRE_FALSE(store.CreateProject(p));
  return p;
}

inline ArtifactVersion AddText(Store& store, int64_t project, const std::string& artifact, const std::string& content,
                               const std::string& author = "user") {
  ArtifactVersion v;
  v.project_id = project;
  v.artifact = artifact;
  v.content = content;
  v.author = author;
  StoreError err = store.AddVersion(v);
  INFO(err.message);
  REQUIRE_FALSE(err);
  return v;
}

inline WorkflowRunRecord MakeRun(Store& store, int64_t project, RunKind kind = RunKind::kRun) {
  WorkflowRunRecord r;
  r.project_id = project;
  r.kind = kind;
  r.mode = "ready";
  r.status = RunStatus::kRunning;
  REQUIRE_FALSE(store.CreateRun(r));
  return r;
}

}  // namespace specwave::test
