// What rerunning a set of phases would cost, from their last measured runs:
// model calls, tokens, cost, and the critical path of their durations. Used
// by both impact analyses — an artifact edit's (impact.cpp) and a workflow
// edit's (workflow_change.cpp) — so the two estimates cannot drift apart.
//
//   out.estimate = EstimateRegeneration(spec, {2, 5, 7}, history);
#pragma once

#include <set>
#include <vector>

#include "engine/impact.hpp"

namespace specwave {

// `phases`: spec indices. A phase with no history counts one call (none if
// deterministic) and makes the cost unknown.
ImpactEstimate EstimateRegeneration(const WorkflowSpec& spec, const std::set<int>& phases,
                                    const std::vector<PhaseHistory>& history);

}  // namespace specwave
