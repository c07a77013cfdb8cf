// The Store port on SQLite: one file natively, the OPFS-backed VFS in the
// browser (src/platform/web/opfs_vfs.*). Schema in store/migrations.cpp.
//
//   StoreError err;
//   auto store = OpenSqliteStore({.path = "specwave.db"}, &err);
//   if (!store) { show(err.message); return; }      // kTooNew, kCorrupt, kBusy...
//   ProjectRecord p{.name = "Tide"};
//   store->CreateProject(p);
//
// Browser (on the database thread, after the OPFS handles are open):
//   auto store = OpenSqliteStore(SqliteOptions::ForBrowser("specwave.db", "opfs"), &err);
// and use it through a StoreThread (store/store_thread.hpp), which creates it
// on that thread and runs every call there.
//
// Durability: synchronous=FULL — a change that returned success survives a
// power cut (bench/store_bench.cpp measures what that costs). Each write is
// one transaction; CommitPhase writes a phase's versions and its phase_run in
// one. On a failure nothing of the call is stored.
//
// Thread safety: every method may be called from any thread (a mutex
// serialises them), but a connection must stay on one thread where the VFS
// demands it (the browser): use StoreThread there.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/clock.hpp"
#include "engine/store_port.hpp"

namespace specwave {

namespace sql {
class Db;
}

enum class JournalMode {
  kWal,       // native default: readers never wait for the writer
  kTruncate,  // rollback journal kept as a file and truncated (the OPFS VFS)
  kPersist,   // rollback journal kept and its header zeroed
  kDelete,    // rollback journal deleted after each transaction
};

struct SqliteOptions {
  std::string path;        // a file, or ":memory:" for tests
  bool read_only = false;  // refuses every write with kReadOnly; never migrates
  bool create = true;      // read-write only: create the file when missing
  JournalMode journal = JournalMode::kWal;
  bool exclusive_locking = false;  // PRAGMA locking_mode=EXCLUSIVE (one owner; the browser)
  std::string vfs;                 // empty: SQLite's default; "opfs" in the browser
  int busy_timeout_ms = 5000;      // wait this long for another writer before kBusy
  bool synchronous_full = true;    // false: synchronous=NORMAL (benchmark comparison only)
  bool verify_on_open = true;      // PRAGMA quick_check: a damaged file is refused at once
  int64_t max_page_count = 0;      // caps the file size in pages; 0 = no cap (tests: disk full)
  const Clock* clock = nullptr;    // for created_at / updated_at; null = the system clock

  // The browser's settings: rollback journal that is truncated, not deleted
  // (the VFS serves a fixed set of pre-opened files) and an exclusive lock
  // (one tab owns the database).
  static SqliteOptions ForBrowser(const std::string& file, const std::string& vfs);
};

class SqliteStore final : public Store {
 public:
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  bool read_only() const override { return options_.read_only; }
  std::string ReadOnlyReason() const override;
  // Read-only from now on, with the reason shown to the person (a rescued
  // in-memory copy of a damaged file: store/salvage.hpp).
  void Freeze(std::string reason) {
    options_.read_only = true;
    frozen_reason_ = std::move(reason);
  }
  // Writable, but gone when the process ends, with the reason shown to the
  // person (an in-memory store standing in for browser storage that failed).
  void MarkNotKept(std::string reason) { not_kept_reason_ = std::move(reason); }
  std::string NotKeptReason() const override { return not_kept_reason_; }
  int schema_version() const { return schema_version_; }             // PRAGMA user_version of the file
  bool written_by_newer_specwave() const;                            // schema_version() > this build's (read-only)
  const std::string& journal_mode() const { return journal_mode_; }  // as SQLite reports it
  const std::string& path() const { return options_.path; }

  StoreError CreateProject(ProjectRecord& project) override;
  std::vector<ProjectRecord> ListProjects() override;
  std::optional<ProjectRecord> GetProject(int64_t id) override;
  StoreError UpdateProject(const ProjectRecord& project) override;
  StoreError DeleteProject(int64_t id) override;

  StoreError AddVersion(ArtifactVersion& version) override;
  std::vector<ArtifactState> ListArtifacts(int64_t project_id) override;
  std::optional<ArtifactVersion> LatestVersion(int64_t project_id, const std::string& artifact) override;
  std::optional<ArtifactVersion> GetVersion(int64_t version_id) override;
  std::vector<ArtifactVersion> ListVersions(int64_t project_id, const std::string& artifact) override;
  StoreError MarkStale(int64_t project_id, const std::string& artifact, const std::string& reason) override;
  StoreError ClearStale(int64_t project_id, const std::string& artifact) override;

  StoreError CreateRun(WorkflowRunRecord& run) override;
  StoreError UpdateRun(const WorkflowRunRecord& run) override;
  std::optional<WorkflowRunRecord> GetRun(int64_t run_id) override;
  std::optional<WorkflowRunRecord> LatestRun(int64_t project_id, RunKind kind) override;
  StoreError CommitPhase(PhaseRunRecord& phase_run, const std::vector<ArtifactToCommit>& artifacts,
                         const std::string& author, int64_t project_id, const std::string& regeneration_reason,
                         int64_t regeneration_run_id) override;
  StoreError RecordPhaseRun(PhaseRunRecord& phase_run) override;
  std::vector<PhaseRunRecord> ListPhaseRuns(int64_t run_id) override;

  StoreError RecordApproval(ApprovalRecord& approval) override;
  std::vector<ApprovalRecord> ListApprovals(int64_t run_id) override;

  StoreError RecordChange(ArtifactChangeRecord& change) override;
  std::optional<ArtifactChangeRecord> GetChange(int64_t change_id) override;

  StoreError CreateRegenerationRun(RegenerationRunRecord& run) override;
  StoreError UpdateRegenerationRun(const RegenerationRunRecord& run) override;
  std::vector<RegenerationRunRecord> ListRegenerationRuns(int64_t project_id) override;

  StoreError RecordValidation(ValidationRunRecord& run) override;
  std::vector<ValidationRunRecord> LatestValidations(int64_t project_id) override;

  StoreError CreateSnapshot(int64_t project_id, const std::string& label, int64_t* snapshot_id) override;

  std::optional<CachedResponse> CacheGet(const std::string& key) override;
  StoreError CachePut(const std::string& key, const CachedResponse& value) override;

  StoreError AddWorkflowVersion(WorkflowVersion& version) override;
  std::vector<WorkflowVersion> ListWorkflowVersions(int64_t project_id) override;

  StoreError SetSectionLock(SectionLock& lock) override;
  std::vector<SectionLock> ListSectionLocks(int64_t project_id, const std::string& artifact) override;
  StoreError AddProposal(SectionProposal& proposal) override;
  std::vector<SectionProposal> ListProposals(int64_t project_id, bool open_only) override;
  std::optional<SectionProposal> GetProposal(int64_t id) override;
  StoreError DecideProposal(int64_t id, ProposalStatus status, const std::string& by,
                            int64_t result_version_id) override;
  StoreError RecordReview(ReviewRecord& review) override;
  std::vector<ReviewRecord> ListReviews(int64_t project_id) override;


  StoreError Health() override;
  StoreError ImportProject(ProjectRecord& project, std::vector<ArtifactVersion>& versions,
                           const std::vector<ArtifactState>& artifacts) override;

 private:
  friend std::unique_ptr<SqliteStore> OpenSqliteStore(const SqliteOptions& options, StoreError* error);
  SqliteStore(SqliteOptions options, std::unique_ptr<sql::Db> db);
  StoreError Open();  // pragmas, checks, migrations

  // Helpers that expect mu_ held (and, for writes, a transaction open).
  int64_t Now() const;
  StoreError CheckWritable() const;
  StoreError Fail(const std::string& what);  // db_->Error(what), noting corruption
  StoreError InsertVersionLocked(ArtifactVersion& v, bool keep_number);
  StoreError InsertPhaseRunLocked(PhaseRunRecord& pr);
  StoreError TouchProjectLocked(int64_t project_id);
  StoreError RequireProjectLocked(int64_t project_id);  // kNotFound, or why it could not be read

  SqliteOptions options_;
  const Clock* clock_;
  std::unique_ptr<sql::Db> db_;
  std::mutex mu_;
  int schema_version_ = 0;
  std::string journal_mode_;
  std::string frozen_reason_;
  std::string not_kept_reason_;
};

// Opens (creating and migrating when read-write) the database. On failure
// returns null and sets *error, whose message says what to do:
//   kTooNew   written by a newer Specwave: open read-only, or update
//   kCorrupt  damaged file: export what can be read (store/salvage.hpp)
//   kBusy     another process holds the write lock
//   kNotFound read-only open of a missing file
//   kInvalid  an SQLite file that is not a Specwave database
std::unique_ptr<SqliteStore> OpenSqliteStore(const SqliteOptions& options, StoreError* error);

}  // namespace specwave
