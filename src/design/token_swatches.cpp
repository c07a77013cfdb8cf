#include "design/token_swatches.hpp"

#include "core/text.hpp"
#include "design/design_tokens.hpp"

namespace specwave {

TokenSwatches ComputeTokenSwatches(std::string_view markdown) {
  TokenSwatches out;
  const DesignTokens tokens = ParseDesignTokens(markdown);
  for (const auto& c : tokens.colors) {
    if (!c.color) continue;
    TokenSwatches::Swatch s;
    s.name = c.name;
    s.value = c.value;
    s.role = c.role;
    s.share = c.share;
    s.line = c.line;
    s.in_gamut = InSrgbGamut(*c.color);  // parsed colours keep out-of-gamut channels unclamped
    s.rgb = *c.color;
    out.palette.push_back(std::move(s));
  }
  for (const auto& p : tokens.contrast_pairs) {
    const ColorToken* t = tokens.FindColor(p.text);
    const ColorToken* b = tokens.FindColor(p.background);
    if (!t || !b || !t->color || !b->color) continue;
    TokenSwatches::Pair pair;
    pair.text = p.text;
    pair.background = p.background;
    pair.use = p.use;
    pair.text_rgb = *t->color;
    pair.background_rgb = *b->color;
    pair.ratio = ContrastRatio(*t->color, *b->color);
    pair.required = p.use == "body" ? 4.5 : 3.0;
    pair.line = p.line;
    out.pairs.push_back(std::move(pair));
  }
  for (const auto& ts : tokens.type_sizes)
    if (ts.px && *ts.px > 0 && *ts.px < 400) out.type_scale.push_back({ts.name, ts.value, *ts.px});
  for (const auto& f : tokens.fonts) {
    std::string n = ToLower(f.name);
    if (!f.families.empty() && (out.body_font.empty() || n.find("body") != std::string::npos ||
                                n.find("base") != std::string::npos))
      out.body_font = f.families.front();
  }
  return out;
}

}  // namespace specwave
