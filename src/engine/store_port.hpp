// The engine's port to persistent storage. The implementation is SQLite
// (src/store/sqlite_store.cpp): a file natively, OPFS in the browser.
//
// Contract:
//  * Every method is thread-safe (the implementation serialises calls onto the
//    one thread that owns the database connection — in the browser the OPFS
//    handles live on that thread).
//  * CommitPhase writes a phase's artifacts and its phase_run in ONE
//    transaction: after a crash either all of them are there or none.
//  * Expected failures (disk full, quota exceeded, read-only database, unknown
//    id) come back as StoreError values, never exceptions.
//  * Nothing here ever stores an API key: settings_json is filtered by the
//    caller (session/session_settings.hpp keeps no key) and export drops any "api_key" field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/llm_port.hpp"
#include "engine/outcomes.hpp"
#include "engine/provider_kind.hpp"
#include "engine/section_records.hpp"

namespace specwave {

struct StoreError {
  enum class Kind { kNone, kNotFound, kReadOnly, kFull, kCorrupt, kTooNew, kBusy, kInvalid, kIo };
  Kind kind = Kind::kNone;
  std::string message;  // for a person, with the way out ("open read-only", "export what can be read")
  explicit operator bool() const { return kind != Kind::kNone; }
};

struct ProjectRecord {
  int64_t id = 0;
  std::string name;
  std::string brief;          // markdown
  std::string workflow_yaml;  // the workflow spec text the project runs
  std::string workflow_name;  // file name or "default"
  std::string settings_json;  // provider, model, base URL, concurrency... never a key
  int64_t created_at = 0;     // unix ms
  int64_t updated_at = 0;
};

// One version of a project's workflow spec (issue #19), kept like an
// artifact's versions: version 1 is the workflow the project was created
// with (author "created"), each later one a person's edit ("user").
struct WorkflowVersion {
  int64_t id = 0;
  int64_t project_id = 0;
  int version = 0;           // 1, 2, 3...
  std::string yaml;
  std::string sha256;        // of yaml
  std::string author;        // "created" or "user"
  std::string change_json;   // what changed from the version before (engine/workflow_change.hpp); "{}" for 1
  int64_t created_at = 0;
};

struct ArtifactVersion {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string artifact;      // file name, e.g. "prd.md"
  int version = 0;           // 1, 2, 3... per artifact
  std::string content;
  std::string sha256;        // of content as stored
  std::string author;        // "user" or "agent:<agent>" (e.g. "agent:product_manager")
  std::string phase;         // producing phase, empty for user edits
  std::string regeneration_reason;   // empty unless produced by a regeneration run
  int64_t regeneration_run_id = 0;   // 0 = none
  int64_t workflow_run_id = 0;       // 0 = none
  int64_t created_at = 0;
};

// Current state of an artifact in a project (latest version + staleness).
struct ArtifactState {
  std::string artifact;
  int latest_version = 0;
  int64_t latest_version_id = 0;
  std::string sha256;
  std::string author;
  std::string stale_reason;  // non-empty: an upstream change makes this out of date
  int64_t updated_at = 0;
};

struct PhaseRunRecord {
  int64_t id = 0;
  int64_t workflow_run_id = 0;
  std::string phase;
  PhaseStatus status = PhaseStatus::kPending;
  PhaseOutcome outcome = PhaseOutcome::kNone;  // what happened: resume and cutoff read this, never `error`
  int64_t started_at_us = 0;   // monotonic, relative to run start
  int64_t ended_at_us = 0;
  int64_t duration_ms = 0;
  int calls = 0;               // model calls made (0 when cached/offline-deterministic)
  int cached_calls = 0;
  TokenUsage usage;
  double cost_usd = 0;
  std::string error;           // why it failed or was skipped
  ProviderKind provider = ProviderKind::kOffline;
  std::string model;
  int repair_calls = 0;       // of `calls`, the repair calls (issue #14.4)
  // A failed phase's reply as the model sent it (its output is never stored
  // as a version; this is where a person reads it). "" when it succeeded.
  std::string raw_reply;
  // The phase's own findings as a JSON array of FindingToJson objects plus
  // "artifact": what the reply cleaner removed, envelope fields replaced,
  // reply and validator errors. Kept when the phase succeeds too.
  std::string findings_json;
};

struct WorkflowRunRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  RunKind kind = RunKind::kRun;
  std::string mode;            // "ready" (as soon as ready), "waves", "sequential" (shown, never compared)
  RunStatus status = RunStatus::kRunning;
  std::string options_json;    // provider, model, concurrency, budget... (no key)
  std::string metrics_json;    // makespan, sequential, critical path, waves... (as measured)
  int64_t started_at = 0;      // unix ms
  int64_t finished_at = 0;
};

struct ArtifactToCommit {
  std::string artifact;
  std::string content;
};

struct ApprovalRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  int64_t workflow_run_id = 0;
  std::string phase;
  std::string gate;
  std::string decided_by;  // "user", "cli --auto-approve"
  int64_t decided_at = 0;
};

struct ArtifactChangeRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string artifact;
  int64_t old_version_id = 0;
  int64_t new_version_id = 0;
  std::string old_sha256, new_sha256;
  std::string sections_json;  // [{"section": "PRD > Features > Auth", "change": "modified"}]
  std::string impact_level;   // HIGH/MEDIUM/LOW
  std::string impact_json;    // full impact analysis
  int64_t created_at = 0;
};

struct RegenerationRunRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string trigger_artifact;
  int64_t trigger_change_id = 0;
  std::string impact_json;
  std::string strategy;                       // regenerate_all, high_impact_only, manual_review, ignore
  std::vector<std::string> to_regenerate;
  std::vector<std::string> regenerated;
  std::vector<std::string> skipped_early_cutoff;
  int64_t workflow_run_id = 0;
  int64_t started_at = 0, completed_at = 0, duration_ms = 0;
  std::optional<bool> success;
  std::string error;
};

struct ValidationRunRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  int64_t artifact_version_id = 0;  // 0 for cross-artifact runs
  std::string artifact;
  std::string validator;
  bool passed = false;              // no errors
  std::string findings_json;        // [{"severity","line","message","excerpt"}]
  int64_t workflow_run_id = 0;
  int64_t created_at = 0;
};

struct CachedResponse {
  std::string text;
  TokenUsage usage;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual bool read_only() const = 0;
  // Why a store that opened is read-only, for a person ("" if it is not, or
  // if the caller asked for read-only): e.g. written by a newer Specwave.
  virtual std::string ReadOnlyReason() const { return ""; }
  // Why what is written here will not outlive this process, for a person ("" if
  // it will): e.g. the browser gave no storage, so the store lives in memory.
  virtual std::string NotKeptReason() const { return ""; }

  // Projects.
  virtual StoreError CreateProject(ProjectRecord& project) = 0;  // sets id, timestamps
  virtual std::vector<ProjectRecord> ListProjects() = 0;
  virtual std::optional<ProjectRecord> GetProject(int64_t id) = 0;
  virtual StoreError UpdateProject(const ProjectRecord& project) = 0;  // name, brief, workflow, settings
  virtual StoreError DeleteProject(int64_t id) = 0;                    // cascades

  // Artifacts. AddVersion assigns id, version, sha256, created_at and clears
  // the artifact's stale mark.
  virtual StoreError AddVersion(ArtifactVersion& version) = 0;
  virtual std::vector<ArtifactState> ListArtifacts(int64_t project_id) = 0;
  virtual std::optional<ArtifactVersion> LatestVersion(int64_t project_id, const std::string& artifact) = 0;
  virtual std::optional<ArtifactVersion> GetVersion(int64_t version_id) = 0;
  virtual std::vector<ArtifactVersion> ListVersions(int64_t project_id, const std::string& artifact) = 0;  // oldest first
  virtual StoreError MarkStale(int64_t project_id, const std::string& artifact, const std::string& reason) = 0;
  virtual StoreError ClearStale(int64_t project_id, const std::string& artifact) = 0;  // "mark reviewed"

  // Runs. CommitPhase: the phase's artifacts (as new versions by `author`)
  // and its phase_run, in one transaction.
  virtual StoreError CreateRun(WorkflowRunRecord& run) = 0;
  virtual StoreError UpdateRun(const WorkflowRunRecord& run) = 0;
  virtual std::optional<WorkflowRunRecord> GetRun(int64_t run_id) = 0;
  virtual std::optional<WorkflowRunRecord> LatestRun(int64_t project_id, RunKind kind) = 0;
  virtual StoreError CommitPhase(PhaseRunRecord& phase_run, const std::vector<ArtifactToCommit>& artifacts,
                                 const std::string& author, int64_t project_id, const std::string& regeneration_reason,
                                 int64_t regeneration_run_id) = 0;
  virtual StoreError RecordPhaseRun(PhaseRunRecord& phase_run) = 0;  // failures, skips (no artifacts)
  virtual std::vector<PhaseRunRecord> ListPhaseRuns(int64_t run_id) = 0;

  virtual StoreError RecordApproval(ApprovalRecord& approval) = 0;
  virtual std::vector<ApprovalRecord> ListApprovals(int64_t run_id) = 0;

  virtual StoreError RecordChange(ArtifactChangeRecord& change) = 0;
  virtual std::optional<ArtifactChangeRecord> GetChange(int64_t change_id) = 0;

  virtual StoreError CreateRegenerationRun(RegenerationRunRecord& run) = 0;
  virtual StoreError UpdateRegenerationRun(const RegenerationRunRecord& run) = 0;
  virtual std::vector<RegenerationRunRecord> ListRegenerationRuns(int64_t project_id) = 0;

  virtual StoreError RecordValidation(ValidationRunRecord& run) = 0;
  virtual std::vector<ValidationRunRecord> LatestValidations(int64_t project_id) = 0;  // latest per (artifact, validator)

  virtual StoreError CreateSnapshot(int64_t project_id, const std::string& label, int64_t* snapshot_id) = 0;

  // Response cache (issue #4): key = hash of provider, model, parameters, prompt.
  virtual std::optional<CachedResponse> CacheGet(const std::string& key) = 0;
  virtual StoreError CachePut(const std::string& key, const CachedResponse& value) = 0;

  // The workflow's versions. AddWorkflowVersion, in one transaction: when
  // the project has no version yet, first records its current workflow_yaml
  // as version 1 ("created"); then records `version` as the next one and
  // makes it the project's workflow_yaml. Sets id, version, sha256, created_at.
  virtual StoreError AddWorkflowVersion(WorkflowVersion& /*version*/) {
    return {StoreError::Kind::kInvalid, "this store keeps no workflow versions"};
  }
  virtual std::vector<WorkflowVersion> ListWorkflowVersions(int64_t /*project_id*/) { return {}; }  // oldest first

  // Section locks, proposals and reviews (issue #16.5; section_records.hpp).
  // SetSectionLock inserts or updates the row of (project, artifact,
  // section) and sets id and updated_at. ListSectionLocks: every row, locked
  // or not, of one artifact ("" = all artifacts), by artifact then section.
  virtual StoreError SetSectionLock(SectionLock& /*lock*/) { return NoSections(); }
  virtual std::vector<SectionLock> ListSectionLocks(int64_t /*project_id*/, const std::string& /*artifact*/) {
    return {};
  }
  // AddProposal stores an open proposal and, in the same transaction, marks
  // any older open proposal for the same section superseded.
  virtual StoreError AddProposal(SectionProposal& /*proposal*/) { return NoSections(); }
  virtual std::vector<SectionProposal> ListProposals(int64_t /*project_id*/, bool /*open_only*/) { return {}; }
  virtual std::optional<SectionProposal> GetProposal(int64_t /*id*/) { return std::nullopt; }
  // Closes an open proposal (accepted or rejected); kInvalid if it is not open.
  virtual StoreError DecideProposal(int64_t /*id*/, ProposalStatus /*status*/, const std::string& /*by*/,
                                    int64_t /*result_version_id*/) {
    return NoSections();
  }
  // "Accept as reviewed": clears the artifact's stale mark and records the
  // review (the mark it cleared, the latest version, who, when) in one
  // transaction. kInvalid when the artifact is not stale.
  virtual StoreError RecordReview(ReviewRecord& /*review*/) { return NoSections(); }
  virtual std::vector<ReviewRecord> ListReviews(int64_t /*project_id*/) { return {}; }

  // A lasting problem the store has found (kCorrupt once damage is seen, or
  // why it could not be opened), with the way out; kNone when healthy. Reads
  // return empty results on failure, so show this when a list is empty.
  virtual StoreError Health() { return {}; }

  // For import (src/store/project_bundle.hpp): creates a project holding the
  // given versions as they were exported (numbers, authors, phases, created_at
  // kept; sha256 checked) and the stale marks of `artifacts`, in one
  // transaction. Sets project.id and each version's id. Run ids are not kept.
  virtual StoreError ImportProject(ProjectRecord& project, std::vector<ArtifactVersion>& versions,
                                   const std::vector<ArtifactState>& artifacts) {
    return {StoreError::Kind::kInvalid, "this store cannot import projects"};
  }

 private:
  static StoreError NoSections() { return {StoreError::Kind::kInvalid, "this store keeps no section locks"}; }
};

// The newer of a project's last run and last regeneration (what a person
// means by "the last run"), or nullopt when it has none.
std::optional<WorkflowRunRecord> LatestAnyRun(Store& store, int64_t project_id);

}  // namespace specwave
