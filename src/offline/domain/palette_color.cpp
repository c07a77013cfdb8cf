// The palette's colour operations over design/color.hpp.
#include "offline/domain/palette_color.hpp"

#include "design/color.hpp"

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
