// What a person configures for a project's runs: the provider and model, the
// calls in flight, a budget, the offline generator's simulated latency. Kept
// in the project's settings_json. The API key is never part of it: the
// session holds it in memory only and reports `has_key`.
#pragma once

#include <string>

#include "core/thread_budget.hpp"
#include "engine/provider_kind.hpp"

namespace specwave {

struct SessionSettings {
  ProviderKind provider = ProviderKind::kOffline;
  std::string model;
  std::string base_url;
  int max_in_flight = kDefaultCallsInFlight;  // 1..kMaxCallsInFlight
  double budget_usd = 0;
  // Offline generator only: a simulated model latency per call, so a run
  // takes long enough to watch the schedule (demos, tests). 0 = none.
  int offline_latency_ms = 0;
  bool has_key = false;
  std::string ToJson() const;  // for the project's settings_json: never a key
  // Stored data is outside input: anything unknown or out of range reads as
  // the default (an unknown provider as the offline generator).
  static SessionSettings FromJson(const std::string& json);
};

// "Offline generator — rules and templates, not a language model", or
// "OpenAI-compatible · gpt-4o · http://…" for the top bar.
std::string ProviderLabel(const SessionSettings& s);

}  // namespace specwave
