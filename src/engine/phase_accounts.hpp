// PhaseAccounts: what each phase of a run has done so far — calls, tokens,
// cost, fan-out items, validator findings, whether it committed or was cut
// off — counted by the phase workers and read by the report and the phase
// records. One lock for all phases: every update is a few additions.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/assert.hpp"
#include "engine/change_scope.hpp"
#include "engine/llm_port.hpp"
#include "engine/outcomes.hpp"
#include "engine/phase_checks.hpp"

namespace specwave {

struct PhaseAccount {
  int calls = 0, cached_calls = 0, items = 0, errors = 0, warnings = 0;
  int attempts = 0;  // HTTP attempts of its calls, retries included (each one billed as far as usage was reported)
  TokenUsage usage;
  double cost = 0;
  bool cost_known = true;
  bool committed = false;     // its artifacts and phase record are stored
  bool early_cutoff = false;  // not run: its inputs came out unchanged
  bool changed = false;       // this run wrote a new version of one of its artifacts (or it counts as changed)
  // What changed, by section (change_scope.hpp), for early cutoff by section;
  // `change_unknown`: counts as changed without knowing where (all of it).
  std::vector<ChangedSection> changed_sections;
  bool change_unknown = false;
  int64_t first_start_us = -1;
  PhaseOutcome failure = PhaseOutcome::kNone;  // why its job failed, when one did
  // Repair calls (issue #14.4), a part of calls/usage/cost counted apart.
  int repair_calls = 0;
  TokenUsage repair_usage;
  double repair_cost = 0;
  int64_t repair_us = 0;  // their wall time, summed
  // What the phase said besides its artifacts, kept on its record: the reply
  // cleaner's removals and replaced envelope fields (warnings, also when it
  // succeeds) and, when it failed, the reply or validator errors.
  std::vector<ArtifactFinding> notes;
  std::string raw_reply;  // the reply of a failed phase (or fan-out item), as the model sent it
};

class PhaseAccounts {
 public:
  explicit PhaseAccounts(size_t phases) : accounts_(phases) {}

  PhaseAccount Get(int phase) const {
    std::lock_guard<std::mutex> lock(mu_);
    return At(phase);
  }
  // Runs `fn(PhaseAccount&)` under the lock.
  template <typename Fn>
  void Update(int phase, Fn&& fn) {
    std::lock_guard<std::mutex> lock(mu_);
    fn(At(phase));
  }
  // One model call's result; `cost` < 0 when its price is unknown.
  void CountCall(int phase, const LlmResponse& response, double cost, bool priced);
  // Marks the call just counted by CountCall as a repair call that took `us`.
  void CountRepair(int phase, const LlmResponse& response, double cost, int64_t us);
  void MarkStarted(int phase, int64_t run_us);

 private:
  PhaseAccount& At(int phase) {
    SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(accounts_.size()), "phase index out of range");
    return accounts_[static_cast<size_t>(phase)];
  }
  const PhaseAccount& At(int phase) const { return const_cast<PhaseAccounts*>(this)->At(phase); }

  mutable std::mutex mu_;
  std::vector<PhaseAccount> accounts_;
};

}  // namespace specwave
