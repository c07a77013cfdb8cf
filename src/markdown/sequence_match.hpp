// Internal to src/markdown: a common subsequence of two sequences of small
// integer ids (interned lines, interned section hashes) — the core of the
// line diff and of matching repeated section titles.
//
// Myers' O(ND) algorithm in linear space (the middle-snake bisection), after
// two exact reductions: the common prefix and suffix are matched directly, and
// ids that occur on one side only are set aside (they can never match, so the
// longest common subsequence is unchanged). Small ranges (n + m up to twice
// the per-bisection cap) get an exact longest common subsequence. Bigger ones
// are bounded the way git does it:
//  * first cut at ids unique on both sides of the range, in order (patience
//    diff), so a large document with scattered edits becomes many small
//    exact problems;
//  * a bisection that needs more than the cap of edit steps splits where it
//    got furthest instead of at the optimal point;
//  * once `max_work` steps are spent in total, the remaining ranges get no
//    further matches, and the result is marked `approximate`.
// The result is always a valid common subsequence.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace specwave::markdown::detail {

struct SequenceMatch {
  std::vector<std::pair<int, int>> pairs;  // (index in a, index in b), increasing in both
  bool approximate = false;                // the work budget ran out: some matchable elements may be unmatched
};

struct MatchLimits {
  int min_cost = 256;            // per-bisection cap is max(min_cost, sqrt(n + m))
  int64_t max_work = 5'000'000;  // total diagonal and snake steps (~25 ms)
};

// Ids must be in [0, id_count).
SequenceMatch MatchSequences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, uint32_t id_count,
                             const MatchLimits& limits = {});

}  // namespace specwave::markdown::detail
