#include "engine/outcomes.hpp"

#include "core/enum_names.hpp"
#include "engine/provider_kind.hpp"

namespace specwave {
namespace {

constexpr EnumName<PhaseStatus> kPhaseStatusNames[] = {
    {PhaseStatus::kPending, "pending"},     {PhaseStatus::kRunning, "running"},
    {PhaseStatus::kSucceeded, "succeeded"}, {PhaseStatus::kFailed, "failed"},
    {PhaseStatus::kSkipped, "skipped"},     {PhaseStatus::kAwaitingApproval, "awaiting_approval"},
    {PhaseStatus::kCancelled, "cancelled"},
};

constexpr EnumName<PhaseOutcome> kPhaseOutcomeNames[] = {
    {PhaseOutcome::kNone, "none"},
    {PhaseOutcome::kGenerated, "generated"},
    {PhaseOutcome::kEarlyCutoff, "early_cutoff"},
    {PhaseOutcome::kCallFailed, "call_failed"},
    {PhaseOutcome::kReplyInvalid, "reply_invalid"},
    {PhaseOutcome::kValidationFailed, "validation_failed"},
    {PhaseOutcome::kStoreFailed, "store_failed"},
    {PhaseOutcome::kInputMissing, "input_missing"},
    {PhaseOutcome::kUpstreamFailed, "upstream_failed"},
    {PhaseOutcome::kCancelled, "cancelled"},
    {PhaseOutcome::kBlocked, "blocked"},
};

constexpr EnumName<RunStatus> kRunStatusNames[] = {
    {RunStatus::kRunning, "running"},
    {RunStatus::kSucceeded, "succeeded"},
    {RunStatus::kFailed, "failed"},
    {RunStatus::kCancelled, "cancelled"},
    {RunStatus::kAwaitingApproval, "awaiting_approval"},
    {RunStatus::kInterrupted, "interrupted"},
};

constexpr EnumName<RunKind> kRunKindNames[] = {{RunKind::kRun, "run"}, {RunKind::kRegeneration, "regeneration"}};

constexpr EnumName<ProviderKind> kProviderKindNames[] = {
    {ProviderKind::kOffline, "offline"}, {ProviderKind::kOpenAi, "openai"}, {ProviderKind::kAnthropic, "anthropic"}};

}  // namespace

const char* PhaseStatusName(PhaseStatus s) { return NameOf(kPhaseStatusNames, s); }
std::optional<PhaseStatus> ParsePhaseStatus(std::string_view s) { return ParseName(kPhaseStatusNames, s); }
const char* PhaseOutcomeName(PhaseOutcome o) { return NameOf(kPhaseOutcomeNames, o); }
std::optional<PhaseOutcome> ParsePhaseOutcome(std::string_view s) { return ParseName(kPhaseOutcomeNames, s); }
const char* RunStatusName(RunStatus s) { return NameOf(kRunStatusNames, s); }
std::optional<RunStatus> ParseRunStatus(std::string_view s) { return ParseName(kRunStatusNames, s); }
const char* RunKindName(RunKind k) { return NameOf(kRunKindNames, k); }
std::optional<RunKind> ParseRunKind(std::string_view s) { return ParseName(kRunKindNames, s); }
const char* ProviderKindName(ProviderKind k) { return NameOf(kProviderKindNames, k); }
std::optional<ProviderKind> ParseProviderKind(std::string_view s) { return ParseName(kProviderKindNames, s); }

}  // namespace specwave
