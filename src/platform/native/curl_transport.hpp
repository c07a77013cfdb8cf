// HttpTransport over libcurl (native builds): streaming bodies, per-call and
// idle-stream timeouts, cancellation through the transfer's progress callback.
#pragma once

#include <memory>

#include "llm/http_transport.hpp"

namespace specwave {

std::unique_ptr<HttpTransport> MakeCurlTransport();

}  // namespace specwave
