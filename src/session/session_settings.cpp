#include "session/session_settings.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace specwave {

std::string SessionSettings::ToJson() const {
  nlohmann::json j = {
      {"provider", ProviderKindName(provider)}, {"model", model},           {"base_url", base_url},
      {"max_in_flight", max_in_flight},         {"budget_usd", budget_usd}, {"offline_latency_ms", offline_latency_ms}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

SessionSettings SessionSettings::FromJson(const std::string& text) {
  SessionSettings s;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  auto str = [&](const char* k, std::string* out) {
    if (j.contains(k) && j[k].is_string()) *out = j[k].get<std::string>();
  };
  std::string provider;
  str("provider", &provider);
  s.provider = ParseProviderKind(provider).value_or(ProviderKind::kOffline);
  str("model", &s.model);
  str("base_url", &s.base_url);
  if (j.contains("max_in_flight") && j["max_in_flight"].is_number_integer())
    s.max_in_flight = std::clamp(j["max_in_flight"].get<int>(), 1, kMaxCallsInFlight);
  if (j.contains("budget_usd") && j["budget_usd"].is_number())
    s.budget_usd = std::max(0.0, j["budget_usd"].get<double>());
  if (j.contains("offline_latency_ms") && j["offline_latency_ms"].is_number_integer())
    s.offline_latency_ms = std::clamp(j["offline_latency_ms"].get<int>(), 0, 60000);
  return s;
}

std::string ProviderLabel(const SessionSettings& s) {
  if (s.provider == ProviderKind::kOffline) return "Offline generator — rules and templates, not a language model";
  std::string label = s.provider == ProviderKind::kAnthropic ? "Anthropic" : "OpenAI-compatible";
  if (!s.model.empty()) label += " · " + s.model;
  if (!s.base_url.empty()) label += " · " + s.base_url;
  return label;
}

}  // namespace specwave
