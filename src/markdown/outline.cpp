#include "markdown/outline.hpp"

#include <unordered_map>
#include <unordered_set>

#include "markdown/frontmatter.hpp"
#include "markdown/heading_scan.hpp"
#include "markdown/source_text.hpp"

namespace specwave::markdown {
namespace {

constexpr std::string_view kUntitled = "(untitled)";

// Unique sibling names: the first "Notes" under a parent keeps its title, the
// next ones become "Notes (2)", "Notes (3)", skipping any name already taken
// (a heading literally titled "Notes (2)" included). Names are remembered by a
// 64-bit hash of (parent, name): a collision could only skip a free number,
// never repeat a name, and it keeps documents with 100,000s of headings fast.
class SiblingNamer {
 public:
  explicit SiblingNamer(size_t expected) {
    used_.reserve(expected + 2);
    // The special sections' names are never given to a heading, present or not,
    // so a heading titled "(preamble)" cannot be matched with a real preamble.
    used_.insert(Key(-1, kFrontmatterSection));
    used_.insert(Key(-1, kPreambleSection));
  }

  std::string Unique(int parent, const std::string& title) {
    const uint64_t key = Key(parent, title);
    if (used_.insert(key).second) return title;
    int& n = next_[key];
    if (n < 2) n = 2;
    for (;; ++n) {
      std::string candidate = title + " (" + std::to_string(n) + ")";
      if (used_.insert(Key(parent, candidate)).second) {
        ++n;
        return candidate;
      }
    }
  }

 private:
  static uint64_t Key(int parent, std::string_view name) {
    return ContentHash(name) ^ (uint64_t(uint32_t(parent + 1)) * 0x9E3779B97F4A7C15ULL);
  }
  std::unordered_set<uint64_t> used_;
  std::unordered_map<uint64_t, int> next_;
};

Section Special(SectionKind kind, std::string_view name, int first_line, int last_line, std::string text) {
  Section s;
  s.kind = kind;
  s.path = s.title = s.name = std::string(name);
  s.heading_line = kind == SectionKind::kFrontmatter ? 1 : first_line;
  s.first_line = first_line;
  s.last_line = last_line;
  s.text = std::move(text);
  s.hash = ContentHash(s.text);
  return s;
}

}  // namespace

const Section* Outline::Find(std::string_view path) const {
  for (const auto& s : sections)
    if (s.path == path) return &s;
  return nullptr;
}

Outline ParseOutline(std::string_view markdown) {
  Outline out;
  SourceText src(markdown);
  out.line_count = src.line_count();

  std::string_view body = src.text();
  int body_first = 1;
  // An unclosed fence is not frontmatter: a document may open with a `---` rule.
  FrontmatterSplit fm = SplitFrontmatter(src.text());
  if (fm.present && fm.closed) {
    out.sections.push_back(Special(SectionKind::kFrontmatter, kFrontmatterSection, fm.yaml_first_line,
                                   fm.body_first_line - 2, NormalizeBody(fm.yaml)));
    body = fm.body;
    body_first = fm.body_first_line;
  }

  bool parsed = true;  // on failure the whole body is the preamble
  std::vector<detail::HeadingLine> headings = detail::ScanHeadings(src, body, &parsed);

  const int preamble_last = headings.empty() ? out.line_count : headings.front().line - 1;
  std::string preamble = NormalizeBody(src.Lines(body_first, preamble_last));
  if (!preamble.empty())
    out.sections.push_back(
        Special(SectionKind::kPreamble, kPreambleSection, body_first, preamble_last, std::move(preamble)));

  SiblingNamer namer(headings.size());
  std::vector<int> open;  // indices of the enclosing headings, outermost first
  for (size_t i = 0; i < headings.size(); ++i) {
    const detail::HeadingLine& h = headings[i];
    while (!open.empty() && out.sections[static_cast<size_t>(open.back())].level >= h.level) open.pop_back();
    Section s;
    s.kind = SectionKind::kHeading;
    s.level = h.level;
    s.parent = open.empty() ? -1 : open.back();
    s.title = h.title.empty() ? std::string(kUntitled) : h.title;
    s.name = namer.Unique(s.parent, s.title);
    s.path = s.parent < 0 ? s.name : out.sections[static_cast<size_t>(s.parent)].path + " > " + s.name;
    s.heading_line = h.line;
    s.first_line = h.end_line + 1;
    s.last_line = i + 1 < headings.size() ? headings[i + 1].line - 1 : out.line_count;
    s.text = NormalizeBody(src.Lines(s.first_line, s.last_line));
    s.hash = ContentHash(s.text);
    open.push_back(static_cast<int>(out.sections.size()));
    out.sections.push_back(std::move(s));
  }
  return out;
}

}  // namespace specwave::markdown
