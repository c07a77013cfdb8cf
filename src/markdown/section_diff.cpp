// Section diff: which sections were added, modified or deleted.
//
// Matching, top-down from the document root:
//  1. The children of two matched sections (or of the two roots) are grouped
//     by title; a section can only match one with the same title (so a
//     renamed heading is deleted + added) and the same kind.
//  2. Within a group holding one section on each side, those two match.
//  3. A group with repeated titles ("Notes", "Notes (2)", ...) is aligned by
//     content first: the longest common subsequence of the sections' subtree
//     hashes (own text, level, title and all descendants) pairs identical
//     sections in order. The unmatched ones between two such anchors are then
//     paired in order and compare as modified; any left over are added or
//     deleted. Inserting a new "Notes" before two unchanged ones therefore
//     reports one "added", not "modified, modified, added".
//  4. A matched pair is modified when its own text or heading level differs,
//     then its children are matched the same way. An unmatched section is
//     added or deleted together with all its descendants.
// Because each section's text stops at the next heading of any level, an
// edit shows up only on the deepest section holding it, and sections after
// it compare equal (the bug this replaces compared each section's text to the
// end of the document, so every later section came out "modified").
#include "markdown/section_diff.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/sha256.hpp"
#include "markdown/sequence_match.hpp"
#include "markdown/source_text.hpp"

namespace specwave::markdown {
namespace {

// Children of each section; index 0 is the root, section i is at i + 1.
std::vector<std::vector<int>> ChildLists(const Outline& o) {
  std::vector<std::vector<int>> kids(o.sections.size() + 1);
  for (size_t i = 0; i < o.sections.size(); ++i) kids[static_cast<size_t>(o.sections[i].parent + 1)].push_back(int(i));
  return kids;
}

uint64_t Combine(uint64_t h, uint64_t v) {
  return (h ^ (v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdULL;
}

// Hash of a section with all its descendants, for aligning repeated titles.
std::vector<uint64_t> SubtreeHashes(const Outline& o, const std::vector<std::vector<int>>& kids) {
  std::vector<uint64_t> h(o.sections.size());
  for (size_t i = o.sections.size(); i-- > 0;) {  // children come after their parent
    const Section& s = o.sections[i];
    uint64_t v = Combine(Combine(s.hash, ContentHash(s.title)), uint64_t(s.level) << 8 | uint64_t(s.kind));
    for (int c : kids[i + 1]) v = Combine(v, h[static_cast<size_t>(c)]);
    h[i] = v;
  }
  return h;
}

struct Side {
  const Outline& outline;
  std::vector<std::vector<int>> kids;
  std::vector<uint64_t> subtree;
  explicit Side(const Outline& o) : outline(o), kids(ChildLists(o)), subtree(SubtreeHashes(o, kids)) {}
  const Section& at(int i) const { return outline.sections[static_cast<size_t>(i)]; }
};

// Groups child indices by (kind, title), keeping document order in each group.
std::map<std::pair<int, std::string_view>, std::vector<int>> GroupByTitle(const Side& side, int parent) {
  std::map<std::pair<int, std::string_view>, std::vector<int>> groups;
  for (int c : side.kids[static_cast<size_t>(parent + 1)])
    groups[{static_cast<int>(side.at(c).kind), side.at(c).title}].push_back(c);
  return groups;
}

// Pairs of (old, new) indices for one group of same-titled siblings (rule 3).
std::vector<std::pair<int, int>> AlignGroup(const Side& o, const std::vector<int>& a, const Side& n,
                                            const std::vector<int>& b) {
  std::vector<std::pair<int, int>> pairs;
  if (a.size() == 1 && b.size() == 1) return {{a[0], b[0]}};
  std::unordered_map<uint64_t, uint32_t> ids;
  auto intern = [&](uint64_t h) { return ids.try_emplace(h, static_cast<uint32_t>(ids.size())).first->second; };
  std::vector<uint32_t> ia, ib;
  for (int i : a) ia.push_back(intern(o.subtree[static_cast<size_t>(i)]));
  for (int j : b) ib.push_back(intern(n.subtree[static_cast<size_t>(j)]));
  detail::MatchLimits limits;
  limits.max_work = 1'000'000;  // groups are small; a huge one settles for an approximate alignment
  detail::SequenceMatch anchors = detail::MatchSequences(ia, ib, static_cast<uint32_t>(ids.size()), limits);
  anchors.pairs.emplace_back(static_cast<int>(a.size()), static_cast<int>(b.size()));  // sentinel
  int i = 0, j = 0;
  for (const auto& [ai, bj] : anchors.pairs) {
    for (; i < ai && j < bj; ++i, ++j) pairs.emplace_back(a[size_t(i)], b[size_t(j)]);  // in order between anchors
    i = ai;
    j = bj;
    if (ai < static_cast<int>(a.size())) pairs.emplace_back(a[size_t(ai)], b[size_t(bj)]);
    ++i;
    ++j;
  }
  return pairs;
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kModified:
      return "modified";
    case ChangeKind::kDeleted:
      return "deleted";
  }
  return "?";
}

const char* ImpactName(Impact impact) {
  switch (impact) {
    case Impact::kLow:
      return "LOW";
    case Impact::kMedium:
      return "MEDIUM";
    case Impact::kHigh:
      return "HIGH";
  }
  return "?";
}

std::vector<SectionDelta> DiffOutlines(const Outline& old_outline, const Outline& new_outline) {
  const Side o(old_outline), n(new_outline);
  const size_t old_count = old_outline.sections.size(), new_count = new_outline.sections.size();
  std::vector<int> new_of_old(old_count, -1);
  std::vector<int> old_of_new(new_count, -1);
  std::vector<bool> new_matched(new_count, false), modified(new_count, false);

  std::deque<std::pair<int, int>> todo{{-1, -1}};  // matched parents whose children to match
  while (!todo.empty()) {
    auto [po, pn] = todo.front();
    todo.pop_front();
    auto old_groups = GroupByTitle(o, po);
    auto new_groups = GroupByTitle(n, pn);
    for (const auto& [key, a] : old_groups) {
      auto it = new_groups.find(key);
      if (it == new_groups.end()) continue;
      for (auto [i, j] : AlignGroup(o, a, n, it->second)) {
        new_of_old[size_t(i)] = j;
        new_matched[size_t(j)] = true;
        old_of_new[size_t(j)] = i;
        const Section &so = o.at(i), &sn = n.at(j);
        modified[size_t(j)] = so.level != sn.level || so.text != sn.text;
        todo.emplace_back(i, j);
      }
    }
  }

  // Order: new-document order. A deleted section goes where the last matched
  // section before it (in the old document) now is: right after it if that is
  // its ancestor; else after the new subtree of that section's ancestor which
  // is its sibling (so a deleted chapter follows the whole previous chapter).
  struct Keyed {
    int pos, tie, old_index;
    SectionDelta delta;
  };
  std::vector<Keyed> keyed;
  for (size_t j = 0; j < new_count; ++j) {
    if (new_matched[j] && !modified[j]) continue;
    const Section& sn = n.at(int(j));
    const int old_line = new_matched[j] ? o.at(old_of_new[j]).heading_line : 0;
    SectionDelta d{sn.path, new_matched[j] ? ChangeKind::kModified : ChangeKind::kAdded, old_line, sn.heading_line};
    keyed.push_back({int(j), 0, 0, std::move(d)});
  }
  std::vector<int> new_subtree_end(new_count);  // last index of each new section's subtree
  for (size_t j = new_count; j-- > 0;) {
    new_subtree_end[j] = std::max(new_subtree_end[j], int(j));
    if (int p = n.at(int(j)).parent; p >= 0)
      new_subtree_end[size_t(p)] = std::max(new_subtree_end[size_t(p)], new_subtree_end[j]);
  }
  int last_matched = -1;  // old index
  for (size_t i = 0; i < old_count; ++i) {
    if (new_of_old[i] >= 0) {
      last_matched = int(i);
      continue;
    }
    int pos = -1;
    if (last_matched >= 0) {
      auto is_ancestor = [&](int x) {
        for (int p = o.at(int(i)).parent; p >= 0; p = o.at(p).parent)
          if (p == x) return true;
        return false;
      };
      int l = last_matched;  // parents of matched sections are matched too
      if (is_ancestor(l)) {
        pos = new_of_old[size_t(l)];
      } else {
        while (o.at(l).parent >= 0 && !is_ancestor(o.at(l).parent)) l = o.at(l).parent;
        pos = new_subtree_end[size_t(new_of_old[size_t(l)])];
      }
    }
    const Section& so = o.at(int(i));
    keyed.push_back({pos, 1, int(i), SectionDelta{so.path, ChangeKind::kDeleted, so.heading_line, 0}});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& x, const Keyed& y) {
    return std::tie(x.pos, x.tie, x.old_index) < std::tie(y.pos, y.tie, y.old_index);
  });
  std::vector<SectionDelta> out;
  out.reserve(keyed.size());
  for (Keyed& k : keyed) out.push_back(std::move(k.delta));
  return out;
}

Impact ImpactOf(const std::vector<SectionDelta>& deltas) {
  Impact level = Impact::kLow;
  for (const auto& d : deltas) {
    if (d.section == kFrontmatterSection) continue;
    if (d.change != ChangeKind::kModified) return Impact::kHigh;
    level = Impact::kMedium;
  }
  return level;
}

ChangeSummary DiffSections(std::string_view old_text, std::string_view new_text) {
  ChangeSummary out;
  out.old_sha256 = Sha256Hex(old_text);
  out.new_sha256 = Sha256Hex(new_text);
  out.changed = !SameAfterNormalize(old_text, new_text);
  if (!out.changed) return out;
  out.sections = DiffOutlines(ParseOutline(old_text), ParseOutline(new_text));
  out.impact_level = ImpactOf(out.sections);
  return out;
}

}  // namespace specwave::markdown
