// CachingProvider: wraps a language-model provider with the store's response
// cache. The key is SHA-256 over the provider, base URL, model, temperature,
// max_tokens and the exact system and user prompts — every input that can
// change the reply — so a rerun of a phase whose inputs did not change makes
// no model call and reports `cached`. Only clean, complete replies are
// stored. A request with bypass_cache (regenerate on purpose) skips the
// lookup but still refreshes the entry.
//
// The offline generator is not wrapped: it is deterministic and free, and a
// cache hit would hide that it ran.
#pragma once

#include <memory>
#include <string>

#include "engine/llm_port.hpp"
#include "engine/store_port.hpp"

namespace specwave {

std::string ResponseCacheKey(const std::string& provider, const std::string& base_url, const LlmRequest& request);

class CachingProvider final : public LlmProvider {
 public:
  // `store` must outlive this; it is called from engine worker threads (every
  // Store implementation is thread-safe).
  CachingProvider(std::unique_ptr<LlmProvider> inner, std::string base_url, Store* store);

  ProviderKind Kind() const override { return inner_->Kind(); }
  std::string Model() const override { return inner_->Model(); }
  bool IsLanguageModel() const override { return inner_->IsLanguageModel(); }
  LlmResponse Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) override;

 private:
  std::unique_ptr<LlmProvider> inner_;
  std::string base_url_;
  Store* store_;
};

}  // namespace specwave
