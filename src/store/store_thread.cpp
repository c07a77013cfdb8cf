#include "store/store_thread.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>

namespace specwave {

using Kind = StoreError::Kind;

struct StoreThread::State {
  Options options;
  std::mutex mu;
  std::condition_variable cv;  // signals: work queued, stopping, opened, finished
  std::deque<std::function<void()>> queue;
  bool stopping = false;
  bool started = false;    // the body is running (or ran)
  bool abandoned = false;  // destroyed before the body started: it must not run
  bool opened = false;     // startup and open have finished
  bool finished = false;   // the body has closed the store and returned
  std::thread::id thread_id;
  StoreError open_error;
  // Touched only on the store thread once `opened` is set.
  std::unique_ptr<Store> store;
  std::thread thread;  // when we made the thread ourselves
};

void StoreThread::Serve(const std::shared_ptr<State>& s) {
  {
    std::lock_guard<std::mutex> lock(s->mu);
    if (s->abandoned) return;
    s->started = true;
    s->thread_id = std::this_thread::get_id();
  }
  StoreError err;
  std::unique_ptr<Store> store;
  try {
    if (s->options.startup) err = s->options.startup();
    if (!err) {
      if (s->options.open)
        store = s->options.open(&err);
      else
        err = {Kind::kInvalid, "StoreThread: no open function given"};
    }
    if (!store && !err) err = {Kind::kIo, "the store could not be opened"};
    if (err) store.reset();
  } catch (const std::exception& e) {
    store.reset();
    err = {Kind::kIo, std::string("opening the store failed: ") + e.what()};
  }
  {
    std::lock_guard<std::mutex> lock(s->mu);
    s->store = std::move(store);
    s->open_error = err;
    s->opened = true;
  }
  s->cv.notify_all();

  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(s->mu);
      s->cv.wait(lock, [&] { return !s->queue.empty() || s->stopping; });
      if (s->queue.empty()) break;  // stopping, and every queued call has run
      job = std::move(s->queue.front());
      s->queue.pop_front();
    }
    job();
  }
  s->store.reset();  // closes the database here, where its handles live
  {
    std::lock_guard<std::mutex> lock(s->mu);
    s->finished = true;
  }
  s->cv.notify_all();
}

StoreThread::StoreThread(Options options) : state_(std::make_shared<State>()) {
  state_->options = std::move(options);
  std::shared_ptr<State> s = state_;
  auto body = [s] { Serve(s); };
  if (state_->options.spawn)
    state_->options.spawn(body);
  else
    state_->thread = std::thread(body);
}

StoreThread::~StoreThread() {
  State& s = *state_;
  bool wait = false;
  {
    std::lock_guard<std::mutex> lock(s.mu);
    s.stopping = true;
    if (!s.started) {
      s.abandoned = true;
      s.opened = true;
      s.open_error = {Kind::kIo, "the store was closed before it opened"};
    } else {
      wait = true;
    }
  }
  s.cv.notify_all();
  if (s.thread.joinable()) {
    s.thread.join();
  } else if (wait) {
    std::unique_lock<std::mutex> lock(s.mu);
    s.cv.wait(lock, [&] { return s.finished; });
  } else {
    // Never started: answer whatever was queued (with the error) here.
    std::deque<std::function<void()>> left;
    {
      std::lock_guard<std::mutex> lock(s.mu);
      left.swap(s.queue);
    }
    for (auto& job : left) job();
  }
}

template <class Fn>
auto StoreThread::Call(Fn&& fn) const {
  using R = std::invoke_result_t<Fn&, Store&>;
  State& s = *state_;
  // Runs on the store thread (s.store is not shared with other threads).
  auto run = [&s, &fn]() -> R {
    if (!s.store) {
      if constexpr (std::is_same_v<R, StoreError>)
        return s.open_error;
      else
        return R{};
    }
    try {
      return fn(*s.store);
    } catch (const std::exception& e) {  // the store should never throw; keep the thread alive if it does
      if constexpr (std::is_same_v<R, StoreError>)
        return StoreError{Kind::kIo, std::string("internal error in the store: ") + e.what()};
      else
        return R{};
    }
  };
  {
    std::unique_lock<std::mutex> lock(s.mu);
    // A call from the store thread itself (e.g. inside startup) would wait
    // for itself: run it directly.
    if (s.started && s.thread_id == std::this_thread::get_id()) {
      lock.unlock();
      return run();
    }
  }
  std::promise<R> done;
  std::future<R> result = done.get_future();
  {
    std::lock_guard<std::mutex> lock(s.mu);
    s.queue.push_back([&done, &run] { done.set_value(run()); });
  }
  s.cv.notify_all();
  return result.get();
}

StoreError StoreThread::WaitUntilOpen() {
  State& s = *state_;
  std::unique_lock<std::mutex> lock(s.mu);
  s.cv.wait(lock, [&] { return s.opened; });
  return s.open_error;
}

bool StoreThread::read_only() const {
  return Call([](Store& st) { return st.read_only(); });
}

std::string StoreThread::ReadOnlyReason() const {
  return Call([](Store& st) { return st.ReadOnlyReason(); });
}

std::string StoreThread::NotKeptReason() const {
  return Call([](Store& st) { return st.NotKeptReason(); });
}

StoreError StoreThread::Health() {
  {
    State& s = *state_;
    std::lock_guard<std::mutex> lock(s.mu);
    if (s.opened && s.open_error) return s.open_error;
  }
  return Call([](Store& st) { return st.Health(); });
}

// Every other method forwards. The lambdas capture by reference: the caller
// waits until the call has run.
StoreError StoreThread::CreateProject(ProjectRecord& p) {
  return Call([&](Store& st) { return st.CreateProject(p); });
}
std::vector<ProjectRecord> StoreThread::ListProjects() {
  return Call([](Store& st) { return st.ListProjects(); });
}
std::optional<ProjectRecord> StoreThread::GetProject(int64_t id) {
  return Call([&](Store& st) { return st.GetProject(id); });
}
StoreError StoreThread::UpdateProject(const ProjectRecord& p) {
  return Call([&](Store& st) { return st.UpdateProject(p); });
}
StoreError StoreThread::DeleteProject(int64_t id) {
  return Call([&](Store& st) { return st.DeleteProject(id); });
}

StoreError StoreThread::AddWorkflowVersion(WorkflowVersion& v) {
  return Call([&](Store& st) { return st.AddWorkflowVersion(v); });
}
std::vector<WorkflowVersion> StoreThread::ListWorkflowVersions(int64_t project_id) {
  return Call([&](Store& st) { return st.ListWorkflowVersions(project_id); });
}
StoreError StoreThread::SetSectionLock(SectionLock& lock) {
  return Call([&](Store& st) { return st.SetSectionLock(lock); });
}
std::vector<SectionLock> StoreThread::ListSectionLocks(int64_t project_id, const std::string& artifact) {
  return Call([&](Store& st) { return st.ListSectionLocks(project_id, artifact); });
}
StoreError StoreThread::AddProposal(SectionProposal& proposal) {
  return Call([&](Store& st) { return st.AddProposal(proposal); });
}
std::vector<SectionProposal> StoreThread::ListProposals(int64_t project_id, bool open_only) {
  return Call([&](Store& st) { return st.ListProposals(project_id, open_only); });
}
std::optional<SectionProposal> StoreThread::GetProposal(int64_t id) {
  return Call([&](Store& st) { return st.GetProposal(id); });
}
StoreError StoreThread::DecideProposal(int64_t id, ProposalStatus status, const std::string& by,
                                       int64_t result_version_id) {
  return Call([&](Store& st) { return st.DecideProposal(id, status, by, result_version_id); });
}
StoreError StoreThread::RecordReview(ReviewRecord& review) {
  return Call([&](Store& st) { return st.RecordReview(review); });
}
std::vector<ReviewRecord> StoreThread::ListReviews(int64_t project_id) {
  return Call([&](Store& st) { return st.ListReviews(project_id); });
}

StoreError StoreThread::AddVersion(ArtifactVersion& v) {
  return Call([&](Store& st) { return st.AddVersion(v); });
}
std::vector<ArtifactState> StoreThread::ListArtifacts(int64_t project_id) {
  return Call([&](Store& st) { return st.ListArtifacts(project_id); });
}
std::optional<ArtifactVersion> StoreThread::LatestVersion(int64_t project_id, const std::string& artifact) {
  return Call([&](Store& st) { return st.LatestVersion(project_id, artifact); });
}
std::optional<ArtifactVersion> StoreThread::GetVersion(int64_t version_id) {
  return Call([&](Store& st) { return st.GetVersion(version_id); });
}
std::vector<ArtifactVersion> StoreThread::ListVersions(int64_t project_id, const std::string& artifact) {
  return Call([&](Store& st) { return st.ListVersions(project_id, artifact); });
}
StoreError StoreThread::MarkStale(int64_t project_id, const std::string& artifact, const std::string& reason) {
  return Call([&](Store& st) { return st.MarkStale(project_id, artifact, reason); });
}
StoreError StoreThread::ClearStale(int64_t project_id, const std::string& artifact) {
  return Call([&](Store& st) { return st.ClearStale(project_id, artifact); });
}

StoreError StoreThread::CreateRun(WorkflowRunRecord& run) {
  return Call([&](Store& st) { return st.CreateRun(run); });
}
StoreError StoreThread::UpdateRun(const WorkflowRunRecord& run) {
  return Call([&](Store& st) { return st.UpdateRun(run); });
}
std::optional<WorkflowRunRecord> StoreThread::GetRun(int64_t run_id) {
  return Call([&](Store& st) { return st.GetRun(run_id); });
}
std::optional<WorkflowRunRecord> StoreThread::LatestRun(int64_t project_id, RunKind kind) {
  return Call([&](Store& st) { return st.LatestRun(project_id, kind); });
}
StoreError StoreThread::CommitPhase(PhaseRunRecord& phase_run, const std::vector<ArtifactToCommit>& artifacts,
                                    const std::string& author, int64_t project_id,
                                    const std::string& regeneration_reason, int64_t regeneration_run_id) {
  return Call([&](Store& st) {
    return st.CommitPhase(phase_run, artifacts, author, project_id, regeneration_reason, regeneration_run_id);
  });
}
StoreError StoreThread::RecordPhaseRun(PhaseRunRecord& pr) {
  return Call([&](Store& st) { return st.RecordPhaseRun(pr); });
}
std::vector<PhaseRunRecord> StoreThread::ListPhaseRuns(int64_t run_id) {
  return Call([&](Store& st) { return st.ListPhaseRuns(run_id); });
}

StoreError StoreThread::RecordApproval(ApprovalRecord& a) {
  return Call([&](Store& st) { return st.RecordApproval(a); });
}
std::vector<ApprovalRecord> StoreThread::ListApprovals(int64_t run_id) {
  return Call([&](Store& st) { return st.ListApprovals(run_id); });
}

StoreError StoreThread::RecordChange(ArtifactChangeRecord& c) {
  return Call([&](Store& st) { return st.RecordChange(c); });
}
std::optional<ArtifactChangeRecord> StoreThread::GetChange(int64_t change_id) {
  return Call([&](Store& st) { return st.GetChange(change_id); });
}

StoreError StoreThread::CreateRegenerationRun(RegenerationRunRecord& run) {
  return Call([&](Store& st) { return st.CreateRegenerationRun(run); });
}
StoreError StoreThread::UpdateRegenerationRun(const RegenerationRunRecord& run) {
  return Call([&](Store& st) { return st.UpdateRegenerationRun(run); });
}
std::vector<RegenerationRunRecord> StoreThread::ListRegenerationRuns(int64_t project_id) {
  return Call([&](Store& st) { return st.ListRegenerationRuns(project_id); });
}

StoreError StoreThread::RecordValidation(ValidationRunRecord& run) {
  return Call([&](Store& st) { return st.RecordValidation(run); });
}
std::vector<ValidationRunRecord> StoreThread::LatestValidations(int64_t project_id) {
  return Call([&](Store& st) { return st.LatestValidations(project_id); });
}

StoreError StoreThread::CreateSnapshot(int64_t project_id, const std::string& label, int64_t* snapshot_id) {
  return Call([&](Store& st) { return st.CreateSnapshot(project_id, label, snapshot_id); });
}

std::optional<CachedResponse> StoreThread::CacheGet(const std::string& key) {
  return Call([&](Store& st) { return st.CacheGet(key); });
}
StoreError StoreThread::CachePut(const std::string& key, const CachedResponse& value) {
  return Call([&](Store& st) { return st.CachePut(key, value); });
}

StoreError StoreThread::ImportProject(ProjectRecord& project, std::vector<ArtifactVersion>& versions,
                                      const std::vector<ArtifactState>& artifacts) {
  return Call([&](Store& st) { return st.ImportProject(project, versions, artifacts); });
}

}  // namespace specwave
