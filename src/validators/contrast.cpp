// contrast: every text/background pair the design tokens define meets WCAG
// 2.x — 4.5:1 for body text, 3:1 for large text (and for non-text UI, which
// the tokens file marks "large" or "non-text"). Colours are converted to sRGB
// the way a browser shows them: an OKLCH colour outside sRGB is first mapped
// into it by reducing chroma (CSS Color 4), and that is reported as a warning
// with its line. A translucent text colour is composited over its background.
// A ratio the file states is compared with the computed one. Pairs may name
// tokens or give the colours themselves ("Deep Ocean #03045E", "rgb(...)").
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.hpp"
#include "design/design_pairs.hpp"
#include "design/design_tokens.hpp"
#include "design/text_scan.hpp"
#include "validators/builtin.hpp"

namespace specwave::validators {
namespace {

constexpr double kBodyRatio = 4.5;
constexpr double kLargeRatio = 3.0;
constexpr double kStatedRatioTolerance = 0.05;  // a stated "4.61:1" may differ from the computed value by rounding

std::string Ratio(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f:1", r);
  return buf;
}

// What the screen shows: gamut-mapped (if needed) and clamped sRGB.
Rgb Displayed(const Rgb& rgb) {
  if (InSrgbGamut(rgb)) return ClampToSrgb(rgb);
  Rgb mapped = ClampToSrgb(ToRgb(MapToSrgbGamut(ToOklch(rgb))));
  mapped.a = rgb.a;
  return mapped;
}

Rgb Over(const Rgb& fg, const Rgb& bg) {
  double a = std::clamp(fg.a, 0.0, 1.0);
  return {fg.r * a + bg.r * (1 - a), fg.g * a + bg.g * (1 - a), fg.b * a + bg.b * (1 - a), 1};
}

class Contrast final : public Validator {
 public:
  std::string_view Name() const override { return "contrast"; }

  ValidationResult Run(const ValidationContext& ctx) const override {
    ValidationResult r{"contrast", ctx.artifact, {}};
    if (!ctx.content) {
      r.findings.push_back({Severity::kError, "missing", 0, ctx.artifact + " was not produced", "", ""});
      return r;
    }
    MarkdownLines md(*ctx.content);
    DesignTokens tokens = ParseDesignTokens(*ctx.content);
    auto add = [&](Severity s, const char* rule, int line, std::string message) {
      r.findings.push_back({s, rule, line, std::move(message), Excerpt(md.At(line).text), ""});
    };
    for (const auto& c : tokens.colors) {
      if (!c.color || InSrgbGamut(*c.color)) continue;
      Oklch mapped = MapToSrgbGamut(ToOklch(*c.color));
      add(Severity::kWarning, "out-of-gamut", c.line,
          c.name + " (" + c.value + ") is outside the sRGB gamut; screens show it as about " + ToCssOklch(mapped) +
              " (" + ToHex(ToRgb(mapped)) + "), which is what the contrast checks use");
    }
    for (const auto& p : tokens.contrast_pairs) {
      // Each side is a token or a colour written as a value ("Deep Ocean #03045E").
      PairColour fg = ResolvePairColour(tokens, p.text);
      PairColour bg = ResolvePairColour(tokens, p.background);
      bool unresolved = false;
      for (const auto& [name, side] : {std::pair{&p.text, &fg}, std::pair{&p.background, &bg}}) {
        if (side->kind == PairColourKind::kUnknown) {
          add(Severity::kError, "unknown-token", p.line,
              "contrast pair names " + *name + ", which is neither a colour token here nor a colour value");
          unresolved = true;
        } else if (!side->rgb) {
          add(Severity::kError, "not-a-color", p.line,
              *name + " (" + side->token->value + ") is not a colour this check can read");
          unresolved = true;
        }
      }
      if (unresolved) continue;
      Rgb back = Displayed(*bg.rgb);
      back.a = 1;  // the page under a translucent background is unknown; treat it as opaque
      Rgb front = Over(Displayed(*fg.rgb), back);
      double ratio = ContrastRatio(front, back);
      double need = p.use == "large" ? kLargeRatio : kBodyRatio;
      bool claimed = p.stated_ratio && std::fabs(*p.stated_ratio - ratio) > kStatedRatioTolerance;
      if (ratio < need) {
        // A claimed pass that computes to a fail names both numbers.
        add(Severity::kError, "contrast-too-low", p.line,
            p.text + " on " + p.background + ": " + Ratio(ratio) + ", below the " + Ratio(need) +
                " WCAG 2.x minimum for " + (p.use == "large" ? "large text" : "body text") +
                (claimed ? " (the document claims " + Ratio(*p.stated_ratio) + ")" : ""));
        continue;
      }
      if (claimed)
        add(Severity::kWarning, "ratio-mismatch", p.line,
            p.text + " on " + p.background + " is stated as " + Ratio(*p.stated_ratio) + " but computes to " +
                Ratio(ratio));
    }
    if (tokens.contrast_pairs.empty())
      r.findings.push_back({Severity::kWarning, "no-contrast-pairs", 0,
                            tokens.colors.empty() ? "no colour tokens and no contrast pairs: nothing to check"
                                                  : "no contrast pairs: list each text/background pair with its "
                                                    "use (body or large) so it can be checked",
                            "", ""});
    SortByLine(&r.findings);
    return r;
  }
};

}  // namespace

const Validator& ContrastValidator() {
  static const Contrast kInstance;
  return kInstance;
}

}  // namespace specwave::validators
