#include "llm/hosted_provider.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
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
      while (end < out.size() && (std::isalnum(static_cast<unsigned char>(out[end])) || out[end] == '-' || out[end] == '_' || out[end] == '*')) ++end;
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
  return (words.empty() ? model + " refused, without saying why"
                        : model + " refused: \"" + words + "\"") +
         ". Nothing was stored and the call was not retried; reword the brief or choose another model";
}

}  // namespace

struct HostedProvider::Attempt {
  HttpResult http;
  StreamState stream;
  std::string error_body;  // body of a non-2xx reply (capped)
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
  rng_.seed(config_.jitter_seed ? config_.jitter_seed : static_cast<uint64_t>(SystemClock::Instance().NowMonotonicUs()));
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
      if (a.error_body.size() < kMaxErrorBody) a.error_body.append(data, std::min(size, kMaxErrorBody - a.error_body.size()));
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
    if (json_body) decoder->OnJsonBody(raw, &a.stream);
    else if (!a.stream.terminated && sse.HasPartialEvent() && a.stream.error.empty()) {
      a.protocol_error = true;
      a.protocol_detail = "the stream ended in the middle of an event";
    }
  }
  return a;
}

LlmResponse HostedProvider::Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) {
  LlmResponse resp;
  const std::string where = config_.base_url;
  const std::string model = "model '" + config_.model + "'";
  std::string last_problem;
  bool switched_param = false;
  for (int attempt = 1; attempt <= std::max(1, config_.retry.max_attempts); ++attempt) {
    if (cancel.IsCancelled()) {
      resp.finish = FinishReason::kCancelled;
      resp.error = "cancelled";
      return resp;
    }
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

    std::optional<int64_t> retry_after;
    bool retry = false;
    const HttpResult& h = a.http;
    if (h.error == TransportError::kCancelled || cancel.IsCancelled()) {
      resp.finish = FinishReason::kCancelled;
      resp.error = "cancelled";
      return resp;
    }
    if (h.error != TransportError::kNone && h.error != TransportError::kAborted) {
      std::string detail = Redact(h.error_message, config_.api_key);
      switch (h.error) {
        case TransportError::kCors:
          resp.error = "the browser blocked the reply from " + where +
                       " (CORS): that server does not allow requests from this page's origin. Allow the origin on "
                       "the server — for Ollama start it with OLLAMA_ORIGINS set to this page's origin (or '*'); for "
                       "LM Studio turn on 'Enable CORS'; for llama.cpp's server and vLLM put them behind a proxy that "
                       "adds Access-Control-Allow-Origin";
          return resp;
        case TransportError::kOffline:
          last_problem = "this device is offline";
          resp.network_down = true;
          retry = true;
          break;
        case TransportError::kConnect:
          last_problem = WithDetail("could not connect to " + where, detail) + " — is the server running and the base URL right?";
          resp.network_down = true;
          retry = true;
          break;
        case TransportError::kTimeout:
          last_problem = "no complete reply from " + where + " within " + Seconds(config_.timeout_ms);
          retry = true;
          break;
        case TransportError::kIdleTimeout:
          last_problem = where + " went silent mid-reply for " + Seconds(config_.idle_timeout_ms);
          retry = true;
          break;
        default:
          last_problem = WithDetail("the call to " + where + " failed", detail);
          retry = true;
          break;
      }
    } else if (h.status < 200 || h.status >= 300) {
      std::string said = Redact(protocol_->ErrorText(a.error_body), config_.api_key);
      if (said.empty()) said = Redact(std::string(Trim(a.error_body.substr(0, 300))), config_.api_key);
      std::string code = "HTTP " + std::to_string(h.status);
      std::string detail = said.empty() ? code : code + ": " + said;
      if (h.status == 400 && !switched_param && protocol_->Kind() == ProviderKind::kOpenAi && !max_completion_tokens_ &&
          said.find("max_completion_tokens") != std::string::npos) {
        max_completion_tokens_ = true;  // the model wants the newer parameter: same call, at once
        switched_param = true;
        resp.attempt_usage.pop_back();  // not an attempt of its own (and a 400 reports no usage)
        --attempt;
        continue;
      }
      if (IsRetryableStatus(h.status)) {
        retry = true;
        retry_after = ParseRetryAfterMs(FindHeader(h.headers, "retry-after"), SystemClock::Instance().NowUnixMs() / 1000);
        last_problem = (h.status == 429 ? "rate limited by " + where : where + " failed") + " (" + detail + ")";
      } else {
        switch (h.status) {
          case 401:
            resp.error = "the API key was rejected by " + where + " (" + detail + "). Check the key" +
                         (config_.api_key.empty() ? " — none was given" : "") + " (settings, or " +
                         protocol_->KeyEnvironmentVariable() + " for the CLI)";
            break;
          case 403:
            resp.error = where + " refused access to " + model + " (" + detail +
                         "). The key may lack permission for this model, or the account for this region";
            break;
          case 404: {
            std::string lower = ToLower(said);
            if (lower.find("model") != std::string::npos)
              resp.error = model + " not found at " + where + " (" + detail + "). Check the model name in settings";
            else
              resp.error = http.url + " does not exist (" + detail +
                           "). Check the base URL: it usually ends in /v1";
            break;
          }
          case 413:
            resp.error = "the prompt is too large for " + where + " (" + detail +
                         "). Use a model with a larger context, or shorten the brief";
            break;
          default:
            resp.error = "the request was rejected by " + where + " (" + detail + ")";
        }
        return resp;
      }
    } else if (a.protocol_error || (!a.stream.error.empty())) {
      last_problem = a.protocol_error ? "the reply from " + where + " broke off: " + a.protocol_detail
                                      : Redact(a.stream.error, config_.api_key);
      retry = a.protocol_error || a.stream.error_retryable;
      if (!retry) {
        resp.error = last_problem;
        return resp;
      }
    } else if (a.stream.refused) {
      resp.finish = FinishReason::kContentFilter;
      resp.refusal = RefusalWords(a.stream);
      resp.error = RefusalError(model, Redact(resp.refusal, config_.api_key));
      return resp;
    } else if (!a.stream.finish) {
      // Ended at an event boundary but without a stop reason: cut between events.
      last_problem = "the reply from " + where + " ended without its final event (the stream was cut off)";
      retry = true;
    } else if (*a.stream.finish != FinishReason::kStop) {
      resp.finish = *a.stream.finish;
      if (*a.stream.finish == FinishReason::kLength)
        resp.error = model + " stopped at its output limit (" + std::to_string(request.max_tokens) +
                     " tokens) before finishing; raise max tokens in settings or choose a model with a longer output";
      else if (*a.stream.finish == FinishReason::kContentFilter)
        resp.error = model + " refused or was filtered (stop reason '" + a.stream.stop_detail +
                     "'); nothing was stored. Reword the brief or choose another model";
      else
        resp.error = model + " stopped for '" + a.stream.stop_detail + "' instead of finishing the document";
      return resp;
    } else if (a.stream.text.empty()) {
      last_problem = model + " returned an empty reply";
      retry = true;
    } else {
      resp.ok = true;
      resp.finish = FinishReason::kStop;
      resp.text = std::move(a.stream.text);
      resp.error.clear();
      resp.network_down = false;
      return resp;
    }

    if (!retry || attempt == config_.retry.max_attempts) break;
    int64_t wait = BackoffDelayMs(config_.retry, attempt, NextJitter(), retry_after);
    if (on_text)
      on_text("\n\n[attempt " + std::to_string(attempt) + " failed: " + last_problem + "; retrying in " +
              Seconds(wait) + "]\n\n");
    if (!config_.sleep(wait, cancel)) {
      resp.finish = FinishReason::kCancelled;
      resp.error = "cancelled";
      return resp;
    }
  }
  resp.ok = false;
  resp.finish = FinishReason::kError;
  resp.error = last_problem + " — gave up after " + std::to_string(resp.attempts) + " attempt" +
               (resp.attempts == 1 ? "" : "s");
  return resp;
}

}  // namespace specwave
