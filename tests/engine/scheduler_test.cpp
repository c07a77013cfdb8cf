// Scheduler tests use a scripted handler: no sleeps decide the outcome.
// Where order matters, a job blocks on a latch that only the expected
// concurrent job can open (with a generous timeout so a wrong scheduler fails
// instead of hanging).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "engine/scheduler.hpp"

using namespace specwave;

namespace {

WorkflowSpec Spec(const std::string& phases_yaml) {
  auto r = LoadWorkflowSpec("phases:\n" + phases_yaml, "test.yml");
  if (!r.ok()) FAIL(JoinDiagnostics(r.errors));
  return *r.spec;
}

std::string P(const std::string& name, const std::string& deps = "", const std::string& extra = "") {
  return "  " + name + ": {description: d, agent: a, phase_type: t, produces: [" + name + ".md]" +
         (deps.empty() ? "" : ", depends_on: [" + deps + "]") + extra + "}\n";
}

class Latch {
 public:
  void Open() {
    std::lock_guard<std::mutex> l(mu_);
    open_ = true;
    cv_.notify_all();
  }
  bool Wait(int ms = 5000) {
    std::unique_lock<std::mutex> l(mu_);
    return cv_.wait_for(l, std::chrono::milliseconds(ms), [&] { return open_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

struct ScriptedHandler : SchedulerHandler {
  const WorkflowSpec* spec = nullptr;
  std::function<JobOutcome(const std::string&, int, const CancelToken&)> run;
  std::map<std::string, int> fan_out;  // phase -> items
  std::set<std::string> approved;
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  std::mutex mu;
  std::vector<std::string> started;
  std::vector<std::pair<std::string, PhaseStatus>> statuses;
  std::string blocker_after;  // stop launching once this phase started

  JobOutcome RunJob(int phase, int item, const CancelToken& cancel) override {
    int now = ++in_flight;
    int prev = peak.load();
    while (now > prev && !peak.compare_exchange_weak(prev, now)) {
    }
    const std::string& name = spec->phases[phase].name;
    {
      std::lock_guard<std::mutex> l(mu);
      started.push_back(item >= 0 ? name + "[" + std::to_string(item) + "]" : name);
    }
    JobOutcome out;
    if (item == kPrepareJob) {
      out.ok = true;
      out.items = fan_out[name];
    } else if (item == kJoinJob) {
      out.ok = true;
    } else {
      out = run ? run(name, item, cancel) : JobOutcome{true, false, "", 0};
    }
    --in_flight;
    return out;
  }
  bool HasFanOut(int phase) const override { return fan_out.count(spec->phases[phase].name) > 0; }
  bool GatesApproved(int phase) override { return approved.count(spec->phases[phase].name) > 0; }
  std::string LaunchBlocker(int, int) override {
    std::lock_guard<std::mutex> l(mu);
    for (const auto& s : started)
      if (!blocker_after.empty() && s == blocker_after) return "budget of the run reached";
    return "";
  }
  void OnPhaseStatus(int phase, PhaseStatus status, const std::string&) override {
    std::lock_guard<std::mutex> l(mu);
    statuses.push_back({spec->phases[phase].name, status});
  }
};

ScheduleResult RunWith(const WorkflowSpec& spec, ScriptedHandler& h, SchedulerOptions opt = {},
                       CancelToken cancel = {}) {
  h.spec = &spec;
  Plan plan = MakePlan(spec);
  Scheduler s(spec, plan, h, SystemClock::Instance());
  return s.Run(opt, cancel);
}

PhaseStatus StatusOf(const WorkflowSpec& spec, const ScheduleResult& r, const std::string& name) {
  return r.status[spec.IndexOf(name)];
}

}  // namespace

TEST_CASE("Scheduler.StartsPhaseWhenInputsReadyNotWaveByWave") {
  // A and SLOW have no dependencies; B needs only A. As soon as ready, B must
  // start while SLOW is still running: SLOW waits for B to start.
  auto spec = Spec(P("A") + P("SLOW") + P("B", "A") + P("C", "B, SLOW"));
  ScriptedHandler h;
  Latch b_started;
  h.run = [&](const std::string& name, int, const CancelToken&) {
    if (name == "B") b_started.Open();
    if (name == "SLOW") return JobOutcome{b_started.Wait(), false, "B never started while SLOW ran", 0};
    return JobOutcome{true, false, "", 0};
  };
  auto r = RunWith(spec, h);
  CHECK(StatusOf(spec, r, "SLOW") == PhaseStatus::kSucceeded);
  CHECK(StatusOf(spec, r, "C") == PhaseStatus::kSucceeded);
  const auto& b = r.timing[spec.IndexOf("B")];
  const auto& slow = r.timing[spec.IndexOf("SLOW")];
  CHECK(b.start_us < slow.end_us);
}

TEST_CASE("Scheduler.WavesModeWaitsForWholeLevel") {
  auto spec = Spec(P("A") + P("SLOW") + P("B", "A"));
  ScriptedHandler h;
  h.run = [&](const std::string& name, int, const CancelToken&) {
    if (name == "SLOW") std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return JobOutcome{true, false, "", 0};
  };
  SchedulerOptions opt;
  opt.mode = ScheduleMode::kWaves;
  auto r = RunWith(spec, h, opt);
  CHECK(r.timing[spec.IndexOf("B")].start_us >= r.timing[spec.IndexOf("SLOW")].end_us);
}

TEST_CASE("Scheduler.RespectsConcurrencyLimitAndReachesIt") {
  std::string yaml;
  for (int i = 0; i < 12; ++i) yaml += P("P" + std::to_string(i));
  auto spec = Spec(yaml);
  ScriptedHandler h;
  std::atomic<int> arrived{0};
  Latch three_together;
  h.run = [&](const std::string&, int, const CancelToken&) {
    if (++arrived == 3) three_together.Open();
    three_together.Wait(2000);
    return JobOutcome{true, false, "", 0};
  };
  SchedulerOptions opt;
  opt.max_in_flight = 3;
  auto r = RunWith(spec, h, opt);
  CHECK(r.max_in_flight_seen == 3);
  CHECK(h.peak.load() == 3);
  for (auto s : r.status) CHECK(s == PhaseStatus::kSucceeded);
}

TEST_CASE("Scheduler.SequentialRunsOneAtATimeInTopologicalOrder") {
  auto spec = Spec(P("A") + P("B", "A") + P("C") + P("D", "B, C"));
  ScriptedHandler h;
  SchedulerOptions opt;
  opt.mode = ScheduleMode::kSequential;
  auto r = RunWith(spec, h, opt);
  CHECK(r.max_in_flight_seen == 1);
  CHECK(h.started == std::vector<std::string>{"A", "B", "C", "D"});
}

TEST_CASE("Scheduler.CriticalFailureStopsLaunchesAndSkipsDependents") {
  auto spec = Spec(P("A") + P("RUNNING") + P("B", "A") + P("C", "B") + P("LATER", "RUNNING"));
  ScriptedHandler h;
  Latch a_failed;
  h.run = [&](const std::string& name, int, const CancelToken&) {
    if (name == "A") return JobOutcome{false, false, "model said no", 0};
    if (name == "RUNNING") std::this_thread::sleep_for(std::chrono::milliseconds(30));
    return JobOutcome{true, false, "", 0};
  };
  SchedulerOptions opt;
  opt.max_in_flight = 2;
  auto r = RunWith(spec, h, opt);
  CHECK(StatusOf(spec, r, "A") == PhaseStatus::kFailed);
  CHECK(r.reason[spec.IndexOf("A")] == "model said no");
  CHECK(StatusOf(spec, r, "B") == PhaseStatus::kSkipped);
  CHECK(StatusOf(spec, r, "C") == PhaseStatus::kSkipped);
  CHECK(r.reason[spec.IndexOf("B")].find("'A'") != std::string::npos);
  CHECK(StatusOf(spec, r, "RUNNING") == PhaseStatus::kSucceeded);  // in flight: finished
  CHECK(StatusOf(spec, r, "LATER") == PhaseStatus::kCancelled);    // never launched
  CHECK(r.stop_reason.find("critical phase 'A' failed") != std::string::npos);
}

TEST_CASE("Scheduler.NonCriticalFailureSkipsOnlyItsDependents") {
  auto spec = Spec(P("A", "", ", critical: false") + P("B", "A") + P("X") + P("Y", "X"));
  ScriptedHandler h;
  h.run = [&](const std::string& name, int, const CancelToken&) {
    return JobOutcome{name != "A", false, name == "A" ? "broken" : "", 0};
  };
  auto r = RunWith(spec, h);
  CHECK(StatusOf(spec, r, "A") == PhaseStatus::kFailed);
  CHECK(StatusOf(spec, r, "B") == PhaseStatus::kSkipped);
  CHECK(StatusOf(spec, r, "Y") == PhaseStatus::kSucceeded);
  CHECK(r.stop_reason.empty());
}

TEST_CASE("Scheduler.FanOutRunsItemsInParallelThenJoins") {
  auto spec = Spec(P("EPICS") + P("TASKS", "EPICS"));
  ScriptedHandler h;
  h.fan_out["TASKS"] = 4;
  std::atomic<int> arrived{0};
  Latch all_items;
  h.run = [&](const std::string& name, int item, const CancelToken&) {
    if (name == "TASKS") {
      if (++arrived == 4) all_items.Open();
      return JobOutcome{all_items.Wait(), false, "items did not run together", 0};
    }
    return JobOutcome{true, false, "", 0};
  };
  auto r = RunWith(spec, h);
  CHECK(StatusOf(spec, r, "TASKS") == PhaseStatus::kSucceeded);
  const auto& jobs = r.timing[spec.IndexOf("TASKS")].jobs;
  CHECK(jobs.size() == 6);  // prepare + 4 items + join
  CHECK(jobs.front().item == kPrepareJob);
  CHECK(jobs.back().item == kJoinJob);
}

TEST_CASE("Scheduler.FailedFanOutItemFailsPhaseWithoutJoin") {
  auto spec = Spec(P("EPICS") + P("TASKS", "EPICS") + P("AFTER", "TASKS"));
  ScriptedHandler h;
  h.fan_out["TASKS"] = 3;
  h.run = [&](const std::string& name, int item, const CancelToken&) {
    return JobOutcome{!(name == "TASKS" && item == 1), false, "stream cut", 0};
  };
  auto r = RunWith(spec, h);
  CHECK(StatusOf(spec, r, "TASKS") == PhaseStatus::kFailed);
  CHECK(r.reason[spec.IndexOf("TASKS")].find("1 of 3 items failed: stream cut") != std::string::npos);
  CHECK(StatusOf(spec, r, "AFTER") == PhaseStatus::kSkipped);
  for (const auto& j : r.timing[spec.IndexOf("TASKS")].jobs) CHECK(j.item != kJoinJob);
}

TEST_CASE("Scheduler.ApprovalGatePausesDependentsThenResumes") {
  auto spec = Spec(P("ARCH", "", ", approval_gates: [architecture_approved]") + P("TASKS", "ARCH") + P("OTHER"));
  ScriptedHandler h;
  auto r = RunWith(spec, h);
  CHECK(r.awaiting_approval);
  CHECK(StatusOf(spec, r, "ARCH") == PhaseStatus::kAwaitingApproval);
  CHECK(StatusOf(spec, r, "TASKS") == PhaseStatus::kPending);
  CHECK(StatusOf(spec, r, "OTHER") == PhaseStatus::kSucceeded);

  // Resume: ARCH and OTHER are done; the gate is approved now.
  ScriptedHandler h2;
  h2.approved.insert("ARCH");
  SchedulerOptions opt;
  opt.initial_status = r.status;
  auto r2 = RunWith(spec, h2, opt);
  CHECK_FALSE(r2.awaiting_approval);
  CHECK(StatusOf(spec, r2, "TASKS") == PhaseStatus::kSucceeded);
  CHECK(h2.started == std::vector<std::string>{"TASKS"});  // nothing completed was run again
}

TEST_CASE("Scheduler.ApproveFromAnotherThreadWhileWaiting") {
  auto spec = Spec(P("ARCH", "", ", approval_gates: [ok]") + P("NEXT", "ARCH"));
  ScriptedHandler h;
  h.spec = &spec;
  Plan plan = MakePlan(spec);
  Scheduler s(spec, plan, h, SystemClock::Instance());
  SchedulerOptions opt;
  opt.return_when_only_approvals_remain = false;
  std::thread approver([&] {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard<std::mutex> l(h.mu);
        for (auto& [name, st] : h.statuses)
          if (name == "ARCH" && st == PhaseStatus::kAwaitingApproval) {
            s.Approve(spec.IndexOf("ARCH"));
            return;
          }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  auto r = s.Run(opt, CancelToken{});
  approver.join();
  CHECK(StatusOf(spec, r, "NEXT") == PhaseStatus::kSucceeded);
}

TEST_CASE("Scheduler.CancellationLeavesConsistentState") {
  auto spec = Spec(P("A") + P("B", "A") + P("C", "B"));
  ScriptedHandler h;
  CancelToken cancel;
  h.run = [&](const std::string& name, int, const CancelToken& c) {
    if (name == "B") {
      cancel.Cancel();
      return JobOutcome{false, true, "cancelled", 0};
    }
    return JobOutcome{true, false, "", 0};
  };
  auto r = RunWith(spec, h, {}, cancel);
  CHECK(r.cancelled);
  CHECK(StatusOf(spec, r, "A") == PhaseStatus::kSucceeded);
  CHECK(StatusOf(spec, r, "B") == PhaseStatus::kCancelled);
  CHECK(StatusOf(spec, r, "C") == PhaseStatus::kSkipped);
}

TEST_CASE("Scheduler.LaunchBlockerStopsNewWork") {
  auto spec = Spec(P("A") + P("B", "A") + P("C", "B"));
  ScriptedHandler h;
  h.blocker_after = "A";
  auto r = RunWith(spec, h);
  CHECK(StatusOf(spec, r, "A") == PhaseStatus::kSucceeded);
  CHECK(StatusOf(spec, r, "B") == PhaseStatus::kCancelled);
  CHECK(r.stop_reason == "budget of the run reached");
}

TEST_CASE("Scheduler.CriticalPathFirstWhenSlotsAreScarce") {
  // One slot. SHORT and LONG_HEAD are both ready; LONG_HEAD leads a longer
  // chain, so it must start first.
  auto spec = Spec(P("SHORT") + P("LONG_HEAD") + P("LONG_TAIL", "LONG_HEAD"));
  ScriptedHandler h;
  SchedulerOptions opt;
  opt.max_in_flight = 1;
  opt.estimated_ms = {5, 5, 50};
  RunWith(spec, h, opt);
  CHECK(h.started.front() == "LONG_HEAD");
}

TEST_CASE("Scheduler.HandlerExceptionBecomesPhaseFailure") {
  auto spec = Spec(P("A") + P("B", "A"));
  ScriptedHandler h;
  h.run = [&](const std::string&, int, const CancelToken&) -> JobOutcome { throw std::runtime_error("boom"); };
  auto r = RunWith(spec, h);
  CHECK(StatusOf(spec, r, "A") == PhaseStatus::kFailed);
  CHECK(r.reason[spec.IndexOf("A")].find("boom") != std::string::npos);
  CHECK(StatusOf(spec, r, "B") == PhaseStatus::kSkipped);
}

TEST_CASE("Scheduler.ResumedGateIsAnnounced") {
  auto spec = Spec(P("ARCH", "", ", approval_gates: [ok]") + P("NEXT", "ARCH"));
  ScriptedHandler h;
  SchedulerOptions opt;
  opt.initial_status = {PhaseStatus::kAwaitingApproval, PhaseStatus::kPending};
  auto r = RunWith(spec, h, opt);
  CHECK(r.awaiting_approval);
  bool announced = false;
  for (auto& [name, st] : h.statuses) announced |= name == "ARCH" && st == PhaseStatus::kAwaitingApproval;
  CHECK(announced);
}
