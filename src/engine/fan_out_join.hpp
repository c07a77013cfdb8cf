// FanOutJoin: the scratch of a run's fan-out phases — each phase's items
// (from its prepare job) and the text each item's call returned — and the
// join that turns them into one artifact, in item order, whichever call
// finished first. Items are scratch until the join commits: a crash loses
// only calls, never a half-joined artifact.
//
// Thread-safe: items are set by the prepare job, results by item jobs on
// several workers, read by the join.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "engine/fan_out.hpp"

namespace specwave {

class FanOutJoin {
 public:
  explicit FanOutJoin(size_t phases) : items_(phases), results_(phases) {}

  void SetItems(int phase, std::vector<FanOutItem> items);
  FanOutItem Item(int phase, int item) const;
  int Count(int phase) const;
  // The body size of an item (0 when not prepared yet): for cost estimates.
  size_t ItemBytes(int phase, int item) const;
  void SetResult(int phase, int item, std::string text);
  std::vector<std::string> Results(int phase) const;

  // The joined artifact: frontmatter, "# title", each item's text in order.
  std::string Join(int phase, const std::string& frontmatter_yaml, const std::string& title) const;

 private:
  void CheckItem(int phase, int item) const;

  mutable std::mutex mu_;
  std::vector<std::vector<FanOutItem>> items_;
  std::vector<std::vector<std::string>> results_;
};

}  // namespace specwave
