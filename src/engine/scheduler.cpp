#include "engine/scheduler.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace specwave {

const char* ScheduleModeName(ScheduleMode mode) {
  switch (mode) {
    case ScheduleMode::kReady: return "ready";
    case ScheduleMode::kWaves: return "waves";
    case ScheduleMode::kSequential: return "sequential";
  }
  return "ready";
}

int64_t PhaseTiming::WorkUs() const {
  int64_t sum = 0;
  for (const auto& j : jobs) sum += j.end_us - j.start_us;
  return sum;
}

int64_t PhaseTiming::CriticalUs() const {
  int64_t fixed = 0, longest_item = 0;
  bool has_items = false;
  for (const auto& j : jobs) {
    int64_t d = j.end_us - j.start_us;
    if (j.item >= 0) {
      has_items = true;
      longest_item = std::max(longest_item, d);
    } else {
      fixed += d;
    }
  }
  return has_items ? fixed + longest_item : fixed;
}

// A fixed set of threads taking jobs from a queue. Threads are created per
// run and joined at its end; in the browser they come from the pthread pool
// sized at build time.
class Scheduler::WorkerPool {
 public:
  WorkerPool(Scheduler& owner, int threads, const CancelToken& cancel) : owner_(owner), cancel_(cancel) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void Submit(const Job& job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(job);
    }
    cv_.notify_one();
  }

 private:
  void Loop() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = queue_.front();
        queue_.pop_front();
      }
      Completion c{job, {}, 0, 0};
      c.start_us = owner_.clock_.NowMonotonicUs() - owner_.run_start_us_;
      try {
        c.outcome = owner_.handler_.RunJob(job.phase, job.item, cancel_);
      } catch (const std::exception& e) {
        // A handler bug must not take the run down: it becomes this job's failure.
        c.outcome.ok = false;
        c.outcome.error = std::string("internal error: ") + e.what();
      }
      c.end_us = owner_.clock_.NowMonotonicUs() - owner_.run_start_us_;
      {
        std::lock_guard<std::mutex> lock(owner_.mu_);
        owner_.completions_.push_back(std::move(c));
      }
      owner_.cv_.notify_one();
    }
  }

  Scheduler& owner_;
  CancelToken cancel_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

Scheduler::Scheduler(const WorkflowSpec& spec, const Plan& plan, SchedulerHandler& handler, const Clock& clock)
    : spec_(spec), plan_(plan), handler_(handler), clock_(clock) {}

void Scheduler::Approve(int phase) {
  SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(spec_.phases.size()), "approval for a phase index out of range");
  {
    std::lock_guard<std::mutex> lock(mu_);
    approvals_.push_back(phase);
  }
  cv_.notify_one();
}

bool Scheduler::IsTerminal(int p) const {
  switch (status_[p]) {
    case PhaseStatus::kSucceeded:
    case PhaseStatus::kFailed:
    case PhaseStatus::kSkipped:
    case PhaseStatus::kCancelled: return true;
    default: return false;
  }
}

bool Scheduler::Eligible(int p) const {
  if (status_[p] != PhaseStatus::kPending || launched_[p]) return false;
  for (int d : spec_.phases[p].deps)
    if (status_[d] != PhaseStatus::kSucceeded) return false;
  if (options_.mode == ScheduleMode::kWaves) {
    // Level-synchronous: every phase of every lower level must be finished.
    for (int l = 0; l < plan_.level[p]; ++l)
      for (int q : plan_.waves[l])
        if (!IsTerminal(q)) return false;
  }
  return true;
}

void Scheduler::SetStatus(int p, PhaseStatus s, const std::string& reason) {
  status_[p] = s;
  reason_[p] = reason;
  handler_.OnPhaseStatus(p, s, reason);
}

void Scheduler::EnqueueJob(const Job& job) { ready_.push_back(job); }

// Best = prepare/join before new work (they are short and unblock others),
// then critical-path first, then lower priority number, then topological
// position. Sequential mode: topological position only.
bool Scheduler::PopBestJob(Job* out) {
  if (ready_.empty()) return false;
  auto better = [&](const Job& a, const Job& b) {
    if (options_.mode != ScheduleMode::kSequential) {
      bool a_short = a.item == kPrepareJob || a.item == kJoinJob;
      bool b_short = b.item == kPrepareJob || b.item == kJoinJob;
      if (a_short != b_short) return a_short;
      if (rank_[a.phase] != rank_[b.phase]) return rank_[a.phase] > rank_[b.phase];
      int pa = spec_.phases[a.phase].priority, pb = spec_.phases[b.phase].priority;
      if (pa != pb) return pa < pb;
    }
    if (topo_pos_[a.phase] != topo_pos_[b.phase]) return topo_pos_[a.phase] < topo_pos_[b.phase];
    return a.item < b.item;
  };
  auto it = std::min_element(ready_.begin(), ready_.end(), better);
  *out = *it;
  ready_.erase(it);
  return true;
}

void Scheduler::RefreshReady() {
  for (int p : plan_.topo_order) {
    if (!Eligible(p)) continue;
    launched_[p] = 1;
    EnqueueJob({p, handler_.HasFanOut(p) ? kPrepareJob : kWholePhase});
  }
}

void Scheduler::SkipDependents(int phase) {
  std::vector<int> stack(plan_.dependents[phase].begin(), plan_.dependents[phase].end());
  while (!stack.empty()) {
    int q = stack.back();
    stack.pop_back();
    if (status_[q] != PhaseStatus::kPending || launched_[q]) continue;
    SetStatus(q, PhaseStatus::kSkipped, "skipped: dependency '" + spec_.phases[phase].name + "' did not succeed");
    for (int r : plan_.dependents[q]) stack.push_back(r);
  }
}

void Scheduler::FinishPhase(int p, bool ok, bool cancelled, const std::string& error) {
  if (ok) {
    if (!spec_.phases[p].approval_gates.empty() && !handler_.GatesApproved(p)) {
      SetStatus(p, PhaseStatus::kAwaitingApproval, "");
    } else {
      SetStatus(p, PhaseStatus::kSucceeded, "");
    }
    return;
  }
  if (cancelled) {
    SetStatus(p, PhaseStatus::kCancelled, error.empty() ? "cancelled" : error);
    SkipDependents(p);
    return;
  }
  SetStatus(p, PhaseStatus::kFailed, error);
  SkipDependents(p);
  if (spec_.phases[p].critical && !stop_launching_) {
    stop_launching_ = true;
    stop_reason_ = "critical phase '" + spec_.phases[p].name + "' failed";
  }
}

void Scheduler::OnCompletion(const Completion& c) {
  --in_flight_;
  const int p = c.job.phase;
  SPECWAVE_ASSERT(p >= 0 && p < static_cast<int>(spec_.phases.size()), "a job completed for a phase out of range");
  SPECWAVE_ASSERT(in_flight_ >= 0, "more jobs completed than were launched");
  auto& t = timing_[p];
  t.jobs.push_back({c.job.item, c.start_us, c.end_us});
  t.start_us = t.start_us < 0 ? c.start_us : std::min(t.start_us, c.start_us);
  t.end_us = std::max(t.end_us, c.end_us);

  if (c.job.item == kWholePhase || c.job.item == kJoinJob) {
    FinishPhase(p, c.outcome.ok, c.outcome.cancelled, c.outcome.error);
    return;
  }
  if (c.job.item == kPrepareJob) {
    if (!c.outcome.ok) {
      FinishPhase(p, false, c.outcome.cancelled, c.outcome.error);
      return;
    }
    items_total_[p] = c.outcome.items;
    if (c.outcome.items == 0) {
      EnqueueJob({p, kJoinJob});
    } else {
      for (int i = 0; i < c.outcome.items; ++i) EnqueueJob({p, i});
    }
    return;
  }
  // A fan-out item.
  ++items_done_[p];
  if (!c.outcome.ok) {
    ++items_failed_[p];
    if (item_error_[p].empty()) item_error_[p] = c.outcome.error;
    if (c.outcome.cancelled) item_error_[p] = "cancelled";
  }
  if (items_done_[p] == items_total_[p]) {
    if (items_failed_[p] == 0) {
      EnqueueJob({p, kJoinJob});
    } else {
      // Remaining items of a failed phase are dropped; nothing is joined or stored.
      FinishPhase(p, false, item_error_[p] == "cancelled",
                  std::to_string(items_failed_[p]) + " of " + std::to_string(items_total_[p]) +
                      " items failed: " + item_error_[p]);
    }
  }
}

// Fresh coordinator state for a run (a Scheduler may run twice: the
// sequential fallback pass).
void Scheduler::Reset(const SchedulerOptions& options) {
  options_ = options;
  const size_t n = spec_.phases.size();
  if (options_.mode == ScheduleMode::kSequential) options_.max_in_flight = 1;
  options_.max_in_flight = std::max(1, options_.max_in_flight);
  SPECWAVE_ASSERT(options.initial_status.empty() || options.initial_status.size() == n,
                  "initial statuses given for a different number of phases");
  SPECWAVE_ASSERT(options.estimated_ms.empty() || options.estimated_ms.size() == n,
                  "duration estimates given for a different number of phases");
  status_.assign(n, PhaseStatus::kPending);
  if (options.initial_status.size() == n) status_ = options.initial_status;
  // Anything not finished before is run again from scratch.
  for (auto& s : status_)
    if (s != PhaseStatus::kSucceeded && s != PhaseStatus::kAwaitingApproval) s = PhaseStatus::kPending;
  reason_.assign(n, "");
  timing_.assign(n, {});
  items_total_.assign(n, 0);
  items_done_.assign(n, 0);
  items_failed_.assign(n, 0);
  item_error_.assign(n, "");
  launched_.assign(n, 0);
  for (size_t i = 0; i < n; ++i)
    if (status_[i] != PhaseStatus::kPending) launched_[i] = 1;
  std::vector<double> est = options.estimated_ms;
  if (est.size() != n) est.assign(n, 1.0);
  rank_ = RemainingPathLength(spec_, plan_, est);
  topo_pos_.assign(n, 0);
  for (size_t i = 0; i < plan_.topo_order.size(); ++i) topo_pos_[plan_.topo_order[i]] = static_cast<int>(i);
  ready_.clear();
  in_flight_ = 0;
  stop_launching_ = false;
  stop_reason_.clear();
  completions_.clear();
  approvals_.clear();
}

// Launches ready jobs while there are slots, unless something stops launches.
void Scheduler::LaunchReady(WorkerPool& pool, ScheduleResult* result) {
  while (!stop_launching_ && in_flight_ < options_.max_in_flight) {
    Job job;
    if (!PopBestJob(&job)) break;
    std::string blocker = handler_.LaunchBlocker(job.phase, job.item);
    if (!blocker.empty()) {
      ready_.push_back(job);
      stop_launching_ = true;
      stop_reason_ = blocker;
      break;
    }
    if (job.item == kPrepareJob || job.item == kWholePhase) SetStatus(job.phase, PhaseStatus::kRunning, "");
    ++in_flight_;
    result->max_in_flight_seen = std::max(result->max_in_flight_seen, in_flight_);
    pool.Submit(job);
  }
}

// Waits for a completion or an approval and applies them; the timeout only
// bounds how late a cancellation is noticed when nothing is running.
void Scheduler::AwaitEvents() {
  std::deque<Completion> done;
  std::vector<int> approved;
  {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(50), [&] { return !completions_.empty() || !approvals_.empty(); });
    done.swap(completions_);
    approved.swap(approvals_);
  }
  for (const auto& c : done) OnCompletion(c);
  for (int p : approved)
    if (status_[p] == PhaseStatus::kAwaitingApproval) SetStatus(p, PhaseStatus::kSucceeded, "");
  if (!stop_launching_) RefreshReady();
}

// Phases that never started: paused behind a gate, or cancelled with why.
// A fan-out phase whose remaining items were never launched (a critical phase
// failed, the budget ran out, the run was cancelled) ends cancelled, so its
// record holds the calls its finished items made (issue #14.8).
void Scheduler::SettleUnstarted(ScheduleResult* result) {
  for (size_t i = 0; i < status_.size(); ++i)
    if (status_[i] == PhaseStatus::kRunning)
      SetStatus(static_cast<int>(i), PhaseStatus::kCancelled,
                "cancelled with " + std::to_string(items_done_[i]) + " of " + std::to_string(items_total_[i]) +
                    " items done: " + (stop_reason_.empty() ? std::string("the run stopped") : stop_reason_));
  for (size_t i = 0; i < status_.size(); ++i) {
    if (status_[i] != PhaseStatus::kPending) continue;
    if (result->awaiting_approval) {
      // Paused, not stopped: these run when the gate is approved and the run resumes.
      reason_[i] = "waiting for an approval gate upstream";
      continue;
    }
    SetStatus(static_cast<int>(i), PhaseStatus::kCancelled,
              stop_reason_.empty() ? "not started" : "not started: " + stop_reason_);
  }
}

ScheduleResult Scheduler::Run(const SchedulerOptions& options, const CancelToken& cancel) {
  Reset(options);
  const size_t n = spec_.phases.size();
  ScheduleResult result;
  run_start_us_ = clock_.NowMonotonicUs();
  // Gates left pending by an earlier, paused run may be approved by now;
  // the others are announced, so a front end can offer their approval.
  for (size_t i = 0; i < n; ++i) {
    if (status_[i] != PhaseStatus::kAwaitingApproval) continue;
    if (handler_.GatesApproved(static_cast<int>(i))) SetStatus(static_cast<int>(i), PhaseStatus::kSucceeded, "");
    else handler_.OnPhaseStatus(static_cast<int>(i), PhaseStatus::kAwaitingApproval, "");
  }
  {
    WorkerPool pool(*this, options_.max_in_flight, cancel);
    RefreshReady();
    for (;;) {
      if (cancel.IsCancelled() && !stop_launching_) {
        stop_launching_ = true;
        stop_reason_ = "cancelled";
        result.cancelled = true;
      }
      LaunchReady(pool, &result);
      if (in_flight_ == 0 && (stop_launching_ || ready_.empty())) {
        bool waiting_gate = std::any_of(status_.begin(), status_.end(),
                                        [](PhaseStatus s) { return s == PhaseStatus::kAwaitingApproval; });
        if (stop_launching_ || !waiting_gate || options_.return_when_only_approvals_remain) {
          result.awaiting_approval = waiting_gate && !stop_launching_;
          break;
        }
      }
      AwaitEvents();
    }
  }  // joins the workers
  result.makespan_us = clock_.NowMonotonicUs() - run_start_us_;
  SettleUnstarted(&result);
  result.status = status_;
  result.reason = reason_;
  result.timing = timing_;
  result.stop_reason = stop_reason_;
  return result;
}

}  // namespace specwave
