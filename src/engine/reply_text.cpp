#include "engine/reply_text.hpp"

#include <cctype>

#include "core/text.hpp"

namespace specwave::reply {
namespace {

// Up to three spaces of indentation, as CommonMark allows before a block.
std::string_view Unindent(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i);
}

std::string_view StripQuotes(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.front() == '`' || s.front() == '"' || s.front() == '\'' || s.front() == '*'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == '`' || s.back() == '"' || s.back() == '\'' || s.back() == '*')) s.remove_suffix(1);
  return Trim(s);
}

}  // namespace

std::optional<Fence> FenceOpener(std::string_view line) {
  std::string_view t = Unindent(line);
  if (t.empty() || (t[0] != '`' && t[0] != '~')) return std::nullopt;
  Fence f;
  f.ch = t[0];
  while (f.len < t.size() && t[f.len] == f.ch) ++f.len;
  if (f.len < 3) return std::nullopt;
  std::string_view info = Trim(t.substr(f.len));
  if (f.ch == '`' && info.find('`') != std::string_view::npos) return std::nullopt;  // an inline code span
  size_t word_end = 0;
  while (word_end < info.size() && !std::isspace(static_cast<unsigned char>(info[word_end])) && info[word_end] != '{')
    ++word_end;
  f.info = ToLower(info.substr(0, word_end));
  f.line = line;
  return f;
}

bool ClosesFence(std::string_view line, const Fence& open) {
  std::string_view t = Unindent(line);
  size_t n = 0;
  while (n < t.size() && t[n] == open.ch) ++n;
  return n >= open.len && Trim(t.substr(n)).empty();
}

std::vector<bool> FenceMask(const Lines& lines) {
  std::vector<bool> mask(lines.size(), false);
  std::optional<Fence> open;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (open) {
      mask[i] = true;
      if (ClosesFence(lines[i].text, *open)) open.reset();
    } else if ((open = FenceOpener(lines[i].text))) {
      mask[i] = true;
    }
  }
  return mask;
}

std::vector<bool> ReplyFenceMask(const Lines& lines) {
  std::vector<bool> mask(lines.size(), false);
  std::vector<Fence> open;  // open[0] is the outermost
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    if (open.empty()) {
      if (auto f = FenceOpener(t)) {
        open.push_back(*f);
        mask[i] = true;
      }
      continue;
    }
    mask[i] = true;
    bool document = open[0].info == "markdown" || open[0].info == "md";
    auto nested = document ? FenceOpener(t) : std::nullopt;
    if (nested && !nested->info.empty() && !ClosesFence(t, open.back()))
      open.push_back(*nested);
    else if (ClosesFence(t, open.back()))
      open.pop_back();
  }
  return mask;
}

bool FencesBalanced(const Lines& lines) {
  std::optional<Fence> open;
  for (const auto& l : lines) {
    if (open) {
      if (ClosesFence(l.text, *open)) open.reset();
    } else {
      open = FenceOpener(l.text);
    }
  }
  return !open;
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

int AtxLevel(std::string_view line) {
  std::string_view t = Unindent(line);
  size_t hashes = 0;
  while (hashes < t.size() && t[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  return hashes == t.size() || t[hashes] == ' ' || t[hashes] == '\t' ? static_cast<int>(hashes) : 0;
}

std::string HeadingText(std::string_view line) {
  std::string_view t = Trim(line);
  while (!t.empty() && t.front() == '#') t.remove_prefix(1);
  t = Trim(t);
  while (!t.empty() && t.back() == '#') t.remove_suffix(1);
  return std::string(Trim(t));
}

bool IsRule(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty() || (t[0] != '-' && t[0] != '*' && t[0] != '_')) return false;
  int n = 0;
  for (char c : t) {
    if (c == t[0])
      ++n;
    else if (c != ' ' && c != '\t')
      return false;
  }
  return n >= 3;
}

bool IsStructuralLine(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty()) return false;
  if (AtxLevel(line) > 0 || FenceOpener(line) || IsRule(line)) return true;
  if (t[0] == '|' || t[0] == '>' || t[0] == '<') return true;
  if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t.size() > 1 && t[1] == ' ') return true;
  size_t d = 0;
  while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
}

int FrontmatterBlockEnd(const Lines& lines, size_t at) {
  if (at >= lines.size() || TrimRight(lines[at].text) != "---") return -1;
  bool first = true;
  // Metadata is short; a `---` much further down is a rule, not a closer.
  for (size_t i = at + 1; i < lines.size() && i < at + 80; ++i) {
    std::string_view t = TrimRight(lines[i].text);
    if (t == "---" || t == "...") return first ? -1 : static_cast<int>(i);
    if (IsBlank(t)) continue;
    if (first) {
      size_t k = 0;
      while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '_' || t[k] == '-')) ++k;
      if (k == 0 || k >= t.size() || t[k] != ':') return -1;
      first = false;
    }
  }
  return -1;
}

std::optional<Marker> ParseMarker(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() < 7 || !StartsWith(t, "===") || !EndsWith(t, "===")) return std::nullopt;
  while (!t.empty() && t.front() == '=') t.remove_prefix(1);
  while (!t.empty() && t.back() == '=') t.remove_suffix(1);
  t = Trim(t);
  Marker m;
  if (t.size() > 4 && IEquals(t.substr(0, 4), "file")) {
    std::string_view rest = Trim(t.substr(4));
    if (!rest.empty() && rest.front() == ':') {
      m.file_keyword = true;
      t = rest.substr(1);
    }
  }
  std::string_view name = StripQuotes(t);
  if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  m.name = std::string(name);
  return m;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool LeavesFolder(std::string_view name) {
  if (name.empty()) return false;
  if (name[0] == '/' || name[0] == '\\' || name[0] == '~') return true;
  if (name.size() > 1 && name[1] == ':') return true;  // C:\...
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

bool LooksLikeFileName(std::string_view name) {
  if (name.find_first_of("/\\") != std::string_view::npos) return true;
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= name.size() || name.size() - dot > 9) return false;
  for (size_t i = dot + 1; i < name.size(); ++i)
    if (!std::isalpha(static_cast<unsigned char>(name[i]))) return false;
  return true;
}

std::string_view StripEnumerator(std::string_view t) {
  size_t d = 0;
  while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  if (d == 0 || d + 1 >= t.size() || (t[d] != '.' && t[d] != ')') || t[d + 1] != ' ') return t;
  return Trim(t.substr(d + 1));
}

std::string LabelName(std::string_view line) {
  std::string_view t = Trim(line);
  while (!t.empty() && t.front() == '#') t.remove_prefix(1);
  t = StripQuotes(t);
  t = StripQuotes(StripEnumerator(t));
  if (t.size() > 5 && IEquals(t.substr(0, 5), "file:")) t = StripQuotes(t.substr(5));
  while (!t.empty() && t.back() == ':') t.remove_suffix(1);
  t = StripQuotes(t);
  if (t.empty() || t.find_first_of(" \t") != std::string_view::npos || !LooksLikeFileName(t)) return "";
  return std::string(t);
}

std::vector<Span> Paragraphs(const Lines& lines, size_t begin, size_t end) {
  std::vector<Span> out;
  size_t i = begin;
  while (i < end) {
    while (i < end && IsBlank(lines[i].text)) ++i;
    if (i >= end) break;
    size_t b = i;
    while (i < end && !IsBlank(lines[i].text)) ++i;
    out.push_back({b, i});
  }
  return out;
}

std::string JoinLines(const Lines& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    out.append(lines[i].text);
    out += '\n';
  }
  return out;
}

std::string JoinLines(const Lines& lines) { return JoinLines(lines, 0, lines.size()); }

Lines TrimBlankLines(const Lines& lines) {
  size_t b = 0, e = lines.size();
  while (b < e && IsBlank(lines[b].text)) ++b;
  while (e > b && IsBlank(lines[e - 1].text)) --e;
  return Slice(lines, b, e);
}

Lines Slice(const Lines& lines, size_t begin, size_t end) {
  if (begin >= end || begin >= lines.size()) return {};
  return Lines(lines.begin() + static_cast<long>(begin),
               lines.begin() + static_cast<long>(std::min(end, lines.size())));
}

BodyLines::Kind BodyLines::Next(std::string_view line) {
  const std::string_view t = Trim(line);
  if (++count_ == 1 && t == "---") {
    in_frontmatter_ = true;
    return Kind::kFrontmatter;
  }
  if (in_frontmatter_) {
    if (t == "---" || t == "...") in_frontmatter_ = false;
    return Kind::kFrontmatter;
  }
  if (StartsWith(t, "```") || StartsWith(t, "~~~")) {
    const std::string marker(t.substr(0, 3));
    if (fence_.empty()) fence_ = marker;
    else if (marker == fence_) fence_.clear();
    return Kind::kFence;
  }
  return fence_.empty() ? Kind::kText : Kind::kFenced;
}

}  // namespace specwave::reply
