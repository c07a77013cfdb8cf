// The colour palette behind design-tokens.md, built with real OKLCH maths
// (design/color.hpp): the accent is the brand colour mapped into sRGB; the
// neutrals share its hue at low chroma; every text colour's lightness is
// lowered step by step until each text/background pair it appears in meets
// its WCAG ratio (4.5:1 body, 3:1 large; 7:1 for body text when the brief asks
// for bright-light use). Ratios are computed from the values exactly as they
// are printed, so a checker re-reading the artifact finds the same numbers.
#pragma once

#include <string>
#include <vector>

#include "offline/input/brief_reader.hpp"

namespace specwave::offline {

struct Lch {
  double l = 0, c = 0, h = 0;  // OKLCH: lightness 0..1, chroma, hue in degrees
};

struct PaletteColor {
  std::string token;  // "color.accent"
  Lch value;          // in the sRGB gamut, at print precision
  std::string role;
  std::string share;  // "60%", "30%", "10%" or "—"
};

struct ContrastPair {
  std::string text, background;  // token names
  std::string use;               // "body" or "large"
  double ratio = 0;              // computed WCAG 2.x contrast ratio
  double target = 0;             // what it had to reach
};

struct Palette {
  std::vector<PaletteColor> colors;
  std::vector<ContrastPair> pairs;
  std::string brand_note;  // where the accent came from (the brief's colour, or a documented default)
  bool purple = false;     // the brand hue is purple/violet: flat accent only
  double body_target = 4.5;
  const PaletteColor* Find(const std::string& token) const;
};

Palette BuildPalette(const Brief& brief);

// "oklch(0.520 0.090 215)" — the exact text both the table and the css block use.
std::string FormatLch(const Lch& c);

// WCAG 2.x contrast of two OKLCH colours (through sRGB).
double Contrast(const Lch& a, const Lch& b);

}  // namespace specwave::offline
