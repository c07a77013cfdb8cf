// `specwave run`, `specwave resume` and `specwave approve`.
#include <csignal>
#include <filesystem>
#include <cstdio>
#include <mutex>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/wiring.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "engine/workflow_runner.hpp"

namespace specwave::cli {
namespace {

// Ctrl-C cancels the run: no new phases start, calls in flight are
// cancelled, finished phases stay stored; `specwave resume` continues.
CancelToken g_cancel;
void OnSigint(int) { g_cancel.Cancel(); }

class ProgressPrinter final : public RunObserver {
 public:
  ProgressPrinter(const WorkflowSpec& spec, bool quiet) : spec_(spec), quiet_(quiet) {}
  void OnRunStarted(int64_t run_id) override { Print("run " + std::to_string(run_id) + " started"); }
  void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) override {
    if (status == PhaseStatus::kPending) return;
    std::string line = spec_.phases[phase].name + ": " + PhaseStatusName(status);
    if (!reason.empty()) line += " — " + reason;
    Print(line);
  }
  void OnFindings(int phase, const std::vector<ArtifactFinding>& findings) override {
    for (const auto& f : findings)
      Print("  " + std::string(SeverityName(f.severity)) + " " + f.artifact + ":" + std::to_string(f.line) + " [" +
            f.validator + "] " + f.message);
  }

 private:
  void Print(const std::string& line) {
    if (quiet_) return;
    std::lock_guard<std::mutex> lock(mu_);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  const WorkflowSpec& spec_;
  bool quiet_;
  std::mutex mu_;
};

ArgSpec RunArgSpec() {
  ArgSpec s{{"json", "sequential", "waves", "auto-approve", "fallback-sequential", "quiet"},
            {"spec", "brief", "db", "max-in-flight", "budget-usd", "project-name", "out"}};
  AddProviderOptions(&s);
  return s;
}

bool ParseRunOptions(const Args& args, RunOptions* opt, std::string* error) {
  if (args.Has("sequential") && args.Has("waves")) {
    *error = "--sequential and --waves exclude each other";
    return false;
  }
  opt->mode = args.Has("sequential") ? ScheduleMode::kSequential
              : args.Has("waves")    ? ScheduleMode::kWaves
                                     : ScheduleMode::kReady;
  opt->auto_approve = args.Has("auto-approve");
  opt->fallback_sequential = args.Has("fallback-sequential");
  if (auto v = args.Get("max-in-flight")) {
    char* end = nullptr;
    long n = std::strtol(v->c_str(), &end, 10);
    if (*end || n < 1 || n > 256) {
      *error = "--max-in-flight must be a whole number from 1 to 256";
      return false;
    }
    opt->max_in_flight = static_cast<int>(n);
  }
  if (auto v = args.Get("budget-usd")) {
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (*end || !(d > 0)) {
      *error = "--budget-usd must be a positive number";
      return false;
    }
    opt->budget_usd = d;
  }
  opt->cost = DefaultCost(args, error);
  opt->context_tokens = DefaultContextWindow(args);
  return static_cast<bool>(opt->cost);
}

// Estimated durations for critical-path-first ordering, from --sim-latency.
void EstimateFromSimLatency(const Args& args, const WorkflowSpec& spec, RunOptions* opt) {
  auto file = args.Get("sim-latency");
  if (!file) return;
  auto lat = LoadSimLatencyFile(*file, spec);
  if (!lat.ok()) return;  // MakeProvider reports the error
  opt->estimated_ms.clear();
  for (size_t i = 0; i < spec.phases.size(); ++i) opt->estimated_ms.push_back(lat.latency->PhaseMs(static_cast<int>(i)));
}

std::string BriefTitle(const std::string& brief) {
  for (auto line : SplitLines(brief)) {
    auto t = Trim(line);
    if (StartsWith(t, "# ")) return std::string(Trim(t.substr(2)));
  }
  return "Untitled project";
}

int Finish(const RunReport& report, const Args& args, Store& store, int64_t project, const std::string& db) {
  if (args.Has("json")) {
    std::printf("%s\n", report.ToJson().c_str());
  } else {
    std::printf("run %lld %s — makespan %.0f ms, sequential %.0f ms, critical path %.0f ms, %.1f%% saved; %d model "
                "calls (%d cached)\n",
                static_cast<long long>(report.run_id), RunStatusName(report.status), report.makespan_ms, report.sequential_ms,
                report.critical_path_ms, report.time_saved_percent, report.calls, report.cached_calls);
    if (report.repair_calls > 0)
      std::printf("repair calls: %d of those calls, %.0f ms, %lld tokens in, %lld out, $%.4f\n", report.repair_calls,
                  report.repair_ms, static_cast<long long>(report.repair_usage.input_tokens),
                  static_cast<long long>(report.repair_usage.output_tokens), report.repair_cost_usd);
    for (const auto& p : report.phases) {
      if (p.notes.empty()) continue;
      std::printf("%s: %d reply cleaning%s%s\n", p.name.c_str(), p.Cleanings(), p.Cleanings() == 1 ? "" : "s",
                  p.repair_calls ? (", " + std::to_string(p.repair_calls) + " repair call(s)").c_str() : "");
      for (const auto& n : p.notes)
        if (n.validator == "reply")
          std::printf("  %s %s: %s\n", SeverityName(n.severity), n.artifact.empty() ? "reply" : n.artifact.c_str(),
                      n.message.c_str());
    }
    if (report.language_model) {
      char cost[64] = "cost unknown (no price for this model in the price table)";
      if (report.cost_known) std::snprintf(cost, sizeof cost, "$%.4f", report.cost_usd);
      std::printf("tokens: %lld in (%lld from the provider's prompt cache), %lld out; %s\n",
                  static_cast<long long>(report.usage.input_tokens), static_cast<long long>(report.usage.cached_input_tokens),
                  static_cast<long long>(report.usage.output_tokens), cost);
    }
    for (const auto& g : report.pending_gates) {
      auto slash = g.find('/');
      std::printf("awaiting approval: %s — approve with: specwave approve --db %s %s, then specwave resume --db %s\n",
                  g.c_str(), db.c_str(), g.substr(slash + 1).c_str(), db.c_str());
    }
    if (!report.stop_reason.empty()) std::printf("stopped: %s\n", report.stop_reason.c_str());
  }
  if (auto out = args.Get("out")) {
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    for (const auto& a : store.ListArtifacts(project)) {
      auto v = store.LatestVersion(project, a.artifact);
      std::string err;
      if (v && !WriteFileAtomic(*out + "/" + a.artifact, v->content, &err)) {
        std::fprintf(stderr, "specwave: %s\n", err.c_str());
        return kExitFailure;
      }
    }
  }
  if (report.status == RunStatus::kSucceeded || report.status == RunStatus::kAwaitingApproval) return kExitOk;
  return kExitFailure;
}

}  // namespace

int CmdRun(int argc, char** argv, const Environment& env) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, RunArgSpec(), &err)) return UsageError(err);
  if (!args.positionals().empty()) return UsageError("run takes no positional arguments");
  auto spec_path = args.Get("spec"), brief_path = args.Get("brief");
  if (!spec_path || !brief_path) return UsageError("run needs --spec FILE and --brief FILE");
  auto loaded = LoadWorkflowSpecFile(*spec_path);
  for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (!loaded.ok()) return kExitBadInput;
  auto spec_text = ReadFile(*spec_path, &err);
  auto brief = ReadFile(*brief_path, &err);
  if (!brief || !spec_text) return UsageError(err);
  if (Trim(*brief).empty()) return UsageError(*brief_path + ": the brief is empty");
  if (std::string why = NotTextMessage(*brief, *brief_path); !why.empty()) return UsageError(why);
  RunOptions opt;
  if (!ParseRunOptions(args, &opt, &err)) return UsageError(err);
  EstimateFromSimLatency(args, *loaded.spec, &opt);

  const std::string db = args.GetOr("db", ":memory:");
  auto store = OpenStore(db, false, &err);
  if (!store) {
    std::fprintf(stderr, "specwave: %s\n", err.c_str());
    return kExitFailure;
  }
  auto provider = MakeProvider(args, env, store.get(), *loaded.spec, &err);
  if (!provider) return UsageError(err);

  ProjectRecord project;
  project.name = args.GetOr("project-name", BriefTitle(*brief));
  project.brief = *brief;
  project.workflow_yaml = *spec_text;
  project.workflow_name = *spec_path;
  project.settings_json = nlohmann::json{{"provider", provider->Name()}, {"model", provider->Model()}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (StoreError e = store->CreateProject(project)) {
    std::fprintf(stderr, "specwave: could not create the project: %s\n", e.message.c_str());
    return kExitFailure;
  }
  WorkflowRunner runner(*loaded.spec, *store, *provider, SystemClock::Instance());
  runner.SetChecks(DefaultChecks());
  ProgressPrinter progress(*loaded.spec, args.Has("quiet") || args.Has("json"));
  std::signal(SIGINT, OnSigint);
  RunReport report = runner.Run(project.id, opt, &progress, g_cancel);
  std::signal(SIGINT, SIG_DFL);
  return Finish(report, args, *store, project.id, db);
}

namespace {

// The project and run that --project / --run name, or the latest project and
// its latest run that is not finished.
bool PickRun(Store& store, const Args& args, ProjectRecord* project, WorkflowRunRecord* run, std::string* error) {
  auto projects = store.ListProjects();
  if (projects.empty()) {
    *error = "the database has no projects";
    return false;
  }
  if (auto id = args.Get("project")) {
    auto p = store.GetProject(std::atoll(id->c_str()));
    if (!p) {
      *error = "no project " + *id;
      return false;
    }
    *project = *p;
  } else {
    *project = *std::max_element(projects.begin(), projects.end(),
                                 [](const ProjectRecord& a, const ProjectRecord& b) { return a.id < b.id; });
  }
  std::optional<WorkflowRunRecord> r;
  if (auto id = args.Get("run")) r = store.GetRun(std::atoll(id->c_str()));
  else {
    r = LatestAnyRun(store, project->id);
  }
  if (!r || r->project_id != project->id) {
    *error = "no run to continue in project '" + project->name + "'";
    return false;
  }
  *run = *r;
  return true;
}

}  // namespace

int CmdResume(int argc, char** argv, const Environment& env) {
  Args args;
  std::string err;
  ArgSpec spec_args = RunArgSpec();
  spec_args.options.insert("project");
  spec_args.options.insert("run");
  if (!args.Parse(argc, argv, 2, spec_args, &err)) return UsageError(err);
  auto db = args.Get("db");
  if (!db) return UsageError("resume needs --db FILE");
  auto store = OpenStore(*db, false, &err);
  if (!store) {
    std::fprintf(stderr, "specwave: %s\n", err.c_str());
    return kExitFailure;
  }
  ProjectRecord project;
  WorkflowRunRecord run;
  if (!PickRun(*store, args, &project, &run, &err)) return UsageError(err);
  if (run.status == RunStatus::kSucceeded) {
    std::printf("run %lld already succeeded; nothing to resume\n", static_cast<long long>(run.id));
    return kExitOk;
  }
  auto loaded = LoadWorkflowSpec(project.workflow_yaml, project.workflow_name);
  for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (!loaded.ok()) return kExitBadInput;
  RunOptions opt;
  if (!ParseRunOptions(args, &opt, &err)) return UsageError(err);
  EstimateFromSimLatency(args, *loaded.spec, &opt);
  opt.run_kind = run.kind;
  auto provider = MakeProvider(args, env, store.get(), *loaded.spec, &err);
  if (!provider) return UsageError(err);
  WorkflowRunner runner(*loaded.spec, *store, *provider, SystemClock::Instance());
  runner.SetChecks(DefaultChecks());
  ProgressPrinter progress(*loaded.spec, args.Has("quiet") || args.Has("json"));
  std::signal(SIGINT, OnSigint);
  RunReport report = runner.Resume(project.id, run.id, opt, &progress, g_cancel);
  std::signal(SIGINT, SIG_DFL);
  return Finish(report, args, *store, project.id, *db);
}

int CmdApprove(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{}, {"db", "project", "run", "phase"}}, &err)) return UsageError(err);
  auto db = args.Get("db");
  if (!db || args.positionals().size() != 1) return UsageError("approve needs --db FILE and one GATE name");
  const std::string gate = args.positionals()[0];
  auto store = OpenStore(*db, false, &err);
  if (!store) {
    std::fprintf(stderr, "specwave: %s\n", err.c_str());
    return kExitFailure;
  }
  ProjectRecord project;
  WorkflowRunRecord run;
  if (!PickRun(*store, args, &project, &run, &err)) return UsageError(err);
  auto loaded = LoadWorkflowSpec(project.workflow_yaml, project.workflow_name);
  if (!loaded.ok()) return kExitBadInput;
  std::vector<std::string> phases;
  for (const auto& p : loaded.spec->phases)
    for (const auto& g : p.approval_gates)
      if (g == gate && (!args.Get("phase") || *args.Get("phase") == p.name)) phases.push_back(p.name);
  if (phases.empty()) return UsageError("no phase of this workflow has an approval gate '" + gate + "'");
  ApprovalRecord a;
  a.project_id = project.id;
  a.workflow_run_id = run.id;
  a.phase = phases[0];
  a.gate = gate;
  a.decided_by = "user (specwave approve)";
  if (StoreError e = store->RecordApproval(a)) {
    std::fprintf(stderr, "specwave: %s\n", e.message.c_str());
    return kExitFailure;
  }
  std::printf("approved %s/%s for run %lld; continue with: specwave resume --db %s\n", phases[0].c_str(), gate.c_str(),
              static_cast<long long>(run.id), db->c_str());
  return kExitOk;
}

}  // namespace specwave::cli
