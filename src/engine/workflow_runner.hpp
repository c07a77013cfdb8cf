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
// What each job does is engine/phase_jobs.hpp; the report,
// engine/run_report_builder.hpp.
//
// Thread-safety: Run()/Resume() block the calling (engine) thread; the
// observer is called from engine threads. Approve() may be called from any
// thread while a run is active.
#pragma once

#include <mutex>
#include <set>
#include <vector>

#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "engine/llm_port.hpp"
#include "engine/phase_checks.hpp"
#include "engine/plan.hpp"
#include "engine/run_observer.hpp"
#include "engine/run_options.hpp"
#include "engine/run_report.hpp"
#include "engine/scheduler.hpp"
#include "engine/spec.hpp"
#include "engine/store_port.hpp"

namespace specwave {

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
  RunReport Execute(int64_t project_id, WorkflowRunRecord run, const RunOptions& options,
                    std::vector<PhaseStatus> initial, RunObserver* observer, const CancelToken& cancel,
                    const std::set<int>& bypass_cache);
  std::vector<double> EstimatedDurations(int64_t project_id, const RunOptions& options);
  // How each phase starts when `run_id` resumes, and which must bypass the cache.
  std::vector<PhaseStatus> ResumeState(int64_t project_id, int64_t run_id, const RunOptions& options,
                                       std::set<int>* rerun_after_validation);

  const WorkflowSpec& spec_;
  Plan plan_;
  Store& store_;
  LlmProvider& provider_;
  const Clock& clock_;
  PhaseChecks checks_;
  std::mutex active_mu_;
  Scheduler* active_ = nullptr;  // guarded by active_mu_
  int64_t active_run_ = 0;       // guarded by active_mu_
};

}  // namespace specwave
