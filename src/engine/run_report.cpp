// RunReport as JSON: the figures `specwave run --json` prints and the run
// record keeps.
#include <nlohmann/json.hpp>

#include <cmath>

#include "engine/phase_notes.hpp"
#include "engine/run_report.hpp"

namespace specwave {

int PhaseReport::Cleanings() const {
  int n = 0;
  for (const auto& f : notes) n += f.validator == "reply" && f.severity != Severity::kError;
  return n;
}

static double Round(double v) { return std::round(v * 1000.0) / 1000.0; }

std::string RunReport::ToJson() const {
  using nlohmann::json;
  auto usage_json = [](const TokenUsage& u) {
    // input counts every prompt token; cached_input and cache_write are parts of it (llm_port.hpp).
    return json{{"input", u.input_tokens},
                {"output", u.output_tokens},
                {"cached_input", u.cached_input_tokens},
                {"cache_write", u.cache_write_tokens}};
  };
  json phases_json = json::array();
  for (const auto& p : phases) {
    json j = {{"name", p.name},
              {"status", PhaseStatusName(p.status)},
              {"outcome", PhaseOutcomeName(p.outcome)},
              {"start_ms", Round(p.start_ms)},
              {"end_ms", Round(p.end_ms)},
              {"duration_ms", Round(p.duration_ms)},
              {"work_ms", Round(p.work_ms)},
              {"calls", p.calls},
              {"cached_calls", p.cached_calls},
              {"tokens", usage_json(p.usage)},
              {"cost_usd", p.cost_known ? json(std::round(p.cost_usd * 1e6) / 1e6) : json(nullptr)},
              {"validation", {{"errors", p.errors}, {"warnings", p.warnings}}}};
    j["repair"] = {{"calls", p.repair_calls},
                   {"tokens", usage_json(p.repair_usage)},
                   {"cost_usd", std::round(p.repair_cost_usd * 1e6) / 1e6},
                   {"ms", Round(p.repair_ms)}};
    j["cleanings"] = p.Cleanings();
    j["attempts"] = p.attempts;
    if (!p.notes.empty()) j["notes"] = json::parse(PhaseNotesToJson(p.notes), nullptr, false);
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
              {"status", RunStatusName(status)},
              {"mode", mode},
              {"provider", ProviderKindName(provider)},
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
              {"attempts", attempts},
              {"repair_calls", repair_calls},
              {"repair", {{"calls", repair_calls},
                          {"tokens", usage_json(repair_usage)},
                          {"cost_usd", std::round(repair_cost_usd * 1e6) / 1e6},
                          {"ms", Round(repair_ms)}}},
              {"cleanings", cleanings},
              {"early_cutoff_phases", early_cutoff_phases},
              {"tokens", usage_json(usage)},
              {"cost_usd", cost_known ? json(std::round(cost_usd * 1e6) / 1e6) : json(nullptr)},
              {"phases", phases_json},
              {"waves", waves_json}};
  if (!pending_gates.empty()) out["pending_gates"] = pending_gates;
  if (!stop_reason.empty()) out["stop_reason"] = stop_reason;
  if (fallback_used) out["fallback_sequential_used"] = true;
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RunReport::FirstFailure() const {
  for (const auto& p : phases)
    if (p.status == PhaseStatus::kFailed) return p.name + ": " + p.reason;
  return "";
}

RunReport FailedToStart(std::string reason) {
  RunReport r;
  r.status = RunStatus::kFailed;
  r.stop_reason = std::move(reason);
  return r;
}

std::optional<RunReport> RunReport::FromJson(const std::string& text) {
  // Stored data is outside input: a malformed record gives nullopt, never a throw.
  try {
    return FromJsonUnchecked(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<RunReport> RunReport::FromJsonUnchecked(const std::string& text) {
  using nlohmann::json;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("phases") || !j["phases"].is_array()) return std::nullopt;
  RunReport r;
  auto num = [](const json& o, const char* k, double fallback = 0) {
    return o.contains(k) && o[k].is_number() ? o[k].get<double>() : fallback;
  };
  auto str = [](const json& o, const char* k) {
    return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string();
  };
  auto usage = [&](const json& o) {
    TokenUsage u;
    if (o.contains("tokens") && o["tokens"].is_object()) {
      u.input_tokens = static_cast<int64_t>(num(o["tokens"], "input"));
      u.output_tokens = static_cast<int64_t>(num(o["tokens"], "output"));
      u.cached_input_tokens = static_cast<int64_t>(num(o["tokens"], "cached_input"));
      u.cache_write_tokens = static_cast<int64_t>(num(o["tokens"], "cache_write"));
    }
    return u;
  };
  r.run_id = static_cast<int64_t>(num(j, "run_id"));
  r.status = ParseRunStatus(str(j, "status")).value_or(RunStatus::kInterrupted);
  r.mode = str(j, "mode");
  r.provider = ParseProviderKind(str(j, "provider")).value_or(ProviderKind::kOffline);
  r.model = str(j, "model");
  r.language_model = j.value("language_model", false);
  r.makespan_ms = num(j, "makespan_ms");
  r.sequential_ms = num(j, "sequential_ms");
  r.critical_path_ms = num(j, "critical_path_ms");
  r.time_saved_percent = num(j, "time_saved_percent");
  if (j.contains("critical_path") && j["critical_path"].is_array())
    for (const auto& n : j["critical_path"])
      if (n.is_string()) r.critical_path.push_back(n.get<std::string>());
  r.max_in_flight_seen = static_cast<int>(num(j, "max_in_flight_seen"));
  r.calls = static_cast<int>(num(j, "model_calls"));
  r.cached_calls = static_cast<int>(num(j, "cached_calls"));
  r.early_cutoff_phases = static_cast<int>(num(j, "early_cutoff_phases"));
  r.repair_calls = static_cast<int>(num(j, "repair_calls"));
  r.attempts = static_cast<int>(num(j, "attempts"));
  if (j.contains("repair") && j["repair"].is_object()) {
    r.repair_usage = usage(j["repair"]);
    r.repair_cost_usd = num(j["repair"], "cost_usd");
    r.repair_ms = num(j["repair"], "ms");
  }
  r.cleanings = static_cast<int>(num(j, "cleanings"));
  r.usage = usage(j);
  r.cost_known = j.contains("cost_usd") && j["cost_usd"].is_number();
  r.cost_usd = num(j, "cost_usd");
  r.stop_reason = str(j, "stop_reason");
  if (j.contains("pending_gates") && j["pending_gates"].is_array())
    for (const auto& g : j["pending_gates"])
      if (g.is_string()) r.pending_gates.push_back(g.get<std::string>());
  for (const auto& p : j["phases"]) {
    if (!p.is_object()) continue;
    PhaseReport pr;
    pr.name = str(p, "name");
    pr.status = ParsePhaseStatus(str(p, "status")).value_or(PhaseStatus::kPending);
    pr.outcome = ParsePhaseOutcome(str(p, "outcome")).value_or(PhaseOutcome::kNone);
    pr.reason = str(p, "reason");
    pr.start_ms = num(p, "start_ms");
    pr.end_ms = num(p, "end_ms");
    pr.duration_ms = num(p, "duration_ms");
    pr.work_ms = num(p, "work_ms");
    pr.calls = static_cast<int>(num(p, "calls"));
    pr.cached_calls = static_cast<int>(num(p, "cached_calls"));
    pr.items = static_cast<int>(num(p, "items"));
    pr.usage = usage(p);
    pr.cost_known = p.contains("cost_usd") && p["cost_usd"].is_number();
    pr.cost_usd = num(p, "cost_usd");
    pr.done_earlier = p.value("done_earlier", false);
    pr.early_cutoff = p.value("early_cutoff", false);
    if (p.contains("validation") && p["validation"].is_object()) {
      pr.errors = static_cast<int>(num(p["validation"], "errors"));
      pr.warnings = static_cast<int>(num(p["validation"], "warnings"));
    }
    pr.attempts = static_cast<int>(num(p, "attempts"));
    if (p.contains("repair") && p["repair"].is_object()) {
      pr.repair_calls = static_cast<int>(num(p["repair"], "calls"));
      pr.repair_usage = usage(p["repair"]);
      pr.repair_cost_usd = num(p["repair"], "cost_usd");
      pr.repair_ms = num(p["repair"], "ms");
    }
    if (p.contains("notes") && p["notes"].is_array()) pr.notes = PhaseNotesFromJson(p["notes"].dump());
    r.phases.push_back(pr);
  }
  if (j.contains("waves") && j["waves"].is_array())
    for (const auto& w : j["waves"]) {
      if (!w.is_object()) continue;
      WaveReport wr;
      wr.level = static_cast<int>(num(w, "level"));
      if (w.contains("phases") && w["phases"].is_array())
        for (const auto& n : w["phases"])
          if (n.is_string()) wr.phases.push_back(n.get<std::string>());
      wr.start_ms = num(w, "start_ms");
      wr.end_ms = num(w, "end_ms");
      wr.span_ms = num(w, "span_ms");
      wr.work_ms = num(w, "work_ms");
      r.waves.push_back(wr);
    }
  return r;
}

}  // namespace specwave
