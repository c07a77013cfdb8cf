// OpenAI chat completions, streamed (https://platform.openai.com/docs/api-reference/chat/streaming).
// The dialect every local server copies: Ollama, llama.cpp's server, LM
// Studio, vLLM and OpenRouter all accept this request and send these chunks.
#include "llm/hosted_provider.hpp"
#include "llm/json_fields.hpp"
#include "llm/wire_protocol.hpp"

namespace specwave {
namespace {

using nlohmann::json;
using namespace json_fields;

FinishReason MapFinish(const std::string& r) {
  if (r == "stop") return FinishReason::kStop;
  if (r == "length") return FinishReason::kLength;
  if (r == "content_filter") return FinishReason::kContentFilter;
  return FinishReason::kError;  // "tool_calls", "function_call": not what a phase asked for
}

void ReadUsage(const json& u, TokenUsage* usage) {
  Int(u, "prompt_tokens", &usage->input_tokens);
  Int(u, "completion_tokens", &usage->output_tokens);
  if (const json* d = Object(u, "prompt_tokens_details")) Int(*d, "cached_tokens", &usage->cached_input_tokens);
}

std::string ErrorMessageOf(const json& e) {
  std::string message;
  if (e.is_string()) return e.get<std::string>();
  if (String(e, "message", &message)) return message;
  return e.dump();
}

// The first choice of a chunk or a completion, if any.
const json* FirstChoice(const json& j) {
  const json* choices = Member(j, "choices");
  return choices && choices->is_array() && !choices->empty() && (*choices)[0].is_object() ? &(*choices)[0] : nullptr;
}

void ReadFinish(const json& choice, StreamState* s) {
  if (String(choice, "finish_reason", &s->stop_detail)) s->finish = MapFinish(s->stop_detail);
}

class OpenAiDecoder final : public StreamDecoder {
 public:
  std::string OnEvent(const SseEvent& event, StreamState* s) override {
    if (event.data == "[DONE]") {
      s->terminated = true;
      return "";
    }
    json j;
    if (!ParseEvent(event, s, &j)) return "";
    if (const json* e = Member(j, "error")) {  // an error inside a 200 stream
      s->error = "the server reported an error mid-stream: " + ErrorMessageOf(*e);
      s->error_retryable = true;
      return "";
    }
    if (const json* u = Member(j, "usage")) ReadUsage(*u, &s->usage);
    std::string added;
    if (const json* c = FirstChoice(j)) {
      if (const json* d = Object(*c, "delta")) {
        String(*d, "content", &added);
        // A refusal streams as delta.refusal pieces (content null) and the
        // stream still ends with finish_reason "stop".
        std::string refusal;
        if (String(*d, "refusal", &refusal)) {
          s->refusal += refusal;
          s->refused = s->refused || !s->refusal.empty();
        }
      }
      ReadFinish(*c, s);
    }
    s->text += added;
    return added;
  }

  void OnJsonBody(const std::string& body, StreamState* s) override {
    json j = json::parse(body, nullptr, false);
    const json* c = j.is_discarded() ? nullptr : FirstChoice(j);
    if (!c) {
      s->error = "the reply was neither an event stream nor a chat completion";
      return;
    }
    if (const json* m = Object(*c, "message")) {
      String(*m, "content", &s->text);
      if (String(*m, "refusal", &s->refusal) && !s->refusal.empty()) s->refused = true;
    }
    ReadFinish(*c, s);
    if (const json* u = Member(j, "usage")) ReadUsage(*u, &s->usage);
    s->terminated = true;
  }
};

class OpenAiProtocol final : public WireProtocol {
 public:
  ProviderKind Kind() const override { return ProviderKind::kOpenAi; }
  std::string DefaultBaseUrl() const override { return "https://api.openai.com/v1"; }
  std::string KeyEnvironmentVariable() const override { return "OPENAI_API_KEY"; }

  HttpRequest BuildRequest(const HostedConfig& config, const LlmRequest& request) const override {
    HttpRequest http;
    http.url = config.base_url + "/chat/completions";  // HostedProvider strips a trailing slash once
    http.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    if (!config.api_key.empty()) http.headers.push_back({"Authorization", "Bearer " + config.api_key});
    const std::vector<PromptBlock> blocks = PromptBlocksOf(request);
    json body = {
        {"model", config.model},
        // The prompt builder's order (shared prefix first: house rules, brief,
        // upstream artifacts; the call's own item and task last) is what
        // OpenAI's automatic prefix caching matches on (prompts of 1,024
        // tokens and more, in 128-token steps). No marks to send.
        {"messages", json::array({{{"role", "system"}, {"content", JoinBlocks(blocks, PromptRole::kSystem)}},
                                  {{"role", "user"}, {"content", JoinBlocks(blocks, PromptRole::kUser)}}})},
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
