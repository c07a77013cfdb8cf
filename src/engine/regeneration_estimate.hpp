// What both impact analyses — an artifact edit's (impact.cpp) and a workflow
// edit's (workflow_change.cpp) — make of their phase-graph walk, in one place
// so the two cannot drift apart: the affected artifacts of the phases the
// walk reached, and what rerunning those phases would cost, from their last
// measured runs (calls, tokens, cost, the critical path of their durations).
//
//   out.affected = AffectedArtifactsOf(spec, plan, reach);
//   out.estimate = EstimateRegeneration(spec, {2, 5, 7}, history);
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/impact.hpp"

namespace specwave {

struct Plan;

// How the walk reached one phase: directly (distance 0) or through the
// nearest affected phase upstream (`path`: spec indices, the edit's first).
struct PhaseReach {
  bool affected = false;
  ImpactLevel level = ImpactLevel::kLow;
  int distance = 0;
  std::vector<int> path;
  std::string reason;
};

// One AffectedArtifact per artifact each reached phase produces, in graph
// order; the reason is "<artifact>: <the phase's reason>".
std::vector<AffectedArtifact> AffectedArtifactsOf(const WorkflowSpec& spec, const Plan& plan,
                                                  const std::vector<PhaseReach>& reach);

// `phases`: spec indices. A phase with no history counts one call (none if
// deterministic) and makes the cost unknown.
ImpactEstimate EstimateRegeneration(const WorkflowSpec& spec, const std::set<int>& phases,
                                    const std::vector<PhaseHistory>& history);

}  // namespace specwave
