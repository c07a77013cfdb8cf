#include "llm/response_cache.hpp"

#include <cstdio>

#include "core/sha256.hpp"

namespace specwave {

std::string ResponseCacheKey(const std::string& provider, const std::string& base_url, const LlmRequest& request) {
  // Length-prefixed fields: no separator inside a prompt can make two
  // different requests hash alike.
  std::string material;
  auto add = [&](const std::string& s) {
    material += std::to_string(s.size());
    material += ':';
    material += s;
  };
  char params[64];
  std::snprintf(params, sizeof params, "t=%.4f;max=%d", request.temperature, request.max_tokens);
  add("specwave-cache-v1");
  add(provider);
  add(base_url);
  add(request.model);
  add(params);
  // The prompt's text, not its cache marks (they change what the provider
  // caches, never the reply): the same key whether the caller set blocks or
  // only the joined system and user texts.
  const std::vector<PromptBlock> blocks = PromptBlocksOf(request);
  add(JoinBlocks(blocks, PromptRole::kSystem));
  add(JoinBlocks(blocks, PromptRole::kUser));
  return Sha256Hex(material);
}

CachingProvider::CachingProvider(std::unique_ptr<LlmProvider> inner, std::string base_url, Store* store)
    : inner_(std::move(inner)), base_url_(std::move(base_url)), store_(store) {}

LlmResponse CachingProvider::Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) {
  const std::string key = ResponseCacheKey(inner_->Name(), base_url_, request);
  if (store_ && !request.bypass_cache) {
    if (auto hit = store_->CacheGet(key); hit && !hit->text.empty()) {
      if (on_text) on_text(hit->text);
      LlmResponse r;
      r.ok = true;
      r.cached = true;
      r.finish = FinishReason::kStop;
      r.text = std::move(hit->text);
      // Nothing was spent on this call: usage stays zero (the stored usage
      // was counted when the reply was first paid for).
      return r;
    }
  }
  LlmResponse r = inner_->Complete(request, on_text, cancel);
  if (r.ok && store_ && !store_->read_only()) {
    CachedResponse value{r.text, r.usage};
    (void)store_->CachePut(key, value);  // a failed put costs a later call, never this one's result
  }
  return r;
}

}  // namespace specwave
