// How phases and runs end, as enums. The store keeps their names (and the
// phase outcome in its own column), so control flow — resume, early cutoff,
// the UI's banners — never reads the human wording of an error.
#pragma once

#include <optional>
#include <string_view>

namespace specwave {

enum class PhaseStatus { kPending, kRunning, kSucceeded, kFailed, kSkipped, kAwaitingApproval, kCancelled };
const char* PhaseStatusName(PhaseStatus s);
std::optional<PhaseStatus> ParsePhaseStatus(std::string_view s);

// Why a phase ended as it did; stored with each phase run. `status` says
// where it is, the outcome says what happened, the error text says it to a
// person.
enum class PhaseOutcome {
  kNone,              // not ended (or a record written before outcomes were stored, with no hint)
  kGenerated,         // succeeded: artifacts written (or found unchanged)
  kEarlyCutoff,       // not run: its inputs came out unchanged
  kCallFailed,        // the model call failed (network, provider error, refusal, empty reply)
  kReplyInvalid,      // the reply could not be turned into the declared artifacts
  kValidationFailed,  // validators reported errors (after repairs)
  kStoreFailed,       // the artifacts could not be stored
  kInputMissing,      // an upstream artifact was not in the store
  kUpstreamFailed,    // skipped: a dependency failed
  kCancelled,         // cancelled by the person (or a critical failure elsewhere)
  kBlocked,           // not launched: a limit would be exceeded (budget, fan_out.max_items, max_artifact_chars, context window)
};
const char* PhaseOutcomeName(PhaseOutcome o);
std::optional<PhaseOutcome> ParsePhaseOutcome(std::string_view s);

enum class RunStatus { kRunning, kSucceeded, kFailed, kCancelled, kAwaitingApproval, kInterrupted };
const char* RunStatusName(RunStatus s);
std::optional<RunStatus> ParseRunStatus(std::string_view s);

enum class RunKind { kRun, kRegeneration };
const char* RunKindName(RunKind k);
std::optional<RunKind> ParseRunKind(std::string_view s);

}  // namespace specwave
