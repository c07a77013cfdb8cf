// PhaseJobs: the scheduler's handler for one run — what each job of a phase
// does. A generating phase is one job (gather inputs, call the model, parse,
// commit); a fan-out phase is a prepare job (its items), one call per item
// and a join; a validate phase joins the cross-artifact checks with the
// per-artifact reviews; a done phase writes the spec-pack index.
//
// The pieces it drives, each with its own state and lock:
//   RunContext      what the run reads and never changes (immutable)
//   PhaseAccounts   calls, tokens, cost, findings per phase
//   RunBudget       the spending cap across parallel launches
//   FanOutJoin      fan-out items and their results until the join
//   PhaseCommitter  validate, store, record findings
//
// Threads: RunJob on phase workers; HasFanOut, GatesApproved, LaunchBlocker
// and OnPhaseStatus on the scheduler's coordinator.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/fan_out_join.hpp"
#include "engine/phase_accounts.hpp"
#include "engine/phase_commit.hpp"
#include "engine/revision.hpp"
#include "engine/run_budget.hpp"
#include "engine/run_context.hpp"
#include "engine/scheduler.hpp"

namespace specwave {

class PhaseJobs final : public SchedulerHandler {
 public:
  // `bypass_cache`: phases whose calls must not be answered from the
  // response cache (rerun after their validation failed).
  PhaseJobs(const RunContext& ctx, std::set<int> bypass_cache);

  bool HasFanOut(int phase) const override;
  JobOutcome RunJob(int phase, int item, const CancelToken& cancel) override;
  bool GatesApproved(int phase) override;
  std::string LaunchBlocker(int phase, int item) override;
  void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) override;

  PhaseAccount Account(int phase) const { return accounts_.Get(phase); }

 private:
  JobOutcome Dispatch(int phase, int item, const CancelToken& cancel);
  JobOutcome WholePhase(int phase, const CancelToken& cancel);
  JobOutcome Prepare(int phase);
  JobOutcome Item(int phase, int item, const CancelToken& cancel);
  JobOutcome Join(int phase);
  JobOutcome ValidateJoin(int phase);
  JobOutcome SpecPack(int phase);
  JobOutcome Fail(int phase, PhaseOutcome outcome, std::string error, bool cancelled = false);

  LlmRequest Request(int phase, int item, const GenerationContext& generation) const;
  // Sends a request and counts it (tokens, cost, budget); *cost_out: its price (< 0 unknown).
  LlmResponse Send(int phase, int item, const LlmRequest& request, const CancelToken& cancel,
                   double* cost_out = nullptr);

  // The reply path (phase_reply_jobs.cpp): clean, envelope, validate,
  // repair, and keep a failed reply on the phase's record.
  // `extra`: findings the revision path adds (a fallback's reason), recorded with the validators'.
  JobOutcome FinishWholePhase(int phase, const GenerationContext& generation, const LlmResponse& response,
                              const CancelToken& cancel, std::vector<ArtifactFinding> extra = {});
  // A fan-out item's reply cleaned into its body; false (the phase failed,
  // the reply kept on its record, *error why) when it cannot be used.
  bool ReadItem(int phase, const FanOutItem& item, const LlmResponse& response, std::string* body,
                std::string* error);
  JobOutcome FailWithReply(int phase, PhaseOutcome outcome, const std::string& raw,
                           const std::vector<ArtifactFinding>& errors, std::string error);
  void AddNotes(int phase, const std::vector<ArtifactFinding>& notes);
  bool InputsChanged(int phase) const;
  std::string CurrentOutput(int phase) const;
  std::optional<std::string> KeptItem(int phase, const FanOutItem& item) const;
  std::optional<RevisionContext> Revision(int phase) const;
  NamedTexts ReEnvelope(int phase, const NamedTexts& artifacts) const;
  static ArtifactFinding RevisionNote(const PhaseSpec& p, const std::string& message);
  bool MakesCall(int phase, int item) const;
  double EstimateCallCost(int phase, int item) const;
  int MaxTokens(int phase, int item) const;
  std::string CallBlocker(int phase, int item, const GenerationContext& generation, const LlmRequest& request) const;
  bool IsCutoff(int phase) const { return accounts_.Get(phase).early_cutoff; }

  const RunContext& ctx_;
  const std::set<int> bypass_cache_;
  PhaseAccounts accounts_;
  RunBudget budget_;
  FanOutJoin fan_out_;
  PhaseCommitter committer_;
};

}  // namespace specwave
