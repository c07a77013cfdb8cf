#include "llm/http_transport.hpp"

#include "core/text.hpp"

namespace specwave {

std::string FindHeader(const HttpHeaders& headers, const std::string& name) {
  for (const auto& [k, v] : headers)
    if (IEquals(k, name)) return v;
  return "";
}

const char* TransportErrorName(TransportError e) {
  switch (e) {
    case TransportError::kNone: return "none";
    case TransportError::kConnect: return "connect";
    case TransportError::kTimeout: return "timeout";
    case TransportError::kIdleTimeout: return "idle-timeout";
    case TransportError::kCancelled: return "cancelled";
    case TransportError::kCors: return "cors";
    case TransportError::kOffline: return "offline";
    case TransportError::kAborted: return "aborted";
    case TransportError::kOther: return "other";
  }
  return "other";
}

}  // namespace specwave
