// libFuzzer target for the markdown layer: outline, section diff, line diff
// and render blocks on arbitrary bytes, checking their invariants.
//
// The input is split at its first NUL byte into an old and a new document;
// without a NUL the new document is the old one with its middle third cut
// out, so plain markdown seeds (tests/data/markdown) exercise the diff too.
//
// Built two ways: by scripts/fuzz.sh with clang and -fsanitize=fuzzer, and
// by tests/markdown/extra.cmake with replay_main.cpp under the normal build,
// which replays the seed corpus as a CTest.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "markdown/line_diff.hpp"
#include "markdown/outline.hpp"
#include "markdown/render_blocks.hpp"
#include "markdown/section_diff.hpp"
#include "markdown/source_text.hpp"

using namespace specwave;
using namespace specwave::markdown;

#define FUZZ_CHECK(cond, what)                                                                                      \
  do {                                                                                                              \
    if (!(cond)) {                                                                                                  \
      std::fprintf(stderr, "markdown_fuzz: invariant failed: %s [%s] at %s:%d\n", what, #cond, __FILE__, __LINE__); \
      std::abort();                                                                                                 \
    }                                                                                                               \
  } while (0)

namespace {

void CheckOutline(std::string_view text, const Outline& o) {
  SourceText src(text);
  FUZZ_CHECK(o.line_count == src.line_count(), "outline line count");
  std::set<std::string> paths;
  int prev_last = 0;
  for (size_t i = 0; i < o.sections.size(); ++i) {
    const Section& s = o.sections[i];
    FUZZ_CHECK(paths.insert(s.path).second, "paths are unique");
    FUZZ_CHECK(!s.path.empty() && !s.name.empty() && !s.title.empty(), "sections are named");
    FUZZ_CHECK(s.heading_line > prev_last, "sections are ordered and do not overlap");
    FUZZ_CHECK(s.heading_line >= 1 && s.heading_line <= std::max(1, o.line_count), "heading line in range");
    FUZZ_CHECK(s.first_line > s.heading_line || s.kind == SectionKind::kPreamble, "body starts after the heading");
    FUZZ_CHECK(s.first_line <= s.last_line + 1, "body range well formed");
    FUZZ_CHECK(s.last_line <= o.line_count, "body inside the text");
    FUZZ_CHECK(s.hash == ContentHash(s.text), "hash of the text");
    FUZZ_CHECK(s.text == NormalizeBody(src.Lines(s.first_line, s.last_line)), "text is the normalised body");
    if (s.parent >= 0) {
      FUZZ_CHECK(static_cast<size_t>(s.parent) < i, "parent comes first");
      const Section& p = o.sections[static_cast<size_t>(s.parent)];
      FUZZ_CHECK(p.level < s.level && p.kind == SectionKind::kHeading, "parent is a shallower heading");
      FUZZ_CHECK(s.path == p.path + " > " + s.name, "path extends the parent's");
    }
    prev_last = std::max(s.last_line, s.heading_line);
  }
}

void CheckSectionDiff(std::string_view a, std::string_view b) {
  ChangeSummary same = DiffSections(a, a);
  FUZZ_CHECK(!same.changed && same.sections.empty() && same.impact_level == Impact::kLow, "diff(a, a) is empty");
  FUZZ_CHECK(same.old_sha256 == same.new_sha256, "same text, same hash");

  ChangeSummary c = DiffSections(a, b);
  FUZZ_CHECK(c.changed == (NormalizeText(a) != NormalizeText(b)), "changed means NormalizeText differs");
  if (!c.changed) FUZZ_CHECK(c.sections.empty(), "unchanged has no sections");
  Outline oa = ParseOutline(a), ob = ParseOutline(b);
  std::set<std::string> seen_new;
  for (const SectionDelta& d : c.sections) {
    if (d.change == ChangeKind::kAdded) FUZZ_CHECK(d.old_line == 0 && d.new_line > 0, "added lines");
    if (d.change == ChangeKind::kDeleted) FUZZ_CHECK(d.new_line == 0 && d.old_line > 0, "deleted lines");
    if (d.change == ChangeKind::kModified) FUZZ_CHECK(d.old_line > 0 && d.new_line > 0, "modified lines");
    const Outline& where = d.change == ChangeKind::kDeleted ? oa : ob;
    FUZZ_CHECK(where.Find(d.section) != nullptr, "reported section exists");
    if (d.change != ChangeKind::kDeleted) FUZZ_CHECK(seen_new.insert(d.section).second, "new section reported once");
  }
  // Same sections with the same texts: nothing to report.
  bool same_outline = oa.sections.size() == ob.sections.size();
  for (size_t i = 0; same_outline && i < oa.sections.size(); ++i)
    same_outline = oa.sections[i].path == ob.sections[i].path && oa.sections[i].level == ob.sections[i].level &&
                   oa.sections[i].text == ob.sections[i].text;
  if (same_outline) FUZZ_CHECK(c.sections.empty(), "identical outlines report nothing");
}

void CheckLineDiff(std::string_view a, std::string_view b) {
  LineDiff d = DiffLines(a, b);
  auto la = SplitSourceLines(a), lb = SplitSourceLines(b);
  int next_old = 1, next_new = 1;
  for (const LineRow& r : d.rows) {
    if (r.old_line) FUZZ_CHECK(r.old_line == next_old++, "old lines in order, each once");
    if (r.new_line) FUZZ_CHECK(r.new_line == next_new++, "new lines in order, each once");
    FUZZ_CHECK((r.kind == LineKind::kInsert) == (r.old_line == 0), "only inserts lack an old line");
    FUZZ_CHECK((r.kind == LineKind::kDelete) == (r.new_line == 0), "only deletes lack a new line");
    if (r.kind == LineKind::kEqual)
      FUZZ_CHECK(TrimRight(la[size_t(r.old_line - 1)]) == TrimRight(lb[size_t(r.new_line - 1)]),
                 "equal rows are equal");
  }
  FUZZ_CHECK(next_old == static_cast<int>(la.size()) + 1 && next_new == static_cast<int>(lb.size()) + 1,
             "every line has a row");
  LineDiff same = DiffLines(a, a);
  FUZZ_CHECK(same.equal == static_cast<int>(la.size()) && same.rows.size() == la.size(), "diff(a, a) is all equal");
}

void CheckRender(std::string_view text) {
  SourceText src(text);
  int prev = 1;
  for (const RenderBlock& b : RenderBlocks(text)) {
    FUZZ_CHECK(b.line >= 1 && b.line <= std::max(1, src.line_count()), "block line in range");
    FUZZ_CHECK(b.line >= prev, "blocks in source order");
    prev = b.line;
    auto check_spans = [](const std::string& t, const std::vector<InlineSpan>& spans) {
      int end = 0;
      for (const InlineSpan& s : spans) {
        FUZZ_CHECK(s.begin >= end && s.begin < s.end && s.end <= static_cast<int>(t.size()), "spans ordered, inside");
        end = s.end;
      }
    };
    check_spans(b.text, b.spans);
    for (const TableCell& c : b.cells) check_spans(c.text, c.spans);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string a, b;
  if (size_t nul = input.find('\0'); nul != std::string_view::npos) {
    a = std::string(input.substr(0, nul));
    b = std::string(input.substr(nul + 1));
  } else {
    a = std::string(input);
    b = a.substr(0, a.size() / 3) + a.substr(2 * a.size() / 3);
  }
  CheckOutline(a, ParseOutline(a));
  CheckOutline(b, ParseOutline(b));
  CheckSectionDiff(a, b);
  CheckLineDiff(a, b);
  CheckRender(a);
  CheckRender(b);
  return 0;
}
