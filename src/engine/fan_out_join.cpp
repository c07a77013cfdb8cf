#include "engine/fan_out_join.hpp"

#include "core/assert.hpp"

namespace specwave {

void FanOutJoin::CheckItem(int phase, int item) const {
  SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(items_.size()), "fan-out phase index out of range");
  SPECWAVE_ASSERT(item >= 0 && item < static_cast<int>(items_[phase].size()),
                  "fan-out item index out of range (item job before its prepare job?)");
}

void FanOutJoin::SetItems(int phase, std::vector<FanOutItem> items) {
  std::lock_guard<std::mutex> lock(mu_);
  SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(items_.size()), "fan-out phase index out of range");
  results_[phase].assign(items.size(), "");
  items_[phase] = std::move(items);
}

FanOutItem FanOutJoin::Item(int phase, int item) const {
  std::lock_guard<std::mutex> lock(mu_);
  CheckItem(phase, item);
  return items_[phase][item];
}

int FanOutJoin::Count(int phase) const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(items_[phase].size());
}

size_t FanOutJoin::ItemBytes(int phase, int item) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (item < 0 || item >= static_cast<int>(items_[phase].size())) return 0;
  return items_[phase][item].body.size();
}

void FanOutJoin::SetResult(int phase, int item, std::string text) {
  std::lock_guard<std::mutex> lock(mu_);
  CheckItem(phase, item);
  results_[phase][item] = std::move(text);
}

std::vector<std::string> FanOutJoin::Results(int phase) const {
  std::lock_guard<std::mutex> lock(mu_);
  return results_[phase];
}

std::string FanOutJoin::Join(int phase, const std::string& frontmatter_yaml, const std::string& title) const {
  return JoinItems(frontmatter_yaml, title, Results(phase));
}

}  // namespace specwave
