#include "interop/section_merge.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "interop/sections.hpp"
#include "markdown/source_text.hpp"

namespace specwave::interop {
namespace {

struct Segment {
  std::string key;
  std::string raw;       // its lines, each with '\n'
  bool touched = false;  // replaced or inserted: spacing around it is ours
};

std::string Block(const std::string& heading_line, const std::string& body) {
  std::string out = heading_line + "\n";
  if (!body.empty()) out += "\n" + body;
  return out + "\n";
}

}  // namespace

std::string ApplySectionOps(const std::string& text, const std::vector<SectionOp>& ops) {
  markdown::SourceText src(text);
  std::vector<Segment> segs;
  for (const KeyedSection& s : KeyedSections(text)) {
    Segment seg{s.key, std::string(src.Lines(s.first_line, s.last_line)), false};
    if (!seg.raw.empty() && seg.raw.back() != '\n') seg.raw += '\n';
    // Keep the heading line to rebuild the section around a new body.
    segs.push_back(std::move(seg));
  }
  auto find = [&](const std::string& key) {
    return std::find_if(segs.begin(), segs.end(), [&](const Segment& s) { return s.key == key; });
  };
  std::vector<KeyedSection> original = KeyedSections(text);
  for (const SectionOp& op : ops) {
    auto it = find(op.key);
    if (it != segs.end()) {
      if (!op.text) {
        segs.erase(it);
        continue;
      }
      auto orig = std::find_if(original.begin(), original.end(), [&](const KeyedSection& s) { return s.key == op.key; });
      std::string heading = orig != original.end() && !orig->heading_line.empty() ? orig->heading_line : op.heading_line;
      it->raw = heading.empty() ? *op.text + (op.text->empty() ? "" : "\n") : Block(heading, *op.text);
      it->touched = true;
      continue;
    }
    if (!op.text) continue;  // deleting what is not there
    auto after = op.after_key.empty() ? segs.end() : find(op.after_key);
    Segment seg{op.key, Block(op.heading_line, *op.text), true};
    if (after == segs.end()) {
      // "The start" means after the frontmatter and the H1's own text.
      if (op.after_key.empty()) {
        auto pos = segs.begin();
        while (pos != segs.end() && (pos->key == "(frontmatter)" || pos->key == "(preamble)" || pos->key == kTopKey)) ++pos;
        segs.insert(pos, seg);
      } else {
        segs.push_back(seg);
      }
    } else {
      segs.insert(after + 1, seg);
    }
  }
  // A blank line before and after every section this function wrote.
  std::string out;
  for (size_t i = 0; i < segs.size(); ++i) {
    bool touched = segs[i].touched || (i > 0 && segs[i - 1].touched);
    if (touched && !out.empty() && !EndsWith(out, "\n\n")) out += "\n";
    out += segs[i].raw;
  }
  return out;
}

}  // namespace specwave::interop
