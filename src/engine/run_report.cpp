// RunReport::ToJson — the figures `specwave run --json` prints and the run
// record keeps. Every number is measured in the run; none is estimated.
#include <nlohmann/json.hpp>

#include <cmath>

#include "engine/workflow_runner.hpp"

namespace specwave {

static double Round(double v) { return std::round(v * 1000.0) / 1000.0; }

std::string RunReport::ToJson() const {
  using nlohmann::json;
  auto usage_json = [](const TokenUsage& u) {
    return json{{"input", u.input_tokens}, {"output", u.output_tokens}, {"cached_input", u.cached_input_tokens}};
  };
  json phases_json = json::array();
  for (const auto& p : phases) {
    json j = {{"name", p.name},
              {"status", PhaseStatusName(p.status)},
              {"start_ms", Round(p.start_ms)},
              {"end_ms", Round(p.end_ms)},
              {"duration_ms", Round(p.duration_ms)},
              {"work_ms", Round(p.work_ms)},
              {"calls", p.calls},
              {"cached_calls", p.cached_calls},
              {"tokens", usage_json(p.usage)},
              {"cost_usd", p.cost_known ? json(Round(p.cost_usd * 1000) / 1000) : json(nullptr)},
              {"validation", {{"errors", p.errors}, {"warnings", p.warnings}}}};
    if (p.items > 0) j["items"] = p.items;
    if (p.done_earlier) j["done_earlier"] = true;
    if (p.early_cutoff) j["early_cutoff"] = true;
    if (!p.reason.empty()) j["reason"] = p.reason;
    phases_json.push_back(j);
  }
  json waves_json = json::array();
  for (const auto& w : waves)
    waves_json.push_back({{"level", w.level},
                          {"phases", w.phases},
                          {"start_ms", Round(w.start_ms)},
                          {"end_ms", Round(w.end_ms)},
                          {"span_ms", Round(w.span_ms)},
                          {"work_ms", Round(w.work_ms)}});
  json out = {{"run_id", run_id},
              {"status", status},
              {"mode", mode},
              {"provider", provider},
              {"model", model},
              {"language_model", language_model},
              {"makespan_ms", Round(makespan_ms)},
              {"sequential_ms", Round(sequential_ms)},
              {"critical_path_ms", Round(critical_path_ms)},
              {"time_saved_percent", Round(time_saved_percent)},
              {"critical_path", critical_path},
              {"max_in_flight_seen", max_in_flight_seen},
              {"model_calls", calls},
              {"cached_calls", cached_calls},
              {"early_cutoff_phases", early_cutoff_phases},
              {"tokens", usage_json(usage)},
              {"cost_usd", cost_known ? json(Round(cost_usd * 1000) / 1000) : json(nullptr)},
              {"phases", phases_json},
              {"waves", waves_json}};
  if (!pending_gates.empty()) out["pending_gates"] = pending_gates;
  if (!stop_reason.empty()) out["stop_reason"] = stop_reason;
  if (fallback_used) out["fallback_sequential_used"] = true;
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace specwave
