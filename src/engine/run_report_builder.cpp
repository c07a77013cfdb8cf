#include "engine/run_report_builder.hpp"

#include <algorithm>

namespace specwave {
namespace {

PhaseReport PhaseFrom(const RunReportInputs& in, size_t i) {
  PhaseReport pr;
  pr.name = in.spec.phases[i].name;
  pr.status = in.result.status[i];
  pr.reason = in.result.reason[i];
  const PhaseTiming& t = in.result.timing[i];
  pr.done_earlier =
      t.jobs.empty() && (in.initial[i] == PhaseStatus::kSucceeded || in.initial[i] == PhaseStatus::kAwaitingApproval);
  if (!t.jobs.empty()) {
    pr.start_ms = t.start_us / 1000.0;
    pr.end_ms = t.end_us / 1000.0;
    pr.duration_ms = pr.end_ms - pr.start_ms;
    pr.work_ms = t.WorkUs() / 1000.0;
    pr.critical_ms = t.CriticalUs() / 1000.0;
  }
  PhaseAccount acc = in.account(static_cast<int>(i));
  pr.early_cutoff = acc.early_cutoff;
  pr.items = acc.items;
  pr.calls = acc.calls;
  pr.cached_calls = acc.cached_calls;
  pr.usage = acc.usage;
  pr.cost_usd = acc.cost;
  pr.cost_known = acc.cost_known;
  pr.errors = acc.errors;
  pr.warnings = acc.warnings;
  pr.attempts = acc.attempts;
  pr.repair_calls = acc.repair_calls;
  pr.repair_usage = acc.repair_usage;
  pr.repair_cost_usd = acc.repair_cost;
  pr.repair_ms = acc.repair_us / 1000.0;
  pr.notes = acc.notes;
  switch (pr.status) {
    case PhaseStatus::kSucceeded:
      pr.outcome = pr.early_cutoff ? PhaseOutcome::kEarlyCutoff : PhaseOutcome::kGenerated;
      break;
    case PhaseStatus::kFailed:
      pr.outcome = acc.failure != PhaseOutcome::kNone ? acc.failure : PhaseOutcome::kCallFailed;
      break;
    case PhaseStatus::kSkipped:
      pr.outcome = PhaseOutcome::kUpstreamFailed;
      break;
    case PhaseStatus::kCancelled:
      pr.outcome = PhaseOutcome::kCancelled;
      break;
    default:
      pr.outcome = PhaseOutcome::kNone;
      break;
  }
  return pr;
}

void AddPendingGates(const RunReportInputs& in, const PhaseReport& pr, size_t i, RunReport* report) {
  if (pr.status != PhaseStatus::kAwaitingApproval) return;
  for (const auto& g : in.spec.phases[i].approval_gates)
    if (std::none_of(in.approvals.begin(), in.approvals.end(),
                     [&](const ApprovalRecord& a) { return a.gate == g && a.phase == pr.name; }))
      report->pending_gates.push_back(pr.name + "/" + g);
}

void AddWaves(const RunReportInputs& in, RunReport* report) {
  for (size_t l = 0; l < in.plan.waves.size(); ++l) {
    WaveReport w;
    w.level = static_cast<int>(l);
    bool any = false;
    for (int v : in.plan.waves[l]) {
      w.phases.push_back(in.spec.phases[v].name);
      const PhaseReport& pr = report->phases[v];
      if (in.result.timing[v].jobs.empty()) continue;
      w.start_ms = any ? std::min(w.start_ms, pr.start_ms) : pr.start_ms;
      w.end_ms = any ? std::max(w.end_ms, pr.end_ms) : pr.end_ms;
      w.work_ms += pr.work_ms;
      any = true;
    }
    w.span_ms = w.end_ms - w.start_ms;
    report->waves.push_back(w);
  }
}

RunStatus StatusOf(const ScheduleResult& result) {
  bool failed = std::any_of(result.status.begin(), result.status.end(),
                            [](PhaseStatus s) { return s == PhaseStatus::kFailed || s == PhaseStatus::kSkipped; });
  if (result.cancelled) return RunStatus::kCancelled;
  if (result.awaiting_approval) return RunStatus::kAwaitingApproval;
  if (failed || !result.stop_reason.empty()) return RunStatus::kFailed;
  return RunStatus::kSucceeded;
}

}  // namespace

void BuildRunReport(const RunReportInputs& in, RunReport* report) {
  report->makespan_ms = in.result.makespan_us / 1000.0;
  report->max_in_flight_seen = in.result.max_in_flight_seen;
  report->stop_reason = in.result.stop_reason;
  std::vector<double> weights(in.spec.phases.size(), 0);
  for (size_t i = 0; i < in.spec.phases.size(); ++i) {
    PhaseReport pr = PhaseFrom(in, i);
    weights[i] = pr.critical_ms;
    report->sequential_ms += pr.work_ms;
    report->usage += pr.usage;
    report->cost_usd += pr.cost_usd;
    report->cost_known = report->cost_known && pr.cost_known;
    report->calls += pr.calls;
    report->cached_calls += pr.cached_calls;
    report->early_cutoff_phases += pr.early_cutoff ? 1 : 0;
    report->attempts += pr.attempts;
    report->repair_calls += pr.repair_calls;
    report->repair_usage += pr.repair_usage;
    report->repair_cost_usd += pr.repair_cost_usd;
    report->repair_ms += pr.repair_ms;
    report->cleanings += pr.Cleanings();
    AddPendingGates(in, pr, i, report);
    report->phases.push_back(std::move(pr));
  }
  CriticalPathResult cp = CriticalPath(in.spec, in.plan, weights);
  report->critical_path_ms = cp.length_ms;
  for (int v : cp.phases)
    if (weights[v] > 0) report->critical_path.push_back(in.spec.phases[v].name);
  if (report->sequential_ms > 0)
    report->time_saved_percent = 100.0 * (report->sequential_ms - report->makespan_ms) / report->sequential_ms;
  AddWaves(in, report);
  report->status = StatusOf(in.result);
}

}  // namespace specwave
