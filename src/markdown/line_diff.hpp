// Line diff for the side-by-side view of two versions of an artifact.
//
//   LineDiff diff = DiffLines(old_text, new_text);
//   SourceText left(old_text), right(new_text);   // same line numbering
//   for (const LineRow& row : diff.rows)
//     DrawRow(row.kind, left.Line(row.old_line), right.Line(row.new_line));  // line 0 = no line on that side
//
// Every old line appears in exactly one row, in order, and so does every new
// line. Runs of deleted lines facing runs of inserted lines are paired into
// kChange rows (the first deleted with the first inserted, and so on); the
// rest are kDelete / kInsert rows.
//
// Lines are interned and matched as in git: Myers' diff, exact for small
// inputs; large ones are first cut at lines unique to both sides (patience)
// and the search is capped (see sequence_match.hpp). A 1 MB document with
// edits everywhere diffs in about 10 ms; even adversarial input (the same
// lines shuffled) stops at the work budget, with `approximate` set.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace specwave::markdown {

enum class LineKind { kEqual, kInsert, kDelete, kChange };
const char* LineKindName(LineKind kind);  // "equal", "insert", "delete", "change"

struct LineRow {
  int old_line = 0;  // 1-based; 0 for kInsert
  int new_line = 0;  // 1-based; 0 for kDelete
  LineKind kind = LineKind::kEqual;
};

struct LineDiffOptions {
  // Lines that differ only in trailing whitespace are equal, as NormalizeText
  // treats them.
  bool ignore_trailing_whitespace = true;
  int64_t max_work = 5'000'000;  // search steps (~25 ms) before the diff settles for "approximate"
};

struct LineDiff {
  std::vector<LineRow> rows;
  int equal = 0, inserted = 0, deleted = 0, changed = 0;  // row counts by kind
  bool approximate = false;  // the work budget ran out: rows are valid, but lines that could match may not
};

// Lines are numbered as SourceText numbers them (CR, LF and CRLF end a line).
LineDiff DiffLines(std::string_view old_text, std::string_view new_text, const LineDiffOptions& options = {});

}  // namespace specwave::markdown
