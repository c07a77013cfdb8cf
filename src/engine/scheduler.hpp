// Scheduler: runs a workflow's phases on worker threads, starting each phase
// the moment all its dependencies have succeeded (and their approval gates
// are approved) — not wave by wave — with a limit on jobs in flight.
//
//   struct MyHandler : SchedulerHandler { ... RunJob(...) does the work ... };
//   Scheduler scheduler(spec, plan, handler, SystemClock::Instance());
//   SchedulerOptions opt;                 // kReady, 8 in flight
//   ScheduleResult r = scheduler.Run(opt, cancel);
//
// A phase with fan-out becomes a prepare job (which returns the item count),
// one job per item, and a join job; all of them share the in-flight limit.
// When more jobs are ready than slots, the one with the longest remaining
// path (critical-path first, by estimated durations) starts first, then the
// lower `priority` number, then declaration order.
//
// Modes, for comparison: kReady (as soon as ready), kWaves (level by level,
// as the reference plan did: a level starts when the previous one is done),
// kSequential (one job at a time, in topological order).
//
// Failure policy: a failed critical phase stops new launches (jobs in flight
// finish); a failed non-critical phase skips only its own dependents; the
// dependents of any failed phase are marked skipped with the reason.
// Cancellation stops launches and is passed to running jobs through the token.
//
// Thread-safety: Run() is called once, from one thread (the coordinator);
// Approve() may be called from any thread while Run() is active.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "engine/plan.hpp"
#include "engine/store_port.hpp"

namespace specwave {

enum class ScheduleMode { kReady, kWaves, kSequential };
const char* ScheduleModeName(ScheduleMode mode);

// Job kinds for a fan-out phase; items are 0..n-1.
inline constexpr int kWholePhase = -1;
inline constexpr int kPrepareJob = -2;
inline constexpr int kJoinJob = -3;

struct JobOutcome {
  bool ok = false;
  bool cancelled = false;
  std::string error;  // why it failed, for a person
  int items = 0;      // kPrepareJob: how many fan-out items
};

class SchedulerHandler {
 public:
  virtual ~SchedulerHandler() = default;
  // Worker thread. item is kWholePhase, kPrepareJob, an item index, or kJoinJob.
  virtual JobOutcome RunJob(int phase, int item, const CancelToken& cancel) = 0;
  // Coordinator thread: true if the phase runs as prepare / items / join.
  virtual bool HasFanOut(int phase) const = 0;
  // Coordinator thread, after a gated phase succeeded: true if its gates are
  // already approved (e.g. --auto-approve records the approval and says yes).
  virtual bool GatesApproved(int phase) { return true; }
  // Coordinator thread, before each launch: a non-empty reason stops all
  // further launches (e.g. the run's budget would be exceeded).
  virtual std::string LaunchBlocker(int phase, int item) { return ""; }
  // Coordinator thread: every status change, with a reason for failures/skips.
  virtual void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) {}
};

struct SchedulerOptions {
  ScheduleMode mode = ScheduleMode::kReady;
  int max_in_flight = 8;
  // No work left but a gate unapproved: return (CLI: approve, then resume)
  // instead of waiting for Approve().
  bool return_when_only_approvals_remain = true;
  std::vector<double> estimated_ms;          // per phase, for critical-path-first ordering; empty = 1 each
  std::vector<PhaseStatus> initial_status;   // per phase; kSucceeded = already done (resume); empty = all pending
};

struct JobTiming {
  int item = kWholePhase;
  int64_t start_us = 0;  // relative to the run's start
  int64_t end_us = 0;
};

struct PhaseTiming {
  int64_t start_us = -1;  // first job start, relative to the run's start
  int64_t end_us = -1;    // last job end
  std::vector<JobTiming> jobs;
  int64_t WorkUs() const;          // sum of job durations
  int64_t CriticalUs() const;      // prepare + longest item + join (whole phase: its duration)
};

struct ScheduleResult {
  std::vector<PhaseStatus> status;
  std::vector<std::string> reason;
  std::vector<PhaseTiming> timing;
  int64_t makespan_us = 0;
  std::string stop_reason;      // why launching stopped early, if it did
  bool cancelled = false;
  bool awaiting_approval = false;
  int max_in_flight_seen = 0;   // measured peak of concurrent jobs
};

class Scheduler {
 public:
  Scheduler(const WorkflowSpec& spec, const Plan& plan, SchedulerHandler& handler, const Clock& clock);
  ScheduleResult Run(const SchedulerOptions& options, const CancelToken& cancel);
  // Thread-safe: marks a phase's gates approved and wakes the coordinator.
  void Approve(int phase);

 private:
  struct Job {
    int phase;
    int item;
  };
  struct Completion {
    Job job;
    JobOutcome outcome;
    int64_t start_us, end_us;
  };
  class WorkerPool;

  void Reset(const SchedulerOptions& options);
  void LaunchReady(WorkerPool& pool, ScheduleResult* result);
  void AwaitEvents();
  void SettleUnstarted(ScheduleResult* result);
  bool Eligible(int phase) const;
  void EnqueueJob(const Job& job);
  bool PopBestJob(Job* job);
  void OnCompletion(const Completion& c);
  void FinishPhase(int phase, bool ok, bool cancelled, const std::string& error);
  void SetStatus(int phase, PhaseStatus status, const std::string& reason);
  void SkipDependents(int phase);
  void RefreshReady();
  bool IsTerminal(int phase) const;

  const WorkflowSpec& spec_;
  const Plan& plan_;
  SchedulerHandler& handler_;
  const Clock& clock_;

  // Coordinator-only state.
  SchedulerOptions options_;
  std::vector<PhaseStatus> status_;
  std::vector<std::string> reason_;
  std::vector<PhaseTiming> timing_;
  std::vector<int> items_total_, items_done_, items_failed_;
  std::vector<std::string> item_error_;
  std::vector<char> launched_;
  std::vector<double> rank_;        // remaining path length
  std::vector<int> topo_pos_;
  std::vector<Job> ready_;
  int in_flight_ = 0;
  bool stop_launching_ = false;
  std::string stop_reason_;
  int64_t run_start_us_ = 0;

  // Shared with workers and Approve().
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Completion> completions_;
  std::vector<int> approvals_;
};

}  // namespace specwave
