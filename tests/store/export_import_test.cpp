// Export and import: folder and single-file round trips, no key in any
// export, and validation of everything read from outside.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "engine/workflow_runner.hpp"
#include "store/project_bundle.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;
using Kind = StoreError::Kind;
namespace fs = std::filesystem;

namespace {

// A project with history: several artifacts and versions by different
// authors, a regeneration reason, a stale mark.
int64_t MakeRichProject(SqliteStore& store, FakeClock& clock) {
  ProjectRecord p;
  p.name = "Tide App";
  p.brief = "# Brief\nTide tables for sailors — ünïcode too.\n";
  p.workflow_yaml = "name: default\nphases:\n  - name: SPEC_PM\n";
  p.workflow_name = "default.yml";
  p.settings_json = R"({"provider":"anthropic","model":"claude","max_in_flight":4})";
  REQUIRE_FALSE(store.CreateProject(p));
  WorkflowRunRecord run = MakeRun(store, p.id);
  clock.now_ms += 1000;
  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = "SPEC_PM";
  pr.status = PhaseStatus::kSucceeded;
  REQUIRE_FALSE(store.CommitPhase(pr, {{"prd.md", "# PRD\nv1\n"}, {"features/auth.md", "# Auth\n"}},
                                  "agent:product_manager", p.id, "", 0));
  clock.now_ms += 1000;
  AddText(store, p.id, "prd.md", "# PRD\nv2 edited by hand\n");
  RegenerationRunRecord regen;
  regen.project_id = p.id;
  REQUIRE_FALSE(store.CreateRegenerationRun(regen));
  PhaseRunRecord pr2 = pr;
  pr2.phase = "SPEC_ARCHITECT";
  clock.now_ms += 1000;
  REQUIRE_FALSE(store.CommitPhase(pr2, {{"architecture.md", "# Architecture\n"}}, "agent:architect", p.id,
                                  "PRD > Features changed", regen.id));
  REQUIRE_FALSE(store.MarkStale(p.id, "features/auth.md", "PRD changed (ab12→cd34)"));
  return p.id;
}

void CheckSameProject(Store& a, int64_t id_a, Store& b, int64_t id_b) {
  auto pa = a.GetProject(id_a), pb = b.GetProject(id_b);
  REQUIRE(pa);
  REQUIRE(pb);
  CHECK(pa->name == pb->name);
  CHECK(pa->brief == pb->brief);
  CHECK(pa->workflow_yaml == pb->workflow_yaml);
  CHECK(pa->workflow_name == pb->workflow_name);
  CHECK(nlohmann::json::parse(pa->settings_json) == nlohmann::json::parse(pb->settings_json));
  CHECK(pa->created_at == pb->created_at);
  auto sa = a.ListArtifacts(id_a), sb = b.ListArtifacts(id_b);
  REQUIRE(sa.size() == sb.size());
  for (size_t i = 0; i < sa.size(); ++i) {
    CHECK(sa[i].artifact == sb[i].artifact);
    CHECK(sa[i].latest_version == sb[i].latest_version);
    CHECK(sa[i].sha256 == sb[i].sha256);
    CHECK(sa[i].stale_reason == sb[i].stale_reason);
    auto va = a.ListVersions(id_a, sa[i].artifact), vb = b.ListVersions(id_b, sb[i].artifact);
    REQUIRE(va.size() == vb.size());
    for (size_t j = 0; j < va.size(); ++j) {
      CHECK(va[j].version == vb[j].version);
      CHECK(va[j].content == vb[j].content);
      CHECK(va[j].sha256 == vb[j].sha256);
      CHECK(va[j].author == vb[j].author);
      CHECK(va[j].phase == vb[j].phase);
      CHECK(va[j].regeneration_reason == vb[j].regeneration_reason);
      CHECK(va[j].created_at == vb[j].created_at);
    }
  }
}

std::string Slurp(const fs::path& dir) {  // every file of a folder, concatenated
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) all += ReadAll(e.path().string());
  return all;
}

// A minimal valid single-file export to break in one place per test.
nlohmann::json ValidSingleFile() {
  return nlohmann::json::parse(R"({
    "format": "specwave-project", "format_version": 1,
    "project": {"name": "P", "brief": "b", "workflow_yaml": "", "settings": {}},
    "artifacts": [{"name": "prd.md", "versions": [
      {"version": 1, "sha256": "8a2a5b8d4f2de8d1a55fdc8b5de0e6e3b3c76c1cfb7d52a9d5e1a2e9ffb2a0c1", "author": "user",
       "content": "x"}]}]
  })");
}

nlohmann::json WithRightHash(nlohmann::json j) {
  for (auto& a : j["artifacts"])
    for (auto& v : a["versions"])
      if (v.contains("content") && v["content"].is_string()) v["sha256"] = Sha256Hex(v["content"].get<std::string>());
  return j;
}

}  // namespace

TEST_CASE("SqliteStore.ExportImportRoundTripAsFolder") {
  FakeClock clock;
  SqliteOptions o;
  o.path = FreshDb("export_folder_src");
  o.clock = &clock;
  auto src = OpenOrFail(o);
  int64_t id = MakeRichProject(*src, clock);
  std::string dir = FreshDir("export_folder");
  std::string written;
  REQUIRE_FALSE(ExportProject(*src, id, dir, false, &written));
  CHECK(written == dir);
  // The documented layout (docs/storage.md).
  for (const char* f : {"manifest.json", "brief.md", "workflow.yml", "artifacts/prd.md", "artifacts/features/auth.md",
                        "versions/prd.md/v1.md", "versions/prd.md/v2.md", "versions/features/auth.md/v1.md",
                        "versions/architecture.md/v1.md"})
    CHECK_MESSAGE(fs::is_regular_file(fs::path(dir) / f), f);
  CHECK(ReadAll(dir + "/artifacts/prd.md") == "# PRD\nv2 edited by hand\n");
  CHECK(ReadAll(dir + "/versions/prd.md/v1.md") == "# PRD\nv1\n");

  auto dst = OpenOrFail(FreshDb("export_folder_dst"));
  int64_t new_id = 0;
  StoreError err = ImportProjectFrom(*dst, dir, &new_id);
  INFO(err.message);
  REQUIRE_FALSE(err);
  CheckSameProject(*src, id, *dst, new_id);
  // Importing again adds a second project; nothing is merged or replaced.
  int64_t again = 0;
  REQUIRE_FALSE(ImportProjectFrom(*dst, dir, &again));
  CHECK(again != new_id);
  CHECK(dst->ListProjects().size() == 2);
}

TEST_CASE("SqliteStore.ExportImportRoundTripAsSingleFile") {
  FakeClock clock;
  SqliteOptions o;
  o.path = FreshDb("export_file_src");
  o.clock = &clock;
  auto src = OpenOrFail(o);
  int64_t id = MakeRichProject(*src, clock);
  std::string dir = FreshDir("export_file");
  std::string written;
  REQUIRE_FALSE(ExportProject(*src, id, dir, true, &written));
  CHECK(written == dir + "/tide-app.specwave.json");
  auto dst = OpenOrFail(FreshDb("export_file_dst"));
  int64_t new_id = 0;
  REQUIRE_FALSE(ImportProjectFrom(*dst, written, &new_id));
  CheckSameProject(*src, id, *dst, new_id);
  // Never overwrites.
  CHECK(ExportProject(*src, id, dir, true, &written).kind == Kind::kInvalid);
  // An explicit file name is used as given.
  REQUIRE_FALSE(ExportProject(*src, id, dir + "/named.json", true, &written));
  CHECK(written == dir + "/named.json");

  // The browser's path: strings in, strings out.
  std::string name, content, error;
  REQUIRE(ExportBundleToString(*src, id, &name, &content, &error));
  CHECK(name == "tide-app.specwave.json");
  CHECK(content == ReadAll(dir + "/tide-app.specwave.json"));  // deterministic
  int64_t third = 0;
  REQUIRE(ImportBundleFromString(*dst, content, &third, &error));
  CheckSameProject(*src, id, *dst, third);
}

TEST_CASE("SqliteStore.ExportsNeverContainAKey") {
  std::string path = FreshDb("export_no_key");
  FakeClock clock;
  SqliteOptions o;
  o.path = path;
  o.clock = &clock;
  int64_t id = 0;
  {
    auto store = OpenOrFail(o);
    id = MakeRichProject(*store, clock);
  }
  // Plant keys behind the store's back, as an older or buggy writer might.
  RawExec(path,
          "UPDATE projects SET settings_json = '{\"provider\":\"openai\",\"api_key\":\"sk-PLANTED-0123456789abcdef\","
          "\"openai\":{\"apiKey\":\"PLANTED-2\",\"access_token\":\"PLANTED-3\",\"secret\":\"PLANTED-4\"},"
          "\"headers\":[\"Bearer PLANTED-5\"],\"model\":\"gpt\"}'");
  auto store = OpenOrFail(o);
  std::string folder = FreshDir("export_no_key_folder"), file_dir = FreshDir("export_no_key_file"), written;
  REQUIRE_FALSE(ExportProject(*store, id, folder, false, &written));
  REQUIRE_FALSE(ExportProject(*store, id, file_dir, true, &written));
  std::string name, content, error;
  REQUIRE(ExportBundleToString(*store, id, &name, &content, &error));
  for (const std::string& all : {Slurp(folder), Slurp(file_dir), content}) {
    CHECK(all.find("PLANTED") == std::string::npos);
    CHECK(all.find("api_key") == std::string::npos);
    CHECK(all.find("apiKey") == std::string::npos);
    CHECK(all.find("\"model\": \"gpt\"") != std::string::npos);  // the rest of the settings survives
  }
}

TEST_CASE("SqliteStore.ImportRefusesAKeyInTheFileToo") {
  auto j = WithRightHash(ValidSingleFile());
  j["project"]["settings"] = {{"api_key", "sk-PLANTED-0123456789abcdef"}, {"model", "m"}};
  auto store = OpenOrFail(FreshDb("import_key"));
  int64_t id = 0;
  std::string error;
  REQUIRE(ImportBundleFromString(*store, j.dump(), &id, &error));
  CHECK(store->GetProject(id)->settings_json == R"({"model":"m"})");
}

TEST_CASE("SqliteStore.ImportValidatesEveryFieldAndNamesIt") {
  struct Case {
    const char* what;
    std::function<void(nlohmann::json&)> change;
    const char* expected;  // part of the message
  };
  std::vector<Case> cases = {
      {"wrong format", [](auto& j) { j["format"] = "zip"; }, "not a Specwave project export"},
      {"newer format", [](auto& j) { j["format_version"] = 2; }, "newer Specwave (format 2 > 1)"},
      {"format_version string", [](auto& j) { j["format_version"] = "1"; }, "format_version: expected an integer"},
      {"no project", [](auto& j) { j.erase("project"); }, "missing field \"project\""},
      {"project not object", [](auto& j) { j["project"] = 3; }, "project: expected an object"},
      {"name wrong type", [](auto& j) { j["project"]["name"] = 7; }, "project.name: expected a string"},
      {"empty name", [](auto& j) { j["project"]["name"] = ""; }, "project.name: the name is empty"},
      {"settings not object", [](auto& j) { j["project"]["settings"] = "x"; }, "project.settings: expected an object"},
      {"negative time", [](auto& j) { j["project"]["created_at"] = -5; }, "project.created_at: expected a number"},
      {"no artifacts", [](auto& j) { j.erase("artifacts"); }, "missing field \"artifacts\""},
      {"path traversal", [](auto& j) { j["artifacts"][0]["name"] = "../../etc/passwd"; }, "not a safe file name"},
      {"absolute path", [](auto& j) { j["artifacts"][0]["name"] = "/etc/passwd"; }, "absolute path"},
      {"backslash", [](auto& j) { j["artifacts"][0]["name"] = "..\\evil.md"; }, "contains '\\'"},
      {"duplicate artifact", [](auto& j) { j["artifacts"].push_back(j["artifacts"][0]); }, "appears twice"},
      {"no versions", [](auto& j) { j["artifacts"][0]["versions"] = nlohmann::json::array(); }, "non-empty array"},
      {"version missing", [](auto& j) { j["artifacts"][0]["versions"][0].erase("version"); },
       "artifacts[0].versions[0]: missing field \"version\""},
      {"version zero", [](auto& j) { j["artifacts"][0]["versions"][0]["version"] = 0; }, "versions[0].version"},
      {"version float", [](auto& j) { j["artifacts"][0]["versions"][0]["version"] = 1.5; }, "expected an integer"},
      {"bad author", [](auto& j) { j["artifacts"][0]["versions"][0]["author"] = "root"; }, "versions[0].author"},
      {"bad sha format", [](auto& j) { j["artifacts"][0]["versions"][0]["sha256"] = "abc"; }, "64 lowercase hex"},
      {"content wrong type", [](auto& j) { j["artifacts"][0]["versions"][0]["content"] = nlohmann::json::array(); },
       "versions[0].content: expected a string"},
      {"out of order",
       [](auto& j) {
         auto v = j["artifacts"][0]["versions"][0];
         j["artifacts"][0]["versions"].push_back(v);
       },
       "increasing order"},
  };
  auto store = OpenOrFail(FreshDb("import_validation"));
  for (const auto& c : cases) {
    auto j = WithRightHash(ValidSingleFile());
    c.change(j);
    ProjectBundle bundle;
    StoreError err = BundleFromJson(j.dump(), "upload.specwave.json", &bundle);
    INFO(c.what << ": " << err.message);
    CHECK(err.kind == Kind::kInvalid);
    CHECK(err.message.rfind("upload.specwave.json: ", 0) == 0);
    CHECK(err.message.find(c.expected) != std::string::npos);
    std::string error;
    int64_t id = 0;
    CHECK_FALSE(ImportBundleFromString(*store, j.dump(), &id, &error));
  }
  CHECK(store->ListProjects().empty());  // nothing half-imported

  ProjectBundle bundle;
  StoreError err = BundleFromJson("{\"format\": ", "x.json", &bundle);
  CHECK(err.message.find("x.json: not valid JSON") == 0);
  err = BundleFromJson("[]", "x.json", &bundle);
  CHECK(err.message == "x.json: expected a JSON object");

  auto j = ValidSingleFile();  // hash of other content
  err = BundleFromJson(j.dump(), "x.json", &bundle);
  CHECK(err.message.find("x.json: artifacts[0].versions[0] (prd.md v1): the content does not match its sha256") == 0);
}

TEST_CASE("SqliteStore.ImportFolderChecksFilesAndNamesThem") {
  FakeClock clock;
  SqliteOptions o;
  o.path = FreshDb("import_folder_checks");
  o.clock = &clock;
  auto store = OpenOrFail(o);
  int64_t id = MakeRichProject(*store, clock);
  size_t projects = store->ListProjects().size();
  auto fresh_export = [&](const std::string& name) {
    std::string dir = FreshDir(name), written;
    REQUIRE_FALSE(ExportProject(*store, id, dir, false, &written));
    return dir;
  };
  auto import_error = [&](const std::string& dir) {
    int64_t new_id = 0;
    StoreError err = ImportProjectFrom(*store, dir, &new_id);
    CHECK(err.kind == Kind::kInvalid);
    return err.message;
  };

  std::string dir = fresh_export("import_edited_version");
  WriteAll(dir + "/versions/prd.md/v1.md", "# PRD\nchanged\n");
  CHECK(import_error(dir).find(dir + "/versions/prd.md/v1.md: the content does not match its sha256") == 0);

  dir = fresh_export("import_edited_latest");
  WriteAll(dir + "/artifacts/prd.md", "# PRD\nchanged\n");
  CHECK(import_error(dir).find(dir + "/artifacts/prd.md: differs from the latest version of prd.md") == 0);

  dir = fresh_export("import_missing_file");
  fs::remove(dir + "/versions/architecture.md/v1.md");
  CHECK(import_error(dir).find(dir + "/versions/architecture.md/v1.md: missing") == 0);

  dir = fresh_export("import_traversal");
  {
    std::string manifest = ReadAll(dir + "/manifest.json");
    std::string from = "\"versions/prd.md/v1.md\"";
    manifest.replace(manifest.find(from), from.size(), "\"../../outside.md\"");
    WriteAll(dir + "/manifest.json", manifest);
  }
  std::string msg = import_error(dir);
  CHECK(msg.find(dir + "/manifest.json: artifacts[") == 0);
  CHECK(msg.find("'../../outside.md' is not a safe path") != std::string::npos);

  dir = fresh_export("import_symlink");
  WriteAll(dir + "/../outside-secret.md", "# PRD\nv1\n");
  fs::remove(dir + "/versions/prd.md/v1.md");
  fs::create_symlink("../../../outside-secret.md", dir + "/versions/prd.md/v1.md");
  CHECK(import_error(dir).find(dir + "/versions/prd.md/v1.md: is a symbolic link") == 0);

  dir = fresh_export("import_no_manifest");
  fs::remove(dir + "/manifest.json");
  CHECK(import_error(dir).find(dir + "/manifest.json: missing") == 0);

  dir = fresh_export("import_not_utf8");
  WriteAll(dir + "/brief.md", "\xff\xfe bad");
  CHECK(import_error(dir).find(dir + "/brief.md: not UTF-8 text") == 0);

  CHECK(store->ListProjects().size() == projects);
}

TEST_CASE("SqliteStore.ExportRefusesANonEmptyFolderAndLeavesNothingOnFailure") {
  FakeClock clock;
  SqliteOptions o;
  o.path = FreshDb("export_refuses");
  o.clock = &clock;
  auto store = OpenOrFail(o);
  int64_t id = MakeRichProject(*store, clock);
  std::string dir = FreshDir("export_nonempty");
  fs::create_directories(dir);
  WriteAll(dir + "/keep.txt", "mine");
  std::string written;
  StoreError err = ExportProject(*store, id, dir, false, &written);
  CHECK(err.kind == Kind::kInvalid);
  CHECK(err.message == dir + " is not empty; export into a new folder");
  CHECK(ReadAll(dir + "/keep.txt") == "mine");
  // An empty folder is fine.
  std::string empty = FreshDir("export_empty");
  fs::create_directories(empty);
  REQUIRE_FALSE(ExportProject(*store, id, empty + "/", false, &written));
  CHECK(fs::exists(empty + "/manifest.json"));
  // Only this test's own temporaries: other tests export into the same
  // scratch folder concurrently (ctest -j2).
  const std::string mine = fs::path(empty).filename().string();
  for (const auto& e : fs::directory_iterator(fs::path(empty).parent_path())) {
    const std::string name = e.path().filename().string();
    if (name.rfind(mine, 0) == 0) CHECK(name.find(".partial-") == std::string::npos);
  }
  CHECK(ExportProject(*store, 999, FreshDir("export_missing"), false, &written).kind == Kind::kNotFound);
}

TEST_CASE("SqliteStore.ImportIsOneTransaction") {
  std::string path = FreshDb("import_atomic");
  auto store = OpenOrFail(path);
  RawExec(path,
          "CREATE TRIGGER fail_late BEFORE INSERT ON artifact_versions WHEN NEW.content = 'LAST' "
          "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  auto j = ValidSingleFile();
  j["artifacts"].push_back(
      {{"name", "z.md"}, {"versions", {{{"version", 1}, {"author", "user"}, {"content", "LAST"}}}}});
  j = WithRightHash(j);
  std::string error;
  int64_t id = 0;
  CHECK_FALSE(ImportBundleFromString(*store, j.dump(), &id, &error));
  CHECK(error.find("injected failure") != std::string::npos);
  CHECK(store->ListProjects().empty());
}

// A format-1 export checked into the repository: it must import in every
// later Specwave, and exporting it again must give the same bytes.
TEST_CASE("SqliteStore.ImportsTheCheckedInFormat1Export") {
  std::string fixture = DataPath("store/tidewater-v1.specwave.json");
  auto store = OpenOrFail(FreshDb("import_fixture"));
  int64_t id = 0;
  StoreError err = ImportProjectFrom(*store, fixture, &id);
  INFO(err.message);
  REQUIRE_FALSE(err);
  auto p = store->GetProject(id);
  CHECK(p->name == "Tidewater (fixture)");
  CHECK(p->created_at == 1'700'000'000'000);
  auto prd = store->ListVersions(id, "prd.md");
  REQUIRE(prd.size() == 3);
  CHECK(prd[1].author == "user");
  CHECK(prd[1].content.find("Offline mode ✓") != std::string::npos);
  CHECK(prd[2].regeneration_reason == "brief changed: Alerts added");
  CHECK(prd[2].sha256 == Sha256Hex(prd[2].content));
  CHECK(store->ListArtifacts(id)[0].stale_reason.find("via SPEC_PM → SPEC_ARCHITECT") != std::string::npos);

  std::string name, content, error;
  REQUIRE(ExportBundleToString(*store, id, &name, &content, &error));
  CHECK(name == "tidewater-fixture.specwave.json");
  CHECK(content == ReadAll(fixture));
}

TEST_CASE("SqliteStore.ExportCarriesTheLastRunsMetrics") {
  // The embed viewer's getMetrics answers from the imported project: the
  // latest finished run's report travels with the export (and nothing else
  // of the run history, and never a key).
  auto src = OpenOrFail(FreshDb("export_metrics_src"));
  ProjectRecord p = MakeProject(*src);
  WorkflowRunRecord running = MakeRun(*src, p.id);
  RunReport report;
  report.status = RunStatus::kSucceeded;
  report.makespan_ms = 1200;
  report.sequential_ms = 3000;
  report.critical_path_ms = 1100;
  report.calls = 12;
  running.status = RunStatus::kSucceeded;
  running.metrics_json = report.ToJson();
  running.options_json = R"({"provider":"openai","api_key":"sk-should-not-travel-000000"})";
  REQUIRE_FALSE(src->UpdateRun(running));
  std::string name, content, error;
  REQUIRE(ExportBundleToString(*src, p.id, &name, &content, &error));
  CHECK(content.find("sk-should-not-travel") == std::string::npos);
  auto j = nlohmann::json::parse(content);
  REQUIRE(j.contains("last_run"));
  CHECK(j["last_run"]["metrics"]["makespan_ms"] == 1200);

  auto dst = OpenOrFail(FreshDb("export_metrics_dst"));
  int64_t id = 0;
  REQUIRE(ImportBundleFromString(*dst, content, &id, &error));
  auto run = dst->LatestRun(id, RunKind::kRun);
  REQUIRE(run);
  CHECK(run->status == RunStatus::kSucceeded);
  auto back = RunReport::FromJson(run->metrics_json);
  REQUIRE(back);
  CHECK(back->makespan_ms == 1200);
  CHECK(back->calls == 12);

  // A run still going is not exported; a broken last_run is refused by name.
  auto other = OpenOrFail(FreshDb("export_metrics_running"));
  ProjectRecord q = MakeProject(*other);
  MakeRun(*other, q.id);
  AddText(*other, q.id, "prd.md", "# PRD\n");
  REQUIRE(ExportBundleToString(*other, q.id, &name, &content, &error));
  CHECK_FALSE(nlohmann::json::parse(content).contains("last_run"));
  auto bad = nlohmann::json::parse(content);
  bad["last_run"] = {{"kind", "run"}, {"status", "succeeded"}, {"metrics", "fast"}};
  CHECK_FALSE(ImportBundleFromString(*dst, bad.dump(), &id, &error));
  CHECK(error.find("last_run.metrics") != std::string::npos);
}
