#include "engine/store_port.hpp"

namespace specwave {

const char* PhaseStatusName(PhaseStatus s) {
  switch (s) {
    case PhaseStatus::kPending: return "pending";
    case PhaseStatus::kRunning: return "running";
    case PhaseStatus::kSucceeded: return "succeeded";
    case PhaseStatus::kFailed: return "failed";
    case PhaseStatus::kSkipped: return "skipped";
    case PhaseStatus::kAwaitingApproval: return "awaiting_approval";
    case PhaseStatus::kCancelled: return "cancelled";
  }
  return "pending";
}

std::optional<PhaseStatus> ParsePhaseStatus(const std::string& s) {
  for (PhaseStatus p : {PhaseStatus::kPending, PhaseStatus::kRunning, PhaseStatus::kSucceeded, PhaseStatus::kFailed,
                        PhaseStatus::kSkipped, PhaseStatus::kAwaitingApproval, PhaseStatus::kCancelled})
    if (s == PhaseStatusName(p)) return p;
  return std::nullopt;
}

}  // namespace specwave
