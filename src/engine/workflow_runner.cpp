#include "engine/workflow_runner.hpp"

#include <algorithm>
#include <map>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "engine/fan_out.hpp"
#include "engine/prompt_builder.hpp"
#include "engine/response_parser.hpp"
#include "engine/spec_pack.hpp"

namespace specwave {
namespace {

// Content equality for early cutoff: line endings, trailing whitespace and the
// frontmatter's `version:` line do not count as changes.
std::string CutoffKey(const std::string& content) {
  std::string norm = NormalizeText(content);
  std::string out;
  bool in_fm = false;
  int line_no = 0;
  for (auto line : SplitLines(norm)) {
    ++line_no;
    if (line_no == 1 && line == "---") in_fm = true;
    else if (in_fm && (line == "---" || line == "...")) in_fm = false;
    else if (in_fm && StartsWith(line, "version:")) continue;
    out.append(line);
    out += '\n';
  }
  return Sha256Hex(out);
}

std::string FindingsSummary(const std::vector<ArtifactFinding>& findings) {
  int errors = 0;
  std::string first;
  for (const auto& f : findings)
    if (f.severity == Severity::kError) {
      if (errors++ == 0)
        first = f.artifact + (f.line > 0 ? ":" + std::to_string(f.line) : "") + ": " + f.message;
    }
  return std::to_string(errors) + " validation error" + (errors == 1 ? "" : "s") + " (" + first + ")";
}

}  // namespace

// The scheduler's handler for one run: everything a phase does.
class WorkflowRunner::Handler final : public SchedulerHandler {
 public:
  Handler(WorkflowRunner& r, const ProjectRecord& project, const WorkflowRunRecord& run, const RunOptions& opt,
          RunObserver* observer, const std::set<int>& rerun_after_validation)
      : r_(r), spec_(r.spec_), project_(project), run_(run), opt_(opt), observer_(observer),
        bypass_cache_(rerun_after_validation) {
    const size_t n = spec_.phases.size();
    acc_.resize(n);
    items_.resize(n);
    results_.resize(n);
    changed_.assign(n, 0);
    first_start_us_.assign(n, -1);
    run_start_us_ = r.clock_.NowMonotonicUs();
    for (const auto& name : opt.changed_inputs)
      if (int i = spec_.IndexOf(name); i >= 0) changed_[i] = 1;
  }

  struct Accumulator {
    int calls = 0, cached_calls = 0, items = 0, errors = 0, warnings = 0;
    TokenUsage usage;
    double cost = 0;
    bool cost_known = true;
    bool committed = false;
    bool early_cutoff = false;
  };

  bool HasFanOut(int phase) const override { return spec_.phases[phase].fan_out.has_value(); }

  JobOutcome RunJob(int phase, int item, const CancelToken& cancel) override {
    JobOutcome out = RunJobBody(phase, item, cancel);
    std::lock_guard<std::mutex> lock(mu_);
    ReleaseBudget(phase, item);  // a job that ended before its call
    return out;
  }

  // Under mu_. The reservation ends when the call's cost is counted (or the
  // job ends without a call), so a cost is never counted twice.
  void ReleaseBudget(int phase, int item) { budget_reserved_.erase({phase, item}); }

  JobOutcome RunJobBody(int phase, int item, const CancelToken& cancel) {
    const PhaseSpec& p = spec_.phases[phase];
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (first_start_us_[phase] < 0) first_start_us_[phase] = r_.clock_.NowMonotonicUs() - run_start_us_;
    }
    if (item == kPrepareJob || item == kWholePhase) {
      if (opt_.early_cutoff && !InputsChanged(phase)) {
        std::lock_guard<std::mutex> lock(mu_);
        acc_[phase].early_cutoff = true;
        return {true, false, "", 0};
      }
    }
    if (item == kPrepareJob) return Prepare(phase);
    if (item == kJoinJob) return Join(phase);
    if (item >= 0) return RunItem(phase, item, cancel);
    if (p.phase_type == "done") return CommitArtifacts(phase, {{p.produces.empty() ? "" : p.produces[0], SpecPack(phase)}});
    if (p.phase_type == "validate") return Join(phase);  // no fan-out: the cross-artifact checks alone

    NamedTexts inputs;
    if (std::string missing = GatherInputs(phase, &inputs); !missing.empty()) return {false, false, missing, 0};
    GenerationContext ctx;
    ctx.phase = &p;
    ctx.brief = project_.brief;
    ctx.inputs = inputs;
    LlmResponse response = Call(phase, -1, ctx, cancel);
    if (!response.ok) return {false, response.finish == FinishReason::kCancelled, response.error, 0};
    ParsedResponse parsed = ParsePhaseResponse(response.text, p.produces, p.name);
    if (!parsed.ok()) return {false, false, JoinDiagnostics(parsed.problems), 0};
    return CommitArtifacts(phase, parsed.artifacts);
  }

  bool GatesApproved(int phase) override {
    const auto& gates = spec_.phases[phase].approval_gates;
    auto approvals = r_.store_.ListApprovals(run_.id);
    bool all = true;
    for (const auto& g : gates) {
      bool found = std::any_of(approvals.begin(), approvals.end(), [&](const ApprovalRecord& a) {
        return a.gate == g && a.phase == spec_.phases[phase].name;
      });
      if (!found && opt_.auto_approve) {
        ApprovalRecord a;
        a.project_id = project_.id;
        a.workflow_run_id = run_.id;
        a.phase = spec_.phases[phase].name;
        a.gate = g;
        a.decided_by = "auto-approve";
        found = !r_.store_.RecordApproval(a);
      }
      all = all && found;
    }
    return all;
  }

  // Whether a job calls the model (fan-out items and whole generating
  // phases do; prepare, join, validate-without-reviews and done do not).
  bool MakesCall(int phase, int item) const {
    if (item >= 0) return true;
    const auto& type = spec_.phases[phase].phase_type;
    return item == kWholePhase && type != "done" && type != "validate";
  }

  // The most a call can cost, before it is made: its prompt is the brief, the
  // phase's upstream artifacts (and the fan-out item) plus persona and rules,
  // in tokens at the characters-per-token this run has measured (4 until the
  // first reply) with a 10% margin; its output at most max_tokens. Reserving
  // the worst case makes the budget a cap, not a hope: reply lengths vary too
  // much to predict (one architecture reply was 3x the longest before it).
  double EstimateCallCost(int phase, int item) {
    constexpr size_t kPersonaAndRulesChars = 4000;
    NamedTexts inputs;
    GatherInputs(phase, &inputs);
    size_t chars = project_.brief.size() + kPersonaAndRulesChars;
    for (const auto& [name, content] : inputs) chars += name.size() + content.size();
    std::lock_guard<std::mutex> lock(mu_);
    if (item >= 0 && item < static_cast<int>(items_[phase].size())) chars += items_[phase][item].body.size();
    const double chars_per_token =
        prompt_tokens_seen_ > 0 ? static_cast<double>(prompt_chars_seen_) / static_cast<double>(prompt_tokens_seen_) : 4;
    TokenUsage u;
    u.input_tokens = static_cast<int64_t>(1.1 * static_cast<double>(chars) / std::max(chars_per_token, 1.0));
    u.output_tokens = opt_.max_tokens;
    const double c = opt_.cost ? opt_.cost(r_.provider_.Name(), r_.provider_.Model(), u) : -1;
    return std::max(c, 0.0);  // unknown price: nothing to hold against the budget
  }

  // The budget holds across parallel launches: each launched call reserves
  // its estimate until its real cost is counted, so phases launched in one go
  // cannot each spend the same remaining dollars.
  std::string LaunchBlocker(int phase, int item) override {
    if (opt_.budget_usd <= 0 || !MakesCall(phase, item)) return "";
    const double next = EstimateCallCost(phase, item);
    std::lock_guard<std::mutex> lock(mu_);
    double spent = 0, reserved = 0;
    for (const auto& a : acc_) spent += a.cost;
    for (const auto& [job, estimate] : budget_reserved_) reserved += estimate;
    if (spent + reserved + next > opt_.budget_usd) {
      char buf[240];
      std::snprintf(buf, sizeof buf,
                    "the run's budget of $%.2f would be exceeded (spent $%.4f, $%.4f held for %zu call%s in flight, "
                    "next call up to $%.4f)",
                    opt_.budget_usd, spent, reserved, budget_reserved_.size(), budget_reserved_.size() == 1 ? "" : "s",
                    next);
      return buf;
    }
    budget_reserved_.insert({{phase, item}, next});
    return "";
  }

  void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) override {
    bool terminal_without_commit = status == PhaseStatus::kFailed || status == PhaseStatus::kSkipped ||
                                   status == PhaseStatus::kCancelled;
    bool committed;
    {
      std::lock_guard<std::mutex> lock(mu_);
      committed = acc_[phase].committed;
    }
    if (terminal_without_commit && !committed) {
      PhaseRunRecord pr = BaseRecord(phase);
      pr.status = status;
      pr.error = reason;
      r_.store_.RecordPhaseRun(pr);
    }
    if (status == PhaseStatus::kSucceeded && IsCutoff(phase)) {
      PhaseRunRecord pr = BaseRecord(phase);
      pr.status = PhaseStatus::kSkipped;
      pr.error = "early cutoff: its inputs came out unchanged, so it was not run again";
      r_.store_.RecordPhaseRun(pr);
    }
    if (observer_) observer_->OnPhaseStatus(phase, status, reason);
  }

  Accumulator Acc(int phase) {
    std::lock_guard<std::mutex> lock(mu_);
    return acc_[phase];
  }
  bool IsCutoff(int phase) {
    std::lock_guard<std::mutex> lock(mu_);
    return acc_[phase].early_cutoff;
  }

 private:
  // A phase's direct dependencies' artifacts, latest versions, in graph order.
  std::string GatherInputs(int phase, NamedTexts* out) {
    std::vector<int> deps = spec_.phases[phase].deps;
    std::sort(deps.begin(), deps.end(), [&](int a, int b) { return TopoPos(a) < TopoPos(b); });
    for (int d : deps)
      for (const auto& a : spec_.phases[d].produces) {
        auto v = r_.store_.LatestVersion(project_.id, a);
        if (!v) return "input '" + a + "' from phase '" + spec_.phases[d].name + "' is missing from the store";
        out->push_back({a, v->content});
      }
    return "";
  }

  int TopoPos(int phase) const {
    const auto& t = r_.plan_.topo_order;
    return static_cast<int>(std::find(t.begin(), t.end(), phase) - t.begin());
  }

  bool InputsChanged(int phase) {
    std::lock_guard<std::mutex> lock(mu_);
    if (changed_[phase]) return true;  // selected as directly affected by the edit
    for (int d : spec_.phases[phase].deps)
      if (changed_[d]) return true;
    return false;
  }

  LlmResponse Call(int phase, int item, const GenerationContext& ctx, const CancelToken& cancel) {
    BuiltPrompt prompt = BuildPrompt(spec_, ctx);
    LlmRequest req;
    req.system = prompt.system;
    req.user = prompt.user;
    req.model = r_.provider_.Model();
    req.temperature = opt_.temperature;
    req.max_tokens = opt_.max_tokens;
    req.context = &ctx;
    req.label = prompt.label;
    req.bypass_cache = bypass_cache_.count(phase) > 0;
    LlmResponse resp = r_.provider_.Complete(
        req, [&](const std::string& chunk) { if (observer_) observer_->OnText(phase, item, chunk); }, cancel);
    std::lock_guard<std::mutex> lock(mu_);
    ReleaseBudget(phase, item);
    if (!resp.cached && resp.usage.input_tokens > 0) {
      prompt_chars_seen_ += static_cast<int64_t>(prompt.system.size() + prompt.user.size());
      prompt_tokens_seen_ += resp.usage.input_tokens;
    }
    Accumulator& a = acc_[phase];
    if (resp.cached) ++a.cached_calls;
    else ++a.calls;
    a.usage += resp.usage;
    if (!resp.cached && opt_.cost) {
      double c = opt_.cost(r_.provider_.Name(), r_.provider_.Model(), resp.usage);
      if (c < 0) a.cost_known = false;
      else a.cost += c;

    } else if (!resp.cached && r_.provider_.IsLanguageModel()) {
      a.cost_known = false;
    }
    return resp;
  }

  JobOutcome Prepare(int phase) {
    const PhaseSpec& p = spec_.phases[phase];
    std::vector<FanOutItem> items;
    if (p.fan_out->items == FanOut::Items::kHeadings) {
      auto v = r_.store_.LatestVersion(project_.id, p.fan_out->over);
      if (!v) return {false, false, "fan-out source '" + p.fan_out->over + "' is missing from the store", 0};
      items = HeadingItems(v->content, p.fan_out->heading_level);
      if (items.empty())
        return {false, false,
                "'" + p.fan_out->over + "' has no " + std::string(p.fan_out->heading_level, '#') +
                    " headings to fan out over",
                0};
    } else {
      NamedTexts inputs;
      if (std::string missing = GatherInputs(phase, &inputs); !missing.empty()) return {false, false, missing, 0};
      for (auto& [name, content] : inputs) items.push_back({name, content});
    }
    std::lock_guard<std::mutex> lock(mu_);
    items_[phase] = items;
    results_[phase].assign(items.size(), "");
    acc_[phase].items = static_cast<int>(items.size());
    return {true, false, "", static_cast<int>(items.size())};
  }

  JobOutcome RunItem(int phase, int item, const CancelToken& cancel) {
    const PhaseSpec& p = spec_.phases[phase];
    FanOutItem it;
    int count;
    {
      std::lock_guard<std::mutex> lock(mu_);
      it = items_[phase][item];
      count = static_cast<int>(items_[phase].size());
    }
    NamedTexts inputs;
    if (std::string missing = GatherInputs(phase, &inputs); !missing.empty()) return {false, false, missing, 0};
    GenerationContext ctx;
    ctx.phase = &p;
    ctx.brief = project_.brief;
    ctx.inputs = inputs;
    ctx.fan_out_item = it.title;
    ctx.fan_out_item_body = it.body;
    ctx.fan_out_index = item;
    ctx.fan_out_count = count;
    LlmResponse response = Call(phase, item, ctx, cancel);
    if (!response.ok) return {false, response.finish == FinishReason::kCancelled, response.error, 0};
    if (Trim(response.text).empty()) return {false, false, "empty response for item '" + it.title + "'", 0};
    std::lock_guard<std::mutex> lock(mu_);
    results_[phase][item] = response.text;  // scratch until the join commits
    return {true, false, "", 0};
  }

  std::string Frontmatter(int phase, const std::string& artifact) const {
    const PhaseSpec& p = spec_.phases[phase];
    std::string generator = r_.provider_.IsLanguageModel() ? r_.provider_.Name() + "/" + r_.provider_.Model()
                                                           : "offline-rules";
    return "title: " + TitleFromArtifactName(artifact) + " — " + project_.name + "\nartifact: " + artifact +
           "\nphase: " + p.name + "\nagent: " + p.agent + "\nversion: 1\ngenerator: " + generator + "\n";
  }

  JobOutcome Join(int phase) {
    const PhaseSpec& p = spec_.phases[phase];
    if (p.produces.empty() || IsCutoff(phase)) return {true, false, "", 0};
    std::vector<std::string> parts;
    std::vector<FanOutItem> items;
    {
      std::lock_guard<std::mutex> lock(mu_);
      parts = results_[phase];
      items = items_[phase];
    }
    const std::string& artifact = p.produces[0];
    if (p.phase_type != "validate")
      return CommitArtifacts(phase, {{artifact, JoinItems(Frontmatter(phase, artifact), TitleFromArtifactName(artifact),
                                                          parts)}});
    // Validation report: deterministic cross-artifact checks, then the
    // per-artifact reviews, each labelled with what produced it.
    NamedTexts all;
    if (std::string missing = GatherInputs(phase, &all); !missing.empty()) return {false, false, missing, 0};
    CrossCheckResult cross;
    if (r_.checks_.cross_check) cross = r_.checks_.cross_check(all);
    int errors = 0, warnings = 0;
    for (const auto& f : cross.findings) (f.severity == Severity::kError ? errors : warnings)++;
    std::string body = "## Summary\n\n" + std::to_string(all.size()) + " artifacts checked. Cross-artifact checks (" +
                       "deterministic): " + std::to_string(errors) + " gap" + (errors == 1 ? "" : "s") + ", " +
                       std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") + ".\n\n## Gaps\n\n" +
                       (cross.gaps_markdown.empty() ? std::string("No gaps found.\n") : cross.gaps_markdown) + "\n";
    // What the checks recognised, so a document whose ids were not read stands out.
    if (!cross.styles_markdown.empty()) body += "## Identifiers read\n\n" + cross.styles_markdown + "\n";
    if (!parts.empty()) {
      body += "## Per-artifact reviews\n\n";
      body += r_.provider_.IsLanguageModel()
                  ? "LLM judgement by " + r_.provider_.Name() + "/" + r_.provider_.Model() +
                        " — an opinion, shown beside the deterministic checks above, never instead of them.\n\n"
                  : "Rules-based reviews by the offline generator (not a language model).\n\n";
      for (const auto& t : parts) body += std::string(Trim(t)) + "\n\n";
    }
    std::string doc = JoinItems(Frontmatter(phase, artifact), "Validation report", {body});
    return CommitArtifacts(phase, {{artifact, doc}}, cross.findings, &all);
  }

  std::string SpecPack(int phase) {
    std::vector<SpecPackEntry> entries;
    for (const auto& a : spec_.AllArtifacts()) {
      if (!spec_.phases[phase].produces.empty() && a == spec_.phases[phase].produces[0]) continue;
      SpecPackEntry e;
      e.artifact = a;
      if (auto v = r_.store_.LatestVersion(project_.id, a)) {
        e.version = v->version;
        e.sha256 = v->sha256;
        e.author = v->author;
        e.phase = v->phase;
      }
      entries.push_back(e);
    }
    auto validations = r_.store_.LatestValidations(project_.id);
    for (auto& e : entries)
      for (const auto& v : validations)
        if (v.artifact == e.artifact) {
          e.validated = true;
          e.passed = e.passed && v.passed;
        }
    return BuildSpecPack(project_.name, spec_, spec_.phases[phase], entries, Frontmatter(phase, "spec-pack.md"));
  }

  PhaseRunRecord BaseRecord(int phase) {
    PhaseRunRecord pr;
    pr.workflow_run_id = run_.id;
    pr.phase = spec_.phases[phase].name;
    pr.provider = r_.provider_.Name();
    pr.model = r_.provider_.Model();
    std::lock_guard<std::mutex> lock(mu_);
    const Accumulator& a = acc_[phase];
    pr.calls = a.calls;
    pr.cached_calls = a.cached_calls;
    pr.usage = a.usage;
    pr.cost_usd = a.cost_known ? a.cost : -1;
    return pr;
  }

  // Validates, then stores the artifacts and the phase_run in one transaction.
  // `cross_checked`: at a validate join, every artifact the cross-artifact
  // checks read; each gets a traceability record even when clean, so a gap
  // fixed since an earlier run is not still shown from that run's record.
  JobOutcome CommitArtifacts(int phase, const NamedTexts& artifacts, std::vector<ArtifactFinding> findings = {},
                             const NamedTexts* cross_checked = nullptr) {
    const PhaseSpec& p = spec_.phases[phase];
    if (r_.checks_.validate_phase) {
      auto more = r_.checks_.validate_phase(p, artifacts);
      findings.insert(findings.end(), more.begin(), more.end());
    }
    int errors = 0, warnings = 0;
    for (const auto& f : findings) (f.severity == Severity::kError ? errors : warnings)++;
    // The cross-artifact gaps belong in the report; they do not stop VALIDATE.
    int blocking = 0;
    for (const auto& f : findings) blocking += f.severity == Severity::kError && f.validator != "traceability";

    // Only what changed becomes a new version: rerunning a phase that writes
    // the same text again adds no version (and is what early cutoff checks).
    bool changed = false;
    std::vector<ArtifactToCommit> commit;
    for (const auto& [name, content] : artifacts) {
      auto prev = r_.store_.LatestVersion(project_.id, name);
      if (!prev || CutoffKey(prev->content) != CutoffKey(content)) {
        changed = true;
        commit.push_back({name, content});
      }
    }
    PhaseRunRecord pr = BaseRecord(phase);
    pr.status = blocking ? PhaseStatus::kFailed : PhaseStatus::kSucceeded;
    if (blocking) pr.error = FindingsSummary(findings);
    {
      std::lock_guard<std::mutex> lock(mu_);
      pr.started_at_us = first_start_us_[phase];
    }
    pr.ended_at_us = r_.clock_.NowMonotonicUs() - run_start_us_;
    pr.duration_ms = (pr.ended_at_us - pr.started_at_us) / 1000;
    StoreError err = r_.store_.CommitPhase(pr, commit, "agent:" + p.agent, project_.id, opt_.regeneration_reason,
                                          opt_.regeneration_run_id);
    if (err) return {false, false, "could not store the artifacts: " + err.message, 0};
    {
      std::lock_guard<std::mutex> lock(mu_);
      acc_[phase].committed = true;
      acc_[phase].errors = errors;
      acc_[phase].warnings = warnings;
      changed_[phase] = changed_[phase] || changed;
    }
    RecordValidations(phase, artifacts, findings, cross_checked);
    if (observer_ && !findings.empty()) observer_->OnFindings(phase, findings);
    if (blocking) return {false, false, pr.error, 0};
    return {true, false, "", 0};
  }

  void RecordValidations(int phase, const NamedTexts& artifacts, const std::vector<ArtifactFinding>& findings,
                         const NamedTexts* cross_checked) {
    std::map<std::pair<std::string, std::string>, std::vector<const ArtifactFinding*>> groups;
    for (const auto& [name, content] : artifacts)
      for (const auto& v : spec_.phases[phase].validators) groups[{name, v}];
    if (cross_checked)
      for (const auto& [name, content] : *cross_checked) groups[{name, "traceability"}];
    for (const auto& f : findings) groups[{f.artifact, f.validator}].push_back(&f);
    for (const auto& [key, list] : groups) {
      ValidationRunRecord vr;
      vr.project_id = project_.id;
      vr.workflow_run_id = run_.id;
      vr.artifact = key.first;
      vr.validator = key.second;
      if (auto v = r_.store_.LatestVersion(project_.id, key.first)) vr.artifact_version_id = v->id;
      vr.passed = true;
      std::string json = "[";
      for (const auto* f : list) {
        if (f->severity == Severity::kError) vr.passed = false;
        if (json.size() > 1) json += ",";
        json += FindingToJson(*f);
      }
      vr.findings_json = json + "]";
      r_.store_.RecordValidation(vr);
    }
  }

  WorkflowRunner& r_;
  const WorkflowSpec& spec_;
  ProjectRecord project_;
  WorkflowRunRecord run_;
  RunOptions opt_;
  RunObserver* observer_;
  std::set<int> bypass_cache_;
  std::mutex mu_;
  std::vector<Accumulator> acc_;
  std::vector<std::vector<FanOutItem>> items_;
  std::vector<std::vector<std::string>> results_;
  std::vector<char> changed_;
  std::vector<int64_t> first_start_us_;
  std::map<std::pair<int, int>, double> budget_reserved_;  // (phase, item) launched, call not counted yet -> estimate
  int64_t prompt_chars_seen_ = 0, prompt_tokens_seen_ = 0;  // measured characters per token, for estimates
  int64_t run_start_us_ = 0;
};

WorkflowRunner::WorkflowRunner(const WorkflowSpec& spec, Store& store, LlmProvider& provider, const Clock& clock)
    : spec_(spec), plan_(MakePlan(spec)), store_(store), provider_(provider), clock_(clock) {}

RunReport WorkflowRunner::Run(int64_t project_id, const RunOptions& options, RunObserver* observer,
                              const CancelToken& cancel) {
  WorkflowRunRecord run;
  run.project_id = project_id;
  run.kind = options.run_kind;
  run.mode = ScheduleModeName(options.mode);
  run.status = "running";
  run.options_json = "{\"provider\":\"" + provider_.Name() + "\",\"model\":\"" + provider_.Model() +
                     "\",\"max_in_flight\":" + std::to_string(options.max_in_flight) + "}";
  run.started_at = clock_.NowUnixMs();
  if (StoreError err = store_.CreateRun(run)) {
    RunReport r;
    r.status = "failed";
    r.stop_reason = "could not record the run: " + err.message;
    return r;
  }
  std::vector<PhaseStatus> initial(spec_.phases.size(), PhaseStatus::kPending);
  if (options.only_phases)
    for (size_t i = 0; i < spec_.phases.size(); ++i)
      if (!options.only_phases->count(spec_.phases[i].name)) initial[i] = PhaseStatus::kSucceeded;
  return Execute(project_id, run, options, initial, observer, cancel, {});
}

RunReport WorkflowRunner::Resume(int64_t project_id, int64_t run_id, const RunOptions& options,
                                 RunObserver* observer, const CancelToken& cancel) {
  auto run = store_.GetRun(run_id);
  if (!run || run->project_id != project_id) {
    RunReport r;
    r.status = "failed";
    r.stop_reason = "no run " + std::to_string(run_id) + " in this project";
    return r;
  }
  // The latest record per phase decides: succeeded phases (whose artifacts
  // are in the store) are done and are not run again.
  std::vector<PhaseStatus> initial(spec_.phases.size(), PhaseStatus::kPending);
  std::set<int> rerun_after_validation;
  for (const auto& pr : store_.ListPhaseRuns(run_id)) {
    int i = spec_.IndexOf(pr.phase);
    if (i < 0) continue;
    initial[i] = PhaseStatus::kPending;
    if (pr.status == PhaseStatus::kSucceeded) {
      bool all_there = true;
      for (const auto& a : spec_.phases[i].produces) all_there = all_there && store_.LatestVersion(project_id, a);
      if (all_there) initial[i] = PhaseStatus::kSucceeded;
    } else if (pr.status == PhaseStatus::kSkipped && pr.error.rfind("early cutoff", 0) == 0) {
      initial[i] = PhaseStatus::kSucceeded;
    } else if (pr.status == PhaseStatus::kFailed && pr.error.find("validation error") != std::string::npos) {
      rerun_after_validation.insert(i);
    }
  }
  // Phases outside a regeneration's selection stay done.
  if (options.only_phases)
    for (size_t i = 0; i < spec_.phases.size(); ++i)
      if (!options.only_phases->count(spec_.phases[i].name)) initial[i] = PhaseStatus::kSucceeded;
  // Gated phases that are done wait for their approval again.
  for (size_t i = 0; i < spec_.phases.size(); ++i)
    if (initial[i] == PhaseStatus::kSucceeded && !spec_.phases[i].approval_gates.empty())
      initial[i] = PhaseStatus::kAwaitingApproval;
  run->status = "running";
  store_.UpdateRun(*run);
  return Execute(project_id, *run, options, initial, observer, cancel, rerun_after_validation);
}

StoreError WorkflowRunner::Approve(int64_t project_id, int64_t run_id, const std::string& phase,
                                   const std::string& gate, const std::string& decided_by) {
  int index = spec_.IndexOf(phase);
  if (index < 0 || std::find(spec_.phases[index].approval_gates.begin(), spec_.phases[index].approval_gates.end(),
                             gate) == spec_.phases[index].approval_gates.end()) {
    StoreError e;
    e.kind = StoreError::Kind::kInvalid;
    e.message = "phase '" + phase + "' has no approval gate '" + gate + "'";
    return e;
  }
  ApprovalRecord a;
  a.project_id = project_id;
  a.workflow_run_id = run_id;
  a.phase = phase;
  a.gate = gate;
  a.decided_by = decided_by;
  StoreError err = store_.RecordApproval(a);
  if (err) return err;
  std::lock_guard<std::mutex> lock(active_mu_);
  if (active_ && active_run_ == run_id) {
    int i = index;
    bool all = true;
    auto approvals = store_.ListApprovals(run_id);
    for (const auto& g : spec_.phases[i].approval_gates)
      all = all && std::any_of(approvals.begin(), approvals.end(),
                               [&](const ApprovalRecord& x) { return x.gate == g && x.phase == phase; });
    if (all) active_->Approve(i);
  }
  return {};
}

RunReport WorkflowRunner::Execute(int64_t project_id, WorkflowRunRecord run, const RunOptions& options,
                                  std::vector<PhaseStatus> initial, RunObserver* observer, const CancelToken& cancel,
                                  const std::set<int>& bypass_cache) {
  RunReport report;
  report.run_id = run.id;
  report.mode = ScheduleModeName(options.mode);
  report.provider = provider_.Name();
  report.model = provider_.Model();
  report.language_model = provider_.IsLanguageModel();
  auto project = store_.GetProject(project_id);
  if (!project) {
    report.status = "failed";
    report.stop_reason = "no project " + std::to_string(project_id);
    return report;
  }
  if (observer) observer->OnRunStarted(run.id);

  // Critical-path-first needs duration estimates: given, or this project's
  // last measured phase durations, or one unit each.
  std::vector<double> estimated = options.estimated_ms;
  if (estimated.size() != spec_.phases.size()) {
    estimated.assign(spec_.phases.size(), 1.0);
    if (auto last = store_.LatestRun(project_id, "run"))
      for (const auto& pr : store_.ListPhaseRuns(last->id))
        if (int i = spec_.IndexOf(pr.phase); i >= 0 && pr.duration_ms > 0) estimated[i] = double(pr.duration_ms);
  }

  Handler handler(*this, *project, run, options, observer, bypass_cache);
  Scheduler scheduler(spec_, plan_, handler, clock_);
  {
    std::lock_guard<std::mutex> lock(active_mu_);
    active_ = &scheduler;
    active_run_ = run.id;
  }
  SchedulerOptions so;
  so.mode = options.mode;
  so.max_in_flight = options.max_in_flight;
  so.return_when_only_approvals_remain = !options.wait_for_approval;
  so.estimated_ms = estimated;
  so.initial_status = initial;
  ScheduleResult result = scheduler.Run(so, cancel);

  bool any_failed = std::any_of(result.status.begin(), result.status.end(),
                                [](PhaseStatus s) { return s == PhaseStatus::kFailed; });
  if (any_failed && options.fallback_sequential && !cancel.IsCancelled()) {
    // Retry what did not succeed, one phase at a time; timings continue
    // after the first pass so the report stays one timeline.
    report.fallback_used = true;
    SchedulerOptions again = so;
    again.mode = ScheduleMode::kSequential;
    again.initial_status = result.status;
    ScheduleResult second = scheduler.Run(again, cancel);
    for (size_t i = 0; i < second.timing.size(); ++i) {
      if (second.timing[i].jobs.empty()) continue;
      auto t = second.timing[i];
      for (auto& j : t.jobs) {
        j.start_us += result.makespan_us;
        j.end_us += result.makespan_us;
      }
      t.start_us += result.makespan_us;
      t.end_us += result.makespan_us;
      result.timing[i] = t;
    }
    for (size_t i = 0; i < second.status.size(); ++i) {
      result.status[i] = second.status[i];
      result.reason[i] = second.reason[i];
    }
    result.makespan_us += second.makespan_us;
    result.awaiting_approval = second.awaiting_approval;
    result.cancelled = second.cancelled;
    result.stop_reason = second.stop_reason;
  }
  {
    std::lock_guard<std::mutex> lock(active_mu_);
    active_ = nullptr;
  }

  // Report: everything here is measured in this run.
  report.makespan_ms = result.makespan_us / 1000.0;
  report.max_in_flight_seen = result.max_in_flight_seen;
  report.stop_reason = result.stop_reason;
  std::vector<double> weights(spec_.phases.size(), 0);
  for (size_t i = 0; i < spec_.phases.size(); ++i) {
    PhaseReport pr;
    pr.name = spec_.phases[i].name;
    pr.status = result.status[i];
    pr.reason = result.reason[i];
    const PhaseTiming& t = result.timing[i];
    pr.done_earlier = t.jobs.empty() && (initial[i] == PhaseStatus::kSucceeded ||
                                         initial[i] == PhaseStatus::kAwaitingApproval);
    if (!t.jobs.empty()) {
      pr.start_ms = t.start_us / 1000.0;
      pr.end_ms = t.end_us / 1000.0;
      pr.duration_ms = pr.end_ms - pr.start_ms;
      pr.work_ms = t.WorkUs() / 1000.0;
      pr.critical_ms = t.CriticalUs() / 1000.0;
    }
    auto acc = handler.Acc(static_cast<int>(i));
    pr.early_cutoff = acc.early_cutoff;
    pr.items = acc.items;
    pr.calls = acc.calls;
    pr.cached_calls = acc.cached_calls;
    pr.usage = acc.usage;
    pr.cost_usd = acc.cost;
    pr.cost_known = acc.cost_known;
    pr.errors = acc.errors;
    pr.warnings = acc.warnings;
    weights[i] = pr.critical_ms;
    report.sequential_ms += pr.work_ms;
    report.usage += pr.usage;
    report.cost_usd += pr.cost_usd;
    report.cost_known = report.cost_known && pr.cost_known;
    report.calls += pr.calls;
    report.cached_calls += pr.cached_calls;
    report.early_cutoff_phases += pr.early_cutoff ? 1 : 0;
    if (pr.status == PhaseStatus::kAwaitingApproval) {
      auto approvals = store_.ListApprovals(run.id);
      for (const auto& g : spec_.phases[i].approval_gates)
        if (std::none_of(approvals.begin(), approvals.end(),
                         [&](const ApprovalRecord& a) { return a.gate == g && a.phase == pr.name; }))
          report.pending_gates.push_back(pr.name + "/" + g);
    }
    report.phases.push_back(pr);
  }
  CriticalPathResult cp = CriticalPath(spec_, plan_, weights);
  report.critical_path_ms = cp.length_ms;
  for (int v : cp.phases)
    if (weights[v] > 0) report.critical_path.push_back(spec_.phases[v].name);
  if (report.sequential_ms > 0)
    report.time_saved_percent = 100.0 * (report.sequential_ms - report.makespan_ms) / report.sequential_ms;
  for (size_t l = 0; l < plan_.waves.size(); ++l) {
    WaveReport w;
    w.level = static_cast<int>(l);
    bool any = false;
    for (int v : plan_.waves[l]) {
      w.phases.push_back(spec_.phases[v].name);
      const PhaseReport& pr = report.phases[v];
      if (result.timing[v].jobs.empty()) continue;
      w.start_ms = any ? std::min(w.start_ms, pr.start_ms) : pr.start_ms;
      w.end_ms = any ? std::max(w.end_ms, pr.end_ms) : pr.end_ms;
      w.work_ms += pr.work_ms;
      any = true;
    }
    w.span_ms = w.end_ms - w.start_ms;
    report.waves.push_back(w);
  }

  bool failed = std::any_of(result.status.begin(), result.status.end(), [](PhaseStatus s) {
    return s == PhaseStatus::kFailed || s == PhaseStatus::kSkipped;
  });
  if (result.cancelled) report.status = "cancelled";
  else if (result.awaiting_approval) report.status = "awaiting_approval";
  else if (failed || !result.stop_reason.empty()) report.status = "failed";
  else report.status = "succeeded";

  run.status = report.status;
  run.metrics_json = report.ToJson();
  run.finished_at = report.status == "awaiting_approval" ? 0 : clock_.NowUnixMs();
  store_.UpdateRun(run);
  if (observer) observer->OnRunFinished(report);
  return report;
}

}  // namespace specwave
