// `specwave export --format`, `import --format` and `sync` through cli::Main on
// real SQLite databases made by a real offline run (`specwave run`), on real
// folders: the edit recorded as a person's edit with its impact, the
// concurrent-edit conflict, and bad input that changes nothing.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "interop/interop_test_util.hpp"
#include "store/sqlite_store.hpp"

using namespace specwave;
namespace fs = std::filesystem;

namespace {

struct CliResult {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path Scratch(const std::string& name) {
  fs::path p = fs::path(test::ScratchDir()) / "interop" / (name + "-" + std::to_string(getpid()));
  fs::remove_all(p);
  fs::create_directories(p.parent_path());
  return p;
}

// Runs `specwave ARGS...` in-process with stdout and stderr captured (files
// named per process: CTest runs cases in parallel).
CliResult RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "specwave");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  fs::path out_path = Scratch("stdout"), err_path = Scratch("stderr");
  std::fflush(stdout);
  std::fflush(stderr);
  int saved_out = dup(1), saved_err = dup(2);
  FILE* out = std::fopen(out_path.c_str(), "w");
  FILE* err = std::fopen(err_path.c_str(), "w");
  dup2(fileno(out), 1);
  dup2(fileno(err), 2);
  CliResult r;
  cli::Environment env;
  env.getenv = [](const std::string&) { return std::string(); };
  r.code = cli::Main(static_cast<int>(argv.size()), argv.data(), env);
  std::fflush(stdout);
  std::fflush(stderr);
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  close(saved_out);
  close(saved_err);
  std::fclose(out);
  std::fclose(err);
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  return r;
}

// A database as `specwave run` leaves it for the Tidewater brief.
std::string TideDb(const std::string& name) {
  fs::path db = Scratch(name + ".db");
  CliResult r = RunCli({"run", "--spec", test::SourcePath("assets/workflows/default.yml"), "--brief",
                        test::SourcePath("assets/briefs/tidewater.md"), "--db", db.string(), "--auto-approve", "--quiet"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  return db.string();
}

std::unique_ptr<SqliteStore> OpenDb(const std::string& path) {
  SqliteOptions o;
  o.path = path;
  StoreError err;
  auto s = OpenSqliteStore(o, &err);
  REQUIRE_MESSAGE(s, err.message);
  return s;
}

size_t VersionCount(Store& store) {
  size_t n = 0;
  for (const auto& p : store.ListProjects())
    for (const auto& a : store.ListArtifacts(p.id)) n += store.ListVersions(p.id, a.artifact).size();
  return n;
}

std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = Slurp(e.path());
  return out;
}

void Edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = Slurp(file);
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

const std::string kSpec = "specs/001-tidewater/spec.md";

}  // namespace

TEST_CASE("CliInterop.SyncRecordsAFolderEditAsAPersonsEdit") {
  std::string db = TideDb("sync_edit");
  fs::path dir = Scratch("sync_edit_folder");
  CliResult ex = RunCli({"export", "--format", "speckit", "--db", db, "--out", dir.string(), "--author", "alice"});
  INFO(ex.out << ex.err);
  REQUIRE(ex.code == 0);
  CHECK(ex.out.find("round trip: ids 83/83") != std::string::npos);
  CHECK(ex.out.find("design-tokens.md — GitHub Spec Kit has no place for this artifact") != std::string::npos);
  CHECK(fs::exists(dir / "AGENTS.md"));
  CHECK(fs::exists(dir / ".specwave/manifest.json"));

  CliResult none = RunCli({"sync", dir.string(), "--db", db, "--author", "alice"});
  CHECK(none.code == 0);
  CHECK(none.out.find("no file in") != std::string::npos);

  Edit(dir / kSpec, "- **FR-002**: Draw a route on a chart", "- **FR-002**: Sketch a route on a chart");
  CliResult r = RunCli({"sync", dir.string(), "--db", db, "--author", "alice"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("changed: " + kSpec) != std::string::npos);
  CHECK(r.out.find("prd.md: Features > F2: Route sketch (modified)") != std::string::npos);
  CHECK(r.out.find("recorded prd.md as your edit (MEDIUM change)") != std::string::npos);
  auto store = OpenDb(db);
  int64_t id = store->ListProjects()[0].id;
  auto prd = store->LatestVersion(id, "prd.md");
  REQUIRE(prd);
  CHECK(prd->version == 2);
  CHECK(prd->author == "user");
  CHECK(prd->content.find("Sketch a route on a chart") != std::string::npos);
  bool architecture_stale = false;
  for (const auto& a : store->ListArtifacts(id))
    if (a.artifact == "architecture.md") architecture_stale = a.stale_reason.find("F2: Route sketch was modified") != std::string::npos;
  CHECK(architecture_stale);
}

TEST_CASE("CliInterop.AConflictExitsOneAndChangesNothing") {
  std::string db = TideDb("conflict");
  fs::path dir = Scratch("conflict_folder");
  REQUIRE(RunCli({"export", "--format", "kiro", "--db", db, "--out", dir.string(), "--author", "alice"}).code == 0);
  // The project's F2 changes (an edit in the app, recorded as `specwave regenerate` records one) ...
  {
    auto store = OpenDb(db);
    int64_t id = store->ListProjects()[0].id;
    std::string prd = store->LatestVersion(id, "prd.md")->content;
    prd.replace(prd.find("tapping waypoints; show"), 23, "tapping waypoints on a nautical chart; show");
    fs::path edited = dir.parent_path() / ("conflict-prd-" + std::to_string(getpid()) + ".md");
    std::ofstream(edited) << prd;
    CliResult rec = RunCli({"regenerate", "--db", db, "--artifact", "prd.md", "--content", edited.string(), "--strategy", "ignore"});
    REQUIRE(rec.code == 0);
  }
  // ... and so does the folder's.
  Edit(dir / ".kiro/specs/tidewater/requirements.md", "Draw a route on a chart by tapping waypoints;",
       "Draw a route by tapping waypoints;");
  size_t versions_before;
  {
    auto store = OpenDb(db);
    versions_before = VersionCount(*store);
  }
  auto folder_before = Snapshot(dir);
  CliResult r = RunCli({"sync", dir.string(), "--db", db, "--author", "alice"});
  INFO(r.out << r.err);
  CHECK(r.code == 1);
  CHECK(r.err.find("CONFLICT prd.md > Features > F2: Route sketch") != std::string::npos);
  CHECK(r.err.find("nothing was changed") != std::string::npos);
  auto store = OpenDb(db);
  CHECK(VersionCount(*store) == versions_before);
  CHECK(Snapshot(dir) == folder_before);
  // The person picks: the folder's side.
  CliResult pick = RunCli({"sync", dir.string(), "--db", db, "--author", "alice", "--prefer", "folder"});
  CHECK(pick.code == 0);
  auto again = OpenDb(db);
  CHECK(again->LatestVersion(again->ListProjects()[0].id, "prd.md")->content.find("Draw a route by tapping waypoints;") !=
        std::string::npos);
}

TEST_CASE("CliInterop.BadInputNamesTheFileAndChangesNothing") {
  std::string db = TideDb("bad_input");
  fs::path dir = Scratch("bad_input_folder");
  REQUIRE(RunCli({"export", "--format", "speckit", "--db", db, "--out", dir.string(), "--author", "alice"}).code == 0);
  size_t versions_before, projects_before;
  {
    auto store = OpenDb(db);
    versions_before = VersionCount(*store);
    projects_before = store->ListProjects().size();
  }
  auto unchanged = [&] {
    auto store = OpenDb(db);
    CHECK(VersionCount(*store) == versions_before);
    CHECK(store->ListProjects().size() == projects_before);
  };

  SUBCASE("a folder not of the named format") {
    CliResult r = RunCli({"import", "--format", "kiro", dir.string(), "--db", db});
    CHECK(r.code == 2);
    CHECK(r.err.find("not a Kiro folder: no .kiro/specs/<name>/") != std::string::npos);
    CHECK(r.err.find("try --format speckit") != std::string::npos);
  }
  SUBCASE("a file that is not UTF-8") {
    Edit(dir / kSpec, "- **FR-002**: Draw", "- **FR-002**: Dr\xE9w");
    CliResult r = RunCli({"sync", dir.string(), "--db", db, "--author", "alice"});
    CHECK(r.code == 2);
    CHECK(r.err.find(kSpec + ": not UTF-8 text") != std::string::npos);
    CliResult i = RunCli({"import", "--format", "speckit", dir.string(), "--db", db});
    CHECK(i.code == 2);
    CHECK(i.err.find(kSpec + ": not UTF-8 text") != std::string::npos);
  }
  SUBCASE("a symbolic link that leaves the folder") {
    fs::path outside = dir.parent_path() / ("outside-" + std::to_string(getpid()) + ".md");
    std::ofstream(outside) << "# Secret\n";
    fs::create_symlink(outside, dir / "specs/001-tidewater/notes.md");
    CliResult r = RunCli({"sync", dir.string(), "--db", db, "--author", "alice"});
    CHECK(r.code == 2);
    CHECK(r.err.find("specs/001-tidewater/notes.md: is a symbolic link") != std::string::npos);
  }
  SUBCASE("a manifest that is not JSON") {
    std::ofstream(dir / ".specwave/manifest.json") << "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n";
    CliResult r = RunCli({"sync", dir.string(), "--db", db, "--author", "alice"});
    CHECK(r.code == 2);
    CHECK(r.err.find("manifest.json: not valid JSON (a Git merge conflict?") != std::string::npos);
    CHECK(RunCli({"sync", dir.string(), "--db", db, "--author", "alice", "--format", "speckit"}).code == 0);
  }
  unchanged();
}

TEST_CASE("CliInterop.ImportMakesAProjectAndASyncBase") {
  fs::path dir = Scratch("import_kiro");
  fs::copy(test::DataPath("interop/kiro"), dir, fs::copy_options::recursive);
  fs::path db = Scratch("import_kiro.db");
  CliResult r = RunCli({"import", "--format", "kiro", dir.string(), "--db", db.string(), "--author", "bob"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("as project 1 \"Photo upload\"") != std::string::npos);
  CHECK(r.out.find("not imported: .kiro/steering/structure.md") != std::string::npos);
  auto store = OpenDb(db.string());
  auto p = store->ListProjects();
  REQUIRE(p.size() == 1);
  for (const char* a : {"prd.md", "architecture.md", "data-model.md", "epics.md", "tasks.md", "analysis.md", "stack.md"}) {
    auto v = store->LatestVersion(p[0].id, a);
    REQUIRE_MESSAGE(v, a);
    CHECK(v->author == "user");
  }
  CHECK_FALSE(p[0].workflow_yaml.empty());
  bool base = false;
  for (const auto& e : fs::directory_iterator(dir / ".specwave/base")) base |= e.path().filename().string().rfind("bob-", 0) == 0;
  CHECK(base);
  // The imported project syncs with its folder: nothing to do, then one edit.
  CliResult s = RunCli({"sync", dir.string(), "--db", db.string(), "--author", "bob", "--format", "kiro"});
  INFO(s.out << s.err);
  CHECK(s.code == 0);
  CHECK(s.out.find("recorded") == std::string::npos);
  Edit(dir / ".kiro/specs/photo-upload/requirements.md", "up to 10 images", "up to 12 images");
  CliResult s2 = RunCli({"sync", dir.string(), "--db", db.string(), "--author", "bob", "--format", "kiro"});
  CHECK(s2.code == 0);
  CHECK(s2.out.find("recorded prd.md as your edit") != std::string::npos);
}

TEST_CASE("CliInterop.ExportKeepsFilesItDidNotWrite") {
  std::string db = TideDb("foreign_files");
  fs::path dir = Scratch("foreign_files_folder");
  fs::create_directories(dir);
  std::ofstream(dir / "AGENTS.md") << "# Our repository's own agent notes\n";
  std::ofstream(dir / "README.md") << "# The code\n";
  CliResult r = RunCli({"export", "--format", "taskmaster", "--db", db, "--out", dir.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("  AGENTS.md") != std::string::npos);
  CHECK(Slurp(dir / "AGENTS.md") == "# Our repository's own agent notes\n");
  CHECK_FALSE(fs::exists(dir / ".taskmaster"));
  CHECK(RunCli({"export", "--format", "taskmaster", "--db", db, "--out", dir.string(), "--force"}).code == 0);
  CHECK(Slurp(dir / "README.md") == "# The code\n");
  CHECK(fs::exists(dir / ".taskmaster/tasks/tasks.json"));
}

TEST_CASE("CliInterop.SyncCanRegenerateWhatTheEditMadeStale") {
  std::string db = TideDb("sync_regen");
  fs::path dir = Scratch("sync_regen_folder");
  REQUIRE(RunCli({"export", "--format", "speckit", "--db", db, "--out", dir.string(), "--author", "alice"}).code == 0);
  Edit(dir / kSpec, "- **FR-002**: Draw a route on a chart", "- **FR-002**: Sketch a route on a chart");
  CliResult r = RunCli({"sync", dir.string(), "--db", db, "--author", "alice", "--regenerate", "regenerate_all"});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("regenerated after prd.md (regenerate_all)") != std::string::npos);
  auto store = OpenDb(db);
  for (const auto& a : store->ListArtifacts(store->ListProjects()[0].id))
    CHECK_MESSAGE(a.stale_reason.empty(), a.artifact << ": " << a.stale_reason);
  // The regenerated artifacts are written back to the files nobody edited.
  bool refreshed = r.out.find("refreshed from the project: specs/001-tidewater/") != std::string::npos;
  CHECK(refreshed);
}

TEST_CASE("CliInterop.ImportCanRunWhatIsMissing") {
  fs::path dir = Scratch("import_run_missing");
  fs::copy(test::DataPath("interop/kiro"), dir, fs::copy_options::recursive);
  fs::path db = Scratch("import_run_missing.db");
  CliResult r = RunCli({"import", "--format", "kiro", dir.string(), "--db", db.string(), "--run-missing"});
  INFO(r.out << r.err);
  // The design tokens come from the offline generator; a phase that would
  // rewrite imported text does not run, and what needs its missing artifact says so.
  CHECK(r.out.find("not run: SPEC_ARCHITECT (it would also rewrite the imported architecture.md, data-model.md)") !=
        std::string::npos);
  CHECK(r.out.find("DEPENDENCIES failed: input 'api-spec.md'") != std::string::npos);
  CHECK(r.code == 1);
  auto store = OpenDb(db.string());
  int64_t id = store->ListProjects()[0].id;
  auto tokens = store->LatestVersion(id, "design-tokens.md");
  REQUIRE(tokens);
  CHECK(tokens->author == "agent:designer");
  CHECK(store->LatestVersion(id, "architecture.md")->author == "user");
}
