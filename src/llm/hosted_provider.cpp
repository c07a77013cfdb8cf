#include "llm/hosted_provider.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace specwave {

bool SleepUnlessCancelled(int64_t ms, const CancelToken& cancel) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < until) {
    if (cancel.IsCancelled()) return false;
    auto left = until - std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(50)));
  }
  return !cancel.IsCancelled();
}

std::string Redact(const std::string& text, const std::string& api_key) {
  std::string out = text;
  if (api_key.size() >= 4)
    for (size_t pos; (pos = out.find(api_key)) != std::string::npos;) out.replace(pos, api_key.size(), "[key]");
  // Servers echo keys partly masked ("sk-proj-abc***...xyz"): drop anything
  // shaped like a vendor key, masked or not.
  for (const char* prefix : {"sk-", "sk_", "key-"}) {
    size_t pos = 0;
    while ((pos = out.find(prefix, pos)) != std::string::npos) {
      size_t end = pos + std::char_traits<char>::length(prefix);
      while (end < out.size() && (std::isalnum(static_cast<unsigned char>(out[end])) || out[end] == '-' ||
                                  out[end] == '_' || out[end] == '*'))
        ++end;
      if (end - pos >= 10) {
        out.replace(pos, end - pos, "[key]");
        pos += 5;
      } else {
        pos = end;
      }
    }
  }
  return out;
}

namespace {

constexpr size_t kMaxErrorBody = 64 * 1024;

std::string Seconds(int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000.0);
  return buf;
}

std::string WithDetail(const std::string& head, const std::string& detail) {
  return detail.empty() ? head : head + ": " + detail;
}

// A refusal is the model's answer to this prompt: asking again would be
// refused again (and paid again), so it fails at once with the model's words.
std::string RefusalWords(const StreamState& s) {
  std::string words(Trim(s.refusal.empty() ? s.text : s.refusal));
  constexpr size_t kMaxWords = 600;
  if (words.size() > kMaxWords) words = words.substr(0, kMaxWords) + "…";
  return words;
}

std::string RefusalError(const std::string& model, const std::string& words) {
  return (words.empty() ? model + " refused, without saying why" : model + " refused: \"" + words + "\"") +
         ". Nothing was stored and the call was not retried; reword the brief or choose another model";
}

}  // namespace

struct HostedProvider::Attempt {
  HttpResult http;
  StreamState stream;
  std::string error_body;       // body of a non-2xx reply (capped)
  bool protocol_error = false;  // a stream that broke the protocol (cut, overflow)
  std::string protocol_detail;
};

HostedProvider::HostedProvider(std::unique_ptr<WireProtocol> protocol, HostedConfig config,
                               std::shared_ptr<HttpTransport> transport)
    : protocol_(std::move(protocol)), config_(std::move(config)), transport_(std::move(transport)) {
  if (config_.base_url.empty()) config_.base_url = protocol_->DefaultBaseUrl();
  while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
  if (!config_.sleep) config_.sleep = SleepUnlessCancelled;
  max_completion_tokens_ = config_.max_completion_tokens;
  rng_.seed(config_.jitter_seed ? config_.jitter_seed
                                : static_cast<uint64_t>(SystemClock::Instance().NowMonotonicUs()));
}

double HostedProvider::NextJitter() {
  std::lock_guard<std::mutex> lock(rng_mu_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
}

HostedProvider::Attempt HostedProvider::RunAttempt(const HttpRequest& http, const TextSink& on_text,
                                                   const CancelToken& cancel) const {
  Attempt a;
  SseParser sse;
  auto decoder = protocol_->NewDecoder();
  bool json_body = false;
  std::string raw;
  HttpCallbacks cb;
  cb.on_head = [&](int status, const HttpHeaders& headers) {
    a.http.status = status;
    json_body = ToLower(FindHeader(headers, "content-type")).find("application/json") != std::string::npos;
  };
  cb.on_chunk = [&](const char* data, size_t size) {
    if (a.http.status < 200 || a.http.status >= 300) {
      if (a.error_body.size() < kMaxErrorBody)
        a.error_body.append(data, std::min(size, kMaxErrorBody - a.error_body.size()));
      return true;
    }
    if (json_body) {
      raw.append(data, size);
      return raw.size() < SseParser::kMaxLine;
    }
    sse.Feed(std::string_view(data, size), [&](const SseEvent& e) {
      if (!a.stream.error.empty() || a.stream.terminated) return;
      std::string added = decoder->OnEvent(e, &a.stream);
      if (!added.empty() && on_text) on_text(added);
    });
    if (sse.overflowed()) {
      a.protocol_error = true;
      a.protocol_detail = "an event line longer than 16 MB";
      return false;
    }
    // An error event ends the exchange: stop reading.
    return a.stream.error.empty();
  };
  a.http = transport_->Send(http, cb, cancel);
  if (a.http.error == TransportError::kNone && a.http.status >= 200 && a.http.status < 300) {
    if (json_body)
      decoder->OnJsonBody(raw, &a.stream);
    else if (!a.stream.terminated && sse.HasPartialEvent() && a.stream.error.empty()) {
      a.protocol_error = true;
      a.protocol_detail = "the stream ended in the middle of an event";
    }
  }
  return a;
}

// One attempt's meaning. kDone and kFail end the call (the response is
// filled in); kRetry waits and tries again; kSwitchParam repeats the same
// attempt with max_completion_tokens.
struct HostedProvider::Verdict {
  enum class Kind { kDone, kFail, kRetry, kSwitchParam };
  Kind kind = Kind::kFail;
  FinishReason finish = FinishReason::kError;
  std::string text;     // kDone: the reply
  std::string error;    // kFail: what to tell the person; kRetry: the problem
  std::string refusal;  // kFail on a refusal: the model's words
  bool network_down = false;
  std::optional<int64_t> retry_after_ms;

  static Verdict Fail(std::string why, FinishReason f = FinishReason::kError) {
    Verdict v;
    v.error = std::move(why);
    v.finish = f;
    return v;
  }
  static Verdict Retry(std::string problem, bool network_down = false) {
    Verdict v;
    v.kind = Kind::kRetry;
    v.error = std::move(problem);
    v.network_down = network_down;
    return v;
  }
};

HostedProvider::Verdict HostedProvider::JudgeTransportError(const HttpResult& h) const {
  const std::string& where = config_.base_url;
  std::string detail = Redact(h.error_message, config_.api_key);
  switch (h.error) {
    case TransportError::kCors:
      return Verdict::Fail("the browser blocked the reply from " + where +
                           " (CORS): that server does not allow requests from this page's origin. Allow the origin on "
                           "the server — for Ollama start it with OLLAMA_ORIGINS set to this page's origin (or '*'); "
                           "for LM Studio turn on 'Enable CORS'; for llama.cpp's server and vLLM put them behind a "
                           "proxy that adds Access-Control-Allow-Origin");
    case TransportError::kOffline:
      return Verdict::Retry("this device is offline", true);
    case TransportError::kConnect:
      return Verdict::Retry(
          WithDetail("could not connect to " + where, detail) + " — is the server running and the base URL right?",
          true);
    case TransportError::kTimeout:
      return Verdict::Retry("no complete reply from " + where + " within " + Seconds(config_.timeout_ms));
    case TransportError::kIdleTimeout:
      return Verdict::Retry(where + " went silent mid-reply for " + Seconds(config_.idle_timeout_ms));
    default:
      return Verdict::Retry(WithDetail("the call to " + where + " failed", detail));
  }
}

HostedProvider::Verdict HostedProvider::JudgeStatus(const Attempt& a, const HttpRequest& http, bool may_switch_param) {
  const std::string& where = config_.base_url;
  const std::string model = "model '" + config_.model + "'";
  const int status = a.http.status;
  std::string said = Redact(protocol_->ErrorText(a.error_body), config_.api_key);
  if (said.empty()) said = Redact(std::string(Trim(a.error_body.substr(0, 300))), config_.api_key);
  const std::string code = "HTTP " + std::to_string(status);
  const std::string detail = said.empty() ? code : code + ": " + said;
  if (status == 400 && may_switch_param && protocol_->Kind() == ProviderKind::kOpenAi && !max_completion_tokens_ &&
      said.find("max_completion_tokens") != std::string::npos) {
    Verdict v;
    v.kind = Verdict::Kind::kSwitchParam;
    return v;
  }
  if (IsRetryableStatus(status)) {
    Verdict v = Verdict::Retry((status == 429 ? "rate limited by " + where : where + " failed") + " (" + detail + ")");
    v.retry_after_ms =
        ParseRetryAfterMs(FindHeader(a.http.headers, "retry-after"), SystemClock::Instance().NowUnixMs() / 1000);
    return v;
  }
  switch (status) {
    case 401:
      return Verdict::Fail("the API key was rejected by " + where + " (" + detail + "). Check the key" +
                           (config_.api_key.empty() ? " — none was given" : "") + " (settings, or " +
                           protocol_->KeyEnvironmentVariable() + " for the CLI)");
    case 403:
      return Verdict::Fail(where + " refused access to " + model + " (" + detail +
                           "). The key may lack permission for this model, or the account for this region");
    case 404:
      if (ToLower(said).find("model") != std::string::npos)
        return Verdict::Fail(model + " not found at " + where + " (" + detail + "). Check the model name in settings");
      return Verdict::Fail(http.url + " does not exist (" + detail + "). Check the base URL: it usually ends in /v1");
    case 413:
      return Verdict::Fail("the prompt is too large for " + where + " (" + detail +
                           "). Use a model with a larger context, or shorten the brief");
    default:
      return Verdict::Fail("the request was rejected by " + where + " (" + detail + ")");
  }
}

// A 2xx reply: how its stream ended.
HostedProvider::Verdict HostedProvider::JudgeStream(Attempt& a, const LlmRequest& request) const {
  const std::string& where = config_.base_url;
  const std::string model = "model '" + config_.model + "'";
  if (a.protocol_error || !a.stream.error.empty()) {
    std::string problem = a.protocol_error ? "the reply from " + where + " broke off: " + a.protocol_detail
                                           : Redact(a.stream.error, config_.api_key);
    return a.protocol_error || a.stream.error_retryable ? Verdict::Retry(problem) : Verdict::Fail(problem);
  }
  if (a.stream.refused) {
    Verdict v = Verdict::Fail("", FinishReason::kContentFilter);
    v.refusal = RefusalWords(a.stream);
    v.error = RefusalError(model, Redact(v.refusal, config_.api_key));
    return v;
  }
  // Ended at an event boundary but without a stop reason: cut between events.
  if (!a.stream.finish)
    return Verdict::Retry("the reply from " + where + " ended without its final event (the stream was cut off)");
  if (*a.stream.finish != FinishReason::kStop) {
    const FinishReason f = *a.stream.finish;
    if (f == FinishReason::kLength)
      return Verdict::Fail(model + " stopped at its output limit (" + std::to_string(request.max_tokens) +
                               " tokens) before finishing; raise max tokens in settings or choose a model with a "
                               "longer output",
                           f);
    if (f == FinishReason::kContentFilter)
      return Verdict::Fail(model + " refused or was filtered (stop reason '" + a.stream.stop_detail +
                               "'); nothing was stored. Reword the brief or choose another model",
                           f);
    return Verdict::Fail(model + " stopped for '" + a.stream.stop_detail + "' instead of finishing the document", f);
  }
  if (a.stream.text.empty()) return Verdict::Retry(model + " returned an empty reply");
  Verdict v;
  v.kind = Verdict::Kind::kDone;
  v.finish = FinishReason::kStop;
  v.text = std::move(a.stream.text);
  return v;
}

HostedProvider::Verdict HostedProvider::Judge(Attempt& a, const HttpRequest& http, const LlmRequest& request,
                                              bool may_switch_param) {
  if (a.http.error != TransportError::kNone && a.http.error != TransportError::kAborted)
    return JudgeTransportError(a.http);
  if (a.http.status < 200 || a.http.status >= 300) return JudgeStatus(a, http, may_switch_param);
  return JudgeStream(a, request);
}

LlmResponse HostedProvider::Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) {
  LlmResponse resp;
  auto cancelled = [&] {
    resp.finish = FinishReason::kCancelled;
    resp.error = "cancelled";
    return resp;
  };
  std::string last_problem;
  bool switched_param = false;
  const int max_attempts = std::max(1, config_.retry.max_attempts);
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    if (cancel.IsCancelled()) return cancelled();
    HostedConfig cfg = config_;
    cfg.max_completion_tokens = max_completion_tokens_.load();
    HttpRequest http = protocol_->BuildRequest(cfg, request);
    http.timeout_ms = config_.timeout_ms;
    http.idle_timeout_ms = config_.idle_timeout_ms;
    http.connect_timeout_ms = config_.connect_timeout_ms;
    resp.attempts = attempt;
    Attempt a = RunAttempt(http, on_text, cancel);
    // Whatever the provider reported for this attempt was billed, whether or
    // not the attempt gave a reply: counted before any outcome is decided.
    resp.attempt_usage.push_back(a.stream.usage);
    resp.usage += a.stream.usage;
    if (a.http.error == TransportError::kCancelled || cancel.IsCancelled()) return cancelled();

    Verdict v = Judge(a, http, request, !switched_param);
    switch (v.kind) {
      case Verdict::Kind::kSwitchParam:
        max_completion_tokens_ = true;  // the model wants the newer parameter: same call, at once
        switched_param = true;
        resp.attempt_usage.pop_back();  // not an attempt of its own (and a 400 reports no usage)
        --attempt;
        continue;
      case Verdict::Kind::kDone:
        resp.ok = true;
        resp.finish = FinishReason::kStop;
        resp.text = std::move(v.text);
        resp.network_down = false;
        return resp;
      case Verdict::Kind::kFail:
        resp.finish = v.finish;
        resp.error = std::move(v.error);
        resp.refusal = std::move(v.refusal);
        return resp;
      case Verdict::Kind::kRetry:
        break;
    }
    last_problem = v.error;
    resp.network_down = resp.network_down || v.network_down;
    if (attempt == max_attempts) break;
    int64_t wait = BackoffDelayMs(config_.retry, attempt, NextJitter(), v.retry_after_ms);
    if (on_text)
      on_text("\n\n[attempt " + std::to_string(attempt) + " failed: " + last_problem + "; retrying in " +
              Seconds(wait) + "]\n\n");
    if (!config_.sleep(wait, cancel)) return cancelled();
  }
  resp.ok = false;
  resp.finish = FinishReason::kError;
  resp.error =
      last_problem + " — gave up after " + std::to_string(resp.attempts) + " attempt" + (resp.attempts == 1 ? "" : "s");
  return resp;
}

}  // namespace specwave
