// Plan: everything derived from a workflow's dependency graph, with nothing
// hand-written — topological order, dependency levels ("waves", used for
// display and for the level-synchronous comparison mode) and the critical path
// for given phase durations.
//
//   Plan plan = MakePlan(spec);
//   plan.waves[0]                       // phases with no dependencies
//   auto cp = CriticalPath(spec, durations_ms);   // longest chain, its length
#pragma once

#include <string>
#include <vector>

#include "engine/spec.hpp"

namespace specwave {

struct Plan {
  std::vector<int> topo_order;          // dependencies before dependents; ties by declaration order
  std::vector<int> level;               // per phase: 0 if no deps, else 1 + max(level of deps)
  std::vector<std::vector<int>> waves;  // phases grouped by level
  std::vector<std::vector<int>> dependents;  // reverse edges
};

Plan MakePlan(const WorkflowSpec& spec);

struct CriticalPathResult {
  std::vector<int> phases;  // in run order
  double length_ms = 0;
};

// Longest path where each phase weighs duration_ms[i] (size == phases).
CriticalPathResult CriticalPath(const WorkflowSpec& spec, const Plan& plan, const std::vector<double>& duration_ms);

// For each phase: its duration plus the longest chain of dependents after it.
// The scheduler starts the ready phase with the largest value first.
std::vector<double> RemainingPathLength(const WorkflowSpec& spec, const Plan& plan,
                                        const std::vector<double>& duration_ms);

// JSON for `specwave plan --json`.
std::string PlanToJson(const WorkflowSpec& spec, const Plan& plan, const CriticalPathResult& cp,
                       const std::vector<double>& duration_ms);

}  // namespace specwave
