// Required (warnings): colours in OKLCH, a 60/30/10 colour proportion, spacing
// on an 8-pt grid, exactly four type sizes.
//
// Values that are present are checked in every artifact (a hex colour or a
// 12px padding is flagged wherever it is defined). Whether something is
// *missing* (no OKLCH colour, no proportion, no spacing scale, not four sizes)
// is only asked of an artifact that defines tokens (SlopInput::defines_tokens):
// a component mapping that only references tokens has none of its own.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/text.hpp"
#include "validators/slop_rules.hpp"

namespace specwave::validators {
namespace {

constexpr double kShareTolerance = 2;  // percentage points, per group and for the total

std::string Px(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return std::string(buf) + "px";
}

bool IsReference(std::string_view value) {
  std::string_view t = Trim(value);
  if (StartsWith(ToLower(t.substr(0, 4)), "var(")) return true;
  // A bare token name (color.background) is a reference too.
  if (t.find(' ') != std::string_view::npos || t.find('(') != std::string_view::npos) return false;
  return t.find('.') != std::string_view::npos && !ParseCssColor(t);
}

// ---- OKLCH -----------------------------------------------------------------

void CheckOklch(const SlopInput& in, std::vector<Finding>* out) {
  std::set<std::pair<int, std::string>> seen;  // (line, literal) already reported
  int oklch = 0, defined = 0;
  auto report = [&](int line, const std::string& literal, const std::string& notation, const Rgb& rgb,
                    std::string_view excerpt) {
    if (!seen.insert({line, ToLower(literal)}).second) return;
    out->push_back({Severity::kWarning, "color-not-oklch", line,
                    literal + " is given in " + notation + "; give colours in OKLCH: " + ToCssOklch(ToOklch(rgb)),
                    Excerpt(excerpt), ""});
  };
  for (const auto& d : in.tokens->definitions) {
    if (d.kind != TokenKind::kColor || IsReference(d.value)) continue;
    std::string value = ResolveVar(d.value, in.properties);
    std::optional<Rgb> rgb = ParseCssColor(value);
    std::string literal = std::string(Trim(value)), notation = ColorNotation(value);
    if (!rgb) {
      auto lits = FindColorLiterals(value, false);
      if (lits.empty()) continue;
      rgb = lits[0].rgb;
      literal = value.substr(lits[0].offset, lits[0].length);
      notation = lits[0].notation;
    }
    if (notation == "named" && rgb->a == 0) continue;  // transparent
    ++defined;
    if (notation == "oklch") {
      ++oklch;
      continue;
    }
    report(d.line, literal, notation == "named" ? "a named colour" : notation, *rgb, d.name + ": " + d.value);
  }
  for (const auto& d : in.declarations) {
    if (StartsWith(d.property, "--") || !IsColorProperty(d.property)) continue;
    int line = in.md->LineOf(d.offset);
    for (const auto& lit : FindColorLiterals(d.value, /*named_words=*/true)) {
      if (lit.notation == "named" && lit.rgb.a == 0) continue;
      ++defined;
      if (lit.notation == "oklch") {
        ++oklch;
        continue;
      }
      std::string literal(d.value.substr(lit.offset, lit.length));
      report(line, literal, lit.notation == "named" ? "a named colour" : lit.notation, lit.rgb,
             d.property + ": " + std::string(d.value));
    }
  }
  if (in.defines_tokens && oklch == 0)
    out->push_back({Severity::kWarning, defined ? "no-oklch" : "no-colors", 0,
                    defined ? "no colour is given in OKLCH; write the palette as oklch(L C H)"
                            : "the artifact defines no colours; give the palette in OKLCH",
                    "", ""});
}

// ---- 60/30/10 ----------------------------------------------------------------

// Can the shares be put in three groups adding up to 60, 30 and 10?
bool Splits603010(const std::vector<double>& shares, size_t i, double g60, double g30, double g10) {
  if (i == shares.size())
    return std::fabs(g60 - 60) <= kShareTolerance && std::fabs(g30 - 30) <= kShareTolerance &&
           std::fabs(g10 - 10) <= kShareTolerance;
  double s = shares[i];
  return (g60 + s <= 60 + kShareTolerance && Splits603010(shares, i + 1, g60 + s, g30, g10)) ||
         (g30 + s <= 30 + kShareTolerance && Splits603010(shares, i + 1, g60, g30 + s, g10)) ||
         (g10 + s <= 10 + kShareTolerance && Splits603010(shares, i + 1, g60, g30, g10 + s));
}

bool States603010(std::string_view text) {
  // "60/30/10", "60-30-10", "60 / 30 / 10", "60%/30%/10%", "60:30:10", "60–30–10".
  for (size_t at = text.find("60"); at != std::string_view::npos; at = text.find("60", at + 2)) {
    if (at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]))) continue;
    size_t i = at + 2;
    auto sep = [&]() {
      size_t j = i;
      while (j < text.size() && (text[j] == ' ' || text[j] == '%')) ++j;
      if (j < text.size() && (text[j] == '/' || text[j] == '-' || text[j] == ':'))
        ++j;
      else if (j + 2 < text.size() && text.substr(j, 3) == "\xE2\x80\x93")
        j += 3;
      else
        return false;
      while (j < text.size() && text[j] == ' ') ++j;
      i = j;
      return true;
    };
    if (!sep() || text.substr(i, 2) != "30") continue;
    i += 2;
    if (!sep() || text.substr(i, 2) != "10") continue;
    if (i + 2 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 2]))) continue;
    return true;
  }
  return false;
}

void CheckProportion(const SlopInput& in, std::vector<Finding>* out) {
  std::vector<double> shares;
  std::string listed;
  int first_line = 0;
  for (const auto& c : in.tokens->colors) {
    if (!c.share) continue;
    shares.push_back(*c.share);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%s %g%%", listed.empty() ? "" : ", ", c.name.c_str(), *c.share);
    listed += buf;
    if (!first_line || c.share_line < first_line) first_line = c.share_line;
  }
  if (shares.empty()) {
    if (in.defines_tokens && !States603010(in.text))
      out->push_back({Severity::kWarning, "proportion-missing", 0,
                      "no 60/30/10 colour proportion: give each colour's share in the colour table "
                      "(dominant 60%, secondary 30%, accent 10%) or state the split",
                      "", ""});
    return;
  }
  double sum = 0;
  for (double s : shares) sum += s;
  if (std::fabs(sum - 100) > kShareTolerance) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g%%", sum);
    out->push_back({Severity::kWarning, "proportion-sum", first_line,
                    std::string("the colour shares add up to ") + buf + ", not 100%", Excerpt(listed), ""});
    return;
  }
  std::sort(shares.rbegin(), shares.rend());
  bool ok = shares.size() <= 16 && Splits603010(shares, 0, 0, 0, 0);
  if (!ok)
    out->push_back({Severity::kWarning, "proportion-not-60-30-10", first_line,
                    "the colour shares do not split 60/30/10 (dominant 60%, secondary 30%, accent 10%)",
                    Excerpt(listed), ""});
}

// ---- 8-pt spacing -------------------------------------------------------------

bool OnGrid(double px) {
  double a = std::fabs(px);
  if (a < 0.01 || std::fabs(a - 4) < 0.01) return true;
  double r = std::fmod(a, 8);
  return r < 0.01 || r > 7.99;
}

void CheckSpacing(const SlopInput& in, std::vector<Finding>* out) {
  std::set<std::pair<int, long>> seen;
  auto check = [&](int line, std::string_view value, double px, std::string_view excerpt) {
    if (OnGrid(px) || !seen.insert({line, std::lround(px * 100)}).second) return;
    out->push_back({Severity::kWarning, "spacing-off-grid", line,
                    std::string(value) + (value == Px(px) ? "" : " (" + Px(px) + ")") +
                        " is not on the 8-pt grid: use multiples of 8px, and 4px only for fine steps",
                    Excerpt(excerpt), ""});
  };
  for (const auto& d : in.tokens->definitions) {
    if (d.kind != TokenKind::kSpacing) continue;
    std::string_view v = Trim(d.value);
    size_t n = 0;
    while (n < v.size() && v[n] != ' ' && v[n] != '(' && v[n] != '/' && v[n] != ',') ++n;
    if (auto px = LengthToPx(v.substr(0, n))) check(d.line, v.substr(0, n), *px, d.name + ": " + d.value);
  }
  for (const auto& d : in.declarations) {
    if (!IsSpacingProperty(d.property)) continue;
    int line = in.md->LineOf(d.offset);
    std::string value = ResolveVar(d.value, in.properties);
    for (auto part : SplitTopLevel(value, ' ')) {
      if (part.empty() || part.find('(') != std::string_view::npos) continue;
      if (auto px = LengthToPx(part)) {
        // A bare number in CSS is only valid as 0; skip "1" in "flex: 1"-like slips.
        double probe = 0;
        if (ParseCssNumber(part, &probe) == part.size() && probe != 0) continue;
        check(line, part, *px, d.property + ": " + std::string(d.value));
      }
    }
  }
  if (in.defines_tokens && in.tokens->spacing.empty())
    out->push_back({Severity::kWarning, "spacing-missing", 0,
                    "no spacing scale: define spacing tokens on an 8-pt grid (4, 8, 16, 24, 32, ...)", "", ""});
}

// ---- four type sizes ----------------------------------------------------------

void CheckTypeSizes(const SlopInput& in, std::vector<Finding>* out) {
  if (!in.defines_tokens) return;
  std::set<long> sizes;         // px, hundredths
  std::set<std::string> other;  // sizes that are not plain lengths (clamp(), vw)
  std::vector<std::string> listed;
  int first_line = 0;
  auto add = [&](const std::string& value, std::optional<double> px, int line) {
    bool fresh = px ? sizes.insert(std::lround(*px * 100)).second : other.insert(ToLower(value)).second;
    if (fresh) listed.push_back(px && Px(*px) != value ? value + " (" + Px(*px) + ")" : value);
    if (!first_line || line < first_line) first_line = line;
  };
  for (const auto& t : in.tokens->type_sizes) add(t.value, t.px, t.line);
  for (const auto& d : in.declarations)
    if (d.property == "font-size" && !StartsWith(ToLower(d.value.substr(0, 4)), "var(")) {
      std::string v(Trim(d.value));
      add(v, LengthToPx(v), in.md->LineOf(d.offset));
    }
  size_t count = sizes.size() + other.size();
  if (count == 4) return;
  if (count == 0) {
    out->push_back({Severity::kWarning, "type-sizes-missing", 0,
                    "no type sizes: define exactly four (for example 12/14/18/24px)", "", ""});
    return;
  }
  out->push_back({Severity::kWarning, "type-size-count", first_line,
                  std::to_string(count) + " distinct type size" + (count == 1 ? "" : "s") +
                      " defined; use exactly four (" + Join(listed, ", ") + ")",
                  Excerpt(Join(listed, ", ")), ""});
}

}  // namespace

void CheckRequired(const SlopInput& in, std::vector<Finding>* out) {
  CheckOklch(in, out);
  CheckProportion(in, out);
  CheckSpacing(in, out);
  CheckTypeSizes(in, out);
}

}  // namespace specwave::validators
