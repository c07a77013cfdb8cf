// Internal to src/markdown: finds the top-level headings of a document with
// md4c and places them on source lines.
//
// md4c reports no positions, only text pointers into the input buffer. A
// heading's line is therefore taken from the first of its own text pointers;
// its end (the setext underline) is found by scanning forward from its last
// pointer. A heading with no text pointer at all (`#`, `## ##`, `# [](x)`) is
// located by scanning the lines between the text before it and the text after
// it for the first line of its shape. Known imprecision, harmless for section
// boundaries: a setext heading whose first line has no text (`[](x)` then
// `Title` then `===`) starts at its first line with text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown/source_text.hpp"

namespace specwave::markdown::detail {

struct HeadingLine {
  int level = 1;
  std::string title;  // flattened, whitespace collapsed; may be empty
  int line = 0;       // first line of the heading (1-based)
  int end_line = 0;   // last line: the same for ATX, the underline for setext
};

// Headings of `body`, which must be a part of `source.text()` (the text after
// any frontmatter), in document order, with strictly increasing lines inside
// the body's line range. `ok` is false if md4c gave up (out of memory).
std::vector<HeadingLine> ScanHeadings(const SourceText& source, std::string_view body, bool* ok);

}  // namespace specwave::markdown::detail
