#include "core/utf8.hpp"

#include <cstdio>

namespace specwave {

std::optional<size_t> FirstNonTextByte(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return i;
      if (c == 0x7F) return i;
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;  // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing past U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return i;
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    i += len;
  }
  return std::nullopt;
}

std::string NotTextMessage(std::string_view text, const std::string& what) {
  auto at = FirstNonTextByte(text);
  if (!at) return "";
  char buf[200];
  std::snprintf(buf, sizeof buf, "%s is not UTF-8 text: byte %zu (0x%02X) is not part of a UTF-8 character or is a "
                "control character; save it as UTF-8 text (markdown)",
                what.c_str(), *at, static_cast<unsigned>(static_cast<unsigned char>(text[*at])));
  return buf;
}

}  // namespace specwave
