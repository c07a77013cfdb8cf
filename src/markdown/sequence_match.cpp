#include "markdown/sequence_match.hpp"

#include <algorithm>
#include <cmath>

namespace specwave::markdown::detail {
namespace {

struct Range {
  int a0, a1, b0, b1;
};

// Myers' linear-space search over x[0..n) and y[0..m), matches recorded in
// match_of_x. See the header for the two caps.
class Matcher {
 public:
  Matcher(const std::vector<uint32_t>& x, const std::vector<uint32_t>& y, uint32_t id_count, const MatchLimits& limits)
      : x_(x),
        y_(y),
        limits_(limits),
        match_of_x_(x.size(), -1),
        count_a_(id_count, 0),
        count_b_(id_count, 0),
        pos_b_(id_count, 0) {}

  void Run() {
    std::vector<Range> todo{{0, static_cast<int>(x_.size()), 0, static_cast<int>(y_.size())}};
    while (!todo.empty()) {
      Range r = todo.back();
      todo.pop_back();
      while (r.a0 < r.a1 && r.b0 < r.b1 && x_[r.a0] == y_[r.b0]) match_of_x_[r.a0++] = r.b0++;
      while (r.a0 < r.a1 && r.b0 < r.b1 && x_[r.a1 - 1] == y_[r.b1 - 1]) match_of_x_[--r.a1] = --r.b1;
      if (r.a0 == r.a1 || r.b0 == r.b1) continue;
      if (work_ > limits_.max_work) {
        approximate_ = true;  // out of budget: this range stays unmatched
        continue;
      }
      // A range too big for an exact search within the per-bisection cap is
      // first cut at lines unique on both sides (patience diff, as git does).
      if (r.a1 - r.a0 + r.b1 - r.b0 > 2 * limits_.min_cost && CutAtUniqueLines(r, &todo)) continue;
      int sx = 0, sy = 0;
      if (!Bisect(r, &sx, &sy)) continue;  // nothing in common
      todo.push_back({r.a0 + sx, r.a1, r.b0 + sy, r.b1});
      todo.push_back({r.a0, r.a0 + sx, r.b0, r.b0 + sy});
    }
  }

  const std::vector<int>& match_of_x() const { return match_of_x_; }
  bool approximate() const { return approximate_; }

 private:
  // Matches the longest run of lines that occur exactly once in each side of
  // the range and keep their order, and queues the ranges between them.
  // False (nothing done) when there are none.
  bool CutAtUniqueLines(const Range& r, std::vector<Range>* todo) {
    for (int i = r.a0; i < r.a1; ++i) ++count_a_[x_[i]];
    for (int j = r.b0; j < r.b1; ++j) {
      ++count_b_[y_[j]];
      pos_b_[y_[j]] = j;
    }
    std::vector<std::pair<int, int>> unique;  // (i, j), increasing in i
    for (int i = r.a0; i < r.a1; ++i)
      if (count_a_[x_[i]] == 1 && count_b_[x_[i]] == 1) unique.emplace_back(i, pos_b_[x_[i]]);
    for (int i = r.a0; i < r.a1; ++i) count_a_[x_[i]] = 0;
    for (int j = r.b0; j < r.b1; ++j) count_b_[y_[j]] = 0;
    work_ += (r.a1 - r.a0) + (r.b1 - r.b0);
    if (unique.empty()) return false;

    // Longest subsequence increasing in j (patience sorting).
    std::vector<int> tails, prev(unique.size(), -1);
    for (int k = 0; k < static_cast<int>(unique.size()); ++k) {
      auto it = std::lower_bound(tails.begin(), tails.end(), unique[size_t(k)].second,
                                 [&](int t, int j) { return unique[size_t(t)].second < j; });
      if (it != tails.begin()) prev[size_t(k)] = *(it - 1);
      if (it == tails.end())
        tails.push_back(k);
      else
        *it = k;
    }
    work_ += static_cast<int64_t>(unique.size());
    int a_end = r.a1, b_end = r.b1;
    for (int k = tails.back(); k >= 0; k = prev[size_t(k)]) {
      const auto [i, j] = unique[size_t(k)];
      match_of_x_[size_t(i)] = j;
      todo->push_back({i + 1, a_end, j + 1, b_end});
      a_end = i;
      b_end = j;
    }
    todo->push_back({r.a0, a_end, r.b0, b_end});
    return true;
  }

  // Finds a split point (sx, sy) strictly inside the range, on an optimal
  // path unless a cap is hit. False when the range has nothing in common.
  bool Bisect(const Range& r, int* sx, int* sy) {
    const int n = r.a1 - r.a0, m = r.b1 - r.b0;
    const int max_d = (n + m + 1) / 2;
    const int cost = std::max(limits_.min_cost, static_cast<int>(std::sqrt(static_cast<double>(n + m))));
    const int dlim = std::min(max_d, cost);
    const int off = dlim + 1;
    const int len = 2 * off + 2;
    v1_.assign(static_cast<size_t>(len), -1);
    v2_.assign(static_cast<size_t>(len), -1);
    v1_[off + 1] = 0;
    v2_[off + 1] = 0;
    const int delta = n - m;
    const bool front = (delta & 1) != 0;
    int k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    const uint32_t* xa = x_.data() + r.a0;
    const uint32_t* yb = y_.data() + r.b0;
    for (int d = 0; d < dlim && work_ <= limits_.max_work; ++d) {
      for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const int i1 = off + k1;
        int px = (k1 == -d || (k1 != d && v1_[i1 - 1] < v1_[i1 + 1])) ? v1_[i1 + 1] : v1_[i1 - 1] + 1;
        int py = px - k1;
        const int start = px;
        while (px < n && py < m && xa[px] == yb[py]) ++px, ++py;
        work_ += 1 + (px - start);
        v1_[i1] = px;
        if (px > n) {
          k1end += 2;
        } else if (py > m) {
          k1start += 2;
        } else if (front) {
          const int i2 = off + delta - k1;
          if (i2 >= 0 && i2 < len && v2_[i2] != -1 && px >= n - v2_[i2]) return Split(n, m, px, py, sx, sy);
        }
      }
      for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const int i2 = off + k2;
        int qx = (k2 == -d || (k2 != d && v2_[i2 - 1] < v2_[i2 + 1])) ? v2_[i2 + 1] : v2_[i2 - 1] + 1;
        int qy = qx - k2;
        const int start = qx;
        while (qx < n && qy < m && xa[n - qx - 1] == yb[m - qy - 1]) ++qx, ++qy;
        work_ += 1 + (qx - start);
        v2_[i2] = qx;
        if (qx > n) {
          k2end += 2;
        } else if (qy > m) {
          k2start += 2;
        } else if (!front) {
          const int i1 = off + delta - k2;
          if (i1 >= 0 && i1 < len && v1_[i1] != -1) {
            const int px = v1_[i1];
            const int py = px - (i1 - off);
            if (px >= n - qx) return Split(n, m, px, py, sx, sy);
          }
        }
      }
    }
    if (dlim == max_d && work_ <= limits_.max_work) return false;  // searched to the end: no common element
    if (work_ > limits_.max_work) approximate_ = true;
    // Capped: split where the search got furthest, from either end.
    int best = -1, bx = 0, by = 0;
    for (int i = 0; i < len; ++i) {
      const int k = i - off;
      if (v1_[i] >= 0) {
        const int px = v1_[i], py = px - k;
        if (px <= n && py >= 0 && py <= m && px + py > best) best = px + py, bx = px, by = py;
      }
      if (v2_[i] >= 0) {
        const int qx = v2_[i], qy = qx - k;
        if (qx <= n && qy >= 0 && qy <= m && qx + qy > best) best = qx + qy, bx = n - qx, by = m - qy;
      }
    }
    return Split(n, m, bx, by, sx, sy);
  }

  // Accepts a split strictly inside the range; otherwise the middle, so the
  // work list always shrinks (ranges here have n + m >= 3).
  static bool Split(int n, int m, int x, int y, int* sx, int* sy) {
    if (x < 0 || y < 0 || x > n || y > m || x + y == 0 || x + y == n + m) x = n / 2, y = m / 2;
    *sx = x;
    *sy = y;
    return x + y > 0 && x + y < n + m;
  }

  const std::vector<uint32_t>& x_;
  const std::vector<uint32_t>& y_;
  MatchLimits limits_;
  std::vector<int> match_of_x_;
  std::vector<int> v1_, v2_;
  std::vector<int> count_a_, count_b_, pos_b_;  // by id, for CutAtUniqueLines; zero between uses
  int64_t work_ = 0;
  bool approximate_ = false;
};

}  // namespace

SequenceMatch MatchSequences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, uint32_t id_count,
                             const MatchLimits& limits) {
  // Set aside ids that occur on one side only: they cannot be matched.
  std::vector<uint8_t> in_a(id_count, 0), in_b(id_count, 0);
  for (uint32_t id : a) in_a[id] = 1;
  for (uint32_t id : b) in_b[id] = 1;
  std::vector<uint32_t> x, y;
  std::vector<int> x_at, y_at;  // index in a / b of each element of x / y
  for (size_t i = 0; i < a.size(); ++i)
    if (in_b[a[i]]) x.push_back(a[i]), x_at.push_back(static_cast<int>(i));
  for (size_t j = 0; j < b.size(); ++j)
    if (in_a[b[j]]) y.push_back(b[j]), y_at.push_back(static_cast<int>(j));

  Matcher matcher(x, y, id_count, limits);
  matcher.Run();
  SequenceMatch out;
  out.approximate = matcher.approximate();
  const auto& match = matcher.match_of_x();
  for (size_t i = 0; i < match.size(); ++i)
    if (match[i] >= 0) out.pairs.emplace_back(x_at[i], y_at[static_cast<size_t>(match[i])]);
  return out;
}

}  // namespace specwave::markdown::detail
