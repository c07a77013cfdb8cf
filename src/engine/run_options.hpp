// What a run is asked to do (RunOptions) and how a call's cost is priced
// (CostFunction). Separate from the runner so front ends, the regenerator and
// the budget can name them without the runner's machinery.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/change_scope.hpp"
#include "engine/llm_port.hpp"
#include "engine/outcomes.hpp"
#include "engine/provider_kind.hpp"
#include "engine/scheduler.hpp"

namespace specwave {

// USD for a call, or a negative value when the price is unknown.
using CostFunction = std::function<double(ProviderKind provider, const std::string& model, const TokenUsage&)>;
// A model's context window in tokens (prompt + reply), or 0 when not known
// (the price table's context_tokens column: wiring/costs.hpp).
using ContextWindowFunction = std::function<int64_t(ProviderKind provider, const std::string& model)>;

struct RunOptions {
  ScheduleMode mode = ScheduleMode::kReady;
  int max_in_flight = 8;
  bool auto_approve = false;         // record approvals for every gate as they are reached
  bool wait_for_approval = false;    // UI: keep the run alive until Approve(); CLI: pause and return
  bool fallback_sequential = false;  // after failures, retry what failed once, one phase at a time
  double budget_usd = 0;             // 0 = no budget
  CostFunction cost;                 // may be empty: cost unknown
  ContextWindowFunction context_tokens;  // may be empty: no prompt-size check before a call
  double temperature = 0.2;
  int max_tokens = 0;  // the reply limit of every call; 0 = sized per artifact (DefaultMaxTokens, prompt_limits.hpp)
  std::vector<double> estimated_ms;  // per phase, for critical-path-first ordering; empty = from history

  // Regeneration (issue #6): run only these phases; every other phase counts
  // as done and its latest artifacts are the inputs.
  std::optional<std::set<std::string>> only_phases;
  std::string regeneration_reason;
  int64_t regeneration_run_id = 0;
  // Early cutoff: a phase whose inputs all came out unchanged in this run is
  // not run again (its artifacts stay current). Phases in `changed_inputs`
  // are treated as changed (e.g. the edited artifact's producer).
  bool early_cutoff = false;
  std::set<std::string> changed_inputs;
  // The edit's own section changes (issue #16.4): its producer, in
  // `changed_inputs`, counts as changed in these sections only, so a
  // dependent that reads none of them (and names none of their ids) is cut
  // off, and a fan-out reruns only the items they concern (#16.3).
  std::vector<ChangedSection> edited_sections;
  // Revise, don't rewrite (#16.2): regenerated phases get their current
  // versions and answer with section patches; `affected_items` (artifact ->
  // "id (LEVEL): reason" lines from the impact analysis) goes into that prompt.
  bool revise = false;
  std::map<std::string, std::vector<std::string>> affected_items;
  RunKind run_kind = RunKind::kRun;
};

}  // namespace specwave
