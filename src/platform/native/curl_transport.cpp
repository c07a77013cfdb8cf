#include "platform/native/curl_transport.hpp"

#include <curl/curl.h>

#include <chrono>
#include <mutex>

namespace specwave {
namespace {

using SteadyClock = std::chrono::steady_clock;

int64_t MsSince(SteadyClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t).count();
}

// One transfer's state, shared with libcurl's callbacks (which run on the
// calling thread, inside curl_easy_perform).
struct Transfer {
  const HttpRequest* request = nullptr;
  const HttpCallbacks* callbacks = nullptr;
  const CancelToken* cancel = nullptr;
  HttpResult result;
  bool head_delivered = false;
  bool aborted_by_sink = false;
  TransportError abort_reason = TransportError::kNone;
  SteadyClock::time_point start = SteadyClock::now();
  SteadyClock::time_point last_byte = SteadyClock::now();

  void DeliverHead() {
    if (head_delivered) return;
    head_delivered = true;
    if (callbacks->on_head) callbacks->on_head(result.status, result.headers);
  }
};

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string line(data, size * count);
  t->last_byte = SteadyClock::now();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {  // a new status line (after a 100 Continue, say): start over
    t->result.headers.clear();
    size_t sp = line.find(' ');
    t->result.status = sp == std::string::npos ? 0 : std::atoi(line.c_str() + sp + 1);
  } else if (auto colon = line.find(':'); colon != std::string::npos) {
    size_t v = colon + 1;
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
    t->result.headers.emplace_back(line.substr(0, colon), line.substr(v));
  } else if (line.empty() && t->result.status >= 200) {
    t->DeliverHead();  // end of the final response's headers
  }
  return size * count;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  t->last_byte = SteadyClock::now();
  t->DeliverHead();
  if (t->callbacks->on_chunk && !t->callbacks->on_chunk(data, size * count)) {
    t->aborted_by_sink = true;
    return 0;  // CURLE_WRITE_ERROR
  }
  return size * count;
}

// Polled by libcurl (about every second while idle, more often while data
// flows — and at least every CURLOPT_... tick): cancellation and the
// idle-stream timeout, which libcurl has no option for.
int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->cancel->IsCancelled()) {
    t->abort_reason = TransportError::kCancelled;
    return 1;
  }
  int64_t limit = t->head_delivered ? t->request->idle_timeout_ms
                                    : static_cast<int64_t>(t->request->connect_timeout_ms) + t->request->idle_timeout_ms;
  if (limit > 0 && MsSince(t->last_byte) > limit) {
    t->abort_reason = TransportError::kIdleTimeout;
    return 1;
  }
  return 0;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

class CurlTransport final : public HttpTransport {
 public:
  CurlTransport() { GlobalInit(); }

  HttpResult Send(const HttpRequest& request, const HttpCallbacks& callbacks, const CancelToken& cancel) override {
    Transfer t;
    t.request = &request;
    t.callbacks = &callbacks;
    t.cancel = &cancel;
    CURL* curl = curl_easy_init();
    if (!curl) {
      t.result.error = TransportError::kOther;
      t.result.error_message = "libcurl could not start a transfer";
      return t.result;
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip for large prompts
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method != "GET") {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, OnProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout_ms));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout_ms));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM-based DNS timeouts
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "specwave");

    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);

    if (rc == CURLE_OK) {
      t.DeliverHead();
      return t.result;
    }
    // The transport's own words, never the request: libcurl's messages name
    // the host and the failure, not the headers (so never the key).
    std::string detail = error[0] ? error : curl_easy_strerror(rc);
    t.result.error_message = detail;
    switch (rc) {
      case CURLE_ABORTED_BY_CALLBACK:
        t.result.error = t.abort_reason == TransportError::kNone ? TransportError::kCancelled : t.abort_reason;
        if (t.result.error == TransportError::kIdleTimeout)
          t.result.error_message = "no data for " + std::to_string(MsSince(t.last_byte)) + " ms";
        break;
      case CURLE_WRITE_ERROR:
        t.result.error = t.aborted_by_sink ? TransportError::kAborted : TransportError::kOther;
        break;
      case CURLE_COULDNT_CONNECT:
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
        t.result.error = TransportError::kConnect;
        break;
      case CURLE_OPERATION_TIMEDOUT:
        t.result.error = t.head_delivered || t.result.status ? TransportError::kTimeout : TransportError::kConnect;
        if (t.result.error == TransportError::kTimeout && MsSince(t.start) < request.timeout_ms - 50)
          t.result.error = TransportError::kConnect;  // the connect timeout fired, not the whole-call one
        break;
      default:
        t.result.error = TransportError::kOther;  // reset, cut chunked body, TLS failure, ...
    }
    return t.result;
  }
};

}  // namespace

std::unique_ptr<HttpTransport> MakeCurlTransport() { return std::make_unique<CurlTransport>(); }

}  // namespace specwave
