// Internal to the reply cleaner (reply_cleaner.cpp, reply_document.cpp,
// reply_item.cpp): a reply as lines that remember their raw line number, and
// the few block shapes the cleaner must recognise without a full markdown
// parser — code fences (CommonMark rules: ``` or ~~~, three or more, a closer
// at least as long and without an info string), ATX headings, rules, list
// and table lines, frontmatter-shaped blocks and `=== FILE: name ===` markers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::reply {

struct Line {
  std::string_view text;  // without its line end
  int raw = 0;            // 1-based line of the raw reply
};
using Lines = std::vector<Line>;

struct Fence {
  char ch = 0;       // '`' or '~'
  size_t len = 0;    // 3 or more
  std::string info;  // first word of the info string, lowercased ("markdown", "")
  std::string_view line;
};

std::optional<Fence> FenceOpener(std::string_view line);
bool ClosesFence(std::string_view line, const Fence& open);
// mask[i] is true when lines[i] is a fence line or inside a fence; an
// unclosed fence runs to the end, as in CommonMark.
std::vector<bool> FenceMask(const Lines& lines);
// FenceMask for a whole reply, where models nest fences the way CommonMark
// does not: inside a ```markdown (or ```md) fence, an opener with an info
// string (```json) opens a nested fence that the next bare closer ends, so the
// document fence closes at its own closer — not at its first sample's.
std::vector<bool> ReplyFenceMask(const Lines& lines);
// Every fence in `lines` is closed.
bool FencesBalanced(const Lines& lines);

// What each line of a stored document is, fed one line at a time: the
// leading YAML frontmatter, a fence line (``` or ~~~), a line inside a
// fence, or body text. Fan-out items and review outlines read headings only
// in body text (fan_out.cpp, review_scope.cpp).
class BodyLines {
 public:
  enum class Kind { kFrontmatter, kFence, kFenced, kText };
  Kind Next(std::string_view line);

 private:
  int count_ = 0;
  bool in_frontmatter_ = false;
  std::string fence_;  // the open fence's first three characters, "" if none
};

bool IsBlank(std::string_view line);
int AtxLevel(std::string_view line);             // 0 when not an ATX heading
std::string HeadingText(std::string_view line);  // "## E2: Routes ##" -> "E2: Routes"
bool IsRule(std::string_view line);              // ---, ***, ___ (three or more, spaces allowed)
// A line that belongs to a markdown block other than a paragraph: heading,
// list item, table row, quote, HTML, fence. Such lines are never "remarks".
bool IsStructuralLine(std::string_view line);

// `lines[at]` is `---` followed by YAML key lines and a closing `---` or
// `...`: the index of the closing line, or -1. The first non-blank inner line
// must be `key: ...`, so a `---` rule before a heading is not frontmatter.
int FrontmatterBlockEnd(const Lines& lines, size_t at);

struct Marker {
  std::string name;           // as written, quotes and backticks removed
  bool file_keyword = false;  // "=== FILE: name ===" rather than "=== name ==="
};
// "=== FILE: docs/data-model.md ===", "==== File: `API-Spec.md` ====",
// "=== api-spec.md ===". Says nothing about whether the name is declared.
std::optional<Marker> ParseMarker(std::string_view line);
std::string_view BaseName(std::string_view path);
// An absolute path, a drive letter or a ".." part: never a file of this folder.
bool LeavesFolder(std::string_view name);
// Has a '/' or ends in ".ext" (letters): "=== Runtime ===" does not.
bool LooksLikeFileName(std::string_view name);
// A line that only names a file: "### `api-spec.md`", "**File: prd.md**",
// "### 2. `api-spec.md`", "prd.md:". The name, or "" when the line says
// anything else.
std::string LabelName(std::string_view line);
// "2. " or "2) " at the start of `t` removed.
std::string_view StripEnumerator(std::string_view t);

// Paragraphs: maximal runs of non-blank lines, as [begin, end) indices.
struct Span {
  size_t begin = 0, end = 0;
};
std::vector<Span> Paragraphs(const Lines& lines, size_t begin, size_t end);

// The lines joined, each with '\n'.
std::string JoinLines(const Lines& lines, size_t begin, size_t end);
std::string JoinLines(const Lines& lines);
// Lines without leading and trailing blank lines.
Lines TrimBlankLines(const Lines& lines);
Lines Slice(const Lines& lines, size_t begin, size_t end);

}  // namespace specwave::reply
