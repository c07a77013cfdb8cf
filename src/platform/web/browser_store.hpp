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
#include <string>

#include "engine/store_port.hpp"
#include "platform/web/opfs_vfs.hpp"
#include "store/sqlite_store.hpp"

namespace specwave::web {

// SQLite on OPFS through a StoreThread; errors (no OPFS, quota, a damaged
// file, a newer schema) surface through Health() and failed calls. At most
// one per page: the OPFS handles stay with their thread for the page's life.
// The app's database is specwave.db; the browser storage benchmark
// (bench/web/) opens its own files beside it so it never touches a user's.
std::unique_ptr<Store> OpenOpfsStore(const std::string& database_name = kOpfsDatabaseName);

// In-memory SQLite (embed viewer, read-only second tab, no OPFS).
std::unique_ptr<Store> OpenMemoryStore(bool threads);

// The in-memory SQLite database itself, opened on the calling thread (what
// OpenMemoryStore wraps, and what OpenOpfsStore falls back to).
std::unique_ptr<SqliteStore> OpenMemorySqlite(StoreError* error);

}  // namespace specwave::web
