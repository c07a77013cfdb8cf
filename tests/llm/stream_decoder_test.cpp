// The decoders read what a vendor (or a server pretending to be one) sends;
// fields of the wrong type must read as absent, never throw out of the
// stream (the engine would lose the call's reason).
#include <doctest/doctest.h>

#include <string>

#include "llm/wire_protocol.hpp"

using namespace specwave;

namespace {

SseEvent Event(const std::string& data, const std::string& name = "") { return SseEvent{name, data, ""}; }

}  // namespace

TEST_CASE("StreamDecoder.OpenAiReadsWellFormedChunks") {
  auto d = MakeOpenAiProtocol()->NewDecoder();
  StreamState s;
  CHECK(d->OnEvent(Event(R"({"choices":[{"delta":{"content":"Hel"}}]})"), &s) == "Hel");
  CHECK(d->OnEvent(Event(R"({"choices":[{"delta":{"content":"lo"},"finish_reason":"length"}]})"), &s) == "lo");
  d->OnEvent(Event(R"({"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,)"
                   R"("prompt_tokens_details":{"cached_tokens":8}}})"), &s);
  d->OnEvent(Event("[DONE]"), &s);
  CHECK(s.text == "Hello");
  CHECK(s.finish == FinishReason::kLength);
  CHECK(s.usage.input_tokens == 12);
  CHECK(s.usage.output_tokens == 3);
  CHECK(s.usage.cached_input_tokens == 8);
  CHECK(s.terminated);
  CHECK(s.error.empty());
}

TEST_CASE("StreamDecoder.OpenAiFieldsOfTheWrongTypeReadAsAbsent") {
  auto d = MakeOpenAiProtocol()->NewDecoder();
  StreamState s;
  CHECK_NOTHROW(d->OnEvent(Event(R"({"choices":[5]})"), &s));
  CHECK_NOTHROW(d->OnEvent(Event(R"({"choices":[{"delta":{"content":7},"finish_reason":1}]})"), &s));
  CHECK_NOTHROW(d->OnEvent(Event(R"({"choices":{},"usage":{"prompt_tokens":"12","prompt_tokens_details":[]}})"), &s));
  CHECK(s.text.empty());
  CHECK_FALSE(s.finish.has_value());
  CHECK(s.usage.input_tokens == 0);
  CHECK(s.error.empty());
  StreamState body;
  CHECK_NOTHROW(d->OnJsonBody(R"({"choices":["text"]})", &body));
  CHECK(body.error == "the reply was neither an event stream nor a chat completion");
  StreamState not_json;
  d->OnEvent(Event("{truncated"), &not_json);
  CHECK(not_json.error.find("not JSON") != std::string::npos);
  CHECK(not_json.error_retryable);
}

TEST_CASE("StreamDecoder.AnthropicReadsWellFormedEvents") {
  auto d = MakeAnthropicProtocol()->NewDecoder();
  StreamState s;
  d->OnEvent(Event(R"({"type":"message_start","message":{"usage":{"input_tokens":10,"cache_read_input_tokens":30,)"
                   R"("cache_creation_input_tokens":2,"output_tokens":1}}})"), &s);
  CHECK(d->OnEvent(Event(R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"Hi"}})"), &s) == "Hi");
  d->OnEvent(Event(R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}})"), &s);
  d->OnEvent(Event(R"({"type":"message_stop"})"), &s);
  CHECK(s.text == "Hi");
  CHECK(s.finish == FinishReason::kStop);
  CHECK(s.usage.input_tokens == 42);
  CHECK(s.usage.cached_input_tokens == 30);
  CHECK(s.usage.output_tokens == 9);
  CHECK(s.terminated);
}

TEST_CASE("StreamDecoder.AnthropicFieldsOfTheWrongTypeReadAsAbsent") {
  auto d = MakeAnthropicProtocol()->NewDecoder();
  StreamState s;
  CHECK_NOTHROW(d->OnEvent(Event(R"({"type":"content_block_delta","delta":{"text":["x"]}})"), &s));
  CHECK_NOTHROW(d->OnEvent(Event(R"({"type":"message_delta","delta":{"stop_reason":3},"usage":[]})"), &s));
  CHECK(s.text.empty());
  CHECK_FALSE(s.finish.has_value());
  // An error event whose type is not a string still ends the stream with its message.
  StreamState e;
  CHECK_NOTHROW(d->OnEvent(Event(R"({"type":"error","error":{"type":5,"message":"overloaded"}})"), &e));
  CHECK(e.error == "the server reported an error mid-stream: overloaded");
  CHECK_FALSE(e.error_retryable);
  StreamState body;
  CHECK_NOTHROW(d->OnJsonBody(R"({"content":[{"type":1,"text":"no"},{"type":"text","text":"yes"}],"stop_reason":"max_tokens"})",
                              &body));
  CHECK(body.text == "yes");
  CHECK(body.finish == FinishReason::kLength);
}

TEST_CASE("StreamDecoder.OpenAiReadsARefusal") {
  // Streamed: delta.refusal pieces, content null, then finish_reason "stop".
  auto d = MakeOpenAiProtocol()->NewDecoder();
  StreamState s;
  d->OnEvent(Event(R"({"choices":[{"delta":{"role":"assistant","content":null,"refusal":""}}]})"), &s);
  d->OnEvent(Event(R"({"choices":[{"delta":{"refusal":"I can't "}}]})"), &s);
  d->OnEvent(Event(R"({"choices":[{"delta":{"refusal":"help with that."}}]})"), &s);
  d->OnEvent(Event(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})"), &s);
  CHECK(s.refused);
  CHECK(s.refusal == "I can't help with that.");
  CHECK(s.text.empty());
  CHECK(s.finish == FinishReason::kStop);  // the vendor's stop: HostedProvider decides on `refused`
  StreamState body;
  d->OnJsonBody(R"({"choices":[{"message":{"role":"assistant","content":null,"refusal":"No."},"finish_reason":"stop"}]})",
                &body);
  CHECK(body.refused);
  CHECK(body.refusal == "No.");
  StreamState plain;
  d->OnEvent(Event(R"({"choices":[{"delta":{"content":"ok","refusal":null}}]})"), &plain);
  CHECK_FALSE(plain.refused);
}

TEST_CASE("StreamDecoder.AnthropicReadsARefusalAndCacheCounts") {
  auto d = MakeAnthropicProtocol()->NewDecoder();
  StreamState s;
  d->OnEvent(Event(R"({"type":"message_start","message":{"usage":{"input_tokens":5,"cache_read_input_tokens":0,)"
                   R"("cache_creation_input_tokens":0,"output_tokens":1}}})"), &s);
  d->OnEvent(Event(R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"I won't write that."}})"), &s);
  // Newer API versions repeat the input counts in message_delta (cumulative).
  d->OnEvent(Event(R"({"type":"message_delta","delta":{"stop_reason":"refusal"},"usage":{"input_tokens":5,)"
                   R"("cache_read_input_tokens":1200,"cache_creation_input_tokens":300,"output_tokens":6}})"), &s);
  CHECK(s.refused);
  CHECK(s.text == "I won't write that.");
  CHECK(s.finish == FinishReason::kContentFilter);
  CHECK(s.usage.input_tokens == 1505);
  CHECK(s.usage.cached_input_tokens == 1200);
  CHECK(s.usage.cache_write_tokens == 300);
  CHECK(s.usage.output_tokens == 6);
}
