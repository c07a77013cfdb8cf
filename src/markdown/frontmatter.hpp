// YAML frontmatter at the top of a markdown document:
//
//   ---            <- must be the very first line
//   title: PRD
//   ---            <- closing fence ("---" or "...")
//   # body...
//
// SplitFrontmatter only finds the block; parsing the YAML is the caller's job
// (the markdown_frontmatter validator uses yaml-cpp in the engine).
#pragma once

#include <string_view>

namespace specwave::markdown {

struct FrontmatterSplit {
  bool present = false;      // an opening fence on line 1
  bool closed = false;       // ...and a closing fence was found
  std::string_view yaml;     // between the fences (empty if absent)
  std::string_view body;     // everything after the closing fence (whole text if absent)
  int yaml_first_line = 0;   // 1-based line of the first YAML line (2 when present)
  int body_first_line = 1;   // 1-based line where body starts
};

FrontmatterSplit SplitFrontmatter(std::string_view text);

// YAML parsers recurse once per nesting level: a hostile "[[[[..." must not
// overflow a worker thread's stack, so a block over 64 KiB or with flow
// nesting deeper than 64 is refused before it is parsed.
bool FrontmatterTooComplex(std::string_view yaml);

}  // namespace specwave::markdown
