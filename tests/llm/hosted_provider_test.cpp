// The hosted providers (OpenAI and Anthropic protocols) over the real libcurl
// transport against the local test server (tests/support/llm_test_server.py),
// one test per fault: each asserts the outcome — retried and succeeded, or
// failed with the message a person needs — and that nothing partial was
// returned as a finished reply.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "llm/hosted_provider.hpp"
#include "llm/provider_factory.hpp"
#include "llm/response_cache.hpp"
#include "platform/native/curl_transport.hpp"
#include "store/sqlite_store.hpp"
#include "support/llm_test_server.hpp"

using namespace specwave;
using specwave::test::LlmTestServer;

namespace {

const char* kKey = "sk-test-Secret0123456789abcdef";
const std::string kReply =
    "=== FILE: prd.md ===\n# PRD\n\nA reply long enough to arrive in several streamed pieces, so the test can see "
    "chunks as they come and then the whole text at the end.\n";

struct Waits {
  std::mutex mu;
  std::vector<int64_t> ms;
};

std::unique_ptr<HostedProvider> Provider(const std::string& protocol, const LlmTestServer& server, Waits* waits,
                                         std::string model = "test-model") {
  HostedConfig c;
  c.base_url = server.base_url();
  c.model = std::move(model);
  c.api_key = kKey;
  c.timeout_ms = 20000;
  c.idle_timeout_ms = 1500;
  c.connect_timeout_ms = 1000;
  c.retry.max_attempts = 3;
  c.retry.base_delay_ms = 10;
  c.sleep = [waits](int64_t ms, const CancelToken& cancel) {
    {
      std::lock_guard<std::mutex> l(waits->mu);
      waits->ms.push_back(ms);
    }
    return SleepUnlessCancelled(std::min<int64_t>(ms, 20), cancel);  // recorded, not waited out
  };
  auto p = protocol == "openai" ? MakeOpenAiProtocol() : MakeAnthropicProtocol();
  return std::make_unique<HostedProvider>(std::move(p), c, std::shared_ptr<HttpTransport>(MakeCurlTransport()));
}

LlmRequest Request(const std::string& phase = "SPEC_PM") {
  LlmRequest r;
  r.system = "You are the product manager.";
  r.user = "# Your task\n\nPHASE: " + phase + "\n\nProduce this file:\n- prd.md\n";
  r.model = "test-model";
  r.label = phase;
  r.max_tokens = 1000;
  return r;
}

struct Call {
  LlmResponse resp;
  std::vector<std::string> chunks;
};

Call Run(LlmProvider& p, const LlmRequest& r = Request(), CancelToken cancel = {}) {
  Call c;
  c.resp = p.Complete(r, [&](const std::string& s) { c.chunks.push_back(s); }, cancel);
  return c;
}

int Served(LlmTestServer& s, const std::string& kind) {
  int n = 0;
  const nlohmann::json stats = s.Stats();  // kept alive: the loop below iterates into it
  for (const auto& f : stats["faults_served"]) n += f["kind"] == kind;
  return n;
}

}  // namespace

TEST_CASE("HostedProvider.StreamsBothProtocols") {
  LlmTestServer server({"--chunk-size", "16"});
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  for (const char* protocol : {"openai", "anthropic"}) {
    const std::string protocol_name = protocol;
    CAPTURE(protocol_name);
    Waits w;
    auto p = Provider(protocol, server, &w);
    Call c = Run(*p);
    REQUIRE_MESSAGE(c.resp.ok, c.resp.error);
    CHECK(c.resp.text == kReply);
    CHECK(c.resp.finish == FinishReason::kStop);
    CHECK(c.resp.attempts == 1);
    CHECK(c.chunks.size() > 3);  // streamed, not delivered at the end
    CHECK(c.resp.usage.input_tokens > 0);
    CHECK(c.resp.usage.output_tokens > 0);
    auto headers = server.Stats()["last_headers"];
    if (std::string(protocol) == "anthropic") {
      CHECK(headers["anthropic-version"] == "2023-06-01");
      CHECK(headers["x-api-key"] == "<redacted>");
    } else {
      CHECK(headers["authorization"] == "<redacted>");
    }
  }
  CHECK(server.Stats()["requests"] == 2);
}

TEST_CASE("HostedProvider.RateLimitHonoursRetryAfterThenSucceeds") {
  LlmTestServer server;
  for (const char* protocol : {"openai", "anthropic"}) {
    const std::string protocol_name = protocol;
    CAPTURE(protocol_name);
    server.Reset();
    server.Faults(R"([{"label": "SPEC_PM", "kind": "429", "retry_after": "2", "times": 1}])");
    Waits w;
    auto p = Provider(protocol, server, &w);
    Call c = Run(*p);
    REQUIRE_MESSAGE(c.resp.ok, c.resp.error);
    CHECK(c.resp.attempts == 2);
    REQUIRE(w.ms.size() == 1);
    CHECK(w.ms[0] == 2000);  // the server's Retry-After, not our back-off
    CHECK(Served(server, "429") == 1);
  }
}

TEST_CASE("HostedProvider.ServerErrorsBackOffAndRecover") {
  LlmTestServer server;
  for (const char* kind : {"500", "502", "503", "529", "reset"}) {
    const std::string kind_name = kind;
    CAPTURE(kind_name);
    server.Reset();
    server.Faults(std::string(R"([{"label": "*", "kind": ")") + kind + R"(", "times": 2}])");
    Waits w;
    auto p = Provider("openai", server, &w);
    Call c = Run(*p);
    REQUIRE_MESSAGE(c.resp.ok, c.resp.error);
    CHECK(c.resp.attempts == 3);
    REQUIRE(w.ms.size() == 2);
    CHECK(w.ms[0] >= 5);   // base 10 ms, equal jitter: [5, 10]
    CHECK(w.ms[1] >= 10);  // doubled: [10, 20]
  }
}

TEST_CASE("HostedProvider.PersistentServerErrorGivesUpWithACount") {
  LlmTestServer server;
  server.Faults(R"([{"label": "*", "kind": "500", "times": -1}])");
  Waits w;
  auto p = Provider("anthropic", server, &w);
  Call c = Run(*p);
  CHECK_FALSE(c.resp.ok);
  CHECK(c.resp.text.empty());
  CHECK(c.resp.attempts == 3);
  CHECK(c.resp.error.find("HTTP 500") != std::string::npos);
  CHECK(c.resp.error.find("gave up after 3 attempts") != std::string::npos);
  CHECK(server.Stats()["requests"] == 3);
}

TEST_CASE("HostedProvider.BrokenStreamsAreRetriedNeverReturnedAsDone") {
  LlmTestServer server({"--chunk-size", "8"});
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  for (const char* protocol : {"openai", "anthropic"}) {
    for (const char* kind : {"cut", "malformed", "error_event", "empty", "slow_first_byte", "stall"}) {
      const std::string protocol_name = protocol;
      CAPTURE(protocol_name);
      const std::string kind_name = kind;
      CAPTURE(kind_name);
      server.Reset();
      server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
      server.Faults(std::string(R"([{"label": "SPEC_PM", "kind": ")") + kind + R"(", "times": 1, "delay_ms": 4000}])");
      Waits w;
      auto p = Provider(protocol, server, &w);
      Call c = Run(*p);
      REQUIRE_MESSAGE(c.resp.ok, c.resp.error);
      CHECK(c.resp.text == kReply);  // the second attempt's text alone, not the broken one's
      CHECK(c.resp.attempts == 2);
      CHECK(Served(server, kind) == 1);
    }
  }
}

TEST_CASE("HostedProvider.BrokenStreamEveryTimeFailsWithTheReason") {
  LlmTestServer server;
  struct Case {
    const char* kind;
    const char* words;
  } cases[] = {{"cut", "cut off"}, {"malformed", "not JSON"}, {"error_event", "mid-stream"}, {"empty", "empty reply"}};
  for (const auto& k : cases) {
    const std::string kind_name = k.kind;
    CAPTURE(kind_name);
    server.Reset();
    server.Faults(std::string(R"([{"label": "*", "kind": ")") + k.kind + R"(", "times": -1}])");
    Waits w;
    auto p = Provider("openai", server, &w);
    Call c = Run(*p);
    CHECK_FALSE(c.resp.ok);
    CHECK(c.resp.text.empty());
    CHECK_MESSAGE(c.resp.error.find(k.words) != std::string::npos, c.resp.error);
  }
}

TEST_CASE("HostedProvider.LengthAndRefusalStopsFailAtOnce") {
  LlmTestServer server;
  for (const char* protocol : {"openai", "anthropic"}) {
    const std::string protocol_name = protocol;
    CAPTURE(protocol_name);
    server.Reset();
    server.Faults(R"([{"label": "*", "kind": "length", "times": 1}])");
    Waits w;
    auto p = Provider(protocol, server, &w);
    Call c = Run(*p);
    CHECK_FALSE(c.resp.ok);
    CHECK(c.resp.finish == FinishReason::kLength);
    CHECK(c.resp.attempts == 1);
    CHECK(c.resp.text.empty());
    CHECK(c.resp.error.find("output limit (1000 tokens)") != std::string::npos);

    server.Faults(R"([{"label": "*", "kind": "refusal", "times": 1}])");
    c = Run(*p);
    CHECK_FALSE(c.resp.ok);
    CHECK(c.resp.finish == FinishReason::kContentFilter);
    CHECK(c.resp.attempts == 1);
    CHECK(c.resp.error.find("refused") != std::string::npos);
  }
}

// Issue 14.5: OpenAI streams a refusal in delta.refusal and ends with
// finish_reason "stop" (message.refusal when not streamed); Anthropic ends
// with stop_reason "refusal". Read as "an empty reply" a refusal was retried
// and given up on, its words never shown.
TEST_CASE("HostedProvider.RefusalFailsAtOnceWithTheModelsWords") {
  LlmTestServer server;
  const std::string words = "I can't help with writing that document.";
  for (const char* protocol : {"openai", "anthropic"}) {
    for (const char* model : {"test-model", "ignores-stream"}) {  // streamed, then a whole JSON reply
      const std::string protocol_name = protocol, model_name = model;
      CAPTURE(protocol_name);
      CAPTURE(model_name);
      server.Reset();
      server.Faults(nlohmann::json::array({{{"label", "*"}, {"kind", "refusal"}, {"text", words}, {"times", -1}}}).dump());
      Waits w;
      auto p = Provider(protocol, server, &w, model);
      Call c = Run(*p);
      CHECK_FALSE(c.resp.ok);
      CHECK(c.resp.text.empty());
      CHECK(c.resp.finish == FinishReason::kContentFilter);
      CHECK(c.resp.attempts == 1);                // not retried
      CHECK(server.Stats()["requests"] == 1);
      CHECK(w.ms.empty());
      CHECK(c.resp.refusal == words);
      CHECK_MESSAGE(c.resp.error.find("refused: \"" + words + "\"") != std::string::npos, c.resp.error);
      CHECK(c.resp.usage.input_tokens > 0);       // the refused call was billed
    }
  }
}

// Issue 14.5: an attempt that failed after the provider reported usage was
// billed; LlmResponse::usage counts every attempt, attempt_usage each one.
TEST_CASE("HostedProvider.FailedAttemptsCountTheirTokens") {
  LlmTestServer server({"--chunk-size", "8"});
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  const LlmRequest r = Request();
  const int64_t prompt_tokens = static_cast<int64_t>((r.system.size() + r.user.size() + 3) / 4);
  const int64_t reply_tokens = static_cast<int64_t>((kReply.size() + 3) / 4);
  struct Case {
    const char* protocol;
    const char* kind;
    int64_t failed_input;  // what the failed attempt reported
  } cases[] = {{"anthropic", "cut", prompt_tokens},  // message_start came before the cut
               {"openai", "empty", prompt_tokens},   // a complete stream with usage and no text
               {"openai", "cut", 0}};                // OpenAI's usage comes last: nothing reported
  for (const auto& k : cases) {
    const std::string protocol_name = k.protocol, kind_name = k.kind;
    CAPTURE(protocol_name);
    CAPTURE(kind_name);
    server.Reset();
    server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
    server.Faults(std::string(R"([{"label": "SPEC_PM", "kind": ")") + k.kind + R"(", "times": 1}])");
    Waits w;
    auto p = Provider(k.protocol, server, &w);
    Call c = Run(*p, r);
    REQUIRE_MESSAGE(c.resp.ok, c.resp.error);
    REQUIRE(c.resp.attempts == 2);
    REQUIRE(c.resp.attempt_usage.size() == 2);
    CHECK(c.resp.attempt_usage[0].input_tokens == k.failed_input);
    CHECK(c.resp.attempt_usage[1].input_tokens == prompt_tokens);
    CHECK(c.resp.attempt_usage[1].output_tokens == reply_tokens);
    CHECK(c.resp.usage.input_tokens == k.failed_input + prompt_tokens);
  }
  // Every attempt failing: nothing returned, all of it counted.
  server.Reset();
  server.Faults(R"([{"label": "*", "kind": "empty", "times": -1}])");
  Waits w;
  auto p = Provider("anthropic", server, &w);
  Call c = Run(*p, r);
  CHECK_FALSE(c.resp.ok);
  CHECK(c.resp.attempts == 3);
  CHECK(c.resp.usage.input_tokens == 3 * prompt_tokens);
}

namespace {

// A prompt in blocks: a short system block, a long shared block marked as a
// cache breakpoint, then the call's own task.
LlmRequest BlockRequest(const std::string& phase, const std::string& shared) {
  LlmRequest r = Request(phase);
  SetPrompt(&r, {{PromptRole::kSystem, "You write spec documents.\n", true},
                 {PromptRole::kUser, shared, true},
                 {PromptRole::kUser, "# Your task\n\nPHASE: " + phase + "\n\nProduce this file:\n- prd.md\n", false}});
  return r;
}

int64_t Tokens(size_t chars) { return static_cast<int64_t>((chars + 3) / 4); }

}  // namespace

TEST_CASE("HostedProvider.ReportsPromptCacheReadsAndWritesAsTheEngineCountsThem") {
  LlmTestServer server;
  const std::string shared = "# Project brief\n\n" + std::string(6000, 'b') + "\n";  // ~1,500 tokens
  const LlmRequest first = BlockRequest("SPEC_PM", shared), second = BlockRequest("SPEC_ARCHITECT", shared);
  const int64_t prefix = Tokens(first.system.size() + shared.size());
  Waits w;
  auto anthropic = Provider("anthropic", server, &w, "claude-sonnet-4-5");
  Call a = Run(*anthropic, first);
  REQUIRE_MESSAGE(a.resp.ok, a.resp.error);
  // input_tokens is every prompt token (Anthropic's own input_tokens leaves
  // out the cache's part); the write is a part of it.
  CHECK(a.resp.usage.input_tokens == Tokens(first.system.size() + first.user.size()));
  CHECK(a.resp.usage.cache_write_tokens == prefix);
  CHECK(a.resp.usage.cached_input_tokens == 0);
  Call b = Run(*anthropic, second);
  REQUIRE(b.resp.ok);
  CHECK(b.resp.usage.input_tokens == Tokens(second.system.size() + second.user.size()));
  CHECK(b.resp.usage.cached_input_tokens == prefix);
  CHECK(b.resp.usage.cache_write_tokens == 0);

  auto openai = Provider("openai", server, &w, "gpt-4.1-mini");
  Call c = Run(*openai, first);
  REQUIRE(c.resp.ok);
  CHECK(c.resp.usage.cached_input_tokens == 0);
  Call d = Run(*openai, second);
  REQUIRE(d.resp.ok);
  CHECK(d.resp.usage.input_tokens == Tokens(second.system.size() + second.user.size()));
  CHECK(d.resp.usage.cached_input_tokens == prefix / 128 * 128);  // OpenAI's 128-token steps
  CHECK(d.resp.usage.cache_write_tokens == 0);
}

TEST_CASE("HostedProvider.AnthropicMarksAtMostFourBreakpoints") {
  // Eight marked blocks, each long enough: the API refuses more than four
  // cache_control blocks (the test server answers its 400), so the protocol
  // must choose; the prefix still caches.
  LlmTestServer server;
  std::vector<PromptBlock> blocks = {{PromptRole::kSystem, "You write spec documents.\n", true}};
  for (int i = 0; i < 8; ++i) blocks.push_back({PromptRole::kUser, std::string(3000, static_cast<char>('a' + i)), true});
  LlmRequest r = Request();
  blocks.push_back({PromptRole::kUser, r.user, false});
  SetPrompt(&r, blocks);
  Waits w;
  auto p = Provider("anthropic", server, &w, "claude-sonnet-4-5");
  Call first = Run(*p, r);
  REQUIRE_MESSAGE(first.resp.ok, first.resp.error);
  CHECK(first.resp.usage.cache_write_tokens > 0);
  Call again = Run(*p, r);
  REQUIRE(again.resp.ok);
  CHECK(again.resp.usage.cached_input_tokens == Tokens(r.system.size() + r.user.size() - Request().user.size()));
}

TEST_CASE("HostedProvider.ClientErrorsFailAtOnceWithWhatToDo") {
  LlmTestServer server({"--require-key", "sk-the-right-key-0000000000"});
  for (const char* protocol : {"openai", "anthropic"}) {
    const std::string protocol_name = protocol;
    CAPTURE(protocol_name);
    Waits w;
    auto p = Provider(protocol, server, &w);
    Call c = Run(*p);  // wrong key
    CHECK_FALSE(c.resp.ok);
    CHECK(c.resp.attempts == 1);
    CHECK(c.resp.error.find("the API key was rejected by " + server.base_url()) == 0);
    CHECK(c.resp.error.find(kKey) == std::string::npos);
    CHECK(c.resp.error.find("Secret") == std::string::npos);
  }
  LlmTestServer open;
  for (const char* protocol : {"openai", "anthropic"}) {
    const std::string protocol_name = protocol;
    CAPTURE(protocol_name);
    Waits w;
    auto p = Provider(protocol, open, &w, "missing-model");
    Call c = Run(*p);
    CHECK_FALSE(c.resp.ok);
    CHECK(c.resp.attempts == 1);
    CHECK(c.resp.error.find("model 'missing-model' not found at " + open.base_url()) == 0);

    open.Faults(R"([{"label": "*", "kind": "403", "times": 1}])");
    p = Provider(protocol, open, &w);
    c = Run(*p);
    CHECK(c.resp.attempts == 1);
    CHECK(c.resp.error.find("refused access") != std::string::npos);

    open.Faults(R"([{"label": "*", "kind": "400", "times": 1}])");
    c = Run(*p);
    CHECK(c.resp.attempts == 1);
    CHECK(c.resp.error.find("rejected by") != std::string::npos);
  }
  // A base URL that is not an API: 404 without a model in the message.
  HostedConfig c;
  c.base_url = open.origin() + "/not-an-api";
  c.model = "test-model";
  HostedProvider p(MakeOpenAiProtocol(), c, std::shared_ptr<HttpTransport>(MakeCurlTransport()));
  Call call = Run(p);
  CHECK_FALSE(call.resp.ok);
  CHECK(call.resp.error.find("Check the base URL") != std::string::npos);
}

TEST_CASE("HostedProvider.WholeCallTimeoutStopsATricklingStream") {
  // Every piece arrives well inside the idle timeout, but the whole reply
  // would take ~3 s: the per-call timeout (600 ms) ends each attempt.
  LlmTestServer server({"--chunk-size", "8", "--chunk-ms", "150"});
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  for (const char* protocol : {"openai", "anthropic"}) {
    const std::string protocol_name = protocol;
    CAPTURE(protocol_name);
    server.Reset();
    server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
    Waits w;
    HostedConfig c;
    c.base_url = server.base_url();
    c.model = "test-model";
    c.timeout_ms = 600;
    c.idle_timeout_ms = 5000;
    c.retry.max_attempts = 2;
    c.retry.base_delay_ms = 10;
    c.sleep = [&w](int64_t ms, const CancelToken&) {
      w.ms.push_back(ms);
      return true;
    };
    HostedProvider p(std::string(protocol) == "openai" ? MakeOpenAiProtocol() : MakeAnthropicProtocol(), c,
                     std::shared_ptr<HttpTransport>(MakeCurlTransport()));
    std::vector<std::string> chunks;
    LlmResponse r = p.Complete(Request(), [&](const std::string& s) { chunks.push_back(s); }, CancelToken{});
    CHECK_FALSE(r.ok);
    CHECK(r.text.empty());             // the partial stream is not a reply
    CHECK_FALSE(chunks.empty());       // though pieces did arrive before the deadline
    CHECK(r.attempts == 2);            // a timeout is retried, then given up
    CHECK_MESSAGE(r.error.find("no complete reply from " + server.base_url() + " within 0.6 s") != std::string::npos,
                  r.error);
    CHECK(server.Stats()["requests"] == 2);
  }
}

TEST_CASE("HostedProvider.SwitchesToMaxCompletionTokensWhenTheModelAsks") {
  LlmTestServer server;
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  Waits w;
  auto p = Provider("openai", server, &w, "needs-max-completion-tokens");
  Call c = Run(*p);
  REQUIRE_MESSAGE(c.resp.ok, c.resp.error);
  CHECK(c.resp.text == kReply);
  CHECK(server.Stats()["requests"] == 2);  // the refused call, then the same call with the newer parameter
  CHECK(w.ms.empty());                      // at once, no back-off
  // The provider remembers: the next call goes out right the first time.
  c = Run(*p);
  REQUIRE(c.resp.ok);
  CHECK(c.resp.attempts == 1);
  CHECK(server.Stats()["requests"] == 3);
  // A model that accepts max_tokens never sees the newer parameter refused.
  auto plain = Provider("openai", server, &w);
  CHECK(Run(*plain).resp.attempts == 1);
  CHECK(server.Stats()["requests"] == 4);
}

TEST_CASE("HostedProvider.NoServerIsAConnectionErrorAfterRetries") {
  int port;
  {
    LlmTestServer gone;
    port = gone.port();
  }  // stopped: nothing listens there now
  HostedConfig c;
  c.base_url = "http://127.0.0.1:" + std::to_string(port) + "/v1";
  c.model = "m";
  c.retry.max_attempts = 2;
  Waits w;
  c.sleep = [&w](int64_t ms, const CancelToken&) {
    w.ms.push_back(ms);
    return true;
  };
  HostedProvider p(MakeAnthropicProtocol(), c, std::shared_ptr<HttpTransport>(MakeCurlTransport()));
  Call call = Run(p);
  CHECK_FALSE(call.resp.ok);
  CHECK(call.resp.network_down);
  CHECK(call.resp.attempts == 2);
  CHECK(call.resp.error.find("could not connect to " + c.base_url) == 0);
}

TEST_CASE("HostedProvider.CancelStopsAStreamAndABackOff") {
  LlmTestServer server({"--chunk-ms", "50", "--chunk-size", "4"});
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  Waits w;
  auto p = Provider("openai", server, &w);
  CancelToken cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    cancel.Cancel();
  });
  auto t0 = std::chrono::steady_clock::now();
  Call c = Run(*p, Request(), cancel);
  canceller.join();
  CHECK_FALSE(c.resp.ok);
  CHECK(c.resp.finish == FinishReason::kCancelled);
  CHECK(c.resp.text.empty());
  CHECK_FALSE(c.chunks.empty());  // it was streaming when cancelled
  (void)t0;

  // Cancelled while waiting out a Retry-After: the real sleep notices.
  server.Faults(R"([{"label": "*", "kind": "429", "retry_after": "30", "times": 1}])");
  HostedConfig cfg = p->config();
  cfg.sleep = SleepUnlessCancelled;
  HostedProvider real(MakeOpenAiProtocol(), cfg, std::shared_ptr<HttpTransport>(MakeCurlTransport()));
  CancelToken cancel2;
  std::thread c2([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancel2.Cancel();
  });
  Call d = Run(real, Request(), cancel2);
  c2.join();
  CHECK(d.resp.finish == FinishReason::kCancelled);
  CHECK(d.resp.attempts == 1);
}

TEST_CASE("HostedProvider.CallsRunConcurrently") {
  LlmTestServer server({"--latency-ms", "400"});
  Waits w;
  auto p = Provider("anthropic", server, &w);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      if (Run(*p, Request("P" + std::to_string(i))).resp.ok) ++ok;
    });
  for (auto& t : threads) t.join();
  CHECK(ok == 4);
  CHECK(server.Stats()["max_in_flight"].get<int>() >= 2);
}

TEST_CASE("HostedProvider.ResponseCacheAnswersUnchangedPrompts") {
  LlmTestServer server;
  server.Replies(nlohmann::json({{"SPEC_PM", kReply}}).dump());
  StoreError err;
  SqliteOptions o;
  o.path = ":memory:";
  o.journal = JournalMode::kDelete;
  auto store = OpenSqliteStore(o, &err);
  REQUIRE(store);
  HostedSettings s;
  s.kind = ProviderKind::kOpenAi;
  s.model = "test-model";
  s.base_url = server.base_url();
  std::string error;
  auto p = MakeHostedProvider(s, std::shared_ptr<HttpTransport>(MakeCurlTransport()), store.get(), &error);
  REQUIRE(p);
  Call first = Run(*p);
  REQUIRE(first.resp.ok);
  CHECK_FALSE(first.resp.cached);
  Call second = Run(*p);
  REQUIRE(second.resp.ok);
  CHECK(second.resp.cached);
  CHECK(second.resp.text == kReply);
  CHECK(second.resp.usage.input_tokens == 0);  // nothing spent
  CHECK(server.Stats()["requests"] == 1);

  LlmRequest changed = Request();
  changed.user += "one more line\n";
  CHECK_FALSE(Run(*p, changed).resp.cached);
  LlmRequest bypass = Request();
  bypass.bypass_cache = true;
  CHECK_FALSE(Run(*p, bypass).resp.cached);
  CHECK(server.Stats()["requests"] == 3);

  // A failed call is never cached.
  server.Faults(R"([{"label": "*", "kind": "length", "times": 1}])");
  LlmRequest other = Request("SPEC_ARCHITECT");
  CHECK_FALSE(Run(*p, other).resp.ok);
  CHECK_FALSE(Run(*p, other).resp.cached);
}

TEST_CASE("HostedProvider.RedactRemovesKeys") {
  CHECK(Redact("bad key sk-proj-abc123DEF456ghi", "") == "bad key [key]");
  CHECK(Redact("Incorrect API key provided: sk-abc***********xyz9.", "") == "Incorrect API key provided: [key].");
  CHECK(Redact("echo my-own-key-value here", "my-own-key-value") == "echo [key] here");
  CHECK(Redact("task-list", "") == "task-list");
}
