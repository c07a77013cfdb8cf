// Small line-based scanners the validators share: where each line starts (so a
// byte offset found anywhere becomes a 1-based line), which lines are inside
// fenced code or frontmatter, the heading each line sits under, markdown table
// rows, and the "sentence" around an offset (for prose rules such as "a
// purple-to-pink gradient" or "Typeface: Inter").
//
// Deliberately not md4c: the validators need exact source lines and must read
// text that is only roughly markdown (an LLM's output), and these scanners
// never fail on any input.
//
//   MarkdownLines md(text);
//   for (const auto& l : md.lines()) if (!l.in_code && l.heading_level) ...
//   int line = md.LineOf(offset);
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave::validators {

struct MdLine {
  int number = 0;               // 1-based
  size_t offset = 0;            // of the first character in the whole text
  std::string_view text;        // without the line break (and without a trailing '\r')
  bool in_frontmatter = false;  // the YAML block at the top, fences included
  bool in_code = false;         // inside a fenced code block (fences included)
  bool fence = false;           // the line is a ``` or ~~~ fence
  std::string code_info;        // the fence's info string, lowercase ("css"), for code lines
  int heading_level = 0;        // 1..6 for an ATX heading outside code
  std::string_view heading;     // its text (without #s and trailing #s)
  int section = -1;             // index of the heading line this line sits under, -1 before any
};

class MarkdownLines {
 public:
  explicit MarkdownLines(std::string_view text);

  const std::vector<MdLine>& lines() const { return lines_; }
  std::string_view text() const { return text_; }
  // 1-based line of a byte offset (offsets past the end give the last line).
  int LineOf(size_t offset) const;
  const MdLine& At(int line) const;  // 1-based; clamped
  // The heading text a line sits under ("" if none).
  std::string_view HeadingOf(int line) const;

 private:
  std::string_view text_;
  std::vector<MdLine> lines_;
};

// "| a | b |" -> {"a", "b"} (cells trimmed; escaped pipes are not split). Empty
// if the line is not a table row.
std::vector<std::string_view> SplitTableRow(std::string_view line);
// "|---|:--:|" and friends.
bool IsTableSeparator(std::string_view line);

// A table that documents a format rather than defining anything: a header
// cell "Example(s)", "Sample" or "e.g.", or "Format", "Syntax", "Pattern",
// "Convention" or "Template" with no "Value" column. Its rows are examples.
bool IsExampleTableHeader(const std::vector<std::string_view>& cells);
// Per line (index = line - 1): the line belongs to such a table.
std::vector<bool> ExampleTableLines(const MarkdownLines& md);

// The sentence around `pos`: bounded by . ! ? followed by a space or line end,
// by ; { } |, by a blank line, and by a line that starts a list item, heading,
// table row or code fence, and at most 2000 bytes either side (longer is not
// prose, and the cap keeps every scan linear). [begin, end) offsets into text.
struct Span {
  size_t begin = 0, end = 0;
};
Span SentenceAround(std::string_view text, size_t pos);

// Whole-word, case-insensitive search; a word boundary is anything that is not
// an ASCII letter or digit.
bool ContainsWord(std::string_view text, std::string_view word);
bool ContainsAnyWord(std::string_view text, const std::vector<std::string_view>& words);

// The offending text for a finding: trimmed, whitespace runs collapsed, cut to
// `max` bytes (on a UTF-8 boundary) with "…".
std::string Excerpt(std::string_view text, size_t max = 160);

bool IsAsciiLetter(char c);
bool IsAsciiAlnum(char c);

}  // namespace specwave::validators
