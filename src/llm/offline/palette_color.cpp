// The palette's colour operations over core/color.hpp.
#include "llm/offline/palette_color.hpp"

#include "core/color.hpp"

namespace specwave::offline {
namespace {
Oklch ToCore(const Lch& c) { return Oklch{c.l, c.c, c.h, 1}; }
Lch FromCore(const Oklch& c) { return Lch{c.l, c.c, c.h}; }
}  // namespace

std::optional<Lch> ParseCssColor(const std::string& css) {
  auto rgb = specwave::ParseCssColor(css);
  if (!rgb) return std::nullopt;
  return FromCore(ToOklch(*rgb));
}

bool IsInSrgb(const Lch& c) { return InSrgbGamut(ToCore(c)); }

Lch MapIntoSrgb(const Lch& c) { return FromCore(MapToSrgbGamut(ToCore(c))); }

double ContrastOf(const Lch& a, const Lch& b) { return ContrastRatio(ToRgb(ToCore(a)), ToRgb(ToCore(b))); }

}  // namespace specwave::offline
