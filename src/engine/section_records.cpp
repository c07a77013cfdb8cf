#include "engine/section_records.hpp"

#include "core/enum_names.hpp"

namespace specwave {
namespace {

constexpr EnumName<LockSource> kLockSources[] = {
    {LockSource::kEdit, "edit"}, {LockSource::kHand, "hand"}, {LockSource::kDerived, "derived"}};
constexpr EnumName<ProposalKind> kProposalKinds[] = {{ProposalKind::kReplace, "replace"},
                                                     {ProposalKind::kDelete, "delete"}};
constexpr EnumName<ProposalStatus> kProposalStatuses[] = {{ProposalStatus::kOpen, "open"},
                                                          {ProposalStatus::kAccepted, "accepted"},
                                                          {ProposalStatus::kRejected, "rejected"},
                                                          {ProposalStatus::kSuperseded, "superseded"}};

}  // namespace

const char* LockSourceName(LockSource s) { return NameOf(kLockSources, s); }
std::optional<LockSource> ParseLockSource(std::string_view s) { return ParseName(kLockSources, s); }
const char* ProposalKindName(ProposalKind k) { return NameOf(kProposalKinds, k); }
std::optional<ProposalKind> ParseProposalKind(std::string_view s) { return ParseName(kProposalKinds, s); }
const char* ProposalStatusName(ProposalStatus s) { return NameOf(kProposalStatuses, s); }
std::optional<ProposalStatus> ParseProposalStatus(std::string_view s) { return ParseName(kProposalStatuses, s); }

}  // namespace specwave
