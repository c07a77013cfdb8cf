#include "markdown/source_text.hpp"

#include <algorithm>
#include <cstring>

namespace specwave::markdown {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The whitespace NormalizeText trims at the end of a line (core TrimRight).
bool IsTrailingSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view TrimEnd(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && IsTrailingSpace(s[e - 1])) --e;
  return s.substr(0, e);
}

// Walks lines ended by CR, LF or CRLF; a final ending does not open a line.
class LineCursor {
 public:
  explicit LineCursor(std::string_view s) : s_(s) {}
  bool Next(std::string_view* line) {
    if (pos_ >= s_.size()) return false;
    size_t e = pos_;
    while (e < s_.size() && s_[e] != '\n' && s_[e] != '\r') ++e;
    *line = s_.substr(pos_, e - pos_);
    if (e < s_.size() && s_[e] == '\r' && e + 1 < s_.size() && s_[e + 1] == '\n') ++e;
    pos_ = e + 1;
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

uint64_t Load64(const char* p, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return w;
}

uint64_t Fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

}  // namespace

SourceText::SourceText(std::string_view raw) {
  const bool bom = raw.substr(0, kBom.size()) == kBom;
  if (bom) raw.remove_prefix(kBom.size());
  if (raw.find('\r') == std::string_view::npos) {
    text_ = raw;
  } else {
    owned_.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\r') {
        owned_ += raw[i];
      } else {
        owned_ += '\n';
        if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      }
    }
    text_ = owned_;
  }
  if (!text_.empty()) starts_.push_back(0);
  const char* base = text_.data();
  const char* end = base + text_.size();
  for (const char* p = base; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    if (p < end) starts_.push_back(static_cast<size_t>(p - base));
  }
}

int SourceText::LineAt(size_t offset) const {
  if (starts_.empty()) return 0;
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

int SourceText::LineOf(const char* p) const {
  if (!Contains(p)) return 0;
  return LineAt(static_cast<size_t>(p - text_.data()));
}

size_t SourceText::LineStart(int line) const {
  if (line <= 1) return 0;
  if (line > line_count()) return text_.size();
  return starts_[static_cast<size_t>(line - 1)];
}

std::string_view SourceText::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t b = LineStart(line), e = LineStart(line + 1);
  if (e > b && text_[e - 1] == '\n') --e;
  return text_.substr(b, e - b);
}

std::string_view SourceText::Lines(int first, int last) const {
  first = std::max(first, 1);
  last = std::min(last, line_count());
  if (first > last) return {};
  size_t b = LineStart(first);
  return text_.substr(b, LineStart(last + 1) - b);
}

std::vector<std::string_view> SplitSourceLines(std::string_view raw) {
  std::vector<std::string_view> lines;
  LineCursor cur(raw);
  std::string_view line;
  while (cur.Next(&line)) lines.push_back(line);
  return lines;
}

bool SameAfterNormalize(std::string_view a, std::string_view b) {
  LineCursor ca(a), cb(b);
  std::string_view la, lb;
  for (;;) {
    bool ha = ca.Next(&la), hb = cb.Next(&lb);
    if (!ha && !hb) return true;
    if (ha && hb) {
      if (TrimEnd(la) != TrimEnd(lb)) return false;
      continue;
    }
    // One side ran out: the rest of the other must be blank (NormalizeText
    // drops trailing blank lines).
    LineCursor& rest = ha ? ca : cb;
    std::string_view line = ha ? la : lb;
    do {
      if (!TrimEnd(line).empty()) return false;
    } while (rest.Next(&line));
    return true;
  }
}

std::string NormalizeBody(std::string_view lf_text) {
  std::string out;
  out.reserve(lf_text.size() + 1);
  size_t keep = 0;  // length of `out` up to its last non-blank line
  size_t pos = 0;
  while (pos < lf_text.size()) {
    size_t nl = lf_text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? lf_text.size() : nl;
    std::string_view line = TrimEnd(lf_text.substr(pos, end - pos));
    if (!line.empty()) {
      out.append(line);
      out += '\n';
      keep = out.size();
    } else if (keep > 0) {
      out += '\n';
    }
    pos = end + 1;
  }
  out.resize(keep);
  return out;
}

uint64_t ContentHash(std::string_view data) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = 0x243F6A8885A308D3ULL ^ (uint64_t(data.size()) * kMul);
  size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    uint64_t w = Load64(data.data() + i, 8) * 0x87c37b91114253d5ULL;
    w = (w << 31) | (w >> 33);
    h = ((h ^ w) << 27 | (h ^ w) >> 37) * 5 + 0x52dce729;
  }
  if (i < data.size()) {
    uint64_t w = Load64(data.data() + i, data.size() - i) * 0x87c37b91114253d5ULL;
    h ^= (w << 31) | (w >> 33);
  }
  return Fmix64(h);
}

}  // namespace specwave::markdown
