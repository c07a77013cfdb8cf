#include "engine/phase_accounts.hpp"

#include <algorithm>

namespace specwave {

void PhaseAccounts::CountCall(int phase, const LlmResponse& response, double cost, bool priced) {
  std::lock_guard<std::mutex> lock(mu_);
  PhaseAccount& a = At(phase);
  if (response.cached)
    ++a.cached_calls;
  else
    ++a.calls;
  a.usage += response.usage;
  if (!response.cached) a.attempts += std::max(1, response.attempts);
  if (response.cached) return;  // no model call, no bill
  if (!priced) return;
  if (cost < 0)
    a.cost_known = false;
  else
    a.cost += cost;
}

void PhaseAccounts::CountRepair(int phase, const LlmResponse& response, double cost, int64_t us) {
  std::lock_guard<std::mutex> lock(mu_);
  PhaseAccount& a = At(phase);
  ++a.repair_calls;
  a.repair_usage += response.usage;
  if (cost > 0) a.repair_cost += cost;
  a.repair_us += us;
}

void PhaseAccounts::MarkStarted(int phase, int64_t run_us) {
  std::lock_guard<std::mutex> lock(mu_);
  PhaseAccount& a = At(phase);
  if (a.first_start_us < 0) a.first_start_us = run_us;
}

}  // namespace specwave
