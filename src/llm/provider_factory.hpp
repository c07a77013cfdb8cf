// Builds the language-model provider a person chose (CLI flags, web settings)
// over a transport: the hosted protocol, its defaults, the response cache.
// The offline generator is built by the caller (it needs the workflow spec
// and its simulated latency), not here.
#pragma once

#include <memory>
#include <string>

#include "engine/llm_port.hpp"
#include "engine/store_port.hpp"
#include "llm/http_transport.hpp"

namespace specwave {

struct ProviderSettings {
  std::string provider = "offline";  // "openai" | "anthropic" | "offline"
  std::string model;                 // empty: the protocol's default model
  std::string base_url;              // empty: the vendor's API
  std::string api_key;               // never logged or stored
  int timeout_ms = 300000;
  int idle_timeout_ms = 120000;
  int max_attempts = 4;
  int base_delay_ms = 500;
  bool use_cache = true;
  bool browser = false;
};

bool IsHostedProvider(const std::string& name);
std::string DefaultModel(const std::string& provider);
std::string DefaultBaseUrl(const std::string& provider);
std::string KeyEnvironmentVariable(const std::string& provider);  // "" for offline

// Null with *error set for an unknown provider. `cache_store` may be null (no cache).
std::unique_ptr<LlmProvider> MakeHostedProvider(const ProviderSettings& settings, std::shared_ptr<HttpTransport> transport,
                                                Store* cache_store, std::string* error);

}  // namespace specwave
