// `specwave status`, `export` and `import` through cli::Main, on databases
// filled through the Store API (as the workflow runner would fill them).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "core/sha256.hpp"
#include "store/project_bundle.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;
namespace fs = std::filesystem;

namespace {

struct CliResult {
  int code = -1;
  std::string out, err;
};

// Runs `specwave ARGS...` in-process, capturing stdout and stderr.
CliResult RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "specwave");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  // Named per process: CTest runs test cases as parallel processes, and a
  // shared capture file let one case read another's output (a flaky failure
  // under `ctest -j2`).
  const std::string tag = std::to_string(getpid());
  std::string out_path = FreshDir("cli_stdout_" + tag + ".txt"), err_path = FreshDir("cli_stderr_" + tag + ".txt");
  std::fflush(stdout);
  std::fflush(stderr);
  int saved_out = dup(1), saved_err = dup(2);
  FILE* out = std::fopen(out_path.c_str(), "w");
  FILE* err = std::fopen(err_path.c_str(), "w");
  dup2(fileno(out), 1);
  dup2(fileno(err), 2);
  CliResult r;
  r.code = cli::Main(static_cast<int>(argv.size()), argv.data(), cli::Environment{});
  std::fflush(stdout);
  std::fflush(stderr);
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  close(saved_out);
  close(saved_err);
  std::fclose(out);
  std::fclose(err);
  r.out = ReadAll(out_path);
  r.err = ReadAll(err_path);
  return r;
}

// A database as a finished run leaves it: two phases (one failed), versions,
// a stale mark.
int64_t FillDatabase(const std::string& path) {
  auto store = OpenOrFail(path);
  ProjectRecord p = MakeProject(*store);
  WorkflowRunRecord run = MakeRun(*store, p.id);
  PhaseRunRecord pm;
  pm.workflow_run_id = run.id;
  pm.phase = "SPEC_PM";
  pm.status = PhaseStatus::kSucceeded;
  pm.duration_ms = 1200;
  pm.calls = 2;
  pm.cached_calls = 1;
  REQUIRE_FALSE(store->CommitPhase(pm, {{"prd.md", "# PRD\n"}}, "agent:product_manager", p.id, "", 0));
  PhaseRunRecord ux;
  ux.workflow_run_id = run.id;
  ux.phase = "SPEC_UX";
  ux.status = PhaseStatus::kFailed;
  ux.error = "model timed out";
  REQUIRE_FALSE(store->RecordPhaseRun(ux));
  AddText(*store, p.id, "architecture.md", "# Arch\n", "agent:architect");
  REQUIRE_FALSE(store->MarkStale(p.id, "architecture.md", "PRD > Features changed"));
  run.status = RunStatus::kFailed;
  REQUIRE_FALSE(store->UpdateRun(run));
  return p.id;
}

}  // namespace

TEST_CASE("SqliteStore.CliStatusShowsPhasesAndArtifacts") {
  std::string db = FreshDb("cli_status");
  int64_t id = FillDatabase(db);
  CliResult r = RunCli({"status", "--db", db});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("schema 5, 1 project") != std::string::npos);
  CHECK(r.out.find("latest run #1 (ready): failed") != std::string::npos);
  CHECK(r.out.find("SPEC_PM") != std::string::npos);
  CHECK(r.out.find("model timed out") != std::string::npos);
  CHECK(r.out.find("STALE: PRD > Features changed") != std::string::npos);

  r = RunCli({"status", "--db", db, "--json", "--project", std::to_string(id)});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema_version"] == 5);
  REQUIRE(j["projects"].size() == 1);
  auto& p = j["projects"][0];
  CHECK(p["name"] == "Tide app");
  CHECK(p["latest_run"]["status"] == "failed");
  REQUIRE(p["latest_run"]["phases"].size() == 2);
  CHECK(p["latest_run"]["phases"][0]["phase"] == "SPEC_PM");
  CHECK(p["latest_run"]["phases"][0]["status"] == "succeeded");
  CHECK(p["latest_run"]["phases"][0]["cached_calls"] == 1);
  CHECK(p["latest_run"]["phases"][1]["status"] == "failed");
  REQUIRE(p["artifacts"].size() == 2);
  CHECK(p["artifacts"][0]["name"] == "architecture.md");
  CHECK(p["artifacts"][0]["stale"] == true);
  CHECK(p["artifacts"][1]["version"] == 1);
  CHECK(p["artifacts"][1]["author"] == "agent:product_manager");
}

TEST_CASE("SqliteStore.CliStatusExitCodes") {
  std::string db = FreshDb("cli_status_codes");
  FillDatabase(db);
  CHECK(RunCli({"status"}).code == 2);
  CHECK(RunCli({"status", "--db", FreshDb("cli_status_missing")}).code == 2);
  CHECK_FALSE(fs::exists(FreshDb("cli_status_missing")));  // status never creates a database
  CHECK(RunCli({"status", "--db", db, "--project", "99"}).code == 2);
  CHECK(RunCli({"status", "--db", db, "--project", "abc"}).code == 2);
  CHECK(RunCli({"status", "--db", db, "--bogus"}).code == 2);
  // A newer schema is still readable (read-only).
  RawExec(db, "PRAGMA user_version = 7");
  CHECK(RunCli({"status", "--db", db}).code == 0);
  // A damaged file is a runtime failure with the way out.
  std::string junk = FreshDb("cli_status_junk");
  WriteAll(junk, std::string(4096, 'j'));
  CliResult r = RunCli({"status", "--db", junk});
  CHECK(r.code == 1);
  CHECK(r.err.find("--salvage") != std::string::npos);
}

TEST_CASE("SqliteStore.CliExportImportRoundTrip") {
  std::string db = FreshDb("cli_export");
  int64_t id = FillDatabase(db);
  std::string out = FreshDir("cli_export_folder");
  CliResult r = RunCli({"export", "--db", db, "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(fs::exists(out + "/manifest.json"));
  CHECK(RunCli({"export", "--db", db, "--out", out}).code == 2);  // not empty

  std::string file_dir = FreshDir("cli_export_file");
  REQUIRE(RunCli({"export", "--db", db, "--out", file_dir, "--single-file", "--project", std::to_string(id)}).code ==
          0);
  CHECK(fs::exists(file_dir + "/tide-app.specwave.json"));

  std::string db2 = FreshDb("cli_import");
  r = RunCli({"import", out, "--db", db2});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("(2 artifacts, 2 versions)") != std::string::npos);
  REQUIRE(RunCli({"import", file_dir + "/tide-app.specwave.json", "--db", db2}).code == 0);
  auto store = OpenOrFail(db2);
  auto projects = store->ListProjects();
  REQUIRE(projects.size() == 2);
  for (const auto& p : projects) CHECK(store->LatestVersion(p.id, "prd.md")->sha256 == Sha256Hex("# PRD\n"));

  // Several projects: export needs --project.
  CHECK(RunCli({"export", "--db", db2, "--out", FreshDir("cli_export_many")}).code == 2);
  // Bad input to import is exit 2 and names the file.
  WriteAll(out + "/versions/prd.md/v1.md", "edited");
  r = RunCli({"import", out, "--db", db2});
  CHECK(r.code == 2);
  CHECK(r.err.find("versions/prd.md/v1.md") != std::string::npos);
  CHECK(RunCli({"import", "--db", db2}).code == 2);
  CHECK(RunCli({"import", FreshDir("cli_nothing_here"), "--db", db2}).code == 2);
}

TEST_CASE("SqliteStore.CliExportSalvage") {
  std::string db = FreshDb("cli_salvage");
  FillDatabase(db);
  std::string out = FreshDir("cli_salvage_out");
  CliResult r = RunCli({"export", "--db", db, "--out", out, "--salvage"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("2 versions read, 0 damaged") != std::string::npos);
  CHECK(fs::exists(out + "/1-tide-app/manifest.json"));
  CHECK(RunCli({"import", out + "/1-tide-app", "--db", FreshDb("cli_salvage_import")}).code == 0);
}

// Issue #14.9: random bytes are not a brief; `run` refuses them with the byte
// offset and creates nothing.
TEST_CASE("SqliteStore.CliRunRefusesABriefThatIsNotText") {
  std::string brief = FreshDir("cli_binary_brief.md");
  WriteAll(brief, std::string("# Brief\n\x89PNG\r\n\x1a\n\0\0", 15));
  std::string db = FreshDb("cli_binary_brief");
  CliResult r = RunCli({"run", "--spec", SourcePath("assets/workflows/default.yml"), "--brief", brief, "--db", db});
  CHECK(r.code == 2);
  CHECK(r.err.find("is not UTF-8 text: byte 8 (0x89)") != std::string::npos);
  CHECK_FALSE(fs::exists(db));
}
