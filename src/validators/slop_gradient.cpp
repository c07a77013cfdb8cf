// Forbidden: a gradient any of whose stops is purple by hue. Found as CSS
// gradient functions (linear-, radial-, conic-, repeating-*, -webkit-
// prefixes and the old -webkit-gradient(), across lines), SVG
// <linearGradient>/<radialGradient> stops, and prose or class lists that say
// "gradient" with a purple in the same sentence ("purple-to-pink gradient",
// "bg-gradient-to-r from-violet-600 to-fuchsia-500"). Stops are read in every
// colour notation, named colours, var(--x) resolved against the artifact's
// custom properties, and token names (color.accent) resolved against its tokens.
#include <algorithm>
#include <cstdio>
#include <set>

#include "core/text.hpp"
#include "validators/slop_rules.hpp"

namespace specwave::validators {

bool IsPurple(const Oklch& lch) {
  return lch.c >= kPurpleMinChroma && lch.h >= kPurpleHueMin && lch.h <= kPurpleHueMax;
}

bool IsPurple(const Rgb& rgb) {
  if (rgb.a <= 0) return false;  // transparent
  return IsPurple(ToOklch(rgb));
}

bool NegatedBefore(std::string_view s) {
  static const std::vector<std::string_view> kWords = {
      "no",      "not",    "never",   "avoid",     "avoids", "avoided",  "avoiding", "without", "instead",
      "rather",  "forbid", "forbids", "forbidden", "ban",    "banned",   "bans",     "don't",   "don\xE2\x80\x99t",
      "doesn't", "isn't",  "aren't",  "nor",       "reject", "rejected", "rejects",  "none",    "nothing"};
  return ContainsAnyWord(s, kWords);
}

bool NegatedAfter(std::string_view s) {
  static const std::vector<std::string_view> kPhrases = {
      "is not",  "isn't",    "are not",   "aren't", "was rejected", "were rejected", "rejected",  "is avoided",
      "avoided", "not used", "is banned", "banned", "forbidden",    "dropped",       "no longer", "ruled out"};
  return ContainsAnyWord(s, kPhrases);
}

namespace {

// A gradient is a few stops; the cap keeps unbalanced "gradient(gradient(..." linear.
constexpr size_t kMaxGradient = 4000;

// Prose colour words that are not CSS named colours.
struct ProseColour {
  const char* word;
  const char* hex;
};
constexpr ProseColour kProseColours[] = {
    {"lilac", "#c8a2c8"},      {"mauve", "#e0b0ff"},    {"amethyst", "#9966cc"},    {"grape", "#6f2da8"},
    {"aubergine", "#61224f"},  {"eggplant", "#614051"}, {"ultraviolet", "#5f4b8b"}, {"heliotrope", "#df73ff"},
    {"periwinkle", "#ccccff"}, {"mulberry", "#c54b8c"}, {"byzantium", "#702963"},   {"wisteria", "#c9a0dc"},
    {"iris", "#5a4fcf"},       {"purplish", "#800080"}, {"violets", "#ee82ee"},     {"purples", "#800080"}};

struct Stop {
  size_t offset = 0;
  std::string text;
  Rgb rgb;
};

// Every colour in `s` (offsets relative to `base` in the whole text).
std::vector<Stop> ColoursIn(std::string_view s, size_t base, const SlopInput& in, bool prose_words) {
  std::vector<Stop> out;
  for (const auto& c : FindColorLiterals(s, /*named_words=*/true))
    out.push_back({base + c.offset, std::string(s.substr(c.offset, c.length)), c.rgb});
  // var(--x) and token names.
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == 'v' || s[i] == 'V') && (i == 0 || !IsAsciiAlnum(s[i - 1]))) {
      if (auto call = CallAt(s, i, 256); call && call->name == "var") {
        std::string value = ResolveVar(s.substr(i, call->length), in.properties);
        if (auto rgb = ParseCssColor(value))
          out.push_back({base + i, std::string(s.substr(i, call->length)), *rgb});
        else if (in.tokens)
          if (const ColorToken* t = in.tokens->FindColor(value); t && t->color)
            out.push_back({base + i, std::string(s.substr(i, call->length)), *t->color});
        i += call->length - 1;
        continue;
      }
    }
    if (in.tokens && IsAsciiLetter(s[i]) &&
        (i == 0 || !(IsAsciiAlnum(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '.'))) {
      size_t n = 0;
      while (i + n < s.size() && (IsAsciiAlnum(s[i + n]) || s[i + n] == '.' || s[i + n] == '-' || s[i + n] == '_')) ++n;
      std::string_view word = s.substr(i, n);
      while (!word.empty() && (word.back() == '.' || word.back() == '-')) word.remove_suffix(1);
      if (word.find('.') != std::string_view::npos)
        if (const ColorToken* t = in.tokens->FindColor(word); t && t->color)
          out.push_back({base + i, std::string(word), *t->color});
      i += n > 0 ? n - 1 : 0;
    }
  }
  if (prose_words) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (!IsAsciiLetter(s[i]) || (i > 0 && IsAsciiLetter(s[i - 1]))) continue;
      size_t n = 0;
      while (i + n < s.size() && IsAsciiLetter(s[i + n])) ++n;
      std::string word = ToLower(s.substr(i, n));
      for (const auto& pc : kProseColours)
        if (word == pc.word) out.push_back({base + i, std::string(s.substr(i, n)), *ParseCssColor(pc.hex)});
      i += n - 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Stop& a, const Stop& b) { return a.offset < b.offset; });
  return out;
}

std::string Describe(const Stop& s) {
  Oklch lch = ToOklch(s.rgb);
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s (OKLCH hue %.0f\xC2\xB0, chroma %.3f)", s.text.c_str(), lch.h, lch.c);
  return buf;
}

const Stop* FirstPurple(const std::vector<Stop>& stops) {
  for (const auto& s : stops)
    if (IsPurple(s.rgb)) return &s;
  return nullptr;
}

void Report(const SlopInput& in, size_t offset, std::string_view excerpt, const Stop& purple, const char* what,
            std::vector<Finding>* out) {
  int line = in.md->LineOf(offset);
  out->push_back({Severity::kError, "purple-gradient", line,
                  std::string(what) + " has a purple/violet stop: " + Describe(purple) +
                      ". Use a flat colour, or a gradient whose stops stay outside OKLCH hue " +
                      std::to_string(static_cast<int>(kPurpleHueMin)) + "\xE2\x80\x93" +
                      std::to_string(static_cast<int>(kPurpleHueMax)) + "\xC2\xB0",
                  Excerpt(excerpt), ""});
}

// A clause boundary before text[i] (going back) or at text[i] (going forward):
// , ; : ( ) and the em and en dashes. "a gradient from blue to teal (no
// purple)" and "..., never purple" negate only their own clause.
bool ClauseMark(std::string_view text, size_t i) {
  char c = text[i];
  if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
  // U+2014 and U+2013 are E2 80 94 / E2 80 93: any of their bytes ends the clause.
  if ((c == '\x94' || c == '\x93') && i >= 2 && text[i - 1] == '\x80' && text[i - 2] == '\xE2') return true;
  if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\x94' || text[i + 2] == '\x93'))
    return true;
  return IEquals(text.substr(i, 5), " but ");
}

// The clause of `pos` inside `sentence`.
Span ClauseAround(std::string_view text, Span sentence, size_t pos) {
  size_t b = pos, e = pos;
  while (b > sentence.begin && !ClauseMark(text, b - 1)) --b;
  while (e < sentence.end && !ClauseMark(text, e)) ++e;
  return {b, e};
}

// A colour in a clause that rejects it ("no purple", "never violet",
// "violet is not used"): not a stop of the gradient described.
bool NegatedInClause(std::string_view text, Span sentence, const Stop& stop) {
  Span c = ClauseAround(text, sentence, stop.offset);
  size_t end = std::min(c.end, stop.offset + stop.text.size());
  return NegatedBefore(text.substr(c.begin, stop.offset - c.begin)) || NegatedAfter(text.substr(end, c.end - end));
}

size_t IFind(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i)
    if (IEquals(hay.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

}  // namespace

void CheckGradients(const SlopInput& in, std::vector<Finding>* out) {
  std::string_view text = in.text;
  std::vector<Span> reported;  // spans already reported, so prose around a function is not reported again
  // 1. Gradient functions.
  for (size_t at = IFind(text, "gradient", 0); at != std::string_view::npos; at = IFind(text, "gradient", at + 8)) {
    size_t end = at + 8;
    if (end >= text.size() || text[end] != '(') continue;
    size_t start = at;
    while (start > 0 && (IsAsciiLetter(text[start - 1]) || text[start - 1] == '-')) --start;
    auto call = CallAt(text, start, kMaxGradient);
    if (!call) continue;
    auto stops = ColoursIn(call->args, call->args_offset, in, false);
    if (const Stop* p = FirstPurple(stops))
      Report(in, start, text.substr(start, call->length), *p, call->name.c_str(), out);
    reported.push_back({start, start + call->length});
    at = start + call->length - 8;  // gradients nested in this one were read with it
  }
  // 2. SVG gradient elements.
  for (const char* tag : {"<lineargradient", "<radialgradient"}) {
    for (size_t at = IFind(text, tag, 0); at != std::string_view::npos; at = IFind(text, tag, at + 1)) {
      std::string close = "</" + std::string(tag + 1) + ">";
      size_t end = IFind(text, close, at);
      end = end == std::string_view::npos ? std::min(text.size(), at + 4000) : end + close.size();
      auto stops = ColoursIn(text.substr(at, end - at), at, in, false);
      if (const Stop* p = FirstPurple(stops))
        Report(in, at, text.substr(at, std::min<size_t>(end - at, 200)), *p, "SVG gradient", out);
      reported.push_back({at, end});
    }
  }
  // 3. "gradient" in prose, class lists and token tables.
  std::set<size_t> sentences;
  for (size_t at = IFind(text, "gradient", 0); at != std::string_view::npos; at = IFind(text, "gradient", at + 8)) {
    size_t id_start = at, id_end = at + 8;
    while (id_start > 0 && (IsAsciiAlnum(text[id_start - 1]) || text[id_start - 1] == '-')) --id_start;
    while (id_end < text.size() && (IsAsciiAlnum(text[id_end]) || text[id_end] == '-')) ++id_end;
    if (id_end < text.size() && text[id_end] == '(') continue;  // a function: done above
    std::string ident = ToLower(text.substr(id_start, id_end - id_start));
    if (ident == "lineargradient" || ident == "radialgradient") continue;
    bool inside = false;
    for (const auto& r : reported) inside = inside || (at >= r.begin && at < r.end);
    if (inside) continue;
    Span s = SentenceAround(text, at);
    bool overlaps = false;
    for (const auto& r : reported) overlaps = overlaps || (r.begin < s.end && r.end > s.begin);
    if (overlaps) continue;
    // "no purple gradients", "a violet gradient was rejected": the clause of the word rejects it.
    Span clause = ClauseAround(text, s, at);
    if (NegatedBefore(text.substr(clause.begin, id_start - clause.begin)) ||
        NegatedAfter(text.substr(id_end, clause.end - id_end)))
      continue;
    if (!sentences.insert(s.begin).second) continue;
    auto stops = ColoursIn(text.substr(s.begin, s.end - s.begin), s.begin, in, true);
    stops.erase(std::remove_if(stops.begin(), stops.end(),
                               [&](const Stop& stop) { return NegatedInClause(text, s, stop); }),
                stops.end());
    if (const Stop* p = FirstPurple(stops))
      Report(in, at, text.substr(s.begin, s.end - s.begin), *p, "a gradient described here", out);
  }
}

}  // namespace specwave::validators
