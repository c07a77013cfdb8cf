// Projects, artifacts, versions and stale marks through the Store API.
#include "core/sha256.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;
using Kind = StoreError::Kind;

namespace {

std::unique_ptr<SqliteStore> OpenWithClock(const std::string& name, FakeClock* clock) {
  SqliteOptions o;
  o.path = FreshDb(name);
  o.clock = clock;
  return OpenOrFail(o);
}

}  // namespace

TEST_CASE("SqliteStore.CreatesListsUpdatesAndDeletesProjects") {
  FakeClock clock;
  auto store = OpenWithClock("projects_crud", &clock);
  ProjectRecord a = MakeProject(*store, "Alpha");
  clock.now_ms += 1000;
  ProjectRecord b = MakeProject(*store, "Beta");
  CHECK(a.id > 0);
  CHECK(b.id != a.id);
  CHECK(a.created_at == 1'700'000'000'000);
  CHECK(b.created_at == a.created_at + 1000);

  auto all = store->ListProjects();
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "Alpha");
  CHECK(all[1].name == "Beta");

  auto got = store->GetProject(a.id);
  REQUIRE(got);
  CHECK(got->brief == a.brief);
  CHECK(got->workflow_yaml == a.workflow_yaml);
  CHECK(got->workflow_name == "default");
  CHECK(got->settings_json == R"({"model":"m","provider":"offline"})");

  clock.now_ms += 5000;
  got->name = "Alpha 2";
  got->brief = "new brief";
  CHECK_FALSE(store->UpdateProject(*got));
  auto updated = store->GetProject(a.id);
  CHECK(updated->name == "Alpha 2");
  CHECK(updated->brief == "new brief");
  CHECK(updated->updated_at == clock.now_ms);
  CHECK(updated->created_at == a.created_at);

  CHECK_FALSE(store->DeleteProject(b.id));
  CHECK_FALSE(store->GetProject(b.id));
  CHECK(store->DeleteProject(b.id).kind == Kind::kNotFound);
  ProjectRecord missing;
  missing.id = 999;
  missing.name = "x";
  CHECK(store->UpdateProject(missing).kind == Kind::kNotFound);
  CHECK_FALSE(store->GetProject(999));
}

TEST_CASE("SqliteStore.RefusesProjectsWithoutNameOrWithBadSettings") {
  auto store = OpenOrFail(FreshDb("projects_invalid"));
  ProjectRecord p;
  CHECK(store->CreateProject(p).kind == Kind::kInvalid);
  p.name = "x";
  p.settings_json = "{not json";
  CHECK(store->CreateProject(p).kind == Kind::kInvalid);
  p.settings_json = "";  // empty means no settings
  CHECK_FALSE(store->CreateProject(p));
  CHECK(store->GetProject(p.id)->settings_json == "{}");
}

TEST_CASE("SqliteStore.NeverStoresAKeyInSettings") {
  auto store = OpenOrFail(FreshDb("projects_no_key"));
  ProjectRecord p;
  p.name = "x";
  p.settings_json = R"({"provider":"openai","api_key":"sk-PLANTED-0123456789abcdef","max_tokens":512,
                        "nested":{"apiKey":"k","token":"t","base_url":"https://x"}})";
  REQUIRE_FALSE(store->CreateProject(p));
  std::string stored = store->GetProject(p.id)->settings_json;
  CHECK(stored.find("PLANTED") == std::string::npos);
  CHECK(stored.find("apiKey") == std::string::npos);
  CHECK(stored.find("\"token\"") == std::string::npos);
  CHECK(stored.find("max_tokens") != std::string::npos);  // a count, not a credential
  CHECK(stored.find("base_url") != std::string::npos);
}

TEST_CASE("SqliteStore.AddVersionNumbersHashesAndTimestamps") {
  FakeClock clock;
  auto store = OpenWithClock("versions_add", &clock);
  ProjectRecord p = MakeProject(*store);
  ArtifactVersion v1 = AddText(*store, p.id, "prd.md", "# PRD\none\n", "agent:product_manager");
  clock.now_ms += 10;
  ArtifactVersion v2 = AddText(*store, p.id, "prd.md", "# PRD\ntwo\n");
  ArtifactVersion other = AddText(*store, p.id, "architecture.md", "# Arch\n", "agent:architect");
  CHECK(v1.version == 1);
  CHECK(v2.version == 2);
  CHECK(other.version == 1);
  CHECK(v1.sha256 == Sha256Hex("# PRD\none\n"));
  CHECK(v2.created_at == v1.created_at + 10);
  CHECK(v1.id > 0);

  auto latest = store->LatestVersion(p.id, "prd.md");
  REQUIRE(latest);
  CHECK(latest->id == v2.id);
  CHECK(latest->content == "# PRD\ntwo\n");
  CHECK(latest->author == "user");
  CHECK(latest->project_id == p.id);
  CHECK(latest->artifact == "prd.md");

  auto got = store->GetVersion(v1.id);
  REQUIRE(got);
  CHECK(got->author == "agent:product_manager");
  CHECK(got->version == 1);
  CHECK_FALSE(store->GetVersion(987654));
  CHECK_FALSE(store->LatestVersion(p.id, "nope.md"));

  auto versions = store->ListVersions(p.id, "prd.md");
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].version == 1);
  CHECK(versions[1].version == 2);

  auto states = store->ListArtifacts(p.id);
  REQUIRE(states.size() == 2);
  CHECK(states[0].artifact == "architecture.md");
  CHECK(states[1].artifact == "prd.md");
  CHECK(states[1].latest_version == 2);
  CHECK(states[1].latest_version_id == v2.id);
  CHECK(states[1].sha256 == v2.sha256);
  CHECK(states[1].author == "user");
  CHECK(states[1].updated_at == v2.created_at);
}

TEST_CASE("SqliteStore.AddVersionRefusesBadInput") {
  auto store = OpenOrFail(FreshDb("versions_invalid"));
  ProjectRecord p = MakeProject(*store);
  ArtifactVersion v;
  v.project_id = p.id;
  v.content = "x";
  v.author = "user";
  for (const char* bad : {"", "../etc/passwd", "/abs.md", "a//b.md", "a\\b.md", "x/./y.md"}) {
    v.artifact = bad;
    CHECK_MESSAGE(store->AddVersion(v).kind == Kind::kInvalid, bad);
  }
  v.artifact = "features/auth.md";  // sub-folders are fine
  CHECK_FALSE(store->AddVersion(v));
  v.author = "robot";
  CHECK(store->AddVersion(v).kind == Kind::kInvalid);
  v.author = "agent:";
  CHECK(store->AddVersion(v).kind == Kind::kInvalid);
  v.author = "user";
  v.project_id = 777;
  CHECK(store->AddVersion(v).kind == Kind::kNotFound);
  // Nothing of the refused calls was stored.
  CHECK(store->ListArtifacts(p.id).size() == 1);
}

TEST_CASE("SqliteStore.StaleMarksAndAddVersionClearsThem") {
  auto store = OpenOrFail(FreshDb("versions_stale"));
  ProjectRecord p = MakeProject(*store);
  AddText(*store, p.id, "architecture.md", "a\n");
  CHECK_FALSE(store->MarkStale(p.id, "architecture.md", "PRD > Features changed (a1b2→c3d4)"));
  CHECK(store->ListArtifacts(p.id)[0].stale_reason == "PRD > Features changed (a1b2→c3d4)");
  CHECK(store->MarkStale(p.id, "missing.md", "x").kind == Kind::kNotFound);
  CHECK(store->MarkStale(p.id, "architecture.md", "").kind == Kind::kInvalid);

  AddText(*store, p.id, "architecture.md", "b\n");
  CHECK(store->ListArtifacts(p.id)[0].stale_reason.empty());

  CHECK_FALSE(store->MarkStale(p.id, "architecture.md", "again"));
  CHECK_FALSE(store->ClearStale(p.id, "architecture.md"));
  CHECK(store->ListArtifacts(p.id)[0].stale_reason.empty());
  CHECK(store->ClearStale(p.id, "missing.md").kind == Kind::kNotFound);
}

TEST_CASE("SqliteStore.DeletingAProjectCascades") {
  std::string path = FreshDb("projects_cascade");
  auto store = OpenOrFail(path);
  ProjectRecord p = MakeProject(*store);
  ProjectRecord keep = MakeProject(*store, "Keep");
  ArtifactVersion v = AddText(*store, p.id, "prd.md", "x\n");
  AddText(*store, keep.id, "prd.md", "y\n");
  WorkflowRunRecord run = MakeRun(*store, p.id);
  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = "SPEC_PM";
  pr.status = PhaseStatus::kSucceeded;
  REQUIRE_FALSE(store->RecordPhaseRun(pr));
  int64_t snap = 0;
  REQUIRE_FALSE(store->CreateSnapshot(p.id, "before", &snap));
  ValidationRunRecord val;
  val.project_id = p.id;
  val.artifact = "prd.md";
  val.validator = "headings";
  val.artifact_version_id = v.id;
  REQUIRE_FALSE(store->RecordValidation(val));

  REQUIRE_FALSE(store->DeleteProject(p.id));
  store.reset();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  for (const char* table : {"artifacts", "artifact_versions", "workflow_runs", "phase_runs", "snapshots",
                            "snapshot_items", "validation_runs"}) {
    sqlite3_stmt* st = nullptr;
    std::string q = std::string("SELECT count(*) FROM ") + table;
    REQUIRE(sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    int64_t expected = std::string(table).rfind("artifact", 0) == 0 ? 1 : 0;  // the other project's
    CHECK_MESSAGE(sqlite3_column_int64(st, 0) == expected, table);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
}

TEST_CASE("SqliteStore.ListsTheLatestOfManyVersions") {
  auto store = OpenOrFail(FreshDb("versions_many"));
  ProjectRecord p = MakeProject(*store);
  for (int i = 1; i <= 50; ++i) AddText(*store, p.id, "a.md", "v" + std::to_string(i) + "\n");
  auto states = store->ListArtifacts(p.id);
  REQUIRE(states.size() == 1);
  CHECK(states[0].latest_version == 50);
  CHECK(store->LatestVersion(p.id, "a.md")->content == "v50\n");
  CHECK(store->ListVersions(p.id, "a.md").size() == 50);
}
