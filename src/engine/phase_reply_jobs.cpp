// PhaseJobs' reply path (issue #14): what happens after the provider returns
// — clean and envelope the reply (phase_reply.hpp), validate, make up to
// `repair_attempts` repair calls on validator errors (repair_prompt.hpp),
// then commit; or fail with the reply kept on the phase's record, so that
// nothing of a failed phase ever becomes a version.
#include <chrono>

#include "engine/phase_jobs.hpp"
#include "engine/phase_notes.hpp"
#include "engine/phase_reply.hpp"
#include "engine/prompt_builder.hpp"
#include "engine/prompt_limits.hpp"
#include "engine/repair_prompt.hpp"

namespace specwave {

void PhaseJobs::AddNotes(int phase, const std::vector<ArtifactFinding>& notes) {
  if (notes.empty()) return;
  accounts_.Update(phase, [&](PhaseAccount& a) { a.notes.insert(a.notes.end(), notes.begin(), notes.end()); });
}

JobOutcome PhaseJobs::FailWithReply(int phase, PhaseOutcome outcome, const std::string& raw,
                                    const std::vector<ArtifactFinding>& errors, std::string error) {
  accounts_.Update(phase, [&](PhaseAccount& a) {
    a.raw_reply = raw;
    a.notes.insert(a.notes.end(), errors.begin(), errors.end());
    a.errors += static_cast<int>(errors.size());
  });
  if (ctx_.observer && !errors.empty()) ctx_.observer->OnFindings(phase, errors);
  if (ctx_.observer) ctx_.observer->OnFailedReply(phase, raw);
  return Fail(phase, outcome, std::move(error));
}

JobOutcome PhaseJobs::FinishWholePhase(int phase, const GenerationContext& generation, const LlmResponse& first,
                                       const CancelToken& cancel, std::vector<ArtifactFinding> extra) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  LlmResponse response = first;
  ReadReply reply = ReadWholePhaseReply(ctx_, phase, response.text);
  AddNotes(phase, reply.notes);
  if (!reply.ok())
    return FailWithReply(phase, PhaseOutcome::kReplyInvalid, response.text, reply.errors,
                         "the reply for " + p.name + " cannot be used: " + SummariseErrors(reply.errors));
  // An artifact over max_artifact_chars would be copied into every later
  // prompt (issue 15.4): the phase fails and stores nothing, unrepaired.
  if (std::string why = OversizedOutput(p.name, reply.artifacts, ctx_.spec.max_artifact_chars); !why.empty())
    return FailWithReply(phase, PhaseOutcome::kReplyInvalid, response.text, {}, why);
  std::vector<ArtifactFinding> findings = committer_.Check(phase, reply.artifacts);
  for (int attempt = 0; attempt < ctx_.spec.RepairAttempts(phase) && PhaseCommitter::Blocks(findings); ++attempt) {
    if (cancel.IsCancelled()) break;
    LlmRequest repair = RepairRequest(Request(phase, kWholePhase, generation), reply.artifacts, findings);
    const int64_t t0 = ctx_.clock.NowMonotonicUs();
    double cost = -1;
    LlmResponse fixed = Send(phase, kWholePhase, repair, cancel, &cost);
    accounts_.CountRepair(phase, fixed, cost, ctx_.clock.NowMonotonicUs() - t0);
    if (!fixed.ok)
      return Fail(phase, PhaseOutcome::kCallFailed, "the repair call failed: " + fixed.error,
                  fixed.finish == FinishReason::kCancelled);
    ReadReply again = ReadWholePhaseReply(ctx_, phase, fixed.text);
    AddNotes(phase, again.notes);
    if (!again.ok())
      return FailWithReply(phase, PhaseOutcome::kReplyInvalid, fixed.text, again.errors,
                           "the repair reply for " + p.name + " cannot be used: " + SummariseErrors(again.errors));
    response = std::move(fixed);
    reply = std::move(again);
    findings = committer_.Check(phase, reply.artifacts);
  }
  if (std::string why = OversizedOutput(p.name, reply.artifacts, ctx_.spec.max_artifact_chars); !why.empty())
    return FailWithReply(phase, PhaseOutcome::kReplyInvalid, response.text, {}, why);
  if (PhaseCommitter::Blocks(findings)) {
    accounts_.Update(phase, [&](PhaseAccount& a) { a.raw_reply = response.text; });
    if (ctx_.observer) ctx_.observer->OnFailedReply(phase, response.text);
  }
  findings.insert(findings.end(), extra.begin(), extra.end());
  return committer_.CommitChecked(phase, reply.artifacts, findings);
}

// A revision's patched documents in this version's envelope: the patch
// keeps the previous version's frontmatter, whose version and created are
// no longer true. The sections themselves stay byte for byte.
NamedTexts PhaseJobs::ReEnvelope(int phase, const NamedTexts& artifacts) const {
  NamedTexts out;
  for (const auto& [name, text] : artifacts) out.emplace_back(name, WrapInEnvelope(text, FactsFor(ctx_, phase, name)).text);
  return out;
}

bool PhaseJobs::ReadItem(int phase, const FanOutItem& item, const LlmResponse& response, std::string* body,
                         std::string* error) {
  ReadReply r = ReadFanOutItemReply(ctx_, phase, item.title, response.text);
  AddNotes(phase, r.notes);
  if (r.ok() && !r.artifacts.empty()) {
    *body = r.artifacts[0].second;
    return true;
  }
  *error = "the reply for item '" + item.title + "' of " + ctx_.spec.phases[phase].name +
           " cannot be used: " + SummariseErrors(r.errors);
  FailWithReply(phase, PhaseOutcome::kReplyInvalid, response.text, r.errors, *error);
  return false;
}

}  // namespace specwave
