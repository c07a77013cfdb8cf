// OpenAI chat completions, streamed (https://platform.openai.com/docs/api-reference/chat/streaming).
// The dialect every local server copies: Ollama, llama.cpp's server, LM
// Studio, vLLM and OpenRouter all accept this request and send these chunks.
#include <nlohmann/json.hpp>

#include "llm/hosted_provider.hpp"
#include "llm/wire_protocol.hpp"

namespace specwave {
namespace {

using nlohmann::json;

FinishReason MapFinish(const std::string& r) {
  if (r == "stop") return FinishReason::kStop;
  if (r == "length") return FinishReason::kLength;
  if (r == "content_filter") return FinishReason::kContentFilter;
  return FinishReason::kError;  // "tool_calls", "function_call": not what a phase asked for
}

void ReadUsage(const json& u, TokenUsage* usage) {
  if (!u.is_object()) return;
  if (u.contains("prompt_tokens") && u["prompt_tokens"].is_number_integer()) usage->input_tokens = u["prompt_tokens"];
  if (u.contains("completion_tokens") && u["completion_tokens"].is_number_integer())
    usage->output_tokens = u["completion_tokens"];
  if (u.contains("prompt_tokens_details") && u["prompt_tokens_details"].is_object()) {
    const json& d = u["prompt_tokens_details"];
    if (d.contains("cached_tokens") && d["cached_tokens"].is_number_integer()) usage->cached_input_tokens = d["cached_tokens"];
  }
}

std::string ErrorMessageOf(const json& e) {
  if (e.is_string()) return e.get<std::string>();
  if (e.is_object() && e.contains("message") && e["message"].is_string()) return e["message"];
  return e.dump();
}

class OpenAiDecoder final : public StreamDecoder {
 public:
  std::string OnEvent(const SseEvent& event, StreamState* s) override {
    if (event.data == "[DONE]") {
      s->terminated = true;
      return "";
    }
    json j = json::parse(event.data, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      s->error = "the stream carried an event that is not JSON: " + event.data.substr(0, 120);
      s->error_retryable = true;
      return "";
    }
    if (j.contains("error")) {  // an error inside a 200 stream
      s->error = "the server reported an error mid-stream: " + ErrorMessageOf(j["error"]);
      s->error_retryable = true;
      return "";
    }
    if (j.contains("usage")) ReadUsage(j["usage"], &s->usage);
    std::string added;
    if (j.contains("choices") && j["choices"].is_array() && !j["choices"].empty()) {
      const json& c = j["choices"][0];
      if (c.is_object() && c.contains("delta") && c["delta"].is_object()) {
        const json& d = c["delta"];
        if (d.contains("content") && d["content"].is_string()) added = d["content"];
        if (d.contains("refusal") && d["refusal"].is_string()) {
          s->stop_detail = "refusal";
          s->finish = FinishReason::kContentFilter;
        }
      }
      if (c.is_object() && c.contains("finish_reason") && c["finish_reason"].is_string()) {
        s->stop_detail = c["finish_reason"];
        s->finish = MapFinish(s->stop_detail);
      }
    }
    s->text += added;
    return added;
  }

  void OnJsonBody(const std::string& body, StreamState* s) override {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("choices") || !j["choices"].is_array() ||
        j["choices"].empty()) {
      s->error = "the reply was neither an event stream nor a chat completion";
      return;
    }
    const json& c = j["choices"][0];
    if (c.contains("message") && c["message"].is_object() && c["message"].contains("content") &&
        c["message"]["content"].is_string())
      s->text = c["message"]["content"];
    if (c.contains("finish_reason") && c["finish_reason"].is_string()) {
      s->stop_detail = c["finish_reason"];
      s->finish = MapFinish(s->stop_detail);
    }
    if (j.contains("usage")) ReadUsage(j["usage"], &s->usage);
    s->terminated = true;
  }
};

class OpenAiProtocol final : public WireProtocol {
 public:
  std::string Name() const override { return "openai"; }
  std::string DefaultBaseUrl() const override { return "https://api.openai.com/v1"; }
  std::string KeyEnvironmentVariable() const override { return "OPENAI_API_KEY"; }

  HttpRequest BuildRequest(const HostedConfig& config, const LlmRequest& request) const override {
    HttpRequest http;
    http.url = config.base_url + "/chat/completions";  // HostedProvider strips a trailing slash once
    http.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    if (!config.api_key.empty()) http.headers.push_back({"Authorization", "Bearer " + config.api_key});
    json body = {
        {"model", config.model},
        // System first and unchanged between phases: providers' prompt caches
        // match on the longest common prefix.
        {"messages", json::array({{{"role", "system"}, {"content", request.system}},
                                  {{"role", "user"}, {"content", request.user}}})},
        {"stream", true},
        {"stream_options", {{"include_usage", true}}},
        {"temperature", request.temperature},
    };
    body[config.max_completion_tokens ? "max_completion_tokens" : "max_tokens"] = request.max_tokens;
    http.body = body.dump();
    return http;
  }

  std::unique_ptr<StreamDecoder> NewDecoder() const override { return std::make_unique<OpenAiDecoder>(); }

  std::string ErrorText(const std::string& body) const override {
    json j = json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error")) return ErrorMessageOf(j["error"]);
    if (j.is_object() && j.contains("message") && j["message"].is_string()) return j["message"];
    return "";
  }
};

}  // namespace

std::unique_ptr<WireProtocol> MakeOpenAiProtocol() { return std::make_unique<OpenAiProtocol>(); }

}  // namespace specwave
