// A SQLite VFS over OPFS FileSystemSyncAccessHandles (web/lib/specwave_opfs.js),
// for the database thread of the browser build.
//
// Why our own VFS: emscripten 3.1.6's WasmFS has no OPFS backend, and keeping
// SQLite inside our module (rather than the separate sqlite-wasm module) keeps
// one SQL code path for native and web. Sync access handles are opened
// asynchronously once, so the VFS serves a fixed set of files known up front:
// the database and its rollback journal. The journal is never deleted, only
// truncated (journal_mode=TRUNCATE), and the connection holds an exclusive
// lock (locking_mode=EXCLUSIVE) because one tab owns the database at a time.
// Temporary files live in memory.
#pragma once

#include <string>

namespace specwave::web {

inline constexpr const char* kOpfsVfsName = "opfs";
inline constexpr const char* kOpfsDatabaseName = "specwave.db";

// Registers the "opfs" VFS with SQLite (idempotent). Call on the database
// thread after the handles are open.
bool RegisterOpfsVfs();

// The comma-separated file list to open: the database and its journal.
std::string OpfsFileList(const std::string& database_name);

}  // namespace specwave::web
