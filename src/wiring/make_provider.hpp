// The provider a person chose, built the same way for every front end: the
// `specwave` CLI (flags and environment) and the web app (settings panel)
// both fill a ProviderChoice and call MakeProvider, so the rules — which
// kinds need a key or a base URL, the defaults, the response cache — are
// written once.
//
//   ProviderChoice c;
//   c.kind = ProviderKind::kOpenAi;
//   c.api_key = getenv("OPENAI_API_KEY");
//   c.key_hint = "in OPENAI_API_KEY";
//   std::string error;
//   auto provider = MakeProvider(c, transport, &store, &error);  // null with `error` set
#pragma once

#include <memory>
#include <string>

#include "engine/llm_port.hpp"
#include "engine/provider_kind.hpp"
#include "engine/store_port.hpp"
#include "llm/http_transport.hpp"
#include "offline/offline_provider.hpp"

namespace specwave {

struct ProviderChoice {
  ProviderKind kind = ProviderKind::kOffline;
  // Hosted models only.
  std::string model;     // empty: the protocol's default model
  std::string base_url;  // empty: the vendor's API
  std::string api_key;   // never logged or stored
  std::string key_hint;  // where a person gives the key here, for the error: "in OPENAI_API_KEY", "in Settings"
  int timeout_ms = 300000;
  int idle_timeout_ms = 120000;
  int max_attempts = 4;
  int base_delay_ms = 500;
  bool use_cache = true;
  bool browser = false;  // add the headers a browser call needs
  // The offline generator only (simulated latency for demos and tests).
  offline::OfflineOptions offline;
};

// Null with *error set when the choice cannot work (a hosted model with
// neither a key nor a base URL, no transport, a bad base URL). `cache_store`
// may be null (no response cache); `transport` may be null for the offline
// generator.
std::unique_ptr<LlmProvider> MakeProvider(const ProviderChoice& choice, std::shared_ptr<HttpTransport> transport,
                                          Store* cache_store, std::string* error);

}  // namespace specwave
