// StoreThread: a Store that runs every call on one dedicated thread.
//
// Why: in the browser the OPFS file handles behind SQLite exist only on the
// thread that opened them, so the database must be opened, used and closed
// on that one thread. Engine threads call the StoreThread like any Store;
// each call is queued, run on the store thread in order, and the caller
// blocks until it is done. Natively it is optional (SqliteStore has its own
// mutex) but harmless, and tests use it the same way.
//
//   StoreThread::Options o;
//   o.startup = [] { return OpenOpfsHandles(); };          // optional, on the new thread
//   o.open = [](StoreError* e) -> std::unique_ptr<Store> {  // on the new thread, after startup
//     return OpenSqliteStore(SqliteOptions::ForBrowser("specwave.db", "opfs"), e);
//   };
//   StoreThread store(std::move(o));        // returns at once; the thread opens the store
//   if (StoreError e = store.WaitUntilOpen()) show(e.message);  // optional (never on the browser main thread)
//   store.CreateProject(p);                 // runs on the store thread
//
// If startup or open fails, every write returns that error, reads return
// nothing and Health() says why.
//
// Asynchronous start-up (OPFS handles are opened by promises, which resolve
// only once the thread is back in its event loop): give `spawn`, which
// receives the thread body and must run it on ONE thread of its choosing —
// e.g. start a pthread that opens the handles, returns to the event loop, and
// calls the body from the "handles ready" callback on that same thread. The
// body returns when the StoreThread is destroyed. Calls made before the body
// runs wait in the queue.
//
// Not allowed: destroying the StoreThread from inside a call it runs; blocking
// the browser's main thread on a call.
#pragma once

#include <functional>
#include <memory>

#include "engine/store_port.hpp"

namespace specwave {

class StoreThread final : public Store {
 public:
  struct Options {
    std::function<StoreError()> startup;                      // may be empty
    std::function<std::unique_ptr<Store>(StoreError*)> open;  // required
    std::function<void(std::function<void()> body)> spawn;    // empty: a std::thread
  };

  explicit StoreThread(Options options);
  ~StoreThread() override;  // runs the calls already queued, closes the store on its thread
  StoreThread(const StoreThread&) = delete;
  StoreThread& operator=(const StoreThread&) = delete;

  // Blocks until startup and open have run; returns their error (kNone if open).
  StoreError WaitUntilOpen();

  bool read_only() const override;
  std::string ReadOnlyReason() const override;
  std::string NotKeptReason() const override;

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
  struct State;
  static void Serve(const std::shared_ptr<State>& s);  // the thread body
  template <class Fn>
  auto Call(Fn&& fn) const;

  std::shared_ptr<State> state_;  // shared with the thread body, which may outlive a failed spawn
};

}  // namespace specwave
