#include "llm/provider_factory.hpp"

#include "llm/hosted_provider.hpp"
#include "llm/response_cache.hpp"

namespace specwave {

bool IsHostedProvider(const std::string& name) { return name == "openai" || name == "anthropic"; }

std::string DefaultModel(const std::string& provider) {
  if (provider == "openai") return "gpt-4.1-mini";
  if (provider == "anthropic") return "claude-sonnet-4-5";
  return "rules";
}

namespace {

// The protocol knows its own endpoint and key variable; these free functions
// only ask it, so the two never disagree.
std::unique_ptr<WireProtocol> ProtocolFor(const std::string& provider) {
  if (provider == "openai") return MakeOpenAiProtocol();
  if (provider == "anthropic") return MakeAnthropicProtocol();
  return nullptr;
}

}  // namespace

std::string DefaultBaseUrl(const std::string& provider) {
  auto protocol = ProtocolFor(provider);
  return protocol ? protocol->DefaultBaseUrl() : "";
}

std::string KeyEnvironmentVariable(const std::string& provider) {
  auto protocol = ProtocolFor(provider);
  return protocol ? protocol->KeyEnvironmentVariable() : "";
}

std::unique_ptr<LlmProvider> MakeHostedProvider(const ProviderSettings& s, std::shared_ptr<HttpTransport> transport,
                                                Store* cache_store, std::string* error) {
  std::unique_ptr<WireProtocol> protocol = ProtocolFor(s.provider);
  if (!protocol) {
    *error = "unknown provider '" + s.provider + "' (use openai, anthropic or offline)";
    return nullptr;
  }
  if (!transport) {
    *error = "no HTTP transport in this build";
    return nullptr;
  }
  HostedConfig config;
  config.base_url = s.base_url.empty() ? DefaultBaseUrl(s.provider) : s.base_url;
  if (config.base_url.rfind("http://", 0) != 0 && config.base_url.rfind("https://", 0) != 0) {
    *error = "base URL '" + config.base_url + "' must start with http:// or https://";
    return nullptr;
  }
  config.model = s.model.empty() ? DefaultModel(s.provider) : s.model;
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
