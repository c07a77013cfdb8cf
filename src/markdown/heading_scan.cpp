#include "markdown/heading_scan.hpp"

#include <md4c.h>

#include <algorithm>
#include <climits>

#include "markdown/md_common.hpp"

namespace specwave::markdown::detail {
namespace {

struct Found {
  int level = 1;
  std::string raw_title;
  const char* first = nullptr;   // first byte of the heading's own text in the buffer
  const char* last = nullptr;    // last byte of it
  const char* before = nullptr;  // last byte of any text before the heading
  const char* after = nullptr;   // first byte of any text after it
};

struct Walk {
  const SourceText* source = nullptr;
  int containers = 0;  // block quotes and list items we are inside
  int current = -1;    // index into `found` while inside a top-level heading
  size_t waiting = 0;  // found[waiting..] (ended headings) still need `after`
  const char* furthest = nullptr;
  std::vector<Found> found;
};

int EnterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
  auto* w = static_cast<Walk*>(user);
  if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI) {
    ++w->containers;
  } else if (type == MD_BLOCK_H && w->containers == 0) {
    Found f;
    f.level = static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
    f.before = w->furthest;
    w->found.push_back(std::move(f));
    w->current = static_cast<int>(w->found.size()) - 1;
  }
  return 0;
}

int LeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
  auto* w = static_cast<Walk*>(user);
  if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI)
    --w->containers;
  else if (type == MD_BLOCK_H && w->containers == 0)
    w->current = -1;
  return 0;
}

int Span(MD_SPANTYPE, void*, void*) { return 0; }

int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto* w = static_cast<Walk*>(user);
  if (size > 0 && w->source->Contains(text)) {
    const char* last = text + size - 1;
    const size_t ended = w->current >= 0 ? static_cast<size_t>(w->current) : w->found.size();
    for (; w->waiting < ended; ++w->waiting) w->found[w->waiting].after = text;
    if (w->current >= 0) {
      Found& f = w->found[static_cast<size_t>(w->current)];
      if (!f.first || text < f.first) f.first = text;
      if (!f.last || last > f.last) f.last = last;
    }
    if (!w->furthest || last > w->furthest) w->furthest = last;
  }
  if (w->current < 0) return 0;
  std::string& t = w->found[static_cast<size_t>(w->current)].raw_title;
  switch (type) {
    case MD_TEXT_NULLCHAR:
      AppendUtf8(&t, 0xFFFD);
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      t += ' ';
      break;
    case MD_TEXT_ENTITY:
      AppendEntity(&t, std::string_view(text, size));
      break;
    case MD_TEXT_HTML:
      break;  // inline tags are markup, not title text
    default:
      t.append(text, size);
      break;
  }
  return 0;
}

// `# Title`: up to three spaces, 1-6 '#', then a space, a tab or the end.
bool IsAtxLine(std::string_view line, int* level) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  size_t h = i;
  while (h < line.size() && line[h] == '#') ++h;
  const size_t n = h - i;
  if (n < 1 || n > 6) return false;
  if (h < line.size() && line[h] != ' ' && line[h] != '\t') return false;
  *level = static_cast<int>(n);
  return true;
}

// `===` or `---`: up to three spaces, one repeated character, trailing blanks.
bool IsSetextUnderline(std::string_view line, char want) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != want) return false;
  while (i < line.size() && line[i] == want) ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i == line.size();
}

}  // namespace

std::vector<HeadingLine> ScanHeadings(const SourceText& source, std::string_view body, bool* ok) {
  *ok = true;
  std::vector<HeadingLine> out;
  if (body.empty()) return out;
  if (body.size() > UINT_MAX) {
    *ok = false;
    return out;
  }
  Walk walk;
  walk.source = &source;
  MD_PARSER parser{};
  parser.flags = OutlineParserFlags();
  parser.enter_block = EnterBlock;
  parser.leave_block = LeaveBlock;
  parser.enter_span = Span;
  parser.leave_span = Span;
  parser.text = Text;
  if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &walk) != 0) {
    *ok = false;
    return out;
  }

  const int body_first = source.LineOf(body.data());
  const int last_line = source.line_count();
  int prev_end = body_first - 1;
  for (const Found& f : walk.found) {
    HeadingLine h;
    h.level = f.level;
    h.title = CollapseSpaces(f.raw_title);
    const char want = f.level == 1 ? '=' : '-';
    // The heading lies after the text before it and before the text after it.
    const int lo = std::max(prev_end + 1, f.before ? source.LineOf(f.before) + 1 : body_first);
    const int hi = f.after ? source.LineOf(f.after) - 1 : last_line;
    int line = 0, end = 0, atx_level = 0;
    if (f.first) {
      line = source.LineOf(f.first);
      end = line;
      if (!IsAtxLine(source.Line(line), &atx_level)) {
        // Setext: the underline is the first one after the heading's text.
        end = source.LineOf(f.last);
        for (int l = end + 1; l <= hi; ++l)
          if (IsSetextUnderline(source.Line(l), want)) {
            end = l;
            break;
          }
      }
    } else {
      for (int l = lo; l <= hi && !line; ++l)
        if (IsAtxLine(source.Line(l), &atx_level) && atx_level == f.level) line = end = l;
      for (int l = lo + 1; l <= hi && !line && f.level <= 2; ++l)
        if (IsSetextUnderline(source.Line(l), want)) {
          line = l - 1;
          end = l;
        }
      if (!line) line = end = lo;
    }
    line = std::max(line, prev_end + 1);
    if (line > last_line) break;  // cannot happen for md4c's headings; never overlap a previous one
    end = std::min(std::max(end, line), last_line);
    h.line = line;
    h.end_line = end;
    prev_end = end;
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace specwave::markdown::detail
