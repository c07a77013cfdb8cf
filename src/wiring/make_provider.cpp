#include "wiring/make_provider.hpp"

#include "llm/provider_factory.hpp"

namespace specwave {

std::unique_ptr<LlmProvider> MakeProvider(const ProviderChoice& c, std::shared_ptr<HttpTransport> transport,
                                          Store* cache_store, std::string* error) {
  if (c.kind == ProviderKind::kOffline) return std::make_unique<offline::OfflineProvider>(c.offline);
  if (c.api_key.empty() && c.base_url.empty()) {
    *error = std::string("the ") + ProviderKindName(c.kind) + " provider needs an API key" +
             (c.key_hint.empty() ? "" : " " + c.key_hint) + ", or a base URL for a local server that needs none";
    return nullptr;
  }
  if (!transport) {
    *error = "this build does not call models (no HTTP transport)";
    return nullptr;
  }
  HostedSettings s;
  s.kind = c.kind;
  s.model = c.model;
  s.base_url = c.base_url;
  s.api_key = c.api_key;
  s.timeout_ms = c.timeout_ms;
  s.idle_timeout_ms = c.idle_timeout_ms;
  s.max_attempts = c.max_attempts;
  s.base_delay_ms = c.base_delay_ms;
  s.use_cache = c.use_cache;
  s.browser = c.browser;
  return MakeHostedProvider(s, std::move(transport), cache_store, error);
}

}  // namespace specwave
