// A regeneration's model calls and tokens set against a full run's (issue
// #16.9): before regenerating, the chosen strategy's estimate from the
// phases' last measured runs; after, what the regeneration measured. The full
// run is the project's last run of the whole workflow, from its run record.
//
//   std::optional<RunCost> full = LastFullRunCost(store, project);
//   ImpactEstimate e = EstimateStrategy(spec, impact, Strategy::kHighImpactOnly, {}, history);
//   std::string line = CallsAgainst(e.calls, *full);   // "4 model calls, 17% of a full run's 23"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/impact.hpp"
#include "engine/run_report.hpp"
#include "engine/store_port.hpp"

namespace specwave {

struct RunCost {
  int64_t run_id = 0;
  int calls = 0;
  int64_t input_tokens = 0, output_tokens = 0;
  // Every phase ran in this run (not resumed from an earlier one): the
  // numbers are a whole run's.
  bool whole = true;
  int64_t Tokens() const { return input_tokens + output_tokens; }
};

RunCost CostOf(const RunReport& report);

// The last full run (RunKind::kRun) with a report; none before the first.
std::optional<RunCost> LastFullRunCost(Store& store, int64_t project_id);

// What `strategy` (with `picks` for manual_review) would cost, from the
// phases' last measured runs: the producers of the artifacts it selects, as
// Regenerate runs them (before early cutoff and kept fan-out items, so at most).
ImpactEstimate EstimateStrategy(const WorkflowSpec& spec, const ImpactAnalysis& impact, Strategy strategy,
                                const std::vector<std::string>& picks, const std::vector<PhaseHistory>& history);

// "4 of a full run's 23 model calls (17%)".
std::string CallsAgainst(int calls, const RunCost& full);
// "1,234 of a full run's 13,000 output tokens (9%)" — `what` names the tokens.
std::string TokensAgainst(int64_t tokens, int64_t full_tokens, const std::string& what);

}  // namespace specwave
