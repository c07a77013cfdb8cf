// CSS colours and the colour maths Specwave needs: parsing every CSS
// notation (hex, rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch(), the 148
// named colours), sRGB <-> linear <-> OKLab <-> OKLCH (Björn Ottosson's OKLab),
// sRGB gamut checks and mapping, and WCAG 2.x relative luminance and contrast.
//
//   auto c = ParseCssColor("oklch(0.62 0.19 260)");   // std::nullopt if it is not a colour
//   Oklch lch = ToOklch(*c);                           // hue in degrees
//   bool fits = InSrgbGamut(lch);
//   double ratio = ContrastRatio(*ParseCssColor("#777"), *ParseCssColor("white"));  // ~4.48
//
// Everything here is total: no exceptions, no asserts on input.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace specwave {

// Gamma-encoded sRGB, each channel 0..1 (may fall outside after conversion
// from a wide-gamut colour; InSrgbGamut tells), plus alpha.
struct Rgb {
  double r = 0, g = 0, b = 0, a = 1;
};

struct Oklab {
  double l = 0, a = 0, b = 0, alpha = 1;
};

struct Oklch {
  double l = 0;  // 0..1
  double c = 0;  // chroma, 0..~0.4
  double h = 0;  // degrees, 0..360 (meaningless when c is ~0)
  double alpha = 1;
};

// Parses one CSS colour value (case-insensitive, extra spaces allowed,
// comma or space syntax, percentages, `/ alpha`, `none`). Colours given in
// OKLab/OKLCH are converted to sRGB without clamping.
std::optional<Rgb> ParseCssColor(std::string_view text);

// The notation a colour was written in: "hex", "rgb", "hsl", "hwb", "lab",
// "lch", "oklab", "oklch", "named" (including "transparent"), or "" if it is
// not a colour.
std::string ColorNotation(std::string_view text);

// Reads a CSS <number> at the start of `text` ("12", "-.5", "1e-3"; not hex,
// "inf" or "nan"; independent of the C locale). Returns the characters read, or
// 0 (and leaves *out alone) if there is no number there.
size_t ParseCssNumber(std::string_view text, double* out);

Oklab ToOklab(const Rgb& rgb);
Oklch ToOklch(const Rgb& rgb);
Oklch ToOklch(const Oklab& lab);
Oklab ToOklab(const Oklch& lch);
Rgb ToRgb(const Oklab& lab);
Rgb ToRgb(const Oklch& lch);

// True when the colour is inside sRGB (with a small tolerance for rounding).
bool InSrgbGamut(const Rgb& rgb, double tolerance = 1e-4);
bool InSrgbGamut(const Oklch& lch, double tolerance = 1e-4);

// The in-gamut colour closest in appearance: same lightness and hue, chroma
// reduced (CSS Color 4 gamut mapping, simplified: binary search on chroma).
Oklch MapToSrgbGamut(const Oklch& lch);

// Clamped to 0..1 per channel.
Rgb ClampToSrgb(const Rgb& rgb);
std::string ToHex(const Rgb& rgb);  // "#rrggbb" (clamped)
std::string ToCssOklch(const Oklch& lch, int decimals = 3);  // "oklch(0.520 0.090 215.0)"

// WCAG 2.x relative luminance of a (clamped) sRGB colour, and the contrast
// ratio of two colours, 1..21. Alpha is ignored (colours are treated as opaque).
double RelativeLuminance(const Rgb& rgb);
double ContrastRatio(const Rgb& a, const Rgb& b);

}  // namespace specwave
