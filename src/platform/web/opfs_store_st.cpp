// The single-threaded build has no database thread and so no OPFS store:
// the embed viewer keeps what it shows in memory.
#include "platform/web/browser_store.hpp"

namespace specwave::web {

std::unique_ptr<Store> OpenOpfsStore(const std::string&) { return OpenMemoryStore(false); }

}  // namespace specwave::web
