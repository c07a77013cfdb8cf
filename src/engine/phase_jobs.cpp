#include "engine/phase_jobs.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "engine/prompt_builder.hpp"
#include "engine/fan_out_items.hpp"
#include "engine/phase_reply.hpp"
#include "engine/prompt_limits.hpp"
#include "engine/review_scope.hpp"
#include "engine/revision.hpp"
#include "engine/spec_pack.hpp"
#include "engine/validation_report.hpp"

namespace specwave {

PhaseJobs::PhaseJobs(const RunContext& ctx, std::set<int> bypass_cache)
    : ctx_(ctx),
      bypass_cache_(std::move(bypass_cache)),
      accounts_(ctx.spec.phases.size()),
      budget_(ctx.options.budget_usd),
      fan_out_(ctx.spec.phases.size()),
      committer_(ctx, accounts_) {
  for (const auto& name : ctx.options.changed_inputs) {
    const int i = ctx.spec.IndexOf(name);
    if (i < 0) continue;
    // The edited artifact's producer changed exactly where the edit did;
    // every other seeded phase changed in ways nobody measured.
    std::vector<ChangedSection> known;
    for (const auto& c : ctx.options.edited_sections)
      if (ctx.spec.ProducerOf(c.artifact) == i) known.push_back(c);
    accounts_.Update(i, [&](PhaseAccount& a) {
      a.changed = true;
      a.change_unknown = known.empty();
      a.changed_sections = known;
    });
  }
}

bool PhaseJobs::HasFanOut(int phase) const { return ctx_.spec.phases[phase].fan_out.has_value(); }

JobOutcome PhaseJobs::RunJob(int phase, int item, const CancelToken& cancel) {
  JobOutcome out = Dispatch(phase, item, cancel);
  budget_.Release({phase, item});  // a job that ended before its call holds nothing any more
  return out;
}

JobOutcome PhaseJobs::Fail(int phase, PhaseOutcome outcome, std::string error, bool cancelled) {
  accounts_.Update(phase, [&](PhaseAccount& a) { a.failure = cancelled ? PhaseOutcome::kCancelled : outcome; });
  return {false, cancelled, std::move(error), 0};
}

JobOutcome PhaseJobs::Dispatch(int phase, int item, const CancelToken& cancel) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  accounts_.MarkStarted(phase, ctx_.SinceStartUs());
  if ((item == kPrepareJob || item == kWholePhase) && ctx_.options.early_cutoff && !InputsChanged(phase)) {
    accounts_.Update(phase, [](PhaseAccount& a) { a.early_cutoff = true; });
    return {true, false, "", 0};
  }
  if (item == kPrepareJob) return Prepare(phase);
  if (item == kJoinJob) return Join(phase);
  if (item >= 0) return Item(phase, item, cancel);
  if (p.type == PhaseType::kDone) return SpecPack(phase);
  if (p.type == PhaseType::kValidate) return ValidateJoin(phase);  // no fan-out: the cross-artifact checks alone
  return WholePhase(phase, cancel);
}

JobOutcome PhaseJobs::WholePhase(int phase, const CancelToken& cancel) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  NamedTexts inputs;
  if (std::string missing = ctx_.GatherInputs(phase, &inputs); !missing.empty())
    return Fail(phase, PhaseOutcome::kInputMissing, missing);
  GenerationContext generation;
  generation.phase = &p;
  generation.brief = ctx_.project.brief;
  generation.inputs = inputs;
  std::vector<ArtifactFinding> notes;
  std::optional<RevisionContext> revision = Revision(phase);
  if (revision) generation.revision = &*revision;
  // Checked on the first request as sent (a revision's carries its block;
  // a fallback rewrite's is that prompt without it, so no larger).
  const LlmRequest first = Request(phase, kWholePhase, generation);
  if (std::string why = CallBlocker(phase, kWholePhase, generation, first); !why.empty())
    return Fail(phase, PhaseOutcome::kBlocked, why);
  if (revision) {
    LlmResponse response = Send(phase, kWholePhase, first, cancel);
    if (!response.ok)
      return Fail(phase, PhaseOutcome::kCallFailed, response.error, response.finish == FinishReason::kCancelled);
    RevisedArtifacts revised = ApplyRevisionReply(response.text, *revision, p.produces);
    if (revised.ok) return committer_.Commit(phase, ReEnvelope(phase, revised.artifacts));
    generation.revision = nullptr;  // a repair of a rewrite asks for the whole document
    if (!revised.was_patch && ReadWholePhaseReply(ctx_, phase, response.text).ok())
      // The model rewrote the whole document after all: take it as a rewrite.
      return FinishWholePhase(phase, generation, response, cancel,
                              {RevisionNote(p, revised.note + "; taken as a whole rewrite")});
    // Malformed, or naming a section that does not exist: rewrite, and say so.
    notes.push_back(RevisionNote(p, revised.note + "; fell back to a whole rewrite"));
  }
  LlmResponse response = Send(phase, kWholePhase, revision ? Request(phase, kWholePhase, generation) : first, cancel);
  if (!response.ok)
    return Fail(phase, PhaseOutcome::kCallFailed, response.error, response.finish == FinishReason::kCancelled);
  return FinishWholePhase(phase, generation, response, cancel, std::move(notes));  // phase_reply_jobs.cpp
}

// Revise, don't rewrite (issue #16.2): in a regeneration, a phase whose
// artifacts all exist gets their current versions and the upstream change.
std::optional<RevisionContext> PhaseJobs::Revision(int phase) const {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  if (!ctx_.options.revise || ctx_.options.run_kind != RunKind::kRegeneration || p.IsDeterministic()) return std::nullopt;
  RevisionContext rev;
  for (const auto& a : p.produces) {
    auto v = ctx_.store.LatestVersion(ctx_.project.id, a);
    if (!v) return std::nullopt;  // nothing to revise: write it
    rev.current.emplace_back(a, v->content);
    if (auto it = ctx_.options.affected_items.find(a); it != ctx_.options.affected_items.end())
      rev.affected.insert(rev.affected.end(), it->second.begin(), it->second.end());
  }
  for (int d : p.deps) {
    const PhaseAccount a = accounts_.Get(d);
    if (a.changed) rev.upstream.insert(rev.upstream.end(), a.changed_sections.begin(), a.changed_sections.end());
  }
  return rev;
}

ArtifactFinding PhaseJobs::RevisionNote(const PhaseSpec& p, const std::string& message) {
  ArtifactFinding f;
  f.artifact = p.produces.empty() ? "" : p.produces[0];
  f.validator = "revision";
  f.rule = "revision-fallback";
  f.severity = Severity::kWarning;
  f.message = message;
  return f;
}

JobOutcome PhaseJobs::Prepare(int phase) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  std::vector<FanOutItem> items;
  if (p.fan_out->items == FanOut::Items::kHeadings) {
    auto v = ctx_.store.LatestVersion(ctx_.project.id, p.fan_out->over);
    if (!v)
      return Fail(phase, PhaseOutcome::kInputMissing,
                  "fan-out source '" + p.fan_out->over + "' is missing from the store");
    std::vector<std::string> not_items;
    items = NumberedItemsOnly(HeadingItems(v->content, p.fan_out->heading_level), &not_items);
    if (!not_items.empty()) {
      ArtifactFinding note{p.fan_out->over, "reply", "not-an-item", Severity::kInfo, 0,
                           "not fan-out items (headings without an item id among numbered ones): " +
                               specwave::Join(not_items, ", "),
                           ""};
      AddNotes(phase, {note});
    }
    if (items.empty())
      return Fail(phase, PhaseOutcome::kInputMissing,
                  "'" + p.fan_out->over + "' has no " + std::string(p.fan_out->heading_level, '#') +
                      " headings to fan out over");
  } else {
    NamedTexts inputs;
    if (std::string missing = ctx_.GatherInputs(phase, &inputs); !missing.empty())
      return Fail(phase, PhaseOutcome::kInputMissing, missing);
    // A review reads the deterministic checks' findings about its artifact,
    // so they run here, before the reviews (and again at the join).
    CrossCheckResult cross;
    if (p.type == PhaseType::kValidate && ctx_.checks.cross_check) cross = ctx_.checks.cross_check(inputs);
    for (auto& [name, content] : inputs)
      items.push_back({name, content, p.type == PhaseType::kValidate ? ReviewFindings(cross.findings, name) : ""});
  }
  const int count = static_cast<int>(items.size());
  if (std::string why = TooManyItems(p, count); !why.empty()) return Fail(phase, PhaseOutcome::kBlocked, why);
  fan_out_.SetItems(phase, std::move(items));
  accounts_.Update(phase, [&](PhaseAccount& a) { a.items = count; });
  return {true, false, "", count};
}

JobOutcome PhaseJobs::Item(int phase, int item, const CancelToken& cancel) {
  FanOutItem it = fan_out_.Item(phase, item);
  if (std::optional<std::string> kept = KeptItem(phase, it)) {
    fan_out_.SetResult(phase, item, std::move(*kept));  // unchanged inputs: its text stays byte for byte
    return {true, false, "", 0};
  }
  NamedTexts inputs;
  if (std::string missing = ctx_.GatherInputs(phase, &inputs); !missing.empty())
    return Fail(phase, PhaseOutcome::kInputMissing, missing);
  const PhaseSpec& p = ctx_.spec.phases[phase];
  if (std::string why = OversizedInput(p.name, inputs, ctx_.project.brief, ctx_.spec.max_artifact_chars);
      !why.empty())
    return Fail(phase, PhaseOutcome::kBlocked, why);
  GenerationContext generation;
  generation.phase = &p;
  generation.brief = ctx_.project.brief;
  generation.inputs = inputs;
  generation.fan_out_item = it.title;
  generation.fan_out_item_body = it.body;
  generation.fan_out_index = item;
  generation.fan_out_count = fan_out_.Count(phase);
  if (IsReviewFanOut(p) && ctx_.provider.IsLanguageModel()) {
    // The reviewed artifact once (the item), outlines of what it traces to, the checks' findings.
    generation.inputs = ReviewRelated(ctx_.spec, phase, it.title, inputs);
    if (!ReviewReadsBrief(ctx_.spec, it.title)) generation.brief.clear();
    generation.review_findings = it.notes;
  }
  const LlmRequest request = Request(phase, item, generation);
  if (std::string why = CallBlocker(phase, item, generation, request); !why.empty())
    return Fail(phase, PhaseOutcome::kBlocked, why);
  LlmResponse response = Send(phase, item, request, cancel);
  if (!response.ok)
    return Fail(phase, PhaseOutcome::kCallFailed, response.error, response.finish == FinishReason::kCancelled);
  std::string body, error;
  if (!ReadItem(phase, it, response, &body, &error)) return {false, false, error, 0};
  fan_out_.SetResult(phase, item, std::move(body));  // scratch until the join commits
  return {true, false, "", 0};
}

JobOutcome PhaseJobs::Join(int phase) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  if (p.produces.empty() || IsCutoff(phase)) return {true, false, "", 0};
  if (p.type == PhaseType::kValidate) return ValidateJoin(phase);
  const std::string& artifact = p.produces[0];
  NamedTexts joined = {
      {artifact, EnvelopeJoined(ctx_, phase, TitleFromArtifactName(artifact), fan_out_.Results(phase))}};
  if (std::string why = OversizedOutput(p.name, joined, ctx_.spec.max_artifact_chars); !why.empty())
    return Fail(phase, PhaseOutcome::kReplyInvalid, why);
  return committer_.Commit(phase, joined);
}

// Validation report: deterministic cross-artifact checks, then the
// per-artifact reviews (the fan-out's results, if it has any).
JobOutcome PhaseJobs::ValidateJoin(int phase) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  if (p.produces.empty()) return {true, false, "", 0};
  NamedTexts all;
  if (std::string missing = ctx_.GatherInputs(phase, &all); !missing.empty())
    return Fail(phase, PhaseOutcome::kInputMissing, missing);
  CrossCheckResult cross;
  if (ctx_.checks.cross_check) cross = ctx_.checks.cross_check(all);
  ReviewAuthor author{ctx_.provider.IsLanguageModel(), ctx_.provider.Name(), ctx_.provider.Model()};
  std::string body = ValidationReportBody(all.size(), cross, fan_out_.Results(phase), author);
  const std::string& artifact = p.produces[0];
  std::string doc = EnvelopeJoined(ctx_, phase, "Validation report", {body});
  return committer_.Commit(phase, {{artifact, doc}}, cross.findings, &all);
}

JobOutcome PhaseJobs::SpecPack(int phase) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  auto entries = SpecPackEntries(ctx_.store, ctx_.project.id, ctx_.spec, p);
  std::string artifact = p.produces.empty() ? "" : p.produces[0];
  std::string doc = BuildSpecPack(ctx_.project.name, ctx_.spec, p, entries, ctx_.Frontmatter(phase, "spec-pack.md"));
  return committer_.Commit(phase, {{artifact, doc}});
}

bool PhaseJobs::GatesApproved(int phase) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  auto approvals = ctx_.store.ListApprovals(ctx_.run.id);
  bool all = true;
  for (const auto& g : p.approval_gates) {
    bool found = std::any_of(approvals.begin(), approvals.end(),
                             [&](const ApprovalRecord& a) { return a.gate == g && a.phase == p.name; });
    if (!found && ctx_.options.auto_approve) {
      ApprovalRecord a;
      a.project_id = ctx_.project.id;
      a.workflow_run_id = ctx_.run.id;
      a.phase = p.name;
      a.gate = g;
      a.decided_by = "auto-approve";
      found = !ctx_.store.RecordApproval(a);
    }
    all = all && found;
  }
  return all;
}

// Whether a job calls the model: fan-out items and whole generating phases
// do; prepare, join, validate without reviews and done do not.
bool PhaseJobs::MakesCall(int phase, int item) const {
  if (item >= 0) return true;
  return item == kWholePhase && !ctx_.spec.phases[phase].IsDeterministic();
}

// The most a call can cost, before it is made: its prompt is the brief, the
// phase's upstream artifacts (and the fan-out item) plus persona and rules;
// its output at most max_tokens. Reserving the worst case makes the budget a
// cap, not a hope: reply lengths vary too much to predict (one architecture
// reply was 3x the longest before it).
double PhaseJobs::EstimateCallCost(int phase, int item) const {
  constexpr size_t kPersonaAndRulesChars = 4000;
  NamedTexts inputs;
  ctx_.GatherInputs(phase, &inputs);
  size_t brief = ctx_.project.brief.size();
  if (item >= 0 && IsReviewFanOut(ctx_.spec.phases[phase]) && ctx_.provider.IsLanguageModel() &&
      fan_out_.ItemBytes(phase, item) > 0) {
    // A review reads less than the phase's inputs (review_scope.hpp).
    const FanOutItem it = fan_out_.Item(phase, item);
    inputs = ReviewRelated(ctx_.spec, phase, it.title, inputs);
    if (!ReviewReadsBrief(ctx_.spec, it.title)) brief = 0;
    brief += it.notes.size();
  }
  size_t chars = brief + kPersonaAndRulesChars + fan_out_.ItemBytes(phase, item);
  for (const auto& [name, content] : inputs) chars += name.size() + content.size();
  TokenUsage u;
  u.input_tokens = budget_.EstimateInputTokens(static_cast<int64_t>(chars));
  u.output_tokens = MaxTokens(phase, item);
  const double c = ctx_.options.cost ? ctx_.options.cost(ctx_.provider.Kind(), ctx_.provider.Model(), u) : -1;
  return std::max(c, 0.0);  // unknown price: nothing to hold against the budget
}

std::string PhaseJobs::LaunchBlocker(int phase, int item) {
  if (!budget_.capped() || !MakesCall(phase, item)) return "";
  return budget_.Hold({phase, item}, EstimateCallCost(phase, item));
}

int PhaseJobs::MaxTokens(int phase, int item) const {
  if (ctx_.options.max_tokens > 0) return ctx_.options.max_tokens;
  return DefaultMaxTokens(ctx_.spec.phases[phase], item >= 0);
}

// Limits checked before a call (prompt_limits.hpp): an input over the
// workflow's max_artifact_chars (whole phases; items check theirs before
// the review scope narrows them), and a prompt that cannot fit the model's
// context window with its reply.
std::string PhaseJobs::CallBlocker(int phase, int item, const GenerationContext& generation,
                                   const LlmRequest& request) const {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  if (item < 0)
    if (std::string why = OversizedInput(p.name, generation.inputs, generation.brief, ctx_.spec.max_artifact_chars);
        !why.empty())
      return why;
  if (!ctx_.options.context_tokens) return "";
  const int64_t window = ctx_.options.context_tokens(ctx_.provider.Kind(), ctx_.provider.Model());
  if (window <= 0) return "";
  const auto chars = static_cast<int64_t>(request.system.size() + request.user.size());
  return ContextOverflow(request.label, ctx_.provider.Model(), chars, budget_.EstimateInputTokens(chars),
                         request.max_tokens, window);
}

// The request a call of (phase, item) sends: the prompt's blocks (a
// revision's block last), model, temperature, reply limit. One place for
// the first call, a fallback rewrite and a repair's original.
LlmRequest PhaseJobs::Request(int phase, int item, const GenerationContext& generation) const {
  BuiltPrompt prompt = BuildPrompt(ctx_.spec, generation);
  if (generation.revision) {  // after the task: the shared prefix stays the same as a first run's
    std::string block = RevisionPromptBlock(*generation.revision);
    prompt.blocks.push_back({PromptRole::kUser, block, false});
    prompt.user += "\n\n" + block;
  }
  LlmRequest req;
  SetPrompt(&req, prompt.blocks);  // the blocks carry the cache breakpoints
  req.model = ctx_.provider.Model();
  req.temperature = ctx_.options.temperature;
  req.max_tokens = MaxTokens(phase, item);
  req.context = &generation;
  req.label = prompt.label;
  req.bypass_cache = bypass_cache_.count(phase) > 0;
  return req;
}

LlmResponse PhaseJobs::Send(int phase, int item, const LlmRequest& req, const CancelToken& cancel,
                            double* cost_out) {
  LlmResponse resp = ctx_.provider.Complete(
      req,
      [&](const std::string& chunk) {
        if (ctx_.observer) ctx_.observer->OnText(phase, item, chunk);
      },
      cancel);
  const bool priced = !resp.cached && (ctx_.options.cost || ctx_.provider.IsLanguageModel());
  double cost = -1;
  if (!resp.cached && ctx_.options.cost)
    cost = ctx_.options.cost(ctx_.provider.Kind(), ctx_.provider.Model(), resp.usage);
  // Characters per token from one attempt's prompt (usage sums every attempt).
  const int64_t attempt_tokens = resp.attempt_usage.empty() ? resp.usage.input_tokens : resp.attempt_usage.back().input_tokens;
  if (!resp.cached && attempt_tokens > 0)
    budget_.ObservePrompt(static_cast<int64_t>(req.system.size() + req.user.size()), attempt_tokens);
  budget_.Settle({phase, item}, resp.cached ? 0 : cost);
  accounts_.CountCall(phase, resp, cost, priced);
  if (cost_out) *cost_out = resp.cached ? 0 : cost;
  return resp;
}

std::string PhaseJobs::CurrentOutput(int phase) const {
  std::string out;
  for (const auto& a : ctx_.spec.phases[phase].produces)
    if (auto v = ctx_.store.LatestVersion(ctx_.project.id, a)) out += v->content + "\n";
  return out;
}

// Early cutoff by section (issue #16.4): an input counts as changed for this
// phase only where it changed in a section the phase reads or whose id its
// output names (change_scope.hpp).
bool PhaseJobs::InputsChanged(int phase) const {
  if (accounts_.Get(phase).changed) return true;  // selected as directly affected by the edit
  const PhaseSpec& p = ctx_.spec.phases[phase];
  std::string current;
  bool read = false;
  for (int d : p.deps) {
    const PhaseAccount a = accounts_.Get(d);
    if (!a.changed) continue;
    if (a.change_unknown) return true;
    if (!read) current = CurrentOutput(phase), read = true;
    for (const auto& c : a.changed_sections)
      if (SectionMatters(p, c, current)) return true;
  }
  return false;
}

// Item-level fan-out (issue #16.3): in a regeneration, an item whose inputs
// did not change keeps its text from the current joined artifact, with no call.
std::optional<std::string> PhaseJobs::KeptItem(int phase, const FanOutItem& it) const {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  if (!ctx_.options.early_cutoff || ctx_.options.run_kind != RunKind::kRegeneration || p.produces.empty())
    return std::nullopt;
  const std::string source = p.fan_out->items == FanOut::Items::kHeadings ? p.fan_out->over : "";
  std::vector<ChangedSection> changes;
  for (int d : p.deps) {
    const PhaseAccount a = accounts_.Get(d);
    if (!a.changed) continue;
    if (a.change_unknown && !source.empty()) return std::nullopt;
    if (a.change_unknown)  // items over artifacts: only that phase's own artifacts' items
      for (const auto& name : ctx_.spec.phases[d].produces) changes.push_back({name, "", "unknown", "", ""});
    changes.insert(changes.end(), a.changed_sections.begin(), a.changed_sections.end());
  }
  auto current = ctx_.store.LatestVersion(ctx_.project.id, p.produces[0]);
  if (!current) return std::nullopt;
  std::optional<std::string> previous = PreviousItemText(current->content, it.title);
  if (ItemNeedsRerun(source, it.title, it.body, previous, changes)) return std::nullopt;
  return previous;
}

void PhaseJobs::OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) {
  const PhaseAccount a = accounts_.Get(phase);
  const bool terminal =
      status == PhaseStatus::kFailed || status == PhaseStatus::kSkipped || status == PhaseStatus::kCancelled;
  if (terminal && !a.committed) {
    PhaseRunRecord pr = ctx_.BaseRecord(phase, a);
    pr.status = status;
    pr.error = reason;
    pr.outcome = status == PhaseStatus::kSkipped     ? PhaseOutcome::kUpstreamFailed
                 : status == PhaseStatus::kCancelled ? PhaseOutcome::kCancelled
                 : a.failure != PhaseOutcome::kNone  ? a.failure
                                                     : PhaseOutcome::kCallFailed;
    ctx_.store.RecordPhaseRun(pr);
  }
  if (status == PhaseStatus::kSucceeded && a.early_cutoff) {
    PhaseRunRecord pr = ctx_.BaseRecord(phase, a);
    pr.status = PhaseStatus::kSkipped;
    pr.outcome = PhaseOutcome::kEarlyCutoff;
    pr.error = "early cutoff: its inputs came out unchanged, so it was not run again";
    ctx_.store.RecordPhaseRun(pr);
  }
  if (ctx_.observer) ctx_.observer->OnPhaseStatus(phase, status, reason);
}

}  // namespace specwave
