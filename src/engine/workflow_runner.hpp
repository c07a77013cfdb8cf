// WorkflowRunner: runs a project's workflow end to end — the scheduler for
// parallelism, the provider for text, the validators for checks, the store
// for everything that must survive a crash.
//
//   WorkflowRunner runner(spec, store, provider, SystemClock::Instance());
//   RunOptions opt;                       // as soon as ready, 8 in flight
//   opt.auto_approve = true;
//   RunReport report = runner.Run(project_id, opt, &observer, cancel);
//   puts(report.ToJson().c_str());        // makespan_ms, sequential_ms, ...
//
// Durability: a phase's artifacts and its phase_run are committed in one
// transaction when the phase succeeds (Store::CommitPhase); fan-out items are
// scratch until the join commits. Resume() continues an interrupted or paused
// run without running (or calling the model for) any phase that completed.
//
// Thread-safety: Run()/Resume() block the calling (engine) thread; the
// observer is called from engine threads. Approve() may be called from any
// thread while a run is active.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "engine/llm_port.hpp"
#include "engine/phase_checks.hpp"
#include "engine/plan.hpp"
#include "engine/scheduler.hpp"
#include "engine/spec.hpp"
#include "engine/store_port.hpp"

namespace specwave {

// USD for a call, or a negative value when the price is unknown.
using CostFunction = std::function<double(const std::string& provider, const std::string& model, const TokenUsage&)>;

struct RunOptions {
  ScheduleMode mode = ScheduleMode::kReady;
  int max_in_flight = 8;
  bool auto_approve = false;         // record approvals for every gate as they are reached
  bool wait_for_approval = false;    // UI: keep the run alive until Approve(); CLI: pause and return
  bool fallback_sequential = false;  // after failures, retry what failed once, one phase at a time
  double budget_usd = 0;             // 0 = no budget
  CostFunction cost;                 // may be empty: cost unknown
  double temperature = 0.2;
  int max_tokens = 8192;
  std::vector<double> estimated_ms;  // per phase, for critical-path-first ordering; empty = from history

  // Regeneration (issue #6): run only these phases; every other phase counts
  // as done and its latest artifacts are the inputs.
  std::optional<std::set<std::string>> only_phases;
  std::string regeneration_reason;
  int64_t regeneration_run_id = 0;
  // Early cutoff: a phase whose inputs all came out unchanged in this run is
  // not run again (its artifacts stay current). Phases in `changed_inputs`
  // are treated as changed (e.g. the edited artifact's producer).
  bool early_cutoff = false;
  std::set<std::string> changed_inputs;
  std::string run_kind = "run";      // "run" or "regeneration"
};

struct PhaseReport {
  std::string name;
  PhaseStatus status = PhaseStatus::kPending;
  std::string reason;
  bool done_earlier = false;   // completed by an earlier run (resume): not run now
  bool early_cutoff = false;   // not run: its inputs came out unchanged
  double start_ms = 0, end_ms = 0, duration_ms = 0;  // relative to this run's start; duration = end - start
  double work_ms = 0;          // sum of its jobs' durations (fan-out items add up)
  double critical_ms = 0;      // what it contributes to the critical path (longest item for fan-out)
  int items = 0;
  int calls = 0, cached_calls = 0;
  TokenUsage usage;
  double cost_usd = 0;
  bool cost_known = true;
  int errors = 0, warnings = 0;  // validator findings
};

struct WaveReport {
  int level = 0;
  std::vector<std::string> phases;
  double start_ms = 0, end_ms = 0, span_ms = 0, work_ms = 0;
};

struct RunReport {
  int64_t run_id = 0;
  std::string status;  // succeeded, failed, cancelled, awaiting_approval
  std::string mode;
  std::string provider, model;
  bool language_model = false;
  double makespan_ms = 0;        // measured wall time of this run
  double sequential_ms = 0;      // measured: sum of every job's duration (a one-at-a-time run's length)
  double critical_path_ms = 0;   // lower bound from the measured durations, infinite parallelism
  double time_saved_percent = 0; // 100 * (sequential - makespan) / sequential
  std::vector<std::string> critical_path;
  std::vector<PhaseReport> phases;
  std::vector<WaveReport> waves;
  TokenUsage usage;
  double cost_usd = 0;
  bool cost_known = true;
  int calls = 0, cached_calls = 0, early_cutoff_phases = 0;
  int max_in_flight_seen = 0;
  std::vector<std::string> pending_gates;  // "PHASE/gate" awaiting approval
  std::string stop_reason;
  bool fallback_used = false;
  std::string ToJson() const;
  // Reads what ToJson wrote (stored run metrics); nullopt if it is not that.
  static std::optional<RunReport> FromJson(const std::string& json);

 private:
  static std::optional<RunReport> FromJsonUnchecked(const std::string& json);
};

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void OnRunStarted(int64_t run_id) {}
  virtual void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) {}
  virtual void OnText(int phase, int item, const std::string& chunk) {}
  virtual void OnFindings(int phase, const std::vector<ArtifactFinding>& findings) {}
  virtual void OnRunFinished(const RunReport& report) {}
};

class WorkflowRunner {
 public:
  WorkflowRunner(const WorkflowSpec& spec, Store& store, LlmProvider& provider, const Clock& clock);

  // Checks that run after each phase (validators) and at a validate join.
  void SetChecks(PhaseChecks checks) { checks_ = std::move(checks); }

  RunReport Run(int64_t project_id, const RunOptions& options, RunObserver* observer, const CancelToken& cancel);
  // Continues run `run_id` (interrupted, paused at a gate, or failed).
  RunReport Resume(int64_t project_id, int64_t run_id, const RunOptions& options, RunObserver* observer,
                   const CancelToken& cancel);

  // Approves a gate of a phase of the active (or last) run; thread-safe.
  StoreError Approve(int64_t project_id, int64_t run_id, const std::string& phase, const std::string& gate,
                     const std::string& decided_by);

 private:
  class Handler;
  RunReport Execute(int64_t project_id, WorkflowRunRecord run, const RunOptions& options,
                    std::vector<PhaseStatus> initial, RunObserver* observer, const CancelToken& cancel,
                    const std::set<int>& bypass_cache);

  const WorkflowSpec& spec_;
  Plan plan_;
  Store& store_;
  LlmProvider& provider_;
  const Clock& clock_;
  PhaseChecks checks_;
  std::mutex active_mu_;
  Scheduler* active_ = nullptr;
  int64_t active_run_ = 0;
};

}  // namespace specwave
