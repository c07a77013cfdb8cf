#include "markdown/md_common.hpp"

#include <md4c.h>

namespace specwave::markdown::detail {

unsigned OutlineParserFlags() { return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS; }

unsigned RenderParserFlags() { return MD_DIALECT_GITHUB; }

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void AppendEntity(std::string* out, std::string_view e) {
  if (e.size() >= 4 && e[0] == '&' && e[1] == '#' && e.back() == ';') {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    uint32_t cp = 0;
    bool ok = true;
    for (char c : e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3))) {
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      if (d < 0 || cp > 0x10FFFF) {
        ok = false;
        break;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    if (ok) {
      AppendUtf8(out, cp);
      return;
    }
  }
  // The few named entities people type in specs; the rest stay literal.
  static constexpr struct {
    std::string_view name;
    uint32_t cp;
  } kNamed[] = {{"&amp;", '&'},       {"&lt;", '<'},      {"&gt;", '>'},      {"&quot;", '"'},     {"&apos;", '\''},
                {"&nbsp;", 0xA0},     {"&copy;", 0xA9},   {"&reg;", 0xAE},    {"&ndash;", 0x2013}, {"&mdash;", 0x2014},
                {"&hellip;", 0x2026}, {"&rarr;", 0x2192}, {"&larr;", 0x2190}, {"&times;", 0xD7}};
  for (const auto& n : kNamed)
    if (e == n.name) {
      AppendUtf8(out, n.cp);
      return;
    }
  out->append(e);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace specwave::markdown::detail
