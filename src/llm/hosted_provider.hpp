// HostedProvider: an LlmProvider for a model behind an HTTP API, over any
// HttpTransport (libcurl natively, fetch in the browser) and either wire
// protocol. One Complete() is up to policy.max_attempts HTTP attempts:
//
//   attempt -> stream events into a scratch StreamState (text also streamed
//              to the caller as it arrives)
//           -> clean stop (stop reason "stop"/"end_turn" and the stream ended
//              at an event boundary): ok, the text becomes the response
//           -> 429/5xx/529, connection or timeout failure, a cut or corrupt
//              stream, an error event marked retryable: wait (Retry-After or
//              jittered back-off) and try again
//           -> a refusal (OpenAI delta.refusal / message.refusal, Anthropic
//              stop_reason "refusal"): fail now with the model's words in
//              LlmResponse::refusal — the same prompt would be refused again
//           -> anything else (400/401/403/404, length stop, CORS,
//              cancellation): fail now, with a message a person can act on
//
// Every attempt's reported usage is counted in LlmResponse::usage (and one
// by one in attempt_usage), failed attempts included: they were billed.
//
// Messages name the base URL and the model, never the key (Redact() runs
// over every server text that is passed on).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>

#include "engine/llm_port.hpp"
#include "llm/http_transport.hpp"
#include "llm/retry_policy.hpp"
#include "llm/wire_protocol.hpp"

namespace specwave {

struct HostedConfig {
  std::string base_url;  // e.g. https://api.openai.com/v1 (no trailing slash needed)
  std::string model;
  std::string api_key;   // may be empty (local servers)
  bool browser = false;  // add the headers a browser call needs (Anthropic's direct-access opt-in)
  int timeout_ms = 300000;
  int idle_timeout_ms = 60000;
  int connect_timeout_ms = 15000;
  RetryPolicy retry;
  // Waits between attempts; returns false if cancelled while waiting. Tests
  // replace it to record the waits instead of sleeping.
  std::function<bool(int64_t ms, const CancelToken& cancel)> sleep;
  uint64_t jitter_seed = 0;  // 0: seeded from the clock
  // OpenAI's newer models reject "max_tokens" and want "max_completion_tokens";
  // the provider switches (and remembers) when a 400 says so.
  bool max_completion_tokens = false;
};

class HostedProvider final : public LlmProvider {
 public:
  HostedProvider(std::unique_ptr<WireProtocol> protocol, HostedConfig config, std::shared_ptr<HttpTransport> transport);

  ProviderKind Kind() const override { return protocol_->Kind(); }
  std::string Model() const override { return config_.model; }
  bool IsLanguageModel() const override { return true; }
  LlmResponse Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) override;

  const HostedConfig& config() const { return config_; }

 private:
  struct Attempt;
  struct Verdict;
  Attempt RunAttempt(const HttpRequest& http, const TextSink& on_text, const CancelToken& cancel) const;
  // What one attempt's outcome means: done, failed for good, retry, or the
  // same call again with OpenAI's newer parameter name.
  Verdict Judge(Attempt& a, const HttpRequest& http, const LlmRequest& request, bool may_switch_param);
  Verdict JudgeTransportError(const HttpResult& h) const;
  Verdict JudgeStatus(const Attempt& a, const HttpRequest& http, bool may_switch_param);
  Verdict JudgeStream(Attempt& a, const LlmRequest& request) const;
  double NextJitter();

  std::unique_ptr<WireProtocol> protocol_;
  HostedConfig config_;
  std::shared_ptr<HttpTransport> transport_;
  std::atomic<bool> max_completion_tokens_{false};
  std::mutex rng_mu_;
  std::mt19937_64 rng_;
};

// Removes the key, and anything shaped like a vendor key, from text that came
// from a server or a transport before it reaches a person or a log.
std::string Redact(const std::string& text, const std::string& api_key);

// Sleeps in short steps so cancellation is noticed; false if cancelled.
bool SleepUnlessCancelled(int64_t ms, const CancelToken& cancel);

}  // namespace specwave
