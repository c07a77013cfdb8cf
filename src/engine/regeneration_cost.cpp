#include "engine/regeneration_cost.hpp"

#include <cmath>
#include <set>

#include "engine/regeneration_estimate.hpp"

namespace specwave {
namespace {

std::string Grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string Share(double part, double whole) {
  if (whole <= 0) return "";
  return " (" + std::to_string(static_cast<int>(std::lround(100.0 * part / whole))) + "%)";
}

}  // namespace

RunCost CostOf(const RunReport& report) {
  RunCost c;
  c.run_id = report.run_id;
  c.calls = report.calls;
  c.input_tokens = report.usage.input_tokens;
  c.output_tokens = report.usage.output_tokens;
  for (const auto& p : report.phases)
    if (p.done_earlier) c.whole = false;
  return c;
}

std::optional<RunCost> LastFullRunCost(Store& store, int64_t project_id) {
  auto run = store.LatestRun(project_id, RunKind::kRun);
  if (!run) return std::nullopt;
  auto report = RunReport::FromJson(run->metrics_json);
  if (!report) return std::nullopt;
  RunCost c = CostOf(*report);
  c.run_id = run->id;
  if (run->status != RunStatus::kSucceeded) c.whole = false;
  return c;
}

ImpactEstimate EstimateStrategy(const WorkflowSpec& spec, const ImpactAnalysis& impact, Strategy strategy,
                                const std::vector<std::string>& picks, const std::vector<PhaseHistory>& history) {
  std::set<int> phases;
  if (strategy != Strategy::kIgnore)
    for (const auto& name : ProducingPhases(spec, impact.Select(strategy, picks))) phases.insert(spec.IndexOf(name));
  return EstimateRegeneration(spec, phases, history);
}

std::string CallsAgainst(int calls, const RunCost& full) {
  return Grouped(calls) + " of a full run's " + Grouped(full.calls) + " model calls" + Share(calls, full.calls);
}

std::string TokensAgainst(int64_t tokens, int64_t full_tokens, const std::string& what) {
  return Grouped(tokens) + " of a full run's " + Grouped(full_tokens) + " " + what + Share(double(tokens), double(full_tokens));
}

}  // namespace specwave
