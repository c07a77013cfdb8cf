#include "platform/web/browser_store.hpp"

#include "store/store_thread.hpp"

namespace specwave::web {

std::unique_ptr<SqliteStore> OpenMemorySqlite(StoreError* error) {
  SqliteOptions options;
  options.path = ":memory:";
  options.journal = JournalMode::kDelete;
  return OpenSqliteStore(options, error);
}

std::unique_ptr<Store> OpenMemoryStore(bool threads) {
  auto open = [](StoreError* error) -> std::unique_ptr<Store> { return OpenMemorySqlite(error); };
  if (!threads) {
    StoreError error;
    return open(&error);
  }
  StoreThread::Options o;
  o.open = open;
  return std::make_unique<StoreThread>(std::move(o));
}

}  // namespace specwave::web
