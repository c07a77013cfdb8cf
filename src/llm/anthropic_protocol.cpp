// Anthropic Messages, streamed (https://docs.anthropic.com/en/api/messages-streaming):
// message_start, content_block_start/delta/stop, message_delta (stop reason,
// output tokens), message_stop; "ping" keep-alives; "error" events inside a
// 200 response (overloaded_error and api_error are worth a retry).
//
// Prompt caching (https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching):
// the prompt's blocks go out in order — the system blocks as `system`, the
// user blocks as one user message's content — and `cache_control: {type:
// ephemeral}` goes on the blocks the prompt builder marked as the end of a
// shared prefix, at most four (the API's limit), and only where the prefix
// can reach the model's minimum cacheable length (a shorter one is never
// cached, so a mark there would waste one of the four).
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
// engine's input_tokens is all three (llm_port.hpp), with the reads as
// cached_input_tokens and the writes as cache_write_tokens (cost applies
// their own prices). message_start carries them; on newer API versions
// message_delta carries them again (cumulative), so either may set them.
void ReadUsage(const json& u, TokenUsage* usage) {
  if (Member(u, "input_tokens"))
    usage->input_tokens = IntOr0(u, "input_tokens") + IntOr0(u, "cache_read_input_tokens") +
                          IntOr0(u, "cache_creation_input_tokens");
  Int(u, "cache_read_input_tokens", &usage->cached_input_tokens);
  Int(u, "cache_creation_input_tokens", &usage->cache_write_tokens);
  Int(u, "output_tokens", &usage->output_tokens);
}

// The shortest prompt prefix each model family caches, in tokens (Anthropic's
// prompt-caching guide, "Cache limitations"; newer models ask more).
int64_t MinCacheableTokens(const std::string& model) {
  auto has = [&](const char* s) { return model.find(s) != std::string::npos; };
  if (has("haiku-4") || has("opus-4-5") || has("opus-4-6")) return 4096;
  if (has("haiku") || has("sonnet-4-6")) return 2048;
  return 1024;  // Sonnet 3.7 / 4 / 4.5, Opus 4 / 4.1, and models we do not know
}

// A generous token count for a prefix of `chars` characters: English prose
// runs ~4 characters a token, tables and code fewer; 3 per token means "can
// reach the minimum", so a mark is dropped only where caching is impossible.
int64_t MostTokens(size_t chars) { return static_cast<int64_t>(chars / 3); }

// Which blocks get cache_control: of the marked blocks whose prefix can reach
// the minimum, the last (the longest shared prefix) and the first three (the
// shortest, so shared most widely: the brief is in every call).
std::vector<bool> Breakpoints(const std::vector<PromptBlock>& blocks, const std::string& model) {
  std::vector<size_t> eligible;
  size_t chars = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    chars += blocks[i].text.size();
    if (blocks[i].cache_breakpoint && MostTokens(chars) >= MinCacheableTokens(model)) eligible.push_back(i);
  }
  constexpr size_t kMaxBreakpoints = 4;
  std::vector<bool> out(blocks.size(), false);
  for (size_t k = 0; k < eligible.size(); ++k)
    if (k < kMaxBreakpoints - 1 || k + 1 == eligible.size()) out[eligible[k]] = true;
  return out;
}

json TextBlock(const PromptBlock& b, bool breakpoint) {
  json j = {{"type", "text"}, {"text", b.text}};
  if (breakpoint) j["cache_control"] = {{"type", "ephemeral"}};
  return j;
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
      // API versions, the input and cache counts again).
      if (const json* u = Member(j, "usage")) ReadUsage(*u, &s->usage);
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
  ProviderKind Kind() const override { return ProviderKind::kAnthropic; }
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
        {"stream", true},
        {"temperature", request.temperature},
    };
    const std::vector<PromptBlock> blocks = PromptBlocksOf(request);
    const std::vector<bool> marks = Breakpoints(blocks, config.model);
    json system = json::array(), user = json::array();
    for (size_t i = 0; i < blocks.size(); ++i)
      if (!blocks[i].text.empty())
        (blocks[i].role == PromptRole::kSystem ? system : user).push_back(TextBlock(blocks[i], marks[i]));
    if (!system.empty()) body["system"] = system;
    body["messages"] = json::array({{{"role", "user"}, {"content", user}}});
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
