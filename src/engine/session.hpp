// Session: the engine as an interactive front end sees it — one open project,
// its runs, artifacts and settings — behind commands and snapshots.
//
//   Session session(ports);                 // starts its engine threads
//   session.OpenProject(id);                // commands never block the caller
//   auto snap = session.Snapshot();         // immutable; cheap to take every frame
//   for (auto& p : snap->phases) draw(p.status, p.stream_tail);
//
// Threads: commands run in order on the session's command thread; a run
// executes on its own thread so the project stays browsable while it runs;
// Cancel and Approve act at once. Snapshot() only copies a shared pointer
// (and, after a change, the small model) — the UI never waits on engine work.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "engine/dag_layout.hpp"
#include "engine/llm_port.hpp"
#include "engine/phase_checks.hpp"
#include "engine/plan.hpp"
#include "engine/regeneration.hpp"
#include "engine/spec.hpp"
#include "engine/store_port.hpp"
#include "engine/workflow_runner.hpp"
#include "markdown/line_diff.hpp"
#include "engine/token_swatches.hpp"
#include "markdown/render_blocks.hpp"
#include "markdown/section_diff.hpp"

namespace specwave {

// What the person configures. The API key is not part of it: it is held by
// the session in memory only and reported as `has_key`.
struct SessionSettings {
  std::string provider = "offline";  // offline | openai | anthropic
  std::string model;
  std::string base_url;
  int max_in_flight = 8;
  double budget_usd = 0;
  // Offline generator only: a simulated model latency per call, so a run
  // takes long enough to watch the schedule (demos, tests). 0 = none.
  int offline_latency_ms = 0;
  bool has_key = false;
  std::string ToJson() const;  // for the project's settings_json: never a key
  static SessionSettings FromJson(const std::string& json);
};

struct PhaseView {
  PhaseStatus status = PhaseStatus::kPending;
  std::string reason;
  bool stale = false;         // an upstream edit made its artifacts out of date
  std::string stale_reason;
  int items_done = 0, items_total = 0;
  int calls = 0, cached_calls = 0;
  TokenUsage usage;
  int errors = 0, warnings = 0;
  std::string stream_tail;    // the last few KB streamed by the running call(s)
  std::vector<ArtifactFinding> findings;
  // Cross-artifact gaps (traceability findings) in the artifacts this phase
  // produced — where the fix goes; at a validate phase, all of them. Drawn on
  // the DAG.
  int gaps = 0;
};

struct ProjectSummary {
  int64_t id = 0;
  std::string name;
  int64_t updated_at = 0;
};

enum class BannerKind { kNone, kInfo, kWarning, kError };

struct SessionSnapshot {
  uint64_t seq = 0;
  std::vector<ProjectSummary> projects;
  int64_t project_id = 0;
  std::string project_name;
  std::string brief;
  std::string workflow_name;
  std::shared_ptr<const WorkflowSpec> spec;
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const DagLayout> layout;
  std::vector<PhaseView> phases;  // per spec phase
  std::vector<ArtifactState> artifacts;
  // The latest stored validation findings per artifact, for its current
  // version only (line numbers refer to that text).
  std::map<std::string, std::vector<ArtifactFinding>> findings_by_artifact;
  bool running = false;
  int64_t run_id = 0;
  std::string run_status;         // of the current or last run
  std::vector<std::string> pending_gates;  // "PHASE/gate"
  std::optional<RunReport> last_report;
  // The artifact open in the editor/viewer.
  std::string open_artifact;
  std::vector<ArtifactVersion> open_versions;  // oldest first, with content
  // Prepared on the command thread so drawing does no engine work:
  int shown_version = 0;                           // the version `blocks` renders (0 = none yet)
  std::vector<markdown::RenderBlock> blocks;
  TokenSwatches swatches;  // the shown version's palette, contrast pairs, type scale (empty if none)
  int diff_old = 0, diff_new = 0;                  // versions compared (0 = no comparison)
  markdown::LineDiff diff;
  std::vector<markdown::SectionDelta> diff_sections;
  // The last edit's change and impact (shown in the impact panel), and the
  // last regeneration's outcome.
  std::optional<ImpactAnalysis> impact;
  uint64_t impact_seq = 0;  // changes with every new analysis (a stable identity for the UI)
  std::optional<RegenerationResult> last_regeneration;
  SessionSettings settings;
  std::string provider_label;     // "Offline generator — rules and templates, not a language model"
  BannerKind banner_kind = BannerKind::kNone;
  std::string banner;             // what went wrong and what to do
  bool read_only = false;
  std::string storage_note;       // e.g. "OPFS, persistent" or the quota used
};

class Session {
 public:
  struct Ports {
    Store* store = nullptr;
    const Clock* clock = &SystemClock::Instance();
    // Builds a provider for the settings; on failure returns null and says why.
    std::function<std::unique_ptr<LlmProvider>(const SessionSettings&, const std::string& api_key, std::string* error)>
        make_provider;
    PhaseChecks checks;
    CostFunction cost;
    DiffFunction diff;  // section-level change between versions (engine/artifact_diff.hpp)
    // Single-file export/import (the store's bundle format); may be empty.
    std::function<bool(Store&, int64_t project, std::string* file_name, std::string* content, std::string* error)>
        export_bundle;
    std::function<bool(Store&, const std::string& content, int64_t* project, std::string* error)> import_bundle;
    // No threads (the single-threaded embed viewer): commands run inline on
    // the caller's thread and runs are refused.
    bool synchronous = false;
  };

  explicit Session(Ports ports);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  std::shared_ptr<const SessionSnapshot> Snapshot();

  // Commands (asynchronous, in order).
  void Refresh();
  void CreateProject(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                     const std::string& workflow_name);
  void OpenProject(int64_t id);
  void OpenLatestProject();
  // The most recently updated project, or a new one from these if there is none.
  void OpenLatestOrCreate(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                          const std::string& workflow_name);
  // A session that must not write (second tab, embed viewer), with the reason shown.
  void SetReadOnly(bool read_only, const std::string& reason);
  void SetStorageNote(const std::string& note);
  void RenameProject(int64_t id, const std::string& name);
  void DeleteProject(int64_t id);
  void StartRun(ScheduleMode mode = ScheduleMode::kReady);
  void ResumeRun();
  void CancelRun();  // immediate
  void Approve(const std::string& phase, const std::string& gate);  // immediate
  void OpenArtifact(const std::string& artifact);
  // A user version; for a workflow artifact also the change, its impact and
  // the stale marks (snapshot.impact), ready for Regenerate().
  void SaveArtifact(const std::string& artifact, const std::string& content);
  void RestoreVersion(const std::string& artifact, int version);  // restoring is itself a new version
  void Regenerate(Strategy strategy, const std::vector<std::string>& selection, bool overwrite_user_edits);
  void MarkReviewed(const std::string& artifact);
  void DismissImpact();
  void ShowVersion(int version);                 // of the open artifact; 0 = latest
  void CompareVersions(int old_version, int new_version);  // 0, 0 = stop comparing
  void UpdateSettings(const SessionSettings& settings, const std::optional<std::string>& api_key);
  void SetBanner(BannerKind kind, const std::string& text);
  // `done` runs on the command thread with the file name and content.
  void ExportProject(std::function<void(const std::string& file_name, const std::string& content)> done);
  void ImportProject(const std::string& content);
  // Runs `fn` on the command thread after earlier commands (tests, export).
  void Post(std::function<void()> fn);
  // Blocks until every command posted so far has run (tests, CLI).
  void Drain();

 private:
  class Observer;
  void CommandLoop();
  void Enqueue(std::function<void()> fn);
  void LoadProjectLocked(int64_t id);
  void ReloadArtifacts();
  void PrepareViews();  // command thread: blocks and diff for the open artifact
  void RunThread(ScheduleMode mode, bool resume);
  using Job = std::function<RunReport(LlmProvider& provider, RunObserver* observer, const CancelToken& cancel,
                                      int64_t project, int64_t run_id)>;
  // Starts `job` on the run thread (one at a time); false with a banner if it cannot.
  bool StartJob(const Job& job);
  void RecordEdit(const std::string& artifact, const std::string& content);
  void Touch();  // marks the model changed

  Ports ports_;
  std::string api_key_;  // memory only; never logged, stored or exported

  std::mutex model_mu_;
  SessionSnapshot model_;  // guarded by model_mu_
  std::atomic<bool> dirty_{true};
  std::shared_ptr<const SessionSnapshot> published_;
  uint64_t seq_ = 0;

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  int pending_ = 0;
  std::condition_variable idle_cv_;
  std::thread command_thread_;

  std::mutex run_mu_;
  std::thread run_thread_;
  std::shared_ptr<WorkflowRunner> runner_;
  std::optional<RecordedEdit> last_edit_;  // command thread only
  std::unique_ptr<LlmProvider> provider_;
  CancelToken cancel_;
  int64_t active_run_ = 0;
};

}  // namespace specwave
