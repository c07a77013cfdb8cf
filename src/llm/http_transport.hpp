// HttpTransport: the one interface the model providers talk through.
// Natively it is libcurl (src/platform/native/curl_transport.cpp); in the
// browser it is fetch() on the main thread with the body stream handed back
// to the calling engine thread (src/platform/web/fetch_transport.cpp). The
// providers above it (SSE parsing, retries, error mapping) are shared code.
//
// Send() blocks the calling (engine) thread until the exchange ends. Callbacks
// run on the calling thread, in order: on_head once, then on_chunk per piece
// of body as it arrives. Returning false from on_chunk aborts the transfer.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/cancel.hpp"

namespace specwave {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive header lookup; empty if absent.
std::string FindHeader(const HttpHeaders& headers, const std::string& name);

struct HttpRequest {
  std::string method = "POST";
  std::string url;
  HttpHeaders headers;
  std::string body;
  int timeout_ms = 300000;       // whole exchange
  int idle_timeout_ms = 60000;   // longest silence between body bytes
  int connect_timeout_ms = 15000;
};

enum class TransportError {
  kNone,
  kConnect,      // could not connect / DNS / refused
  kTimeout,      // whole-call timeout
  kIdleTimeout,  // stream went silent
  kCancelled,
  kCors,         // browser: blocked by CORS (the server did not allow this origin)
  kOffline,      // browser: navigator.onLine is false
  kAborted,      // on_chunk returned false
  kOther,
};
const char* TransportErrorName(TransportError e);

struct HttpResult {
  TransportError error = TransportError::kNone;
  std::string error_message;  // transport detail (never contains request headers)
  int status = 0;             // 0 if no response
  HttpHeaders headers;
};

struct HttpCallbacks {
  std::function<void(int status, const HttpHeaders& headers)> on_head;
  std::function<bool(const char* data, size_t size)> on_chunk;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpResult Send(const HttpRequest& request, const HttpCallbacks& callbacks, const CancelToken& cancel) = 0;
};

}  // namespace specwave
