#include "platform/native/curl_transport.hpp"

#include <curl/curl.h>

namespace specwave {
namespace {

// Placeholder until the provider work lands (issue #4): reports clearly that
// the native HTTP transport is not available yet.
class CurlTransport final : public HttpTransport {
 public:
  HttpResult Send(const HttpRequest&, const HttpCallbacks&, const CancelToken&) override {
    HttpResult r;
    r.error = TransportError::kOther;
    r.error_message = "native HTTP transport not built yet";
    return r;
  }
};

}  // namespace

std::unique_ptr<HttpTransport> MakeCurlTransport() { return std::make_unique<CurlTransport>(); }

}  // namespace specwave
