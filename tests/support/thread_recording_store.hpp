// ThreadRecordingStore: the Store port over a MemoryStore that notes which
// thread made each call — for tests of the threading contract ("no store
// call on the caller's thread", which in the browser is the render thread).
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "support/memory_store.hpp"

namespace specwave::test {

class ThreadRecordingStore final : public Store {
 public:
  MemoryStore inner;

  // The calls made on `thread`, by method name.
  std::multiset<std::string> CallsOn(std::thread::id thread) const {
    std::lock_guard<std::mutex> l(mu_);
    std::multiset<std::string> out;
    for (const auto& [id, name] : calls_)
      if (id == thread) out.insert(name);
    return out;
  }
  size_t Calls() const {
    std::lock_guard<std::mutex> l(mu_);
    return calls_.size();
  }

  bool read_only() const override { return Note("read_only"), inner.read_only(); }
  std::string ReadOnlyReason() const override { return Note("ReadOnlyReason"), inner.ReadOnlyReason(); }
  std::string NotKeptReason() const override { return Note("NotKeptReason"), inner.NotKeptReason(); }
  StoreError CreateProject(ProjectRecord& p) override { return Note("CreateProject"), inner.CreateProject(p); }
  std::vector<ProjectRecord> ListProjects() override { return Note("ListProjects"), inner.ListProjects(); }
  std::optional<ProjectRecord> GetProject(int64_t id) override { return Note("GetProject"), inner.GetProject(id); }
  StoreError UpdateProject(const ProjectRecord& p) override { return Note("UpdateProject"), inner.UpdateProject(p); }
  StoreError DeleteProject(int64_t id) override { return Note("DeleteProject"), inner.DeleteProject(id); }
  StoreError AddVersion(ArtifactVersion& v) override { return Note("AddVersion"), inner.AddVersion(v); }
  StoreError AddWorkflowVersion(WorkflowVersion& v) override {
    return Note("AddWorkflowVersion"), inner.AddWorkflowVersion(v);
  }
  std::vector<WorkflowVersion> ListWorkflowVersions(int64_t p) override {
    return Note("ListWorkflowVersions"), inner.ListWorkflowVersions(p);
  }
  std::vector<ArtifactState> ListArtifacts(int64_t p) override { return Note("ListArtifacts"), inner.ListArtifacts(p); }
  std::optional<ArtifactVersion> LatestVersion(int64_t p, const std::string& a) override {
    return Note("LatestVersion"), inner.LatestVersion(p, a);
  }
  std::optional<ArtifactVersion> GetVersion(int64_t id) override { return Note("GetVersion"), inner.GetVersion(id); }
  std::vector<ArtifactVersion> ListVersions(int64_t p, const std::string& a) override {
    return Note("ListVersions"), inner.ListVersions(p, a);
  }
  StoreError MarkStale(int64_t p, const std::string& a, const std::string& r) override {
    return Note("MarkStale"), inner.MarkStale(p, a, r);
  }
  StoreError ClearStale(int64_t p, const std::string& a) override { return Note("ClearStale"), inner.ClearStale(p, a); }
  StoreError CreateRun(WorkflowRunRecord& r) override { return Note("CreateRun"), inner.CreateRun(r); }
  StoreError UpdateRun(const WorkflowRunRecord& r) override { return Note("UpdateRun"), inner.UpdateRun(r); }
  std::optional<WorkflowRunRecord> GetRun(int64_t id) override { return Note("GetRun"), inner.GetRun(id); }
  std::optional<WorkflowRunRecord> LatestRun(int64_t p, RunKind k) override {
    return Note("LatestRun"), inner.LatestRun(p, k);
  }
  StoreError CommitPhase(PhaseRunRecord& pr, const std::vector<ArtifactToCommit>& a, const std::string& author,
                         int64_t p, const std::string& reason, int64_t regen) override {
    return Note("CommitPhase"), inner.CommitPhase(pr, a, author, p, reason, regen);
  }
  StoreError RecordPhaseRun(PhaseRunRecord& pr) override { return Note("RecordPhaseRun"), inner.RecordPhaseRun(pr); }
  std::vector<PhaseRunRecord> ListPhaseRuns(int64_t r) override {
    return Note("ListPhaseRuns"), inner.ListPhaseRuns(r);
  }
  StoreError RecordApproval(ApprovalRecord& a) override { return Note("RecordApproval"), inner.RecordApproval(a); }
  std::vector<ApprovalRecord> ListApprovals(int64_t r) override {
    return Note("ListApprovals"), inner.ListApprovals(r);
  }
  StoreError RecordChange(ArtifactChangeRecord& c) override { return Note("RecordChange"), inner.RecordChange(c); }
  std::optional<ArtifactChangeRecord> GetChange(int64_t id) override { return Note("GetChange"), inner.GetChange(id); }
  StoreError CreateRegenerationRun(RegenerationRunRecord& r) override {
    return Note("CreateRegenerationRun"), inner.CreateRegenerationRun(r);
  }
  StoreError UpdateRegenerationRun(const RegenerationRunRecord& r) override {
    return Note("UpdateRegenerationRun"), inner.UpdateRegenerationRun(r);
  }
  std::vector<RegenerationRunRecord> ListRegenerationRuns(int64_t p) override {
    return Note("ListRegenerationRuns"), inner.ListRegenerationRuns(p);
  }
  StoreError RecordValidation(ValidationRunRecord& r) override {
    return Note("RecordValidation"), inner.RecordValidation(r);
  }
  std::vector<ValidationRunRecord> LatestValidations(int64_t p) override {
    return Note("LatestValidations"), inner.LatestValidations(p);
  }
  StoreError CreateSnapshot(int64_t p, const std::string& l, int64_t* id) override {
    return Note("CreateSnapshot"), inner.CreateSnapshot(p, l, id);
  }
  std::optional<CachedResponse> CacheGet(const std::string& k) override { return Note("CacheGet"), inner.CacheGet(k); }
  StoreError CachePut(const std::string& k, const CachedResponse& v) override {
    return Note("CachePut"), inner.CachePut(k, v);
  }
  StoreError Health() override { return Note("Health"), inner.Health(); }

 private:
  // Returns nothing; used with the comma operator so each forward stays one line.
  void Note(const char* name) const {
    std::lock_guard<std::mutex> l(mu_);
    calls_.push_back({std::this_thread::get_id(), name});
  }

  mutable std::mutex mu_;
  mutable std::vector<std::pair<std::thread::id, std::string>> calls_;
};

}  // namespace specwave::test
