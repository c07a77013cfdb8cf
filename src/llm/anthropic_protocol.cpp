// Anthropic Messages, streamed (https://docs.anthropic.com/en/api/messages-streaming):
// message_start, content_block_start/delta/stop, message_delta (stop reason,
// output tokens), message_stop; "ping" keep-alives; "error" events inside a
// 200 response (overloaded_error and api_error are worth a retry).
#include "llm/hosted_provider.hpp"
#include "llm/json_fields.hpp"
#include "llm/wire_protocol.hpp"

namespace specwave {
namespace {

using nlohmann::json;
using namespace json_fields;

FinishReason MapStop(const std::string& r) {
  if (r == "end_turn" || r == "stop_sequence") return FinishReason::kStop;
  if (r == "max_tokens" || r == "model_context_window_exceeded") return FinishReason::kLength;
  if (r == "refusal") return FinishReason::kContentFilter;
  return FinishReason::kError;  // "tool_use", "pause_turn": not a finished document
}

// Anthropic counts cache reads and writes apart from input_tokens; the
// engine's input is all three (cost applies the cached price to the reads).
void ReadUsage(const json& u, TokenUsage* usage) {
  if (Member(u, "input_tokens"))
    usage->input_tokens = IntOr0(u, "input_tokens") + IntOr0(u, "cache_read_input_tokens") +
                          IntOr0(u, "cache_creation_input_tokens");
  Int(u, "cache_read_input_tokens", &usage->cached_input_tokens);
  Int(u, "output_tokens", &usage->output_tokens);
}

// A refusal (stop_reason "refusal") keeps whatever text came before it as
// the model's words: HostedProvider fails the call with them, no retry.
void ReadStop(const json& o, StreamState* s) {
  if (!String(o, "stop_reason", &s->stop_detail)) return;
  s->finish = MapStop(s->stop_detail);
  if (s->stop_detail == "refusal") s->refused = true;
}

class AnthropicDecoder final : public StreamDecoder {
 public:
  std::string OnEvent(const SseEvent& event, StreamState* s) override {
    json j;
    if (!ParseEvent(event, s, &j)) return "";
    std::string type = event.event;
    String(j, "type", &type);
    if (type == "message_start") {
      if (const json* m = Object(j, "message"))
        if (const json* u = Member(*m, "usage")) ReadUsage(*u, &s->usage);
    } else if (type == "content_block_delta") {
      std::string added;
      if (const json* d = Object(j, "delta"); d && String(*d, "text", &added)) {
        s->text += added;
        return added;
      }
    } else if (type == "message_delta") {
      if (const json* d = Object(j, "delta")) ReadStop(*d, s);
      // message_delta's usage carries the final output count (and, on newer
      // API versions, the input counts again).
      if (const json* u = Member(j, "usage")) Int(*u, "output_tokens", &s->usage.output_tokens);
    } else if (type == "message_stop") {
      s->terminated = true;
    } else if (type == "error") {
      std::string kind, message;
      if (const json* e = Object(j, "error")) {
        String(*e, "type", &kind);
        String(*e, "message", &message);
      }
      s->error = "the server reported an error mid-stream: " + (message.empty() ? kind : message) +
                 (kind.empty() || message.empty() ? "" : " (" + kind + ")");
      s->error_retryable = kind == "overloaded_error" || kind == "api_error" || kind == "rate_limit_error";
    }
    // ping, content_block_start/stop: nothing to do.
    return "";
  }

  void OnJsonBody(const std::string& body, StreamState* s) override {
    json j = json::parse(body, nullptr, false);
    const json* content = j.is_discarded() ? nullptr : Member(j, "content");
    if (!content || !content->is_array()) {
      s->error = "the reply was neither an event stream nor a message";
      return;
    }
    for (const auto& block : *content) {
      std::string type, text;
      if (String(block, "type", &type) && type == "text" && String(block, "text", &text)) s->text += text;
    }
    ReadStop(j, s);
    if (const json* u = Member(j, "usage")) ReadUsage(*u, &s->usage);
    s->terminated = true;
  }
};

class AnthropicProtocol final : public WireProtocol {
 public:
  std::string Name() const override { return "anthropic"; }
  std::string DefaultBaseUrl() const override { return "https://api.anthropic.com/v1"; }
  std::string KeyEnvironmentVariable() const override { return "ANTHROPIC_API_KEY"; }

  HttpRequest BuildRequest(const HostedConfig& config, const LlmRequest& request) const override {
    HttpRequest http;
    http.url = config.base_url + "/messages";  // HostedProvider strips a trailing slash once
    http.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"},
                    {"anthropic-version", "2023-06-01"}};
    if (!config.api_key.empty()) http.headers.push_back({"x-api-key", config.api_key});
    if (config.browser) http.headers.push_back({"anthropic-dangerous-direct-browser-access", "true"});
    json body = {
        {"model", config.model},
        {"max_tokens", request.max_tokens},
        // The persona and rules are the same for every call of an agent:
        // marked as a cache breakpoint so reruns and siblings read them from
        // Anthropic's prompt cache.
        {"system", json::array({{{"type", "text"}, {"text", request.system}, {"cache_control", {{"type", "ephemeral"}}}}})},
        {"messages", json::array({{{"role", "user"}, {"content", request.user}}})},
        {"stream", true},
        {"temperature", request.temperature},
    };
    http.body = body.dump();
    return http;
  }

  std::unique_ptr<StreamDecoder> NewDecoder() const override { return std::make_unique<AnthropicDecoder>(); }

  std::string ErrorText(const std::string& body) const override {
    json j = json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_object()) {
      std::string m = j["error"].value("message", "");
      std::string t = j["error"].value("type", "");
      return m.empty() ? t : (t.empty() ? m : m + " (" + t + ")");
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<WireProtocol> MakeAnthropicProtocol() { return std::make_unique<AnthropicProtocol>(); }

}  // namespace specwave
