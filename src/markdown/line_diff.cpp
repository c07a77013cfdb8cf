#include "markdown/line_diff.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "markdown/sequence_match.hpp"
#include "markdown/source_text.hpp"

namespace specwave::markdown {
namespace {

std::string_view TrimEnd(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\f' || s[e - 1] == '\v')) --e;
  return s.substr(0, e);
}

// Gives equal lines the same small id, so the diff compares integers.
class LineInterner {
 public:
  explicit LineInterner(bool trim) : trim_(trim) {}
  std::vector<uint32_t> Intern(const std::vector<std::string_view>& lines) {
    std::vector<uint32_t> ids;
    ids.reserve(lines.size());
    for (std::string_view line : lines) {
      auto [it, added] = ids_.try_emplace(trim_ ? TrimEnd(line) : line, static_cast<uint32_t>(ids_.size()));
      ids.push_back(it->second);
    }
    return ids;
  }
  uint32_t count() const { return static_cast<uint32_t>(ids_.size()); }

 private:
  bool trim_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

void AddRun(LineDiff* out, int old_from, int old_to, int new_from, int new_to) {
  // Pair the run's deleted and inserted lines into change rows first.
  while (old_from < old_to && new_from < new_to) {
    out->rows.push_back({old_from++ + 1, new_from++ + 1, LineKind::kChange});
    ++out->changed;
  }
  for (; old_from < old_to; ++old_from, ++out->deleted) out->rows.push_back({old_from + 1, 0, LineKind::kDelete});
  for (; new_from < new_to; ++new_from, ++out->inserted) out->rows.push_back({0, new_from + 1, LineKind::kInsert});
}

}  // namespace

const char* LineKindName(LineKind kind) {
  switch (kind) {
    case LineKind::kEqual:
      return "equal";
    case LineKind::kInsert:
      return "insert";
    case LineKind::kDelete:
      return "delete";
    case LineKind::kChange:
      return "change";
  }
  return "?";
}

LineDiff DiffLines(std::string_view old_text, std::string_view new_text, const LineDiffOptions& options) {
  const std::vector<std::string_view> old_lines = SplitSourceLines(old_text);
  const std::vector<std::string_view> new_lines = SplitSourceLines(new_text);
  LineInterner interner(options.ignore_trailing_whitespace);
  const std::vector<uint32_t> a = interner.Intern(old_lines);
  const std::vector<uint32_t> b = interner.Intern(new_lines);
  detail::MatchLimits limits;
  limits.max_work = options.max_work;
  detail::SequenceMatch match = detail::MatchSequences(a, b, interner.count(), limits);

  LineDiff out;
  out.approximate = match.approximate;
  out.rows.reserve(std::max(a.size(), b.size()) + 16);
  int i = 0, j = 0;
  for (const auto& [mi, mj] : match.pairs) {
    AddRun(&out, i, mi, j, mj);
    out.rows.push_back({mi + 1, mj + 1, LineKind::kEqual});
    ++out.equal;
    i = mi + 1;
    j = mj + 1;
  }
  AddRun(&out, i, static_cast<int>(a.size()), j, static_cast<int>(b.size()));
  return out;
}

}  // namespace specwave::markdown
