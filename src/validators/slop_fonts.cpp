// Forbidden: Inter as the first family of a font stack or as the stated
// typeface. Every mention of Inter (also "Inter var", "Inter Variable",
// "InterVariable", "Inter Display", "Inter Tight", "Inter UI") in a font
// context — the sentence or line speaks of fonts/typefaces/families, or the
// section is about typography — is a use unless a real family comes before it
// in the same comma-separated list ("Karla, Inter, sans-serif" is allowed),
// or the sentence rejects it ("Karla rather than Inter"). "Interstate",
// "Interface" and "inter-team" are other words.
#include <cstring>

#include "core/text.hpp"
#include "validators/slop_rules.hpp"

namespace specwave::validators {
namespace {

constexpr const char* kSuffixes[] = {"variable", "var", "display", "tight", "ui"};

// Length of an Inter family name at `i`, or 0.
size_t InterAt(std::string_view t, size_t i) {
  if (i + 5 > t.size() || !IEquals(t.substr(i, 5), "inter")) return 0;
  if (i > 0 && (IsAsciiAlnum(t[i - 1]) || t[i - 1] == '_' || t[i - 1] == '-')) return 0;
  size_t j = i + 5;
  for (const char* sep : {"", " ", "-", "_"}) {
    bool took = false;
    for (const char* suffix : kSuffixes) {
      std::string s = std::string(sep) + suffix;
      if (j + s.size() <= t.size() && IEquals(t.substr(j, s.size()), s) &&
          (j + s.size() == t.size() || !IsAsciiAlnum(t[j + s.size()]))) {
        j += s.size();
        took = true;
        break;
      }
    }
    if (took) break;
  }
  if (j < t.size() && IsAsciiAlnum(t[j])) return 0;                                          // Interstate
  if (j + 1 < t.size() && (t[j] == '-' || t[j] == '_') && IsAsciiAlnum(t[j + 1])) return 0;  // inter-team
  if (j + 1 < t.size() && (t[j] == '\'' || t[j] == '.') && IsAsciiAlnum(t[j + 1])) {
    // "Inter's x-height" is talk about Inter; "inter.css" and "Inter.woff2" are files.
    return 0;
  }
  return j - i;
}

bool FontWords(std::string_view s) {
  std::string l = ToLower(s);
  for (const char* w : {"font", "typeface", "type face", "typograph", "family", "families", "sans", "serif", "mono",
                        "typeset", "set in", "lettering"})
    if (l.find(w) != std::string::npos) return true;
  return false;
}

bool FontHeading(std::string_view h) {
  std::string l = ToLower(h);
  return l.find("typograph") != std::string::npos || l.find("font") != std::string::npos ||
         l.find("typeface") != std::string::npos || ContainsWord(l, "type");
}

bool IsQuoteOrBracket(std::string_view t, size_t k, size_t* width) {
  *width = 1;
  char c = t[k - 1];
  if (c == '"' || c == '\'' || c == '`' || c == '[' || c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  // “ ‘ (E2 80 9C / E2 80 98)
  if (k >= 3 && static_cast<unsigned char>(t[k - 3]) == 0xE2 && static_cast<unsigned char>(t[k - 2]) == 0x80 &&
      (static_cast<unsigned char>(c) == 0x9C || static_cast<unsigned char>(c) == 0x98)) {
    *width = 3;
    return true;
  }
  return false;
}

// A plausible family name: quoted, or up to four words that are capitalised or
// generic ("Source Serif 4", "system-ui", "-apple-system"); not a phrase such
// as "For body text".
bool IsFamilyName(std::string_view el) {
  el = Trim(el);
  if (el.empty() || el.size() > 48) return false;
  char q = el.front();
  if ((q == '"' || q == '\'') && el.size() > 2 && el.back() == q) return true;
  static const char* kGeneric[] = {"sans-serif", "serif",        "monospace",     "system-ui",          "ui-sans-serif",
                                   "ui-serif",   "ui-monospace", "-apple-system", "blinkmacsystemfont", "cursive",
                                   "fantasy",    "emoji",        "math",          "ui-rounded"};
  int words = 0;
  size_t i = 0;
  while (i < el.size()) {
    while (i < el.size() && el[i] == ' ') ++i;
    size_t b = i;
    while (i < el.size() && el[i] != ' ') ++i;
    if (b == i) break;
    std::string w = ToLower(el.substr(b, i - b));
    bool generic = false;
    for (const char* g : kGeneric) generic = generic || w == g;
    char first = el[b];
    if (!generic && !(first >= 'A' && first <= 'Z') && !(first >= '0' && first <= '9')) return false;
    ++words;
  }
  return words >= 1 && words <= 4;
}

// True if a real family precedes position `i` in the same comma-separated list.
bool AfterAnotherFamily(std::string_view t, size_t i) {
  size_t k = i, w = 1;
  while (k > 0 && IsQuoteOrBracket(t, k, &w)) k -= w;
  if (k == 0 || t[k - 1] != ',') return false;
  size_t comma = k - 1, b = comma;
  while (b > 0 && !std::strchr(":=([{|`\n,", t[b - 1])) --b;
  return IsFamilyName(t.substr(b, comma - b));
}

bool ImportedByUrl(std::string_view t, size_t i) {
  for (std::string_view p : {"family=", "fontsource/", "fontsource-variable/", "fonts/"}) {
    if (i >= p.size() && IEquals(t.substr(i - p.size(), p.size()), p)) return true;
  }
  return false;
}

}  // namespace

void CheckFonts(const SlopInput& in, std::vector<Finding>* out) {
  std::string_view t = in.text;
  int last_line = 0;
  int words_line = -1;
  bool line_has_font_words = false;
  for (size_t i = 0; i + 5 <= t.size(); ++i) {
    if (t[i] != 'i' && t[i] != 'I') continue;
    size_t n = InterAt(t, i);
    if (!n) continue;
    int line = in.md->LineOf(i);
    const MdLine& l = in.md->At(line);
    if (l.in_frontmatter) continue;
    if (line == last_line) continue;  // one finding per line: skip the sentence work
    if (line != words_line) {  // asked once per line, so a long line with many matches stays linear
      words_line = line;
      line_has_font_words = FontWords(l.text) || FontHeading(in.md->HeadingOf(line));
    }
    Span s = SentenceAround(t, i);
    std::string_view sentence = t.substr(s.begin, s.end - s.begin);
    if (!line_has_font_words && !FontWords(sentence)) continue;
    if (AfterAnotherFamily(t, i)) continue;
    std::string_view before = t.substr(s.begin, i > s.begin ? i - s.begin : 0);
    std::string_view after = t.substr(i + n, s.end > i + n ? s.end - i - n : 0);
    static const std::vector<std::string_view> kFontNegations = {"over",    "unlike",   "except",    "than",
                                                                 "replace", "replaces", "replacing", "replaced"};
    if (NegatedBefore(before) || ContainsAnyWord(before, kFontNegations) || NegatedAfter(after)) continue;
    last_line = line;
    std::string name(t.substr(i, n));
    if (ImportedByUrl(t, i)) {
      out->push_back({Severity::kWarning, "inter-import", line,
                      "the artifact loads the " + name +
                          " font; if it is there to be the default typeface, choose another (Inter is the stock "
                          "AI-generated look)",
                      Excerpt(l.text), ""});
      continue;
    }
    out->push_back({Severity::kError, "inter-font", line,
                    name + " is the first family of a font stack or the stated typeface; lead with a face chosen for "
                           "this product (Inter may appear later as a fallback)",
                    Excerpt(l.text), ""});
  }
}

}  // namespace specwave::validators
