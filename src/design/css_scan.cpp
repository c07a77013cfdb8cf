#include "design/css_scan.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "design/text_scan.hpp"

namespace specwave::validators {
namespace {

// Declaration values end at ; } or a line end; this caps a runaway one.
constexpr size_t kMaxValue = 20000;
// A colour or var() call is short; capping it keeps "rgb(rgb(rgb(..." linear.
constexpr size_t kMaxColorCall = 256;

bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsIdentChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == '_'; }

bool IsColorFunction(std::string_view lower) {
  static constexpr std::array<std::string_view, 9> kNames = {"rgb", "rgba", "hsl",   "hsla", "hwb",
                                                             "lab", "lch",  "oklab", "oklch"};
  return std::find(kNames.begin(), kNames.end(), lower) != kNames.end();
}

// Properties read as declarations (besides custom properties). Kept to what
// the rules need: colours, spacing, type, radius, backgrounds and masks.
bool IsKnownProperty(std::string_view p) {
  if (IsColorProperty(p) || IsSpacingProperty(p)) return true;
  static constexpr std::array<std::string_view, 14> kOther = {"font",
                                                              "font-family",
                                                              "font-size",
                                                              "border-radius",
                                                              "border-top-left-radius",
                                                              "border-top-right-radius",
                                                              "border-bottom-left-radius",
                                                              "border-bottom-right-radius",
                                                              "background-image",
                                                              "mask",
                                                              "mask-image",
                                                              "-webkit-mask-image",
                                                              "clip-path",
                                                              "line-height"};
  return std::find(kOther.begin(), kOther.end(), p) != kOther.end();
}

}  // namespace

bool IsColorProperty(std::string_view p) {
  static constexpr std::array<std::string_view, 20> kNames = {"color",
                                                              "background",
                                                              "background-color",
                                                              "border",
                                                              "border-color",
                                                              "border-top",
                                                              "border-bottom",
                                                              "border-left",
                                                              "border-right",
                                                              "border-top-color",
                                                              "border-bottom-color",
                                                              "border-left-color",
                                                              "border-right-color",
                                                              "outline",
                                                              "outline-color",
                                                              "fill",
                                                              "stroke",
                                                              "caret-color",
                                                              "accent-color",
                                                              "text-decoration-color"};
  return std::find(kNames.begin(), kNames.end(), p) != kNames.end();
}

bool IsSpacingProperty(std::string_view p) {
  static constexpr std::array<std::string_view, 19> kNames = {
      "margin",  "margin-top",  "margin-bottom",  "margin-left",  "margin-right",  "margin-inline",  "margin-block",
      "padding", "padding-top", "padding-bottom", "padding-left", "padding-right", "padding-inline", "padding-block",
      "gap",     "row-gap",     "column-gap",     "grid-gap",     "inset"};
  return std::find(kNames.begin(), kNames.end(), p) != kNames.end();
}

std::optional<Call> CallAt(std::string_view text, size_t name_begin, size_t max_length) {
  size_t i = name_begin;
  while (i < text.size() && IsIdentChar(text[i])) ++i;
  if (i == name_begin || i >= text.size() || text[i] != '(') return std::nullopt;
  Call call;
  call.offset = name_begin;
  call.name = ToLower(text.substr(name_begin, i - name_begin));
  call.args_offset = i + 1;
  int depth = 0;
  char quote = 0;
  for (size_t j = i; j < text.size() && j - i <= max_length; ++j) {
    char c = text[j];
    if (quote) {
      if (c == quote)
        quote = 0;
      else if (c == '\n')
        quote = 0;  // an unbalanced quote ends with its line
      continue;
    }
    if (c == '"' || c == '\'')
      quote = c;
    else if (c == '(')
      ++depth;
    else if (c == ')' && --depth == 0) {
      call.args = text.substr(i + 1, j - i - 1);
      call.length = j + 1 - name_begin;
      return call;
    }
  }
  return std::nullopt;
}

namespace {

std::vector<ColorLiteral> FindColorLiteralsRaw(std::string_view text, bool named_words) {
  std::vector<ColorLiteral> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    char prev = i > 0 ? text[i - 1] : ' ';
    if (c == '#' && !IsAsciiAlnum(prev) && prev != '&') {
      size_t n = 0;
      while (i + 1 + n < text.size() && IsHexDigit(text[i + 1 + n])) ++n;
      bool ends = i + 1 + n >= text.size() || !IsIdentChar(text[i + 1 + n]);
      if ((n == 3 || n == 4 || n == 6 || n == 8) && ends) {
        if (auto rgb = ParseCssColor(text.substr(i, n + 1))) out.push_back({i, n + 1, *rgb, "hex"});
      }
      i += 1 + n;
      continue;
    }
    if (IsAsciiLetter(c) && !IsAsciiAlnum(prev) && prev != '_' && prev != '.') {
      size_t n = 0;
      while (i + n < text.size() && IsAsciiLetter(text[i + n])) ++n;
      std::string word = ToLower(text.substr(i, n));
      bool call = i + n < text.size() && text[i + n] == '(' && (prev != '-' || IsColorFunction(word));
      if (call) {
        auto fn = CallAt(text, i, kMaxColorCall);
        if (fn && fn->name == "var") {
          i += fn->length;
          continue;
        }
        if (fn && IsColorFunction(word)) {
          std::string_view whole = text.substr(i, fn->length);
          if (auto rgb = ParseCssColor(whole)) {
            out.push_back({i, fn->length, *rgb, ColorNotation(whole)});
            i += fn->length;
            continue;
          }
        }
      } else if (named_words && (i + n >= text.size() || !IsAsciiAlnum(text[i + n]))) {
        if (auto rgb = ParseCssColor(word)) out.push_back({i, n, *rgb, "named"});
      }
      i += n;
      continue;
    }
    ++i;
  }
  return out;
}

// A colour name that labels a value next to it in parentheses — "#023E8A
// (Indigo Night)", "Indigo (#023E8A)" — is the value's name, not a colour of
// its own: only the value counts. "from indigo to blue (#00f)" is two colours.
bool IsLabel(std::string_view text, const ColorLiteral& named, const std::vector<ColorLiteral>& all) {
  auto value_at = [&](size_t at, bool end) {
    for (const auto& c : all)
      if (c.notation != "named" && (end ? c.offset + c.length : c.offset) == at) return true;
    return false;
  };
  auto name_char = [](char c) { return IsAsciiLetter(c) || c == ' ' || c == '-' || c == '\''; };
  auto mark = [](char c) { return c == ' ' || c == '`' || c == '*'; };
  // "value (Name words)": back over the label's words to "(", then the value.
  size_t b = named.offset;
  while (b > 0 && named.offset - b < 40 && name_char(text[b - 1])) --b;
  if (b > 0 && text[b - 1] == '(') {
    size_t v = b - 1;
    while (v > 0 && mark(text[v - 1])) --v;
    if (value_at(v, true)) return true;
  }
  // "Name words (value)".
  size_t e = named.offset + named.length;
  while (e < text.size() && e - named.offset < 40 && name_char(text[e])) ++e;
  if (e >= text.size() || text[e] != '(') return false;
  std::string_view between = text.substr(named.offset + named.length, e - named.offset - named.length);
  static const std::vector<std::string_view> kJoins = {"to", "and", "into", "from", "or", "then", "via", "with", "on"};
  if (ContainsAnyWord(between, kJoins)) return false;
  size_t v = e + 1;
  while (v < text.size() && mark(text[v])) ++v;
  return value_at(v, false);
}

}  // namespace

std::vector<ColorLiteral> FindColorLiterals(std::string_view text, bool named_words) {
  std::vector<ColorLiteral> out = FindColorLiteralsRaw(text, named_words);
  if (!named_words) return out;
  std::vector<ColorLiteral> kept;
  for (const auto& c : out)
    if (c.notation != "named" || !IsLabel(text, c, out)) kept.push_back(c);
  return kept;
}

std::vector<std::string_view> SplitTopLevel(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'')
      quote = c;
    else if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0)
      --depth;
    else if (c == sep && depth == 0) {
      parts.push_back(Trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(Trim(text.substr(start)));
  return parts;
}

std::vector<Declaration> FindDeclarations(std::string_view text) {
  std::vector<Declaration> out;
  size_t i = 0;
  while (i < text.size()) {
    char prev = i > 0 ? text[i - 1] : ' ';
    bool custom = text[i] == '-' && i + 2 < text.size() && text[i + 1] == '-' && IsIdentChar(text[i + 2]);
    bool plain = IsAsciiLetter(text[i]) || (text[i] == '-' && i + 1 < text.size() && IsAsciiLetter(text[i + 1]));
    if ((!custom && !plain) || IsIdentChar(prev)) {
      ++i;
      continue;
    }
    size_t n = 0;
    while (i + n < text.size() && IsIdentChar(text[i + n])) ++n;
    std::string prop = ToLower(text.substr(i, n));
    size_t j = i + n;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    bool colon = j < text.size() && text[j] == ':' && (j + 1 >= text.size() || text[j + 1] != ':');
    if (!colon || (!custom && !IsKnownProperty(prop))) {
      i += n;
      continue;
    }
    // The value: up to ; } | ` or a line end at parenthesis depth 0.
    size_t v = j + 1;
    int depth = 0;
    char quote = 0;
    size_t k = v;
    for (; k < text.size() && k - v < kMaxValue; ++k) {
      char c = text[k];
      if (quote) {
        if (c == quote || c == '\n') quote = 0;
        continue;
      }
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '(')
        ++depth;
      else if (c == ')' && depth > 0)
        --depth;
      else if (depth == 0 && (c == ';' || c == '}' || c == '|' || c == '`' || c == '\n'))
        break;
      else if (depth > 0 && (c == '|' || c == '`'))
        break;  // an unclosed call in a table cell or inline code
    }
    std::string_view raw = text.substr(v, k - v);
    std::string_view value = Trim(raw);
    // A property on its own line with the value on the next ("font-family:\n  Inter, ...").
    if (value.empty() && k < text.size() && text[k] == '\n' && custom == false) {
      size_t m = k + 1, e = m;
      while (e < text.size() && text[e] != ';' && text[e] != '}' && text[e] != '`' && e - m < kMaxValue) ++e;
      raw = text.substr(m, e - m);
      value = Trim(raw);
      v = m;
    }
    if (!value.empty()) {
      Declaration d;
      d.offset = i;
      d.value_offset = v + static_cast<size_t>(value.data() - raw.data());
      d.property = prop;
      d.value = value;
      out.push_back(std::move(d));
    }
    i = std::max(k, i + n);
  }
  return out;
}

CustomProperties CollectCustomProperties(const std::vector<Declaration>& declarations) {
  CustomProperties props;
  for (const auto& d : declarations)
    if (StartsWith(d.property, "--")) props.emplace(d.property, std::string(d.value));
  return props;
}

std::string ResolveVar(std::string_view value, const CustomProperties& props) {
  std::string cur(Trim(value));
  for (int depth = 0; depth < 8; ++depth) {
    if (!StartsWith(ToLower(cur.substr(0, 4)), "var(")) return cur;
    auto call = CallAt(cur, 0);
    if (!call || call->length != cur.size()) return cur;
    auto parts = SplitTopLevel(call->args, ',');
    std::string name = ToLower(parts.empty() ? std::string_view{} : parts[0]);
    auto it = props.find(name);
    if (it != props.end()) {
      cur = std::string(Trim(it->second));
    } else if (parts.size() > 1) {
      // The fallback is everything after the first comma.
      size_t comma = call->args.find(',');
      cur = std::string(Trim(call->args.substr(comma + 1)));
    } else {
      return cur;
    }
  }
  return cur;
}

std::optional<double> LengthToPx(std::string_view text) {
  std::string_view t = Trim(text);
  double v = 0;
  size_t used = ParseCssNumber(t, &v);
  if (used == 0) return std::nullopt;
  std::string unit = ToLower(Trim(t.substr(used)));
  if (unit.empty() || unit == "px" || unit == "pt") return v;
  if (unit == "rem" || unit == "em") return v * 16;
  return std::nullopt;
}

}  // namespace specwave::validators
