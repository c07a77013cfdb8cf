// Builds a hosted-model provider over a transport: the wire protocol for the
// kind, its defaults, the response cache. Front ends do not call this
// directly: wiring/make_provider.hpp decides what a person's choice needs
// (a key or a base URL) and builds the offline generator too.
#pragma once

#include <memory>
#include <string>

#include "engine/llm_port.hpp"
#include "engine/provider_kind.hpp"
#include "engine/store_port.hpp"
#include "llm/http_transport.hpp"

namespace specwave {

struct HostedSettings {
  ProviderKind kind = ProviderKind::kOpenAi;
  std::string model;     // empty: the protocol's default model
  std::string base_url;  // empty: the vendor's API
  std::string api_key;   // never logged or stored
  int timeout_ms = 300000;
  int idle_timeout_ms = 120000;
  int max_attempts = 4;
  int base_delay_ms = 500;
  bool use_cache = true;
  bool browser = false;
};

std::string DefaultModel(ProviderKind kind);           // "rules" for the offline generator
std::string DefaultBaseUrl(ProviderKind kind);         // "" for the offline generator
std::string KeyEnvironmentVariable(ProviderKind kind); // "" for the offline generator

// Null with *error set for the offline kind or a bad base URL. `cache_store`
// may be null (no cache).
std::unique_ptr<LlmProvider> MakeHostedProvider(const HostedSettings& settings, std::shared_ptr<HttpTransport> transport,
                                                Store* cache_store, std::string* error);

}  // namespace specwave
