#include "interop/sections.hpp"

#include "core/sha256.hpp"
#include "markdown/outline.hpp"
#include "markdown/source_text.hpp"

namespace specwave::interop {

std::string SectionHash(std::string_view text) { return Sha256Hex(text).substr(0, 16); }

std::vector<KeyedSection> KeyedSections(std::string_view text) {
  markdown::Outline outline = markdown::ParseOutline(text);
  markdown::SourceText src(text);
  std::vector<KeyedSection> out;
  const auto& secs = outline.sections;
  for (size_t i = 0; i < secs.size(); ++i) {
    const markdown::Section& s = secs[i];
    KeyedSection k;
    k.text = s.text;
    k.level = s.level;
    k.first_line = s.kind == markdown::SectionKind::kFrontmatter ? 1 : s.heading_line;
    k.frontmatter = s.kind == markdown::SectionKind::kFrontmatter;
    if (s.kind != markdown::SectionKind::kHeading) {
      k.key = s.path;
    } else {
      k.heading_line = std::string(src.Line(s.heading_line));
      // The root ancestor: an H1 is dropped from the key.
      int root = static_cast<int>(i);
      while (secs[static_cast<size_t>(root)].parent >= 0) root = secs[static_cast<size_t>(root)].parent;
      const markdown::Section& r = secs[static_cast<size_t>(root)];
      if (r.level != 1) k.key = s.path;
      else if (root == static_cast<int>(i)) k.key = kTopKey;
      else k.key = s.path.substr(r.path.size() + 3);  // "<h1> > "
    }
    out.push_back(std::move(k));
  }
  // Segments cover every line: each runs to the line before the next one;
  // blank lines before the first section join it.
  int total = src.line_count();
  for (size_t i = 0; i < out.size(); ++i) {
    if (i == 0) out[i].first_line = 1;
    out[i].last_line = i + 1 < out.size() ? out[i + 1].first_line - 1 : total;
  }
  return out;
}

}  // namespace specwave::interop
