#include "design/design_pairs.hpp"

#include <cctype>

#include "core/text.hpp"
#include "design/css_scan.hpp"
#include "design/text_scan.hpp"

namespace specwave {
namespace {

std::string Unmarked(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '`' && c != '*') out += c;
  return std::string(Trim(out));
}

// color.ink, --color-ink, var(--color-ink): a name, not a value.
bool TokenLikeWord(std::string_view w) {
  if (w.size() < 3 || w.size() > 80) return false;
  bool sep = false;
  for (char c : w) {
    if (!(validators::IsAsciiAlnum(c) || c == '.' || c == '-' || c == '_')) return false;
    sep = sep || c == '.' || StartsWith(w, "--");
  }
  return sep;
}

// "White text", "the background Sea Foam" -> without the words that say which side it is.
std::string WithoutSideWords(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    std::string_view w = s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
    std::string lw = ToLower(w);
    if (lw != "text" && lw != "background" && lw != "bg" && lw != "surface" && lw != "the" && lw != "on" && !w.empty())
      out += (out.empty() ? "" : " ") + std::string(w);
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

// The first top-level position of any of `stops` in s (outside parentheses).
size_t CutAt(std::string_view s, std::initializer_list<std::string_view> stops) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    if (depth) continue;
    for (auto stop : stops)
      if (s.substr(i, stop.size()) == stop) return i;
  }
  return std::string_view::npos;
}

size_t LastCutAt(std::string_view s, std::initializer_list<std::string_view> stops) {
  int depth = 0;
  size_t last = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    if (depth) continue;
    for (auto stop : stops)
      if (s.substr(i, stop.size()) == stop) last = i + stop.size();
  }
  return last;
}

bool NamesAColour(std::string_view side) {
  std::string s = Unmarked(side);
  if (s.empty()) return false;
  if (!validators::FindColorLiterals(s, false).empty()) return true;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(" ()", i);
    std::string_view w = std::string_view(s).substr(i, j == std::string::npos ? std::string::npos : j - i);
    if (TokenLikeWord(w)) return true;
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return ParseCssColor(WithoutSideWords(s)).has_value();
}

}  // namespace

PairColour ResolvePairColour(const DesignTokens& tokens, std::string_view written) {
  PairColour out;
  auto token = [&](const ColorToken* t) {
    out.kind = PairColourKind::kToken;
    out.token = t;
    out.rgb = t->color;
    return out;
  };
  std::string s = Unmarked(written);
  if (const ColorToken* t = tokens.FindColor(s)) return token(t);
  if (auto lits = validators::FindColorLiterals(s, false); !lits.empty()) {
    out.kind = PairColourKind::kValue;
    out.rgb = lits[0].rgb;
    return out;
  }
  for (size_t i = 0; i < s.size();) {
    size_t j = s.find_first_of(" ()", i);
    std::string_view w = std::string_view(s).substr(i, j == std::string::npos ? std::string::npos : j - i);
    if (TokenLikeWord(w))
      if (const ColorToken* t = tokens.FindColor(w)) return token(t);
    if (j == std::string::npos) break;
    i = j + 1;
  }
  std::string bare = WithoutSideWords(s);
  if (!bare.empty() && bare != s)
    if (const ColorToken* t = tokens.FindColor(bare)) return token(t);
  if (auto rgb = ParseCssColor(bare); rgb && ColorNotation(bare) == "named") {
    out.kind = PairColourKind::kValue;
    out.rgb = rgb;
  }
  return out;
}

std::optional<double> StatedRatioIn(std::string_view t) {
  for (size_t colon = t.find(':'); colon != std::string_view::npos; colon = t.find(':', colon + 1)) {
    size_t one = colon + 1;
    while (one < t.size() && t[one] == ' ') ++one;
    if (one >= t.size() || t[one] != '1' || (one + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[one + 1]))))
      continue;
    size_t e = colon;
    while (e > 0 && t[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && (std::isdigit(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '.')) --b;
    double r = 0;
    if (b < e && ParseCssNumber(t.substr(b, e - b), &r) == e - b) return r;
  }
  return std::nullopt;
}

std::optional<ContrastPairSpec> ReadPairLine(std::string_view text, int line) {
  std::string s = Unmarked(text);
  std::string lower = ToLower(s);
  size_t at = std::string::npos, sep_len = 0;
  for (std::string_view sep : {" on ", " over ", " against ", " vs "})
    if (size_t p = lower.find(sep); p != std::string::npos && p < at) {
      at = p;
      sep_len = sep.size();
    }
  if (at == std::string::npos) return std::nullopt;
  std::string_view left = std::string_view(s).substr(0, at);
  std::string_view right = std::string_view(s).substr(at + sep_len);
  // "Body text: Deep Ocean (#03045E)" -> "Deep Ocean (#03045E)".
  if (size_t cut = LastCutAt(left, {": ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}); cut != std::string_view::npos)
    left = left.substr(cut);
  size_t end = CutAt(right, {":", " \xE2\x80\x94", " \xE2\x80\x93", ",", " = ", " - "});
  std::string_view rest = end == std::string_view::npos ? std::string_view{} : right.substr(end);
  right = right.substr(0, end);
  left = Trim(left);
  right = Trim(right);
  if (!NamesAColour(left) || !NamesAColour(right)) return std::nullopt;
  ContrastPairSpec p;
  p.text = std::string(left);
  p.background = std::string(right);
  p.use = ContrastUseOf(rest);
  p.stated_ratio = StatedRatioIn(rest);
  p.line = line;
  return p;
}

std::string ContrastUseOf(std::string_view cell) {
  std::string u = ToLower(cell);
  if (u.find("large") != std::string::npos || u.find("non-text") != std::string::npos ||
      u.find("ui comp") != std::string::npos || u.find("icon") != std::string::npos ||
      u.find("graphic") != std::string::npos)
    return "large";
  return "body";
}

}  // namespace specwave
