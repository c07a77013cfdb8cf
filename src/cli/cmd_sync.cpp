// `specwave sync DIR --db FILE`: a folder exported with `export --format`
// (edited in an IDE, or pulled with Git) back into its project. The layout
// comes from DIR/.specwave/manifest.json; this copy's base from
// DIR/.specwave/base/<copy>.json (interop/sync.hpp has the rules).
//
// Every check runs before anything is written: bad input (exit 2) and
// conflicts (exit 1) change neither the database nor the folder. Then each
// changed artifact is recorded through Regenerator::RecordEdit, as an edit in
// the app is (a user version, a change record with its section diff and
// impact, stale marks downstream), the files nobody changed are refreshed
// from the project, and the base moves to the new state. Regenerating what
// the edits made stale is `specwave regenerate` or the app, as for any edit.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/interop_common.hpp"
#include "cli/wiring.hpp"
#include "core/text.hpp"
#include "engine/regeneration.hpp"
#include "engine/spec.hpp"
#include "interop/folder_io.hpp"
#include "interop/sync.hpp"

namespace specwave::cli {
namespace {

using namespace interop;

bool LayoutOf(const std::string& dir, const Args& args, Format* out, int* code) {
  if (args.Get("format")) {
    auto f = FormatArg(args, code);
    if (f) *out = *f;
    return f.has_value();
  }
  FileTree t;
  std::string err;
  if (!ReadFolder(dir, {kManifestPath}, &t, &err)) return *code = UsageError("sync: " + err), false;
  if (!t.count(kManifestPath))
    return *code = UsageError("sync: " + dir + " has no " + kManifestPath +
                              " (not a folder written by export --format; use import --format for one)"),
           false;
  Manifest m;
  if (!ReadManifest(t[kManifestPath], &m, &err)) return *code = UsageError("sync: " + err + " (or pass --format)"), false;
  auto f = ParseFormat(m.layout);
  if (!f) return *code = UsageError("sync: " + std::string(kManifestPath) + ": unknown layout \"" + m.layout + "\""), false;
  *out = *f;
  return true;
}

void PrintPlan(const SyncPlan& plan, const std::string& dir) {
  if (plan.changed_files.empty()) std::printf("no file in %s changed since the last sync\n", dir.c_str());
  for (const std::string& f : plan.changed_files) std::printf("changed: %s\n", f.c_str());
  for (const Dropped& d : plan.ignored)
    std::printf("  not read: %s%s%s — %s\n", d.artifact.c_str(), d.section.empty() ? "" : " > ", d.section.c_str(),
                d.why.c_str());
}

int ReportConflicts(const SyncPlan& plan, bool json) {
  if (json) {
    nlohmann::json c = nlohmann::json::array();
    for (const auto& x : plan.conflicts) c.push_back({{"artifact", x.artifact}, {"section", x.section}});
    std::printf("%s\n", nlohmann::json{{"conflicts", c}, {"changed", false}}.dump(2).c_str());
  }
  std::fprintf(stderr,
               "specwave sync: %zu section%s changed both in the folder and in the project since the last sync; "
               "nothing was changed:\n",
               plan.conflicts.size(), plan.conflicts.size() == 1 ? "" : "s");
  for (const auto& x : plan.conflicts) std::fprintf(stderr, "  CONFLICT %s > %s\n", x.artifact.c_str(), x.section.c_str());
  std::fprintf(stderr, "keep one side with --prefer folder or --prefer project (per sync), or make both sides equal\n");
  return kExitFailure;
}

// Each planned edit recorded as the person's (Regenerator::RecordEdit), then,
// with --regenerate, what each made stale regenerated (*regenerated false if
// one failed). kExitBadInput for a bad provider option (nothing recorded),
// kExitFailure when an edit could not be recorded.
int RecordEdits(const Args& args, const Environment& env, Store& store, const WorkflowSpec& spec,
                const ProjectRecord& project, const SyncPlan& plan,
                const std::optional<RegenerationRequest>& regen_request, nlohmann::json* recorded, bool* regenerated) {
  std::string err;
  Regenerator regen(spec, store, DefaultDiff());
  regen.SetTraceReader(DefaultTrace());
  std::unique_ptr<LlmProvider> provider;
  RunOptions run_options;
  if (regen_request) {
    provider = MakeProvider(args, env, &store, spec, &err);
    if (!provider) return UsageError(err);
    run_options.auto_approve = true;  // as `specwave regenerate`: the gates were approved when the pack was made
    run_options.cost = DefaultCost(args, &err);
    run_options.context_tokens = DefaultContextWindow(args);
    if (!run_options.cost) return UsageError(err);
  }
  std::vector<RecordedEdit> edits;
  for (const auto& [artifact, text] : plan.edits) {
    if (spec.ProducerOf(artifact) < 0) {
      std::printf("  skipped %s: not an artifact of this project's workflow\n", artifact.c_str());
      continue;
    }
    RecordedEdit edit = regen.RecordEdit(project.id, artifact, text);
    if (!edit.ok) {
      std::fprintf(stderr, "specwave sync: %s: %s\n", artifact.c_str(), edit.error.c_str());
      return kExitFailure;
    }
    const ImpactAnalysis& a = edit.impact;
    std::printf("recorded %s as your edit (%s change): %d HIGH, %d MEDIUM, %d LOW affected\n", artifact.c_str(),
                ImpactLevelName(a.change_level), a.high, a.medium, a.low);
    recorded->push_back({{"artifact", artifact}, {"change_id", edit.change_id}, {"version_id", edit.version_id},
                        {"impact", nlohmann::json::parse(a.ToJson(), nullptr, false)}});
    if (edit.version_id) edits.push_back(edit);
  }
  bool regen_ok = true;
  for (const RecordedEdit& edit : edits) {
    if (!regen_request) break;
    RegenerationResult r = regen.Regenerate(project.id, edit, *regen_request, *provider, run_options, DefaultChecks(),
                                            nullptr, CancelToken{});
    std::printf("regenerated after %s (%s): %zu new, %zu unchanged, %zu skipped by early cutoff, %zu kept (your edits)%s%s\n",
                edit.impact.change.artifact.c_str(), StrategyName(r.strategy), r.regenerated.size(), r.unchanged.size(),
                r.skipped_early_cutoff.size(), r.conflicts.size(), r.error.empty() ? "" : "; ", r.error.c_str());
    regen_ok = regen_ok && r.success;
  }
  *regenerated = regen_ok;
  return kExitOk;
}

}  // namespace

int CmdSync(int argc, char** argv, const Environment& env) {
  Args args;
  std::string err;
  ArgSpec spec{{"json", "dry-run"}, {"db", "project", "format", "prefer", "author", "regenerate"}};
  AddProviderOptions(&spec);
  if (!args.Parse(argc, argv, 2, spec, &err)) return UsageError(err);
  std::optional<RegenerationRequest> regen_request;
  if (auto s = args.Get("regenerate")) {
    RegenerationRequest req;
    if (!ParseStrategy(*s, &req.strategy) || req.strategy == Strategy::kManualReview)
      return UsageError("--regenerate must be regenerate_all, high_impact_only or ignore");
    regen_request = req;
  }
  auto db = args.Get("db");
  if (!db || args.positionals().size() != 1)
    return UsageError(
        "usage: specwave sync DIR --db FILE [--project ID] [--prefer folder|project] [--regenerate STRATEGY] [--dry-run] "
        "[--json]");
  Prefer prefer = Prefer::kNone;
  if (auto p = args.Get("prefer")) {
    if (*p == "folder") prefer = Prefer::kFolder;
    else if (*p == "project") prefer = Prefer::kProject;
    else return UsageError("--prefer must be folder or project");
  }
  const std::string dir = args.positionals()[0];
  int code = kExitOk;
  Format format;
  if (!LayoutOf(dir, args, &format, &code)) return code;
  FileTree folder;
  if (!ReadFolder(dir, ReadRoots(format), &folder, &err)) return UsageError("sync: " + err);
  auto store = Open(*db, args.Has("dry-run"), &code);
  if (!store) return code;
  ProjectRecord project;
  if (!PickProject(*store, args, &project, &code)) return code;
  auto loaded = LoadWorkflowSpec(project.workflow_yaml, project.workflow_name);
  if (!loaded.ok()) return UsageError("sync: the project's workflow does not load: " + JoinDiagnostics(loaded.errors));
  std::string author = Author(args, env), copy = CopyOf(author, project);
  std::optional<CopyBase> base = ReadBaseIn(dir, copy, &code);
  if (code) return code;
  if (!base) std::printf("no sync base for this project in %s: every section that differs is a conflict\n", dir.c_str());
  Pack pack = PackOf(*store, project);
  SyncPlan plan = PlanSync(format, folder, pack, base, prefer);
  if (!plan.errors.empty()) {
    for (const auto& e : plan.errors) std::fprintf(stderr, "specwave sync: %s: %s\n", dir.c_str(), e.ToString().c_str());
    return kExitBadInput;
  }
  if (!args.Has("json")) PrintPlan(plan, dir);
  if (!plan.conflicts.empty()) return ReportConflicts(plan, args.Has("json"));
  for (const std::string& a : plan.applied) std::printf("  %s\n", a.c_str());
  if (args.Has("dry-run")) {
    std::printf("dry run: %zu artifact%s would be recorded as edits\n", plan.edits.size(), plan.edits.size() == 1 ? "" : "s");
    return kExitOk;
  }
  nlohmann::json recorded = nlohmann::json::array();
  bool regenerated = true;
  if (int code = RecordEdits(args, env, *store, *loaded.spec, project, plan, regen_request, &recorded, &regenerated))
    return code;
  SyncWrite w = FinishSync(format, folder, PackOf(*store, project), base, plan.ids, author, copy, plan.changed_files);
  if (!WriteFolder(dir, w.files, &err)) {
    std::fprintf(stderr, "specwave sync: the edits are recorded, but the folder was not updated: %s\n", err.c_str());
    return kExitFailure;
  }
  for (const std::string& f : w.refreshed) std::printf("refreshed from the project: %s\n", f.c_str());
  if (args.Has("json"))
    std::printf("%s\n", nlohmann::json{{"recorded", recorded}, {"refreshed", w.refreshed}, {"changed", !recorded.empty()}}
                            .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                            .c_str());
  if (!recorded.empty() && !regen_request)
    std::printf("what the edits made stale: specwave status --db %s (sync again with --regenerate regenerate_all to "
                "bring it up to date)\n",
                db->c_str());
  return regenerated ? kExitOk : kExitFailure;
}

}  // namespace specwave::cli
