// StoreThread: every call runs on the one store thread (as OPFS needs in the
// browser), from many engine threads at once, with an injectable start-up.
#include "store/store_thread.hpp"

#include <atomic>
#include <set>
#include <thread>

#include "session/session.hpp"
#include "store/project_bundle.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;
using Kind = StoreError::Kind;

namespace {

StoreThread::Options SqliteOn(const std::string& path, std::thread::id* opened_on = nullptr) {
  StoreThread::Options o;
  o.open = [path, opened_on](StoreError* err) -> std::unique_ptr<Store> {
    if (opened_on) *opened_on = std::this_thread::get_id();
    SqliteOptions so;
    so.path = path;
    return OpenSqliteStore(so, err);
  };
  return o;
}

}  // namespace

TEST_CASE("SqliteStore.StoreThreadRunsStartupAndOpenOnItsThread") {
  std::string path = FreshDb("thread_startup");
  std::thread::id startup_on, opened_on;
  StoreThread::Options o = SqliteOn(path, &opened_on);
  o.startup = [&] {
    startup_on = std::this_thread::get_id();
    return StoreError{};
  };
  StoreThread store(std::move(o));
  REQUIRE_FALSE(store.WaitUntilOpen());
  CHECK(startup_on == opened_on);
  CHECK(startup_on != std::this_thread::get_id());
  ProjectRecord p = MakeProject(store);
  AddText(store, p.id, "prd.md", "x\n");
  CHECK(store.ListArtifacts(p.id).size() == 1);
  CHECK_FALSE(store.read_only());
  CHECK_FALSE(store.Health());
}

TEST_CASE("SqliteStore.StoreThreadServesManyThreadsAtOnce") {
  std::string path = FreshDb("thread_concurrent");
  StoreThread store(SqliteOn(path));
  ProjectRecord p = MakeProject(store);
  WorkflowRunRecord run = MakeRun(store, p.id);
  constexpr int kThreads = 8, kEach = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        // Mixed writers and readers, on one shared artifact and one of their own.
        ArtifactVersion v;
        v.project_id = p.id;
        v.artifact = "shared.md";
        v.author = "agent:t" + std::to_string(t);
        v.content = std::to_string(t) + "/" + std::to_string(i);
        if (store.AddVersion(v)) ++failures;
        PhaseRunRecord pr;
        pr.workflow_run_id = run.id;
        pr.phase = "P" + std::to_string(t);
        pr.status = PhaseStatus::kSucceeded;
        if (store.CommitPhase(pr, {{"own" + std::to_string(t) + ".md", std::to_string(i)}}, "agent:x", p.id, "", 0))
          ++failures;
        if (!store.LatestVersion(p.id, "shared.md")) ++failures;
        store.ListArtifacts(p.id);
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  // Version numbers were assigned without gaps or duplicates.
  auto versions = store.ListVersions(p.id, "shared.md");
  REQUIRE(versions.size() == kThreads * kEach);
  for (size_t i = 0; i < versions.size(); ++i) CHECK(versions[i].version == static_cast<int>(i) + 1);
  CHECK(store.ListPhaseRuns(run.id).size() == kThreads * kEach);
  CHECK(store.ListArtifacts(p.id).size() == kThreads + 1);
}

TEST_CASE("SqliteStore.StoreThreadReportsAFailedOpen") {
  std::string path = FreshDb("thread_failed_open");
  RawExec(path, "PRAGMA user_version = 99");
  StoreThread store(SqliteOn(path));
  StoreError err = store.WaitUntilOpen();
  CHECK(err.kind == Kind::kTooNew);
  // Writes return the reason, reads return nothing, Health() says why.
  ProjectRecord p;
  p.name = "x";
  CHECK(store.CreateProject(p).kind == Kind::kTooNew);
  CHECK(store.ListProjects().empty());
  CHECK(store.Health().kind == Kind::kTooNew);

  StoreThread::Options o = SqliteOn(FreshDb("thread_failed_startup"));
  o.startup = [] { return StoreError{Kind::kBusy, "busy: another tab holds the database"}; };
  StoreThread busy(std::move(o));
  CHECK(busy.WaitUntilOpen().message == "busy: another tab holds the database");
  CHECK(busy.CreateProject(p).kind == Kind::kBusy);
}

// The browser's way when its storage fails to open (no OPFS, or no sync
// access handles, as in WebKitGTK): an in-memory store that works and says,
// through the session's banner, that nothing will survive a reload.
TEST_CASE("SqliteStore.InMemoryStandInSaysItIsNotKept") {
  const std::string why = "browser storage (OPFS) is not available: no sync access handles; nothing is kept";
  StoreThread::Options o;
  o.open = [why](StoreError* err) -> std::unique_ptr<Store> {
    SqliteOptions so;
    so.path = ":memory:";
    auto store = OpenSqliteStore(so, err);
    if (store) store->MarkNotKept(why);
    return store;
  };
  StoreThread store(std::move(o));
  REQUIRE_FALSE(store.WaitUntilOpen());
  CHECK(store.NotKeptReason() == why);
  CHECK_FALSE(store.read_only());
  CHECK_FALSE(store.Health());

  Session::Ports ports;
  ports.store = &store;
  Session session(ports);
  session.Drain();
  auto s = session.Snapshot();
  CHECK(s->status->banner == why);
  CHECK(s->status->banner_kind == BannerKind::kWarning);
  CHECK_FALSE(s->status->read_only);
  ProjectRecord p = MakeProject(store);  // writable: the person can work, and export
  CHECK(store.GetProject(p.id).has_value());
}

TEST_CASE("SqliteStore.StoreThreadWithACustomSpawnThatStartsLater") {
  // As in the browser: the body runs only once the (simulated) asynchronous
  // OPFS open completes; calls made before then wait in the queue.
  std::string path = FreshDb("thread_spawn");
  std::function<void()> body;
  StoreThread::Options o = SqliteOn(path);
  o.spawn = [&](std::function<void()> b) { body = std::move(b); };
  auto store = std::make_unique<StoreThread>(std::move(o));
  REQUIRE(body);
  std::atomic<bool> done{false};
  int64_t id = 0;
  std::thread caller([&] {
    ProjectRecord p;
    p.name = "queued before open";
    if (!store->CreateProject(p)) id = p.id;
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(done);                       // still queued: nothing serves calls yet
  std::thread db_thread([&] { body(); });  // "handles ready": the body runs here
  caller.join();
  CHECK(id > 0);
  CHECK(store->GetProject(id)->name == "queued before open");
  store.reset();  // stops the body, which closes the store on db_thread
  db_thread.join();

  // Destroyed before the body ever ran: the body must then do nothing.
  std::function<void()> never;
  StoreThread::Options o2 = SqliteOn(FreshDb("thread_spawn_never"));
  o2.spawn = [&](std::function<void()> b) { never = std::move(b); };
  { StoreThread unused(std::move(o2)); }
  never();  // returns at once
}

TEST_CASE("SqliteStore.ExportAndImportThroughStoreThread") {
  StoreThread store(SqliteOn(FreshDb("thread_bundle")));
  ProjectRecord p = MakeProject(store);
  AddText(store, p.id, "prd.md", "# PRD\n");
  std::string name, content, error;
  REQUIRE(ExportBundleToString(store, p.id, &name, &content, &error));
  int64_t id = 0;
  REQUIRE(ImportBundleFromString(store, content, &id, &error));
  CHECK(store.LatestVersion(id, "prd.md")->sha256 == store.LatestVersion(p.id, "prd.md")->sha256);
}
