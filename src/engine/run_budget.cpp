#include "engine/run_budget.hpp"

#include <algorithm>
#include <cstdio>

namespace specwave {

std::string RunBudget::Hold(Job job, double estimate_usd) {
  std::lock_guard<std::mutex> lock(mu_);
  double held = 0;
  for (const auto& [j, e] : held_) held += e;
  if (spent_usd_ + held + estimate_usd > limit_usd_) {
    char buf[240];
    std::snprintf(buf, sizeof buf,
                  "the run's budget of $%.2f would be exceeded (spent $%.4f, $%.4f held for %zu call%s in flight, "
                  "next call up to $%.4f)",
                  limit_usd_, spent_usd_, held, held_.size(), held_.size() == 1 ? "" : "s", estimate_usd);
    return buf;
  }
  held_[job] = estimate_usd;
  return "";
}

void RunBudget::Settle(Job job, double cost_usd) {
  std::lock_guard<std::mutex> lock(mu_);
  held_.erase(job);
  if (cost_usd > 0) spent_usd_ += cost_usd;
}

void RunBudget::Release(Job job) {
  std::lock_guard<std::mutex> lock(mu_);
  held_.erase(job);
}

double RunBudget::spent() const {
  std::lock_guard<std::mutex> lock(mu_);
  return spent_usd_;
}

double RunBudget::held() const {
  std::lock_guard<std::mutex> lock(mu_);
  double held = 0;
  for (const auto& [j, e] : held_) held += e;
  return held;
}

void RunBudget::ObservePrompt(int64_t chars, int64_t tokens) {
  if (chars <= 0 || tokens <= 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  prompt_chars_ += chars;
  prompt_tokens_ += tokens;
}

int64_t RunBudget::EstimateInputTokens(int64_t chars) const {
  std::lock_guard<std::mutex> lock(mu_);
  const double chars_per_token =
      prompt_tokens_ > 0 ? static_cast<double>(prompt_chars_) / static_cast<double>(prompt_tokens_) : 4;
  return static_cast<int64_t>(1.1 * static_cast<double>(chars) / std::max(chars_per_token, 1.0));
}

}  // namespace specwave
