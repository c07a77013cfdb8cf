// The sections of a markdown document: what section-level change detection
// compares, what impact reasons name, and what the UI lists.
//
//   Outline outline = ParseOutline(text);
//   for (const Section& s : outline.sections)
//     std::printf("%-28s heading line %d, body %d-%d\n", s.path.c_str(), s.heading_line, s.first_line, s.last_line);
//
// For this text (line numbers on the left)
//
//    1 ---                  11
//    2 title: PRD           12 Users log in.
//    3 ---                  13
//    4                      14 ```
//    5 # PRD                15 # not a heading
//    6                      16 ```
//    7 Intro.               17 ## Notes
//    8                      18 ## Notes
//    9 ## Features
//   10 ### F1: **Login**
//
// it prints
//
//   (frontmatter)                heading line 1, body 2-2
//   PRD                          heading line 5, body 6-8
//   PRD > Features               heading line 9, body 10-9    (empty: a parent does not own its children's text)
//   PRD > Features > F1: Login   heading line 10, body 11-16
//   PRD > Notes                  heading line 17, body 18-17
//   PRD > Notes (2)              heading line 18, body 19-18
//
// Rules:
//  * Headings are what md4c says they are (ATX and setext), at the top level
//    of the document: a `#` line in a code block is text, and a heading
//    inside a block quote or list item is part of that quote or item.
//  * Closed YAML frontmatter is the section "(frontmatter)"; non-blank text
//    before the first heading is "(preamble)".
//  * A section is named by its heading path ("PRD > Features > Auth"), each
//    part the heading's text with inline markup flattened (`**Auth**` ->
//    "Auth"; code spans keep their text; an empty heading is "(untitled)").
//  * A section owns its own text only: from its heading to the next heading
//    of any level, so a parent does not own its children's text.
//  * Sibling headings with the same text are told apart in document order:
//    "Notes", "Notes (2)", "Notes (3)".
//  * Line numbers are 1-based and count CR, LF and CRLF as line ends.
//
// Never throws; any input gives an outline (at worst one preamble section).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::markdown {

enum class SectionKind { kFrontmatter, kPreamble, kHeading };

inline constexpr std::string_view kFrontmatterSection = "(frontmatter)";
inline constexpr std::string_view kPreambleSection = "(preamble)";

struct Section {
  SectionKind kind = SectionKind::kHeading;
  std::string path;                   // "PRD > Features > Auth"; unique within its outline
  std::string title;                  // heading text, flattened: "Auth" (the special name for frontmatter/preamble)
  std::string name;                   // last part of path: title, or "Notes (2)" for a repeated sibling title
  int level = 0;                      // 1..6 for headings; 0 for frontmatter and preamble
  int parent = -1;                    // index in Outline::sections of the enclosing heading; -1 at the top
  int heading_line = 0;               // heading (first text line if setext), opening fence, first preamble line
  int first_line = 0, last_line = 0;  // body, inclusive; empty when first_line > last_line
  std::string text;                   // body normalised (NormalizeText, leading blank lines dropped too)
  uint64_t hash = 0;                  // ContentHash(text)
};

struct Outline {
  std::vector<Section> sections;  // document order; a parent comes before its children
  int line_count = 0;

  // The section with this path, or nullptr.
  const Section* Find(std::string_view path) const;
};

Outline ParseOutline(std::string_view markdown);

}  // namespace specwave::markdown
