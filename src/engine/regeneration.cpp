#include "engine/regeneration.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "engine/trace_impact.hpp"
#include "markdown/outline.hpp"

namespace specwave {

Regenerator::Regenerator(const WorkflowSpec& spec, Store& store, DiffFunction diff)
    : spec_(spec), store_(store), diff_(std::move(diff)) {}

std::vector<PhaseHistory> Regenerator::History(int64_t project_id) {
  std::map<std::string, PhaseHistory> latest;
  for (RunKind kind : {RunKind::kRun, RunKind::kRegeneration}) {
    auto run = store_.LatestRun(project_id, kind);
    if (!run) continue;
    for (const auto& pr : store_.ListPhaseRuns(run->id)) {
      if (pr.status != PhaseStatus::kSucceeded || pr.duration_ms <= 0) continue;
      PhaseHistory h{pr.phase, double(pr.duration_ms), pr.calls,
                     pr.usage.input_tokens + pr.usage.output_tokens, pr.cost_usd};
      latest[pr.phase] = h;  // later runs and later records win
    }
  }
  std::vector<PhaseHistory> out;
  for (auto& [k, v] : latest) out.push_back(v);
  return out;
}

ImpactAnalysis Regenerator::PreviewImpact(int64_t project_id, const std::string& artifact, const std::string& new_text) {
  auto latest = store_.LatestVersion(project_id, artifact);
  ArtifactChangeInput change = diff_(artifact, latest ? latest->content : "", new_text);
  change.artifact = artifact;
  return Analyze(project_id, change, latest ? latest->content : "", new_text);
}

NamedTexts Regenerator::LatestTexts(int64_t project_id) {
  NamedTexts out;
  for (const auto& a : spec_.AllArtifacts())
    if (auto v = store_.LatestVersion(project_id, a)) out.emplace_back(a, v->content);
  return out;
}

namespace {

// The artifact that defines ids of this key's kind in the default layout.
std::string DefinerOf(const std::string& key) {
  if (StartsWith(key, "entity:")) return "data-model.md";
  if (StartsWith(key, "endpoint:")) return "api-spec.md";
  if (StartsWith(key, "component:")) return "component-mapping.md";
  if (!key.empty() && key[0] == 'E') return "epics.md";
  if (!key.empty() && (key[0] == 'F' || StartsWith(key, "REQ"))) return "prd.md";
  return "";
}

}  // namespace

std::vector<UpwardFlag> UpwardFlags(const TraceGraph& before, const TraceGraph& after,
                                    const std::vector<std::string>& regenerated) {
  std::set<std::string> defined;
  for (const auto& n : after.nodes) defined.insert(n.key);
  auto missing_refs = [](const TraceGraph& g, const std::set<std::string>& keys) {
    std::set<std::pair<std::string, std::string>> out;  // (node key, ref)
    for (const auto& n : g.nodes)
      for (const auto& r : n.refs)
        if (!keys.count(r)) out.insert({n.artifact + " " + n.key, r});
    return out;
  };
  std::set<std::string> defined_before;
  for (const auto& n : before.nodes) defined_before.insert(n.key);
  const auto old_missing = missing_refs(before, defined_before);
  std::vector<UpwardFlag> out;
  std::set<std::string> seen;
  for (const auto& n : after.nodes) {
    if (std::find(regenerated.begin(), regenerated.end(), n.artifact) == regenerated.end()) continue;
    for (size_t i = 0; i < n.refs.size(); ++i) {
      const std::string& r = n.refs[i];
      const std::string definer = DefinerOf(r);
      if (defined.count(r) || definer.empty() || definer == n.artifact || !after.Traced(definer)) continue;
      if (old_missing.count({n.artifact + " " + n.key, r})) continue;  // was already missing: not this regeneration's
      std::string verb = StartsWith(r, "entity:") || StartsWith(r, "endpoint:") || StartsWith(r, "component:")
                             ? " touches "
                             : " names ";
      std::string flag = n.artifact + " " + n.label + verb + (i < n.ref_names.size() ? n.ref_names[i] : r) + ", which " +
                         definer + " does not define";
      if (seen.insert(flag).second) out.push_back({definer, flag});
    }
  }
  return out;
}

ImpactAnalysis Regenerator::Analyze(int64_t project_id, const ArtifactChangeInput& change, const std::string& old_text,
                                    const std::string& new_text) {
  ImpactRefinement refine;
  if (trace_ && change.changed) {
    TraceImpactInput in;
    in.old_text = old_text;
    in.new_text = new_text;
    for (const auto& a : spec_.AllArtifacts())
      if (auto v = store_.LatestVersion(project_id, a)) in.current.emplace_back(a, v->content);
    refine = TraceRefinement(spec_, std::move(in), trace_);
  }
  ImpactAnalysis out = AnalyzeImpact(spec_, change, History(project_id), refine);
  if (!trace_ && out.trace_note.empty() && change.changed) {
    out.trace_note = "no trace reader: levels from the phase graph (fallback)";
    for (auto& a : out.affected) a.reason += " (phase-graph fallback: no trace)";
  }
  return out;
}

RecordedEdit Regenerator::RecordEdit(int64_t project_id, const std::string& artifact, const std::string& new_text) {
  RecordedEdit out;
  if (spec_.ProducerOf(artifact) < 0) {
    out.error = "'" + artifact + "' is not an artifact of this workflow";
    return out;
  }
  auto latest = store_.LatestVersion(project_id, artifact);
  ArtifactChangeInput change = diff_(artifact, latest ? latest->content : "", new_text);
  change.artifact = artifact;
  out.impact = Analyze(project_id, change, latest ? latest->content : "", new_text);
  if (change.changed) {
    // The differ's sections (it may be injected), with their texts for the revision prompt.
    const markdown::Outline before = markdown::ParseOutline(latest ? latest->content : "");
    const markdown::Outline after = markdown::ParseOutline(new_text);
    for (const auto& s : change.sections) {
      if (s.section == markdown::kFrontmatterSection) continue;
      ChangedSection c{artifact, s.section, s.change, "", ""};
      if (const auto* b = before.Find(s.section)) c.before = b->text;
      if (const auto* a = after.Find(s.section)) c.after = a->text;
      out.sections.push_back(std::move(c));
    }
  }
  if (!change.changed) {
    out.ok = true;  // nothing to store; nothing is affected
    return out;
  }
  ArtifactVersion v;
  v.project_id = project_id;
  v.artifact = artifact;
  v.content = new_text;
  v.author = "user";
  if (StoreError err = store_.AddVersion(v)) {
    out.error = "the edit was not saved: " + err.message;
    return out;
  }
  out.version_id = v.id;
  ArtifactChangeRecord rec;
  rec.project_id = project_id;
  rec.artifact = artifact;
  rec.old_version_id = latest ? latest->id : 0;
  rec.new_version_id = v.id;
  rec.old_sha256 = change.old_sha256;
  rec.new_sha256 = change.new_sha256;
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : change.sections) sections.push_back({{"section", s.section}, {"change", s.change}});
  rec.sections_json = sections.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  rec.impact_level = ImpactLevelName(out.impact.change_level);
  rec.impact_json = out.impact.ToJson();
  if (StoreError err = store_.RecordChange(rec)) {
    out.error = "the change was not recorded: " + err.message;
    return out;
  }
  out.change_id = rec.id;
  for (const auto& a : out.impact.affected) store_.MarkStale(project_id, a.artifact, a.reason);
  out.ok = true;
  return out;
}

StoreError Regenerator::MarkReviewed(int64_t project_id, const std::string& artifact) {
  return store_.ClearStale(project_id, artifact);
}

RegenerationResult Regenerator::Regenerate(int64_t project_id, const RecordedEdit& edit,
                                           const RegenerationRequest& request, LlmProvider& provider,
                                           RunOptions options, const PhaseChecks& checks, RunObserver* observer,
                                           const CancelToken& cancel) {
  RegenerationResult out;
  out.strategy = request.strategy;
  const ImpactAnalysis& impact = edit.impact;
  out.to_regenerate = impact.Select(request.strategy, request.selection);

  // Conflicts: a phase whose artifacts include a newer user edit is left alone
  // (unless the person chose to overwrite), because running it would write
  // over that edit.
  std::set<std::string> phases;
  for (const auto& name : ProducingPhases(spec_, out.to_regenerate)) {
    const PhaseSpec& p = spec_.phases[spec_.IndexOf(name)];
    std::vector<std::string> edited;
    for (const auto& a : p.produces) {
      auto v = store_.LatestVersion(project_id, a);
      if (v && v->author == "user" && a != impact.change.artifact) edited.push_back(a);
    }
    if (!edited.empty() && !request.overwrite_user_edits) {
      for (const auto& a : edited) out.conflicts.push_back(a);
      continue;
    }
    phases.insert(name);
  }
  // Derived reports built by the engine alone (the spec-pack index) are
  // rebuilt after every regeneration, whatever the strategy: the edit itself
  // is a new version they must list (issue #16.7). They make no model call.
  std::set<std::string> rebuilt_reports;
  if (impact.change.changed)
    for (const auto& p : spec_.phases)
      if (p.type == PhaseType::kDone) {
        phases.insert(p.name);
        rebuilt_reports.insert(p.name);
      }
  std::vector<std::string> kept;
  for (const auto& a : out.to_regenerate) {
    int producer = spec_.ProducerOf(a);
    if (producer >= 0 && phases.count(spec_.phases[producer].name)) kept.push_back(a);
  }
  out.to_regenerate = kept;

  RegenerationRunRecord rr;
  rr.project_id = project_id;
  rr.trigger_artifact = impact.change.artifact;
  rr.trigger_change_id = edit.change_id;
  rr.impact_json = impact.ToJson();
  rr.strategy = StrategyName(request.strategy);
  rr.to_regenerate = out.to_regenerate;
  rr.started_at = SystemClock::Instance().NowUnixMs();
  if (StoreError err = store_.CreateRegenerationRun(rr)) {
    out.error = "could not record the regeneration: " + err.message;
    return out;
  }
  out.regeneration_run_id = rr.id;

  if (phases.empty()) {
    out.success = true;
    rr.success = true;
    rr.completed_at = SystemClock::Instance().NowUnixMs();
    store_.UpdateRegenerationRun(rr);
    return out;
  }
  // Versions before, to tell regenerated from unchanged afterwards.
  std::map<std::string, int64_t> before;
  for (const auto& a : out.to_regenerate)
    if (auto v = store_.LatestVersion(project_id, a)) before[a] = v->id;

  options.only_phases = phases;
  options.early_cutoff = request.early_cutoff;
  // For early cutoff a dependency counts as changed if it is the edited
  // artifact's producer, or it is affected but not being regenerated (its
  // text is stale, so nothing says the dependent is current). Phases that run
  // here count as changed only if their output did.
  // A workflow edit has no producer: the phases whose definition changed
  // (distance 0) count as changed themselves, so they always run.
  if (int trigger = spec_.ProducerOf(impact.change.artifact); trigger >= 0)
    options.changed_inputs.insert(spec_.phases[trigger].name);
  for (const auto& a : impact.affected)
    if (!phases.count(a.phase) || a.distance == 0) options.changed_inputs.insert(a.phase);
  if (!edit.sections.empty()) options.edited_sections = edit.sections;
  else
    for (const auto& s : impact.change.sections)
      if (s.section != "(frontmatter)")
        options.edited_sections.push_back({impact.change.artifact, s.section, s.change, "", ""});
  options.revise = request.revise;
  for (const auto& a : impact.affected)
    for (const auto& item : a.items)
      options.affected_items[a.artifact].push_back(item.id + " (" + ImpactLevelName(item.level) + "): " + item.reason);
  // Never cut off: a report's inputs include versions early cutoff does not see.
  for (const auto& name : rebuilt_reports) options.changed_inputs.insert(name);
  options.run_kind = RunKind::kRegeneration;
  options.regeneration_run_id = rr.id;
  std::string sections;
  for (const auto& s : impact.change.sections) sections += (sections.empty() ? "" : ", ") + s.section + " " + s.change;
  options.regeneration_reason = impact.change.artifact + " edited (" + sections + "); " + StrategyName(request.strategy);
  if (options.regeneration_reason.size() > 300) options.regeneration_reason.resize(300);

  const TraceGraph trace_before = trace_ ? trace_(LatestTexts(project_id)) : TraceGraph{};
  WorkflowRunner runner(spec_, store_, provider, SystemClock::Instance());
  runner.SetChecks(checks);
  out.report = runner.Run(project_id, options, observer, cancel);
  rr.workflow_run_id = out.report.run_id;

  std::set<std::string> cut;
  for (const auto& p : out.report.phases) {
    if (!phases.count(p.name)) continue;
    if (p.early_cutoff) {
      ++out.phases_skipped;
      cut.insert(p.name);
    } else if (p.status == PhaseStatus::kSucceeded) {
      ++out.phases_run;
    }
  }
  out.model_calls = out.report.calls;
  for (const auto& a : out.to_regenerate) {
    auto v = store_.LatestVersion(project_id, a);
    int producer = spec_.ProducerOf(a);
    bool was_cut = producer >= 0 && cut.count(spec_.phases[producer].name);
    if (v && (!before.count(a) || v->id != before[a])) {
      out.regenerated.push_back(a);
    } else if (was_cut) {
      out.skipped_early_cutoff.push_back(a);
      store_.ClearStale(project_id, a);  // its inputs came out unchanged: it is current
    } else if (producer >= 0) {
      for (const auto& p : out.report.phases)
        if (p.name == spec_.phases[producer].name && p.status == PhaseStatus::kSucceeded) {
          out.unchanged.push_back(a);
          store_.ClearStale(project_id, a);  // regenerated to the same text: current
        }
    }
  }
  if (trace_ && !out.regenerated.empty()) {
    for (const auto& flag : UpwardFlags(trace_before, trace_(LatestTexts(project_id)), out.regenerated)) {
      out.upward_flags.push_back(flag.reason);
      store_.MarkStale(project_id, flag.upstream, flag.reason);
    }
  }
  out.success = out.report.status == RunStatus::kSucceeded;
  if (!out.success)
    out.error = out.report.stop_reason.empty()
                    ? std::string("the regeneration did not finish: ") + RunStatusName(out.report.status)
                    : out.report.stop_reason;
  rr.regenerated = out.regenerated;
  rr.skipped_early_cutoff = out.skipped_early_cutoff;
  rr.completed_at = SystemClock::Instance().NowUnixMs();
  rr.duration_ms = rr.completed_at - rr.started_at;
  rr.success = out.success;
  rr.error = out.error;
  store_.UpdateRegenerationRun(rr);
  return out;
}

std::string RegenerationResult::ToJson() const {
  using nlohmann::json;
  json out = {{"regeneration_run_id", regeneration_run_id},
              {"strategy", StrategyName(strategy)},
              {"success", success},
              {"to_regenerate", to_regenerate},
              {"regenerated", regenerated},
              {"unchanged", unchanged},
              {"skipped_early_cutoff", skipped_early_cutoff},
              {"conflicts_kept", conflicts},
              {"upward_flags", upward_flags},
              {"phases_run", phases_run},
              {"phases_skipped_early_cutoff", phases_skipped},
              {"model_calls", model_calls},
              {"workflow_run_id", report.run_id},
              {"makespan_ms", report.makespan_ms}};
  if (!error.empty()) out["error"] = error;
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace specwave
