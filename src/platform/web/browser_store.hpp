// The browser's store: SQLite on OPFS, owned by one database pthread.
//
// The thread is started from the main thread; it asks JS to open the OPFS
// sync access handles (asynchronous, once), returns to its event loop, and
// when the handles are ready it registers the OPFS VFS and becomes the
// StoreThread's thread for good (every later file access is synchronous).
//
// One tab owns the database (web/app.js holds a Web Lock); another tab opens
// an in-memory store instead and shows a read-only snapshot.
#pragma once

#include <memory>

#include "engine/store_port.hpp"

namespace specwave::web {

// SQLite on OPFS through a StoreThread; errors (no OPFS, quota, a damaged
// file, a newer schema) surface through Health() and failed calls.
std::unique_ptr<Store> OpenOpfsStore();

// In-memory SQLite (embed viewer, read-only second tab, no OPFS).
std::unique_ptr<Store> OpenMemoryStore(bool threads);

}  // namespace specwave::web
