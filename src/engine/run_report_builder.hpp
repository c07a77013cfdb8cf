// Builds a run's report from what the scheduler measured and what each
// phase's account says: per phase (timings, calls, tokens, cost, findings),
// the critical path from the measured durations, the waves, the totals and
// the run's status.
#pragma once

#include <functional>
#include <vector>

#include "engine/phase_accounts.hpp"
#include "engine/plan.hpp"
#include "engine/run_report.hpp"
#include "engine/scheduler.hpp"
#include "engine/store_port.hpp"

namespace specwave {

struct RunReportInputs {
  const WorkflowSpec& spec;
  const Plan& plan;
  const ScheduleResult& result;
  const std::vector<PhaseStatus>& initial;  // how each phase started (done earlier, pending, ...)
  std::function<PhaseAccount(int phase)> account;
  std::vector<ApprovalRecord> approvals;  // of this run, for the gates still pending
};

// Fills everything measured into `report` (whose identity fields — run id,
// mode, provider — the caller has set) and decides its status.
void BuildRunReport(const RunReportInputs& in, RunReport* report);

}  // namespace specwave
