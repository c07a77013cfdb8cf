#include "offline/domain/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "core/text.hpp"
#include "offline/domain/palette_color.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

// A printed ratio must clear its target by this much, so a checker that
// rounds differently can never see it fall short.
constexpr double kMargin = 0.05;

Lch Round(Lch c) {
  c.l = std::round(std::clamp(c.l, 0.0, 1.0) * 1000) / 1000;
  c.c = std::round(std::max(c.c, 0.0) * 1000) / 1000;
  c.h = std::fmod(std::round(c.h * 10) / 10, 360.0);
  if (c.h < 0) c.h += 360;
  return c;
}

// In gamut at print precision: rounding must not push a mapped colour back out.
Lch Printable(Lch c) {
  c = Round(MapIntoSrgb(c));
  for (int i = 0; i < 400 && !IsInSrgb(c) && c.c > 0; ++i) c = Round({c.l, c.c - 0.001, c.h});
  return c;
}

bool Meets(const Lch& fg, const std::vector<Lch>& backgrounds, double target) {
  for (const auto& bg : backgrounds)
    if (Contrast(fg, bg) < target + kMargin) return false;
  return true;
}

// Lowers the lightness in small steps until the colour meets `target` on every background.
Lch DarkenUntil(Lch fg, const std::vector<Lch>& backgrounds, double target) {
  fg = Printable(fg);
  while (!Meets(fg, backgrounds, target) && fg.l > 0) fg = Printable({std::max(0.0, fg.l - 0.005), fg.c, fg.h});
  return fg;
}

bool IsPurple(const Lch& c) { return c.c >= 0.04 && c.h >= 275 && c.h <= 335; }

}  // namespace

const PaletteColor* Palette::Find(const std::string& token) const {
  for (const auto& c : colors)
    if (c.token == token) return &c;
  return nullptr;
}

std::string FormatLch(const Lch& c) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "oklch(%.3f %.3f %g)", c.l, c.c, std::round(c.h * 10) / 10);
  return buf;
}

double Contrast(const Lch& a, const Lch& b) { return ContrastOf(a, b); }

Palette BuildPalette(const Brief& brief) {
  Palette p;
  std::string text = ToLower(brief.AllText());
  for (const auto& c : brief.constraints) text += " " + ToLower(c);
  // Bright light washes contrast out: body text aims for 7:1 (WCAG AAA) there.
  if (text.find("sunlight") != std::string::npos || text.find("bright light") != std::string::npos ||
      text.find("outdoor") != std::string::npos)
    p.body_target = 7.0;

  std::optional<Lch> brand = brief.brand_color.empty() ? std::nullopt : ParseCssColor(brief.brand_color);
  Lch accent;
  if (brand) {
    accent = Printable(*brand);
    bool mapped = IsInSrgb(*brand) == false;
    p.brand_note = "The accent is the brief's brand colour `" + brief.brand_color + "`, " +
                   (mapped ? "mapped into the sRGB gamut as " : "which is ") + FormatLch(accent) + ".";
  } else {
    double hue = StableHash(brief.name) % 360;
    accent = Printable({0.55, 0.13, hue});
    p.brand_note =
        (brief.brand_color.empty() ? std::string("The brief gives no brand colour")
                                   : "The brief's brand colour `" + brief.brand_color + "` is not a CSS colour") +
        "; the accent's hue (" + FormatLch(accent) + ") comes from an FNV-1a hash of the name \"" + brief.name +
        "\", so the same name always gets the same colour.";
  }
  p.purple = IsPurple(accent);
  double h = accent.h;
  double nc = std::min(0.012, accent.c * 0.12);  // neutrals: the brand hue, barely tinted

  Lch background = Printable({0.985, nc * 0.5, h});
  Lch surface = Printable({0.955, nc, h});
  std::vector<Lch> both = {background, surface};
  Lch text_c = DarkenUntil({0.24, nc * 2, h}, both, p.body_target);
  Lch muted = DarkenUntil({0.48, nc * 2, h}, both, 4.5);
  Lch accent_text = DarkenUntil({std::min(accent.l, 0.55), accent.c, h}, both, p.body_target);
  Lch border = DarkenUntil({0.8, nc * 1.5, h}, both, 3.0);
  Lch danger = DarkenUntil({0.55, 0.17, 27}, both, p.body_target);

  // Text on accent fills: the lightest or darkest candidate that reaches 4.5:1.
  Lch on_accent = Printable({1, 0, 0});
  std::string on_accent_use = "large";
  for (const Lch& c : {Printable({0.99, nc * 0.5, h}), Printable({1, 0, 0}), text_c, Printable({0, 0, 0})})
    if (Meets(c, {accent}, 4.5)) {
      on_accent = c;
      on_accent_use = "body";
      break;
    }
  if (on_accent_use != "body")
    on_accent =
        Contrast({1, 0, 0}, accent) >= Contrast({0, 0, 0}, accent) ? Printable({1, 0, 0}) : Printable({0, 0, 0});

  p.colors = {
      {"color.background", background, "page background, the dominant neutral", "60%"},
      {"color.surface", surface, "cards, panels and inputs", "30%"},
      {"color.accent", accent, "brand accent: primary buttons, selection, focus ring", "10%"},
      {"color.text", text_c, "body text", "\xE2\x80\x94"},
      {"color.text-muted", muted, "secondary text and captions", "\xE2\x80\x94"},
      {"color.accent-text", accent_text, "links and accent-coloured text", "\xE2\x80\x94"},
      {"color.on-accent", on_accent, "text on accent fills", "\xE2\x80\x94"},
      {"color.border", border, "input borders and dividers (3:1 on background and surface)", "\xE2\x80\x94"},
      {"color.danger", danger, "errors and warnings", "\xE2\x80\x94"},
  };
  auto pair = [&](const char* fg, const char* bg, const std::string& use, double target) {
    p.pairs.push_back({fg, bg, use, Contrast(p.Find(fg)->value, p.Find(bg)->value), target});
  };
  pair("color.text", "color.background", "body", p.body_target);
  pair("color.text", "color.surface", "body", p.body_target);
  pair("color.text-muted", "color.background", "body", 4.5);
  pair("color.text-muted", "color.surface", "body", 4.5);
  pair("color.accent-text", "color.background", "body", p.body_target);
  pair("color.accent-text", "color.surface", "body", p.body_target);
  pair("color.on-accent", "color.accent", on_accent_use, on_accent_use == "body" ? 4.5 : 3.0);
  pair("color.danger", "color.background", "body", p.body_target);
  pair("color.danger", "color.surface", "body", p.body_target);
  if (Contrast(accent, background) >= 3.0 + kMargin) pair("color.accent", "color.background", "large", 3.0);
  return p;
}

}  // namespace specwave::offline
