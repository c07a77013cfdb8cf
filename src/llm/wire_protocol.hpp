// The part of a hosted model API that differs between vendors: how a request
// is written, how its event stream is read, how an error body is worded.
// HostedProvider (hosted_provider.hpp) does everything else — attempts,
// back-off, timeouts, the scratch buffer — once, for both.
//
//   openai     OpenAI chat completions (also OpenRouter, Ollama, llama.cpp's
//              server, LM Studio, vLLM: anything that speaks /chat/completions)
//   anthropic  Anthropic Messages
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/llm_port.hpp"
#include "llm/http_transport.hpp"
#include "llm/sse_parser.hpp"

namespace specwave {

struct HostedConfig;

// What one attempt's stream has said so far.
struct StreamState {
  std::string text;
  TokenUsage usage;
  std::optional<FinishReason> finish;  // set by the protocol's stop event
  std::string stop_detail;             // the vendor's own stop reason ("max_tokens", "refusal", ...)
  // The model refused: OpenAI sends its words in delta.refusal (streamed) or
  // message.refusal and still ends with finish_reason "stop"; Anthropic ends
  // with stop_reason "refusal" after whatever text it had written.
  bool refused = false;
  std::string refusal;                 // OpenAI's refusal text (Anthropic's words are in `text`)
  bool terminated = false;             // the protocol's final event ([DONE] / message_stop) arrived
  std::string error;                   // an error event inside a 200 stream, or a malformed event
  bool error_retryable = false;        // e.g. Anthropic's overloaded_error
};

class StreamDecoder {
 public:
  virtual ~StreamDecoder() = default;
  // One event; new text is appended to state->text and also returned, so the
  // caller can stream it on.
  virtual std::string OnEvent(const SseEvent& event, StreamState* state) = 0;
  // A whole non-streamed JSON reply (a server that ignored "stream": true).
  virtual void OnJsonBody(const std::string& body, StreamState* state) = 0;
};

class WireProtocol {
 public:
  virtual ~WireProtocol() = default;
  virtual ProviderKind Kind() const = 0;
  virtual std::string DefaultBaseUrl() const = 0;
  virtual std::string KeyEnvironmentVariable() const = 0;
  virtual HttpRequest BuildRequest(const HostedConfig& config, const LlmRequest& request) const = 0;
  virtual std::unique_ptr<StreamDecoder> NewDecoder() const = 0;
  // The server's own words from an error body ({"error": {"message": ...}}),
  // or "" when the body is not the vendor's error shape.
  virtual std::string ErrorText(const std::string& body) const = 0;
};

std::unique_ptr<WireProtocol> MakeOpenAiProtocol();
std::unique_ptr<WireProtocol> MakeAnthropicProtocol();

}  // namespace specwave
