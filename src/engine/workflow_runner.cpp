#include "engine/workflow_runner.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "engine/phase_jobs.hpp"
#include "engine/run_report_builder.hpp"

namespace specwave {
namespace {

// Retries what did not succeed, one phase at a time; timings continue after
// the first pass so the report stays one timeline.
void RunFallbackPass(Scheduler& scheduler, const SchedulerOptions& first, const CancelToken& cancel,
                     ScheduleResult* result) {
  SchedulerOptions again = first;
  again.mode = ScheduleMode::kSequential;
  again.initial_status = result->status;
  ScheduleResult second = scheduler.Run(again, cancel);
  for (size_t i = 0; i < second.timing.size(); ++i) {
    if (second.timing[i].jobs.empty()) continue;
    auto t = second.timing[i];
    for (auto& j : t.jobs) {
      j.start_us += result->makespan_us;
      j.end_us += result->makespan_us;
    }
    t.start_us += result->makespan_us;
    t.end_us += result->makespan_us;
    result->timing[i] = t;
  }
  for (size_t i = 0; i < second.status.size(); ++i) {
    result->status[i] = second.status[i];
    result->reason[i] = second.reason[i];
  }
  result->makespan_us += second.makespan_us;
  result->awaiting_approval = second.awaiting_approval;
  result->cancelled = second.cancelled;
  result->stop_reason = second.stop_reason;
}

bool AllGatesApproved(const std::vector<ApprovalRecord>& approvals, const PhaseSpec& phase) {
  for (const auto& g : phase.approval_gates)
    if (std::none_of(approvals.begin(), approvals.end(),
                     [&](const ApprovalRecord& x) { return x.gate == g && x.phase == phase.name; }))
      return false;
  return true;
}

}  // namespace

WorkflowRunner::WorkflowRunner(const WorkflowSpec& spec, Store& store, LlmProvider& provider, const Clock& clock)
    : spec_(spec), plan_(MakePlan(spec)), store_(store), provider_(provider), clock_(clock) {}

RunReport WorkflowRunner::Run(int64_t project_id, const RunOptions& options, RunObserver* observer,
                              const CancelToken& cancel) {
  WorkflowRunRecord run;
  run.project_id = project_id;
  run.kind = options.run_kind;
  run.mode = ScheduleModeName(options.mode);
  run.status = RunStatus::kRunning;
  run.options_json = nlohmann::json{{"provider", provider_.Name()},
                                    {"model", provider_.Model()},
                                    {"max_in_flight", options.max_in_flight}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  run.started_at = clock_.NowUnixMs();
  if (StoreError err = store_.CreateRun(run)) return FailedToStart("could not record the run: " + err.message);
  std::vector<PhaseStatus> initial(spec_.phases.size(), PhaseStatus::kPending);
  if (options.only_phases)
    for (size_t i = 0; i < spec_.phases.size(); ++i)
      if (!options.only_phases->count(spec_.phases[i].name)) initial[i] = PhaseStatus::kSucceeded;
  return Execute(project_id, run, options, initial, observer, cancel, {});
}

// The latest record per phase decides: succeeded phases (whose artifacts are
// in the store) and phases cut off early are done and are not run again; a
// phase that failed its validation is rerun without the response cache.
std::vector<PhaseStatus> WorkflowRunner::ResumeState(int64_t project_id, int64_t run_id, const RunOptions& options,
                                                     std::set<int>* rerun_after_validation) {
  std::vector<PhaseStatus> initial(spec_.phases.size(), PhaseStatus::kPending);
  for (const auto& pr : store_.ListPhaseRuns(run_id)) {
    int i = spec_.IndexOf(pr.phase);
    if (i < 0) continue;
    initial[i] = PhaseStatus::kPending;
    if (pr.status == PhaseStatus::kSucceeded) {
      bool all_there = true;
      for (const auto& a : spec_.phases[i].produces) all_there = all_there && store_.LatestVersion(project_id, a);
      if (all_there) initial[i] = PhaseStatus::kSucceeded;
    } else if (pr.outcome == PhaseOutcome::kEarlyCutoff) {
      initial[i] = PhaseStatus::kSucceeded;
    } else if (pr.outcome == PhaseOutcome::kValidationFailed) {
      rerun_after_validation->insert(i);
    }
  }
  // Phases outside a regeneration's selection stay done.
  if (options.only_phases)
    for (size_t i = 0; i < spec_.phases.size(); ++i)
      if (!options.only_phases->count(spec_.phases[i].name)) initial[i] = PhaseStatus::kSucceeded;
  // Gated phases that are done wait for their approval again.
  for (size_t i = 0; i < spec_.phases.size(); ++i)
    if (initial[i] == PhaseStatus::kSucceeded && !spec_.phases[i].approval_gates.empty())
      initial[i] = PhaseStatus::kAwaitingApproval;
  return initial;
}

RunReport WorkflowRunner::Resume(int64_t project_id, int64_t run_id, const RunOptions& options,
                                 RunObserver* observer, const CancelToken& cancel) {
  auto run = store_.GetRun(run_id);
  if (!run || run->project_id != project_id)
    return FailedToStart("no run " + std::to_string(run_id) + " in this project");
  std::set<int> rerun_after_validation;
  std::vector<PhaseStatus> initial = ResumeState(project_id, run_id, options, &rerun_after_validation);
  run->status = RunStatus::kRunning;
  store_.UpdateRun(*run);
  return Execute(project_id, *run, options, initial, observer, cancel, rerun_after_validation);
}

StoreError WorkflowRunner::Approve(int64_t project_id, int64_t run_id, const std::string& phase,
                                   const std::string& gate, const std::string& decided_by) {
  int index = spec_.IndexOf(phase);
  if (index < 0 || std::find(spec_.phases[index].approval_gates.begin(), spec_.phases[index].approval_gates.end(),
                             gate) == spec_.phases[index].approval_gates.end())
    return {StoreError::Kind::kInvalid, "phase '" + phase + "' has no approval gate '" + gate + "'"};
  ApprovalRecord a;
  a.project_id = project_id;
  a.workflow_run_id = run_id;
  a.phase = phase;
  a.gate = gate;
  a.decided_by = decided_by;
  if (StoreError err = store_.RecordApproval(a)) return err;
  std::lock_guard<std::mutex> lock(active_mu_);
  if (active_ && active_run_ == run_id && AllGatesApproved(store_.ListApprovals(run_id), spec_.phases[index]))
    active_->Approve(index);
  return {};
}

// Critical-path-first needs duration estimates: given, or this project's
// last measured phase durations, or one unit each.
std::vector<double> WorkflowRunner::EstimatedDurations(int64_t project_id, const RunOptions& options) {
  std::vector<double> estimated = options.estimated_ms;
  if (estimated.size() == spec_.phases.size()) return estimated;
  estimated.assign(spec_.phases.size(), 1.0);
  if (auto last = store_.LatestRun(project_id, RunKind::kRun))
    for (const auto& pr : store_.ListPhaseRuns(last->id))
      if (int i = spec_.IndexOf(pr.phase); i >= 0 && pr.duration_ms > 0) estimated[i] = double(pr.duration_ms);
  return estimated;
}

RunReport WorkflowRunner::Execute(int64_t project_id, WorkflowRunRecord run, const RunOptions& options,
                                  std::vector<PhaseStatus> initial, RunObserver* observer, const CancelToken& cancel,
                                  const std::set<int>& bypass_cache) {
  RunReport report;
  report.run_id = run.id;
  report.mode = ScheduleModeName(options.mode);
  report.provider = provider_.Kind();
  report.model = provider_.Model();
  report.language_model = provider_.IsLanguageModel();
  auto project = store_.GetProject(project_id);
  if (!project) {
    report.status = RunStatus::kFailed;
    report.stop_reason = "no project " + std::to_string(project_id);
    return report;
  }
  if (observer) observer->OnRunStarted(run.id);

  RunContext ctx{spec_, plan_, store_, provider_, clock_, checks_, *project, run, options, observer,
                 clock_.NowMonotonicUs()};
  PhaseJobs jobs(ctx, bypass_cache);
  Scheduler scheduler(spec_, plan_, jobs, clock_);
  {
    std::lock_guard<std::mutex> lock(active_mu_);
    active_ = &scheduler;
    active_run_ = run.id;
  }
  SchedulerOptions so;
  so.mode = options.mode;
  so.max_in_flight = options.max_in_flight;
  so.return_when_only_approvals_remain = !options.wait_for_approval;
  so.estimated_ms = EstimatedDurations(project_id, options);
  so.initial_status = initial;
  ScheduleResult result = scheduler.Run(so, cancel);
  bool any_failed = std::any_of(result.status.begin(), result.status.end(),
                                [](PhaseStatus s) { return s == PhaseStatus::kFailed; });
  if (any_failed && options.fallback_sequential && !cancel.IsCancelled()) {
    report.fallback_used = true;
    RunFallbackPass(scheduler, so, cancel, &result);
  }
  {
    std::lock_guard<std::mutex> lock(active_mu_);
    active_ = nullptr;
  }

  RunReportInputs in{spec_, plan_, result, initial, [&](int phase) { return jobs.Account(phase); },
                     store_.ListApprovals(run.id)};
  BuildRunReport(in, &report);
  run.status = report.status;
  run.metrics_json = report.ToJson();
  run.finished_at = report.status == RunStatus::kAwaitingApproval ? 0 : clock_.NowUnixMs();
  store_.UpdateRun(run);
  if (observer) observer->OnRunFinished(report);
  return report;
}

}  // namespace specwave
