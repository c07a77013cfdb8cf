// Anthropic Messages, streamed (https://docs.anthropic.com/en/api/messages-streaming):
// message_start, content_block_start/delta/stop, message_delta (stop reason,
// output tokens), message_stop; "ping" keep-alives; "error" events inside a
// 200 response (overloaded_error and api_error are worth a retry).
#include <nlohmann/json.hpp>

#include "llm/hosted_provider.hpp"
#include "llm/wire_protocol.hpp"

namespace specwave {
namespace {

using nlohmann::json;

FinishReason MapStop(const std::string& r) {
  if (r == "end_turn" || r == "stop_sequence") return FinishReason::kStop;
  if (r == "max_tokens" || r == "model_context_window_exceeded") return FinishReason::kLength;
  if (r == "refusal") return FinishReason::kContentFilter;
  return FinishReason::kError;  // "tool_use", "pause_turn": not a finished document
}

int64_t IntField(const json& o, const char* key) {
  return o.is_object() && o.contains(key) && o[key].is_number_integer() ? o[key].get<int64_t>() : 0;
}

void ReadUsage(const json& u, TokenUsage* usage) {
  if (!u.is_object()) return;
  if (u.contains("input_tokens")) usage->input_tokens = IntField(u, "input_tokens") + IntField(u, "cache_read_input_tokens") +
                                                        IntField(u, "cache_creation_input_tokens");
  if (u.contains("cache_read_input_tokens")) usage->cached_input_tokens = IntField(u, "cache_read_input_tokens");
  if (u.contains("output_tokens")) usage->output_tokens = IntField(u, "output_tokens");
}

class AnthropicDecoder final : public StreamDecoder {
 public:
  std::string OnEvent(const SseEvent& event, StreamState* s) override {
    json j = json::parse(event.data, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      s->error = "the stream carried an event that is not JSON: " + event.data.substr(0, 120);
      s->error_retryable = true;
      return "";
    }
    const std::string type = j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>() : event.event;
    if (type == "message_start") {
      if (j.contains("message") && j["message"].is_object() && j["message"].contains("usage"))
        ReadUsage(j["message"]["usage"], &s->usage);
    } else if (type == "content_block_delta") {
      if (j.contains("delta") && j["delta"].is_object() && j["delta"].contains("text") && j["delta"]["text"].is_string()) {
        std::string added = j["delta"]["text"];
        s->text += added;
        return added;
      }
    } else if (type == "message_delta") {
      if (j.contains("delta") && j["delta"].is_object() && j["delta"].contains("stop_reason") &&
          j["delta"]["stop_reason"].is_string()) {
        s->stop_detail = j["delta"]["stop_reason"];
        s->finish = MapStop(s->stop_detail);
      }
      if (j.contains("usage")) {
        // message_delta's usage carries the final output count (and, on newer
        // API versions, the input counts again).
        const json& u = j["usage"];
        if (u.contains("output_tokens")) s->usage.output_tokens = IntField(u, "output_tokens");
      }
    } else if (type == "message_stop") {
      s->terminated = true;
    } else if (type == "error") {
      std::string kind, message;
      if (j.contains("error") && j["error"].is_object()) {
        kind = j["error"].value("type", "");
        message = j["error"].value("message", "");
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
    if (j.is_discarded() || !j.is_object() || !j.contains("content") || !j["content"].is_array()) {
      s->error = "the reply was neither an event stream nor a message";
      return;
    }
    for (const auto& block : j["content"])
      if (block.is_object() && block.value("type", "") == "text" && block.contains("text") && block["text"].is_string())
        s->text += block["text"].get<std::string>();
    if (j.contains("stop_reason") && j["stop_reason"].is_string()) {
      s->stop_detail = j["stop_reason"];
      s->finish = MapStop(s->stop_detail);
    }
    if (j.contains("usage")) ReadUsage(j["usage"], &s->usage);
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
