#include "design/text_scan.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::validators {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

namespace {

// "```css" -> fence char '`', length 3, info "css". Up to three spaces of indent.
bool ParseFence(std::string_view line, char* ch, size_t* len, std::string* info) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return false;
  char c = line[i];
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == c) ++n;
  if (n < 3) return false;
  std::string_view rest = Trim(line.substr(i + n));
  if (c == '`' && rest.find('`') != std::string_view::npos) return false;  // inline code, not a fence
  *ch = c;
  *len = n;
  size_t sp = 0;
  while (sp < rest.size() && rest[sp] != ' ' && rest[sp] != '\t' && rest[sp] != '{') ++sp;
  *info = ToLower(rest.substr(0, sp));
  return true;
}

bool ParseAtxHeading(std::string_view line, int* level, std::string_view* text) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == '#') ++n;
  if (n == 0 || n > 6) return false;
  if (i + n < line.size() && line[i + n] != ' ' && line[i + n] != '\t') return false;
  std::string_view t = Trim(line.substr(i + n));
  // A closing run of #s preceded by a space is not part of the text.
  size_t end = t.size();
  while (end > 0 && t[end - 1] == '#') --end;
  if (end < t.size() && (end == 0 || t[end - 1] == ' ' || t[end - 1] == '\t')) t = Trim(t.substr(0, end));
  *level = static_cast<int>(n);
  *text = t;
  return true;
}

}  // namespace

MarkdownLines::MarkdownLines(std::string_view text) : text_(text) {
  auto fm = markdown::SplitFrontmatter(text);
  const int frontmatter_end = fm.present && fm.closed ? fm.body_first_line - 1 : 0;  // last frontmatter line
  size_t start = 0;
  int number = 0;
  bool in_code = false;
  char fence_char = 0;
  size_t fence_len = 0;
  std::string fence_info;
  int section = -1;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (nl == std::string_view::npos && start == text.size() && number > 0) break;  // no empty last line
    MdLine l;
    l.number = ++number;
    l.offset = start;
    l.text = text.substr(start, end - start);
    if (!l.text.empty() && l.text.back() == '\r') l.text.remove_suffix(1);
    l.in_frontmatter = number <= frontmatter_end;
    if (!l.in_frontmatter) {
      char ch = 0;
      size_t len = 0;
      std::string info;
      if (in_code) {
        l.in_code = true;
        l.code_info = fence_info;
        if (ParseFence(l.text, &ch, &len, &info) && ch == fence_char && len >= fence_len && info.empty()) {
          l.fence = true;
          in_code = false;
        }
      } else if (ParseFence(l.text, &ch, &len, &info)) {
        l.in_code = l.fence = true;
        in_code = true;
        fence_char = ch;
        fence_len = len;
        fence_info = info;
        l.code_info = info;
      } else if (ParseAtxHeading(l.text, &l.heading_level, &l.heading)) {
        section = static_cast<int>(lines_.size());
      }
    }
    l.section = section;  // a heading sits in its own section
    lines_.push_back(l);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

int MarkdownLines::LineOf(size_t offset) const {
  if (lines_.empty()) return 1;
  auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                             [](size_t off, const MdLine& l) { return off < l.offset; });
  if (it == lines_.begin()) return 1;
  return std::prev(it)->number;
}

const MdLine& MarkdownLines::At(int line) const {
  static const MdLine kEmpty;
  if (lines_.empty()) return kEmpty;
  line = std::clamp(line, 1, static_cast<int>(lines_.size()));
  return lines_[static_cast<size_t>(line - 1)];
}

std::string_view MarkdownLines::HeadingOf(int line) const {
  const MdLine& l = At(line);
  if (l.section < 0 || static_cast<size_t>(l.section) >= lines_.size()) return {};
  return lines_[static_cast<size_t>(l.section)].heading;
}

std::vector<std::string_view> SplitTableRow(std::string_view line) {
  std::string_view t = Trim(line);
  std::vector<std::string_view> cells;
  if (t.size() < 2 || t.front() != '|') return cells;
  t.remove_prefix(1);
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] == '\\') {
      ++i;
      continue;
    }
    if (i == t.size() || t[i] == '|') {
      std::string_view cell = Trim(t.substr(start, i - start));
      if (i < t.size() || !cell.empty()) cells.push_back(cell);
      start = i + 1;
    }
  }
  return cells;
}

bool IsTableSeparator(std::string_view line) {
  auto cells = SplitTableRow(line);
  if (cells.empty()) return false;
  for (auto c : cells) {
    if (c.empty()) return false;
    for (char ch : c)
      if (ch != '-' && ch != ':' && ch != ' ') return false;
    if (c.find('-') == std::string_view::npos) return false;
  }
  return true;
}

bool IsExampleTableHeader(const std::vector<std::string_view>& cells) {
  bool example = false, format = false, value = false;
  for (auto cell : cells) {
    std::string h;
    for (char c : cell)
      if (c != '*' && c != '`' && c != '_') h += c;
    h = ToLower(Trim(h));
    if (StartsWith(h, "example") || h == "sample" || h == "samples" || h == "e.g.") example = true;
    for (const char* w : {"format", "syntax", "pattern", "naming", "naming pattern", "convention",
                          "naming convention", "template"})
      if (h == w) format = true;
    for (const char* w : {"value", "values", "hex", "oklch", "css value", "color", "colour"})
      if (h == w) value = true;
  }
  return example || (format && !value);
}

std::vector<bool> ExampleTableLines(const MarkdownLines& md) {
  const auto& lines = md.lines();
  std::vector<bool> out(lines.size(), false);
  bool in_table = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const MdLine& l = lines[i];
    auto cells = l.in_code || l.in_frontmatter ? std::vector<std::string_view>{} : SplitTableRow(l.text);
    if (cells.empty()) {
      in_table = false;
      continue;
    }
    if (!in_table && i + 1 < lines.size() && IsTableSeparator(lines[i + 1].text) && !IsTableSeparator(l.text))
      in_table = IsExampleTableHeader(cells);
    out[i] = in_table;
  }
  return out;
}

namespace {

// A line that starts a new block: list item, heading, table row, fence, quote.
bool StartsBlock(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty()) return true;
  char c = t[0];
  if (c == '#' || c == '|' || c == '>' || StartsWith(t, "```") || StartsWith(t, "~~~")) return true;
  if ((c == '-' || c == '*' || c == '+') && t.size() > 1 && t[1] == ' ') return true;
  size_t d = 0;
  while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
  return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
}

// A "sentence" longer than this is not prose; the cap keeps scans linear.
constexpr size_t kMaxSentence = 2000;

bool IsHardStop(char c) { return c == ';' || c == '{' || c == '}' || c == '|'; }

}  // namespace

Span SentenceAround(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  // Backwards.
  size_t b = pos;
  while (b > 0 && pos - b < kMaxSentence) {
    char c = text[b - 1];
    if (IsHardStop(c)) break;
    if ((c == '.' || c == '!' || c == '?') && b < text.size() &&
        (text[b] == ' ' || text[b] == '\n' || text[b] == '\t' || text[b] == '\r'))
      break;
    if (c == '\n') {
      // The current line starts a block, or the previous line is blank: stop.
      size_t line_end = text.find('\n', b);
      std::string_view cur = text.substr(b, line_end == std::string_view::npos ? text.size() - b : line_end - b);
      size_t prev_start = text.rfind('\n', b >= 2 ? b - 2 : 0);
      prev_start = (prev_start == std::string_view::npos || b < 2) ? 0 : prev_start + 1;
      std::string_view prev = b >= 1 ? text.substr(prev_start, b - 1 - prev_start) : std::string_view{};
      if (StartsBlock(cur) || Trim(prev).empty() || StartsWith(Trim(prev), "|") || StartsWith(Trim(prev), "#")) break;
    }
    --b;
  }
  // Forwards.
  size_t e = pos;
  while (e < text.size() && e - pos < kMaxSentence) {
    char c = text[e];
    if (IsHardStop(c)) break;
    if ((c == '.' || c == '!' || c == '?') && (e + 1 == text.size() || text[e + 1] == ' ' || text[e + 1] == '\n' ||
                                               text[e + 1] == '\t' || text[e + 1] == '\r'))
      break;
    if (c == '\n') {
      size_t line_end = text.find('\n', e + 1);
      std::string_view next =
          text.substr(e + 1, line_end == std::string_view::npos ? text.size() - e - 1 : line_end - e - 1);
      size_t ls = e > 0 ? text.rfind('\n', e - 1) : std::string_view::npos;
      ls = ls == std::string_view::npos ? 0 : ls + 1;
      std::string_view cur_line = text.substr(ls, e - ls);
      if (StartsBlock(next) || StartsWith(Trim(cur_line), "|") || StartsWith(Trim(cur_line), "#")) break;
    }
    ++e;
  }
  // A run-on text with no sentence end in reach: use the aligned block of
  // kMaxSentence characters around pos, so every match in one block shares one
  // span (callers that visit each sentence once then stay linear).
  if (pos - b >= kMaxSentence || e - pos >= kMaxSentence) {
    size_t block = pos - pos % kMaxSentence;
    b = std::max(b, block);
    e = std::min(e, block + kMaxSentence);
  }
  return {b, e};
}

bool ContainsWord(std::string_view text, std::string_view word) {
  if (word.empty() || word.size() > text.size()) return false;
  const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))) != first) continue;
    if (i > 0 && IsAsciiAlnum(text[i - 1])) continue;
    if (i + word.size() < text.size() && IsAsciiAlnum(text[i + word.size()])) continue;
    if (IEquals(text.substr(i, word.size()), word)) return true;
  }
  return false;
}

bool ContainsAnyWord(std::string_view text, const std::vector<std::string_view>& words) {
  for (auto w : words)
    if (ContainsWord(text, w)) return true;
  return false;
}

std::string Excerpt(std::string_view text, size_t max) {
  std::string out;
  bool space = false;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() <= max) return out;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  out.resize(cut);
  return out + "\xE2\x80\xA6";
}

}  // namespace specwave::validators
