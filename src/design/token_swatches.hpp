// What the UI's swatch view of a design-tokens artifact shows, computed off
// the render thread (Session::PrepareViews): the palette with its shares, every
// declared text/background pair with its measured WCAG ratio against the
// level it needs, and the type scale in px.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "design/color.hpp"

namespace specwave {

struct TokenSwatches {
  struct Swatch {
    std::string name, value, role;
    Rgb rgb;
    std::optional<double> share;
    bool in_gamut = true;
    int line = 0;
  };
  struct Pair {
    std::string text, background, use;
    Rgb text_rgb, background_rgb;
    double ratio = 0;     // measured from the values
    double required = 0;  // 4.5 body, 3 large / non-text
    bool ok() const { return ratio + 1e-9 >= required; }
    int line = 0;
  };
  struct TypeSize {
    std::string name, value;
    double px = 0;
  };
  std::vector<Swatch> palette;
  std::vector<Pair> pairs;
  std::vector<TypeSize> type_scale;
  std::string body_font;  // first family of the body/base stack, if given
  bool empty() const { return palette.empty() && type_scale.empty(); }
};

// Empty when the markdown defines no colours or type sizes.
TokenSwatches ComputeTokenSwatches(std::string_view markdown);

}  // namespace specwave
