// The four colour operations the palette needs, over design/color.hpp (the
// project's CSS parsing, OKLCH <-> sRGB, gamut mapping and WCAG contrast), in
// the palette's own Lch type so the palette code reads as the rules it applies.
#pragma once

#include <optional>
#include <string>

#include "offline/domain/palette.hpp"

namespace specwave::offline {

std::optional<Lch> ParseCssColor(const std::string& css);  // any CSS notation -> OKLCH; nullopt if not a colour
bool IsInSrgb(const Lch& c);
Lch MapIntoSrgb(const Lch& c);                  // CSS Color 4 gamut mapping (chroma reduction)
double ContrastOf(const Lch& a, const Lch& b);  // WCAG 2.x contrast ratio, 1..21

}  // namespace specwave::offline
