// The swatch view of a design-tokens artifact: the palette as colour chips
// with their shares and gamut, each declared text/background pair drawn as
// text on its background with the measured WCAG ratio, and the type scale
// drawn at size. Reads TokenSwatches prepared by the session; computes nothing.
#pragma once

#include "design/token_swatches.hpp"

namespace specwave::ui {

void DrawTokenSwatches(const TokenSwatches& swatches);

}  // namespace specwave::ui
