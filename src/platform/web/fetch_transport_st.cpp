// The single-threaded build is the read-only embed viewer: it never calls a
// model (a blocking call would freeze the page), so it has no transport.
#include "platform/web/fetch_transport.hpp"

namespace specwave::web {

std::unique_ptr<HttpTransport> MakeFetchTransport() { return nullptr; }

}  // namespace specwave::web
