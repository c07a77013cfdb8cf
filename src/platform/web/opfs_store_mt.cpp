// OpenOpfsStore for the threaded build (see browser_store.hpp for the why).
#include <emscripten.h>
#include <pthread.h>

#include <functional>
#include <string>

#include "platform/web/browser_store.hpp"
#include "platform/web/opfs_vfs.hpp"
#include "store/salvage.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_thread.hpp"

extern "C" void specwave_opfs_open_async(const char* names);

namespace specwave::web {
namespace {

// Handed from the main thread to the database thread.
struct DbThreadStart {
  std::function<void()> body;
  std::string files;  // OpfsFileList of the database
};

DbThreadStart* g_start = nullptr;
// How opening the OPFS files ended (web/lib/specwave_opfs.js reports it by
// these numbers), and the browser's words when they could not be opened.
// Written on the database thread before body() runs.
enum class OpfsOpenOutcome { kUnavailable = 0, kOpened = 1, kBusy = 2 };
OpfsOpenOutcome g_open_outcome = OpfsOpenOutcome::kOpened;
std::string g_open_error;

void* DbThreadMain(void* arg) {
  g_start = static_cast<DbThreadStart*>(arg);
  specwave_opfs_open_async(g_start->files.c_str());
  // Back to this worker's event loop so the OPFS promises can resolve; the
  // thread stays alive and continues in specwave_opfs_ready.
  emscripten_exit_with_live_runtime();
  return nullptr;
}

}  // namespace

std::unique_ptr<Store> OpenOpfsStore(const std::string& database_name) {
  StoreThread::Options o;
  o.spawn = [files = OpfsFileList(database_name)](std::function<void()> body) {
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&thread, &attr, DbThreadMain, new DbThreadStart{std::move(body), files});
    pthread_attr_destroy(&attr);
  };
  o.open = [database_name](StoreError* error) -> std::unique_ptr<Store> {
    if (g_open_outcome == OpfsOpenOutcome::kBusy) {
      error->kind = StoreError::Kind::kBusy;
      error->message = "another tab owns this browser's Specwave database; this tab is read-only";
      return nullptr;
    }
    if (g_open_outcome == OpfsOpenOutcome::kUnavailable) {
      // No usable browser storage (a private window, or a browser without
      // OPFS sync access handles, such as WebKitGTK): the app still works on
      // an in-memory database and says, in its banner, that nothing is kept.
      auto store = OpenMemorySqlite(error);
      std::string why = g_open_error;
      while (!why.empty() && (why.back() == '.' || why.back() == ' ')) why.pop_back();
      if (store)
        store->MarkNotKept("browser storage (OPFS) is not available here (" + why +
                           "): this project lives in memory only and is lost on reload; export it "
                           "(Projects > Export) to keep it");
      return store;
    }
    if (!RegisterOpfsVfs()) {
      error->kind = StoreError::Kind::kIo;
      error->message = "could not register the OPFS storage layer";
      return nullptr;
    }
    auto store = OpenSqliteStore(SqliteOptions::ForBrowser(database_name, kOpfsVfsName), error);
    if (!store && error->kind == StoreError::Kind::kTooNew) {
      // Written by a newer Specwave (another tab on a newer build, or a
      // rollback): show it read-only rather than nothing; the store says why.
      SqliteOptions ro = SqliteOptions::ForBrowser(database_name, kOpfsVfsName);
      ro.read_only = true;
      StoreError second;
      store = OpenSqliteStore(ro, &second);
      if (store) *error = {};
    }
    if (!store && error->kind == StoreError::Kind::kCorrupt) {
      // A damaged file: show what can still be read, read-only, and leave the
      // file as it is. The way out is in the page (web/app.js).
      StoreError rescue;
      if (auto copy = OpenRescuedCopy(database_name, kOpfsVfsName,
                                      "Export each project (Projects > Export), then open this page with "
                                      "?new-database=1 to start a new database; the damaged file is kept "
                                      "beside it in this browser's storage",
                                      &rescue)) {
        *error = {};
        return copy;
      }
      // Nothing readable (garbage, or the tables themselves destroyed): the
      // page's way out still applies.
      error->message = "the database file is damaged and nothing could be read from it (" + rescue.message +
                       "). Open this page with ?new-database=1 to start a new database; the damaged file is kept "
                       "beside it in this browser's storage";
    }
    return store;
  };
  return std::make_unique<StoreThread>(std::move(o));
}

}  // namespace specwave::web

// Called by web/lib/specwave_opfs.js on the database thread when the OPFS
// handles are open or could not be opened (outcome: OpfsOpenOutcome).
extern "C" EMSCRIPTEN_KEEPALIVE void specwave_opfs_ready(int outcome, const char* message) {
  using namespace specwave::web;
  g_open_outcome = outcome == 1 ? OpfsOpenOutcome::kOpened
                   : outcome == 2 ? OpfsOpenOutcome::kBusy
                                  : OpfsOpenOutcome::kUnavailable;
  if (g_open_outcome != OpfsOpenOutcome::kOpened) g_open_error = message && *message ? message : "unknown error";
  DbThreadStart* start = g_start;
  g_start = nullptr;
  if (!start) return;
  start->body();  // serves the store until it is destroyed
  delete start;
}
