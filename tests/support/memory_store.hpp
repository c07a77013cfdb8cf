// MemoryStore: an in-memory fake of the Store port for engine unit tests
// (runner, session) — fast, and able to inject a commit failure. The
// acceptance tests use the real SQLite store.
#pragma once

#include <map>
#include <mutex>

#include "core/clock.hpp"
#include "core/sha256.hpp"
#include "engine/store_port.hpp"

namespace specwave::test {

class MemoryStore final : public Store {
 public:
  // Makes the Nth CommitPhase from now on fail with kFull (0 = never).
  void FailCommitNumber(int n) {
    std::lock_guard<std::mutex> l(mu_);
    fail_commit_at_ = commits_ + n;
  }
  int commits() const { return commits_; }

  bool read_only() const override { return false; }

  StoreError CreateProject(ProjectRecord& p) override {
    std::lock_guard<std::mutex> l(mu_);
    p.id = ++next_id_;
    p.created_at = p.updated_at = Now();
    projects_[p.id] = p;
    return {};
  }
  StoreError AddWorkflowVersion(WorkflowVersion& v) override {
    std::lock_guard<std::mutex> l(mu_);
    auto p = projects_.find(v.project_id);
    if (p == projects_.end()) return {StoreError::Kind::kNotFound, "no project"};
    auto& list = workflow_versions_[v.project_id];
    if (list.empty()) {
      WorkflowVersion first{++next_id_, v.project_id, 1, p->second.workflow_yaml, Sha256Hex(p->second.workflow_yaml),
                            "created", "{}", Now()};
      list.push_back(first);
      if (v.author == "created") {
        v = first;
        return {};
      }
    }
    v.id = ++next_id_;
    v.version = list.back().version + 1;
    v.sha256 = Sha256Hex(v.yaml);
    v.created_at = Now();
    list.push_back(v);
    p->second.workflow_yaml = v.yaml;
    return {};
  }
  std::vector<WorkflowVersion> ListWorkflowVersions(int64_t project_id) override {
    std::lock_guard<std::mutex> l(mu_);
    auto it = workflow_versions_.find(project_id);
    return it == workflow_versions_.end() ? std::vector<WorkflowVersion>{} : it->second;
  }
  std::vector<ProjectRecord> ListProjects() override {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<ProjectRecord> out;
    for (auto& [id, p] : projects_) out.push_back(p);
    return out;
  }
  std::optional<ProjectRecord> GetProject(int64_t id) override {
    std::lock_guard<std::mutex> l(mu_);
    auto it = projects_.find(id);
    if (it == projects_.end()) return std::nullopt;
    return it->second;
  }
  StoreError UpdateProject(const ProjectRecord& p) override {
    std::lock_guard<std::mutex> l(mu_);
    if (!projects_.count(p.id)) return NotFound();
    projects_[p.id] = p;
    projects_[p.id].updated_at = Now();
    return {};
  }
  StoreError DeleteProject(int64_t id) override {
    std::lock_guard<std::mutex> l(mu_);
    projects_.erase(id);
    for (auto it = versions_.begin(); it != versions_.end();) it = it->project_id == id ? versions_.erase(it) : it + 1;
    return {};
  }

  StoreError AddVersion(ArtifactVersion& v) override {
    std::lock_guard<std::mutex> l(mu_);
    AddVersionLocked(v);
    return {};
  }
  std::vector<ArtifactState> ListArtifacts(int64_t project) override {
    std::lock_guard<std::mutex> l(mu_);
    std::map<std::string, ArtifactState> states;
    for (const auto& v : versions_) {
      if (v.project_id != project) continue;
      ArtifactState& s = states[v.artifact];
      s.artifact = v.artifact;
      s.latest_version = v.version;
      s.latest_version_id = v.id;
      s.sha256 = v.sha256;
      s.author = v.author;
      s.updated_at = v.created_at;
      s.stale_reason = stale_[{project, v.artifact}];
    }
    std::vector<ArtifactState> out;
    for (auto& [k, s] : states) out.push_back(s);
    return out;
  }
  std::optional<ArtifactVersion> LatestVersion(int64_t project, const std::string& artifact) override {
    std::lock_guard<std::mutex> l(mu_);
    std::optional<ArtifactVersion> out;
    for (const auto& v : versions_)
      if (v.project_id == project && v.artifact == artifact) out = v;
    return out;
  }
  std::optional<ArtifactVersion> GetVersion(int64_t id) override {
    std::lock_guard<std::mutex> l(mu_);
    for (const auto& v : versions_)
      if (v.id == id) return v;
    return std::nullopt;
  }
  std::vector<ArtifactVersion> ListVersions(int64_t project, const std::string& artifact) override {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<ArtifactVersion> out;
    for (const auto& v : versions_)
      if (v.project_id == project && v.artifact == artifact) out.push_back(v);
    return out;
  }
  StoreError MarkStale(int64_t project, const std::string& artifact, const std::string& reason) override {
    std::lock_guard<std::mutex> l(mu_);
    stale_[{project, artifact}] = reason;
    return {};
  }
  StoreError ClearStale(int64_t project, const std::string& artifact) override {
    std::lock_guard<std::mutex> l(mu_);
    stale_.erase({project, artifact});
    return {};
  }

  StoreError CreateRun(WorkflowRunRecord& run) override {
    std::lock_guard<std::mutex> l(mu_);
    run.id = ++next_id_;
    runs_[run.id] = run;
    return {};
  }
  StoreError UpdateRun(const WorkflowRunRecord& run) override {
    std::lock_guard<std::mutex> l(mu_);
    runs_[run.id] = run;
    return {};
  }
  std::optional<WorkflowRunRecord> GetRun(int64_t id) override {
    std::lock_guard<std::mutex> l(mu_);
    auto it = runs_.find(id);
    if (it == runs_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<WorkflowRunRecord> LatestRun(int64_t project, RunKind kind) override {
    std::lock_guard<std::mutex> l(mu_);
    std::optional<WorkflowRunRecord> out;
    for (auto& [id, r] : runs_)
      if (r.project_id == project && r.kind == kind) out = r;
    return out;
  }
  StoreError CommitPhase(PhaseRunRecord& pr, const std::vector<ArtifactToCommit>& artifacts, const std::string& author,
                         int64_t project, const std::string& reason, int64_t regen_run) override {
    std::lock_guard<std::mutex> l(mu_);
    ++commits_;
    if (fail_commit_at_ && commits_ == fail_commit_at_) {
      StoreError e;
      e.kind = StoreError::Kind::kFull;
      e.message = "storage is full (injected)";
      return e;
    }
    for (const auto& a : artifacts) {
      ArtifactVersion v;
      v.project_id = project;
      v.artifact = a.artifact;
      v.content = a.content;
      v.author = author;
      v.phase = pr.phase;
      v.regeneration_reason = reason;
      v.regeneration_run_id = regen_run;
      v.workflow_run_id = pr.workflow_run_id;
      AddVersionLocked(v);
    }
    pr.id = ++next_id_;
    phase_runs_.push_back(pr);
    return {};
  }
  StoreError RecordPhaseRun(PhaseRunRecord& pr) override {
    std::lock_guard<std::mutex> l(mu_);
    pr.id = ++next_id_;
    phase_runs_.push_back(pr);
    return {};
  }
  std::vector<PhaseRunRecord> ListPhaseRuns(int64_t run) override {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<PhaseRunRecord> out;
    for (const auto& p : phase_runs_)
      if (p.workflow_run_id == run) out.push_back(p);
    return out;
  }
  StoreError RecordApproval(ApprovalRecord& a) override {
    std::lock_guard<std::mutex> l(mu_);
    a.id = ++next_id_;
    approvals_.push_back(a);
    return {};
  }
  std::vector<ApprovalRecord> ListApprovals(int64_t run) override {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<ApprovalRecord> out;
    for (const auto& a : approvals_)
      if (a.workflow_run_id == run) out.push_back(a);
    return out;
  }
  StoreError RecordChange(ArtifactChangeRecord& c) override {
    std::lock_guard<std::mutex> l(mu_);
    c.id = ++next_id_;
    changes_[c.id] = c;
    return {};
  }
  std::optional<ArtifactChangeRecord> GetChange(int64_t id) override {
    std::lock_guard<std::mutex> l(mu_);
    auto it = changes_.find(id);
    if (it == changes_.end()) return std::nullopt;
    return it->second;
  }
  StoreError CreateRegenerationRun(RegenerationRunRecord& r) override {
    std::lock_guard<std::mutex> l(mu_);
    r.id = ++next_id_;
    regens_[r.id] = r;
    return {};
  }
  StoreError UpdateRegenerationRun(const RegenerationRunRecord& r) override {
    std::lock_guard<std::mutex> l(mu_);
    regens_[r.id] = r;
    return {};
  }
  std::vector<RegenerationRunRecord> ListRegenerationRuns(int64_t project) override {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<RegenerationRunRecord> out;
    for (auto& [id, r] : regens_)
      if (r.project_id == project) out.push_back(r);
    return out;
  }
  StoreError RecordValidation(ValidationRunRecord& v) override {
    std::lock_guard<std::mutex> l(mu_);
    v.id = ++next_id_;
    validations_.push_back(v);
    return {};
  }
  std::vector<ValidationRunRecord> LatestValidations(int64_t project) override {
    std::lock_guard<std::mutex> l(mu_);
    std::map<std::pair<std::string, std::string>, ValidationRunRecord> latest;
    for (const auto& v : validations_)
      if (v.project_id == project) latest[{v.artifact, v.validator}] = v;
    std::vector<ValidationRunRecord> out;
    for (auto& [k, v] : latest) out.push_back(v);
    return out;
  }
  StoreError CreateSnapshot(int64_t, const std::string&, int64_t* id) override {
    std::lock_guard<std::mutex> l(mu_);
    *id = ++next_id_;
    return {};
  }
  std::optional<CachedResponse> CacheGet(const std::string& key) override {
    std::lock_guard<std::mutex> l(mu_);
    auto it = cache_.find(key);
    if (it == cache_.end()) return std::nullopt;
    return it->second;
  }
  StoreError CachePut(const std::string& key, const CachedResponse& value) override {
    std::lock_guard<std::mutex> l(mu_);
    cache_[key] = value;
    return {};
  }

 private:
  static int64_t Now() { return SystemClock::Instance().NowUnixMs(); }
  static StoreError NotFound() {
    StoreError e;
    e.kind = StoreError::Kind::kNotFound;
    e.message = "not found";
    return e;
  }
  void AddVersionLocked(ArtifactVersion& v) {
    int last = 0;
    for (const auto& x : versions_)
      if (x.project_id == v.project_id && x.artifact == v.artifact) last = x.version;
    v.id = ++next_id_;
    v.version = last + 1;
    v.sha256 = Sha256Hex(v.content);
    v.created_at = Now();
    versions_.push_back(v);
    stale_.erase({v.project_id, v.artifact});
  }

  std::mutex mu_;
  int64_t next_id_ = 0;
  int commits_ = 0, fail_commit_at_ = 0;
  std::map<int64_t, ProjectRecord> projects_;
  std::map<int64_t, std::vector<WorkflowVersion>> workflow_versions_;
  std::vector<ArtifactVersion> versions_;
  std::map<std::pair<int64_t, std::string>, std::string> stale_;
  std::map<int64_t, WorkflowRunRecord> runs_;
  std::vector<PhaseRunRecord> phase_runs_;
  std::vector<ApprovalRecord> approvals_;
  std::map<int64_t, ArtifactChangeRecord> changes_;
  std::map<int64_t, RegenerationRunRecord> regens_;
  std::vector<ValidationRunRecord> validations_;
  std::map<std::string, CachedResponse> cache_;
};

}  // namespace specwave::test
