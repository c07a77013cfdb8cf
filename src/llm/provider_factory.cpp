#include "llm/provider_factory.hpp"

#include "llm/hosted_provider.hpp"
#include "llm/response_cache.hpp"

namespace specwave {

std::string DefaultModel(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::kOpenAi: return "gpt-4.1-mini";
    case ProviderKind::kAnthropic: return "claude-sonnet-4-5";
    case ProviderKind::kOffline: return "rules";
  }
  return "rules";
}

namespace {

// The protocol knows its own endpoint and key variable; these free functions
// only ask it, so the two never disagree.
std::unique_ptr<WireProtocol> ProtocolFor(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::kOpenAi: return MakeOpenAiProtocol();
    case ProviderKind::kAnthropic: return MakeAnthropicProtocol();
    case ProviderKind::kOffline: return nullptr;
  }
  return nullptr;
}

}  // namespace

std::string DefaultBaseUrl(ProviderKind kind) {
  auto protocol = ProtocolFor(kind);
  return protocol ? protocol->DefaultBaseUrl() : "";
}

std::string KeyEnvironmentVariable(ProviderKind kind) {
  auto protocol = ProtocolFor(kind);
  return protocol ? protocol->KeyEnvironmentVariable() : "";
}

std::unique_ptr<LlmProvider> MakeHostedProvider(const HostedSettings& s, std::shared_ptr<HttpTransport> transport,
                                                Store* cache_store, std::string* error) {
  std::unique_ptr<WireProtocol> protocol = ProtocolFor(s.kind);
  if (!protocol) {
    *error = "the offline generator is not a hosted model";
    return nullptr;
  }
  if (!transport) {
    *error = "no HTTP transport in this build";
    return nullptr;
  }
  HostedConfig config;
  config.base_url = s.base_url.empty() ? DefaultBaseUrl(s.kind) : s.base_url;
  if (config.base_url.rfind("http://", 0) != 0 && config.base_url.rfind("https://", 0) != 0) {
    *error = "base URL '" + config.base_url + "' must start with http:// or https://";
    return nullptr;
  }
  config.model = s.model.empty() ? DefaultModel(s.kind) : s.model;
  config.api_key = s.api_key;
  config.browser = s.browser;
  config.timeout_ms = s.timeout_ms;
  config.idle_timeout_ms = s.idle_timeout_ms;
  config.retry.max_attempts = std::max(1, s.max_attempts);
  config.retry.base_delay_ms = std::max(0, s.base_delay_ms);
  std::string base = config.base_url;
  std::unique_ptr<LlmProvider> p = std::make_unique<HostedProvider>(std::move(protocol), std::move(config), std::move(transport));
  if (s.use_cache && cache_store) p = std::make_unique<CachingProvider>(std::move(p), base, cache_store);
  return p;
}

}  // namespace specwave
