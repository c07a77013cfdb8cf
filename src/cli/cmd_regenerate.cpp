// `specwave impact` and `specwave regenerate`: the headless counterparts of
// the reference plan's impact-analysis, changes and regenerate endpoints.
#include <cstdio>
#include <cstdlib>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/wiring.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "engine/regeneration.hpp"

namespace specwave::cli {
namespace {

struct Loaded {
  std::unique_ptr<Store> store;
  ProjectRecord project;
  std::optional<WorkflowSpec> spec;
  std::string artifact;
  std::string content;
};

// --db, --project, --artifact, --content: everything both commands read.
int LoadCommon(const Args& args, bool read_only, Loaded* out) {
  std::string err;
  auto db = args.Get("db"), artifact = args.Get("artifact"), content = args.Get("content");
  if (!db || !artifact || !content) return UsageError("needs --db FILE --artifact NAME --content NEW.md");
  auto text = ReadFile(*content, &err);
  if (!text) return UsageError(err);
  out->store = OpenStore(*db, read_only, &err);
  if (!out->store) {
    std::fprintf(stderr, "specwave: %s\n", err.c_str());
    return kExitFailure;
  }
  auto projects = out->store->ListProjects();
  if (projects.empty()) return UsageError(*db + ": no projects (run a workflow first)");
  if (auto id = args.Get("project")) {
    auto p = out->store->GetProject(std::atoll(id->c_str()));
    if (!p) return UsageError("no project " + *id);
    out->project = *p;
  } else {
    out->project = *std::max_element(projects.begin(), projects.end(),
                                     [](const ProjectRecord& a, const ProjectRecord& b) { return a.id < b.id; });
  }
  auto loaded = LoadWorkflowSpec(out->project.workflow_yaml, out->project.workflow_name);
  for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (!loaded.ok()) return kExitBadInput;
  out->spec = std::move(loaded.spec);
  if (out->spec->ProducerOf(*artifact) < 0) return UsageError("'" + *artifact + "' is not an artifact of this workflow");
  out->artifact = *artifact;
  out->content = *text;
  return kExitOk;
}

void PrintImpactText(const ImpactAnalysis& a) {
  std::printf("%s: %s change (%zu sections)\n", a.change.artifact.c_str(), ImpactLevelName(a.change_level),
              a.change.sections.size());
  for (const auto& s : a.change.sections) std::printf("  %-8s %s\n", s.change.c_str(), s.section.c_str());
  std::printf("affected: %d HIGH, %d MEDIUM, %d LOW\n", a.high, a.medium, a.low);
  for (const auto& c : a.changed_ids) std::printf("  changed id %s, %s\n", c.id.c_str(), c.how.c_str());
  for (const auto& x : a.affected) {
    std::printf("  %-6s %s\n", ImpactLevelName(x.level), x.reason.c_str());
    for (const auto& i : x.items)
      std::printf("           %-6s %s — %s\n", ImpactLevelName(i.level), i.section.c_str(), i.reason.c_str());
  }
  for (const auto& x : a.unaffected) std::printf("  NONE   %s\n", x.reason.c_str());
  if (!a.trace_note.empty()) std::printf("trace: %s\n", a.trace_note.c_str());
  std::printf("recommended: %s — %s\n", StrategyName(a.recommended), a.recommendation_reason.c_str());
  if (a.estimate.from_history)
    std::printf("estimate (from past runs): %.0f ms, %d model calls, %lld tokens\n", a.estimate.time_ms,
                a.estimate.calls, static_cast<long long>(a.estimate.tokens));
}

}  // namespace

int CmdImpact(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"json"}, {"db", "project", "artifact", "content"}}, &err))
    return UsageError(err);
  Loaded l;
  if (int code = LoadCommon(args, true, &l)) return code;
  Regenerator regen(*l.spec, *l.store, DefaultDiff());
  regen.SetTraceReader(DefaultTrace());
  ImpactAnalysis a = regen.PreviewImpact(l.project.id, l.artifact, l.content);
  if (args.Has("json")) std::printf("%s\n", a.ToJson().c_str());
  else PrintImpactText(a);
  return kExitOk;
}

int CmdRegenerate(int argc, char** argv, const Environment& env) {
  Args args;
  std::string err;
  ArgSpec s{{"json", "overwrite-user-edits", "auto-approve", "quiet", "no-early-cutoff", "rewrite"},
            {"db", "project", "artifact", "content", "strategy", "select", "max-in-flight"}};
  AddProviderOptions(&s);
  if (!args.Parse(argc, argv, 2, s, &err)) return UsageError(err);
  RegenerationRequest req;
  if (!ParseStrategy(args.GetOr("strategy", ""), &req.strategy))
    return UsageError("--strategy must be regenerate_all, high_impact_only, manual_review or ignore");
  if (auto sel = args.Get("select")) {
    for (size_t start = 0; start <= sel->size();) {
      size_t comma = sel->find(',', start);
      std::string item(Trim(sel->substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (!item.empty()) req.selection.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (req.strategy == Strategy::kManualReview && req.selection.empty())
    return UsageError("manual_review needs --select a.md,b.md");
  req.overwrite_user_edits = args.Has("overwrite-user-edits");
  req.early_cutoff = !args.Has("no-early-cutoff");
  req.revise = !args.Has("rewrite");
  Loaded l;
  if (int code = LoadCommon(args, false, &l)) return code;
  for (const auto& a : req.selection)
    if (l.spec->ProducerOf(a) < 0) return UsageError("--select: '" + a + "' is not an artifact of this workflow");
  auto provider = MakeProvider(args, env, l.store.get(), *l.spec, &err);
  if (!provider) return UsageError(err);
  Regenerator regen(*l.spec, *l.store, DefaultDiff());
  regen.SetTraceReader(DefaultTrace());
  RecordedEdit edit = regen.RecordEdit(l.project.id, l.artifact, l.content);
  if (!edit.ok) {
    std::fprintf(stderr, "specwave: %s\n", edit.error.c_str());
    return kExitFailure;
  }
  RunOptions opt;
  opt.auto_approve = true;  // a regeneration re-runs phases whose gates were approved before
  opt.cost = DefaultCost(args, &err);
  opt.context_tokens = DefaultContextWindow(args);
  if (!opt.cost) return UsageError(err);
  if (auto v = args.Get("max-in-flight")) opt.max_in_flight = std::max(1, std::atoi(v->c_str()));
  RegenerationResult r = regen.Regenerate(l.project.id, edit, req, *provider, opt, DefaultChecks(), nullptr, CancelToken{});
  if (args.Has("json")) {
    std::printf("%s\n", r.ToJson().c_str());
  } else {
    PrintImpactText(edit.impact);
    std::printf("regeneration %lld (%s): %zu regenerated, %zu unchanged, %zu skipped by early cutoff, %zu kept "
                "(newer user edits); %d model calls\n",
                static_cast<long long>(r.regeneration_run_id), StrategyName(r.strategy), r.regenerated.size(),
                r.unchanged.size(), r.skipped_early_cutoff.size(), r.conflicts.size(), r.model_calls);
    for (const auto& c : r.conflicts)
      std::printf("  kept your edit of %s (use --overwrite-user-edits to regenerate it)\n", c.c_str());
    if (!r.error.empty()) std::printf("error: %s\n", r.error.c_str());
  }
  return r.success ? kExitOk : kExitFailure;
}

}  // namespace specwave::cli
