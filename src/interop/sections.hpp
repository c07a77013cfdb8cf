// An artifact's sections keyed for comparison across layouts: the outline's
// heading path without the H1 (an import writes its own title, so "PRD —
// Tidewater > Features > F2: Route sketch" and "Product requirements —
// Tidewater > Features > F2: Route sketch" are the same section,
// "Features > F2: Route sketch"). The H1's own text is "(top)".
//
// Each section also knows the raw lines it owns, so a sync can replace one
// section of a person's text and leave every other byte as it was.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave::interop {

inline constexpr const char* kTopKey = "(top)";

struct KeyedSection {
  std::string key;
  int level = 0;             // heading level; 0 for frontmatter, preamble and the lines before them
  std::string heading_line;  // the raw heading line ("### F2: Route sketch"); "" for non-headings
  std::string text;          // own body, normalised (what is compared)
  int first_line = 0, last_line = 0;  // raw lines owned, heading included; the segments cover the whole text
  bool frontmatter = false;
};

// Document order. Keys are unique (repeated titles are "Notes (2)", as in the outline).
std::vector<KeyedSection> KeyedSections(std::string_view text);

// A short, stable hash of a section's normalised text (16 hex of SHA-256).
std::string SectionHash(std::string_view normalised_text);

}  // namespace specwave::interop
