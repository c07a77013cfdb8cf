// `specwave status`, `specwave export` and `specwave import`: the database
// seen from the command line. status and export open the database
// read-only, so they work on a database written by a newer Specwave and
// never change the file; export --salvage reads what it can from a damaged
// one. Exit codes: 0 ok, 1 runtime failure (damaged, full, busy), 2 bad input
// (usage, unknown project, invalid import, non-empty output folder).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "store/project_bundle.hpp"
#include "store/salvage.hpp"
#include "store/sqlite_store.hpp"

namespace specwave::cli {
namespace {

using Kind = StoreError::Kind;

int ExitFor(const StoreError& err) {
  return err.kind == Kind::kInvalid || err.kind == Kind::kNotFound ? kExitBadInput : kExitFailure;
}

int Fail(const char* cmd, const StoreError& err) {
  std::fprintf(stderr, "specwave %s: %s\n", cmd, err.message.c_str());
  return ExitFor(err);
}

std::unique_ptr<SqliteStore> OpenDb(const std::string& path, bool read_only, const char* cmd, int* exit_code) {
  if (read_only && !std::filesystem::exists(path)) {
    *exit_code = UsageError(std::string(cmd) + ": no database at " + path);
    return nullptr;
  }
  SqliteOptions o;
  o.path = path;
  o.read_only = read_only;
  StoreError err;
  auto store = OpenSqliteStore(o, &err);
  if (!store) *exit_code = Fail(cmd, err);
  return store;
}

bool ParseId(const std::string& text, int64_t* id) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  *id = std::stoll(text);
  return *id > 0;
}

std::string FormatTime(int64_t unix_ms) {
  if (unix_ms <= 0) return "-";
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

// One line per phase: the last record of each, in the order phases first ran.
std::vector<PhaseRunRecord> LatestPerPhase(const std::vector<PhaseRunRecord>& records) {
  std::vector<PhaseRunRecord> out;
  for (const auto& r : records) {
    auto it = std::find_if(out.begin(), out.end(), [&](const PhaseRunRecord& o) { return o.phase == r.phase; });
    if (it == out.end())
      out.push_back(r);
    else
      *it = r;
  }
  return out;
}

nlohmann::json StatusJson(Store& store, const std::vector<ProjectRecord>& projects) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : projects) {
    nlohmann::json jp = {{"id", p.id},
                         {"name", p.name},
                         {"workflow_name", p.workflow_name},
                         {"created_at", p.created_at},
                         {"updated_at", p.updated_at},
                         {"latest_run", nullptr}};
    if (auto run = LatestAnyRun(store, p.id)) {
      nlohmann::json phases = nlohmann::json::array();
      for (const auto& pr : LatestPerPhase(store.ListPhaseRuns(run->id)))
        phases.push_back({{"phase", pr.phase},
                          {"status", PhaseStatusName(pr.status)},
                          {"duration_ms", pr.duration_ms},
                          {"calls", pr.calls},
                          {"cached_calls", pr.cached_calls},
                          {"input_tokens", pr.usage.input_tokens},
                          {"output_tokens", pr.usage.output_tokens},
                          {"cost_usd", pr.cost_usd},
                          {"repair_calls", pr.repair_calls},
                          {"findings", nlohmann::json::parse(pr.findings_json.empty() ? "[]" : pr.findings_json,
                                                             nullptr, false)},
                          {"raw_reply", pr.raw_reply},
                          {"error", pr.error}});
      jp["latest_run"] = {{"id", run->id},
                          {"kind", RunKindName(run->kind)},
                          {"mode", run->mode},
                          {"status", RunStatusName(run->status)},
                          {"started_at", run->started_at},
                          {"finished_at", run->finished_at},
                          {"phases", phases}};
    }
    nlohmann::json arts = nlohmann::json::array();
    for (const auto& a : store.ListArtifacts(p.id))
      arts.push_back({{"name", a.artifact},
                      {"version", a.latest_version},
                      {"sha256", a.sha256},
                      {"author", a.author},
                      {"stale", !a.stale_reason.empty()},
                      {"stale_reason", a.stale_reason},
                      {"updated_at", a.updated_at}});
    jp["artifacts"] = arts;
    list.push_back(jp);
  }
  return list;
}

void PrintStatus(Store& store, const std::vector<ProjectRecord>& projects) {
  for (const auto& p : projects) {
    std::printf("\nproject %lld  %s  (updated %s)\n", static_cast<long long>(p.id), p.name.c_str(),
                FormatTime(p.updated_at).c_str());
    if (auto run = LatestAnyRun(store, p.id)) {
      std::printf("  latest %s #%lld (%s): %s, started %s\n", RunKindName(run->kind), static_cast<long long>(run->id),
                  run->mode.empty() ? "-" : run->mode.c_str(), RunStatusName(run->status),
                  FormatTime(run->started_at).c_str());
      auto phases = LatestPerPhase(store.ListPhaseRuns(run->id));
      if (phases.empty()) std::printf("    no phase has finished yet\n");
      for (const auto& pr : phases) {
        std::printf("    %-22s %-18s %8.1f s  %d call%s", pr.phase.c_str(), PhaseStatusName(pr.status),
                    static_cast<double>(pr.duration_ms) / 1000.0, pr.calls, pr.calls == 1 ? "" : "s");
        if (pr.cached_calls) std::printf(" (%d cached)", pr.cached_calls);
        if (pr.repair_calls) std::printf(" (%d repair)", pr.repair_calls);
        if (!pr.error.empty()) std::printf("  %s", pr.error.c_str());
        std::printf("\n");
      }
    } else {
      std::printf("  no runs yet\n");
    }
    auto artifacts = store.ListArtifacts(p.id);
    if (artifacts.empty()) {
      std::printf("  no artifacts yet\n");
      continue;
    }
    std::printf("  artifacts:\n");
    for (const auto& a : artifacts) {
      if (a.stale_reason.empty())
        std::printf("    %-28s v%-4d %s\n", a.artifact.c_str(), a.latest_version, a.author.c_str());
      else
        std::printf("    %-28s v%-4d %-26s STALE: %s\n", a.artifact.c_str(), a.latest_version, a.author.c_str(),
                    a.stale_reason.c_str());
    }
  }
}

// The project a command acts on: --project ID, or the only one there is.
bool PickProject(Store& store, const Args& args, const char* cmd, int64_t* id, int* exit_code) {
  if (auto text = args.Get("project")) {
    if (!ParseId(*text, id)) {
      *exit_code = UsageError(std::string(cmd) + ": --project needs a project id (see specwave status)");
      return false;
    }
    if (!store.GetProject(*id)) {
      *exit_code = UsageError(std::string(cmd) + ": no project " + *text + " (see specwave status)");
      return false;
    }
    return true;
  }
  auto projects = store.ListProjects();
  if (projects.size() == 1) {
    *id = projects[0].id;
    return true;
  }
  if (StoreError health = store.Health()) {
    *exit_code = Fail(cmd, health);
    return false;
  }
  *exit_code =
      UsageError(std::string(cmd) + (projects.empty() ? ": the database has no projects"
                                                      : ": the database has " + std::to_string(projects.size()) +
                                                            " projects; choose one with --project ID (see "
                                                            "specwave status)"));
  return false;
}

}  // namespace

int CmdStatus(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"json"}, {"db", "project"}}, &err)) return UsageError(err);
  auto db = args.Get("db");
  if (!db || !args.positionals().empty()) return UsageError("usage: specwave status --db FILE [--project ID] [--json]");
  int code = kExitOk;
  auto store = OpenDb(*db, true, "status", &code);
  if (!store) return code;
  std::vector<ProjectRecord> projects;
  if (args.Get("project")) {
    int64_t id = 0;
    if (!PickProject(*store, args, "status", &id, &code)) return code;
    projects.push_back(*store->GetProject(id));
  } else {
    projects = store->ListProjects();
  }
  if (args.Has("json")) {
    nlohmann::json out = {{"database", *db}, {"schema_version", store->schema_version()}};
    out["projects"] = StatusJson(*store, projects);
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::printf("%s — schema %d, %zu project%s\n", db->c_str(), store->schema_version(), projects.size(),
                projects.size() == 1 ? "" : "s");
    if (store->written_by_newer_specwave())
      std::printf("written by a newer Specwave: shown read-only; update Specwave to change it\n");
    PrintStatus(*store, projects);
  }
  // Reads that failed came back empty: say so rather than show a partial picture as whole.
  if (StoreError health = store->Health()) return Fail("status", health);
  return kExitOk;
}

// --format hands the command to cmd_interop.cpp (other tools' layouts).
bool HasFormat(int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::string(argv[i]) == "--format" || std::string(argv[i]).rfind("--format=", 0) == 0) return true;
  return false;
}

int CmdExport(int argc, char** argv, const Environment& env) {
  if (HasFormat(argc, argv)) return CmdExportFormat(argc, argv, env);
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"single-file", "salvage"}, {"db", "out", "project"}}, &err))
    return UsageError(err);
  auto db = args.Get("db");
  auto out = args.Get("out");
  if (!db || !out || !args.positionals().empty())
    return UsageError("usage: specwave export --db FILE --out DIR [--project ID] [--single-file] [--salvage]");

  if (args.Has("salvage")) {
    if (args.Get("project") || args.Has("single-file"))
      return UsageError("export --salvage writes every project it can read as folders; drop --project/--single-file");
    if (!std::filesystem::exists(*db)) return UsageError("export: no database at " + *db);
    SalvageReport report;
    if (StoreError e = SalvageExport(*db, *out, &report)) return Fail("export", e);
    for (const auto& dir : report.written) std::printf("salvaged %s\n", dir.c_str());
    std::printf("%d versions read, %d damaged, %zu problem%s — see %s/salvage-report.txt\n", report.versions_read,
                report.versions_damaged, report.problems.size(), report.problems.size() == 1 ? "" : "s", out->c_str());
    return report.written.empty() ? kExitFailure : kExitOk;
  }

  int code = kExitOk;
  auto store = OpenDb(*db, true, "export", &code);
  if (!store) return code;
  int64_t id = 0;
  if (!PickProject(*store, args, "export", &id, &code)) return code;
  std::string written;
  if (StoreError e = ExportProject(*store, id, *out, args.Has("single-file"), &written)) return Fail("export", e);
  auto project = store->GetProject(id);
  std::printf("exported project %lld \"%s\" (%zu artifacts) to %s\n", static_cast<long long>(id),
              project ? project->name.c_str() : "", store->ListArtifacts(id).size(), written.c_str());
  return kExitOk;
}

int CmdImport(int argc, char** argv, const Environment& env) {
  if (HasFormat(argc, argv)) return CmdImportFormat(argc, argv, env);
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{}, {"db"}}, &err)) return UsageError(err);
  auto db = args.Get("db");
  if (!db || args.positionals().size() != 1)
    return UsageError("usage: specwave import DIR|FILE.specwave.json --db FILE");
  int code = kExitOk;
  auto store = OpenDb(*db, false, "import", &code);
  if (!store) return code;
  int64_t id = 0;
  if (StoreError e = ImportProjectFrom(*store, args.positionals()[0], &id)) return Fail("import", e);
  auto project = store->GetProject(id);
  auto artifacts = store->ListArtifacts(id);
  size_t versions = 0;
  for (const auto& a : artifacts) versions += store->ListVersions(id, a.artifact).size();
  std::printf("imported \"%s\" as project %lld (%zu artifacts, %zu versions) into %s\n",
              project ? project->name.c_str() : "", static_cast<long long>(id), artifacts.size(), versions,
              db->c_str());
  return kExitOk;
}

}  // namespace specwave::cli
