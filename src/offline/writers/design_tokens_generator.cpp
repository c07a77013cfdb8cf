// design-tokens.md: the palette (palette.hpp) with its 60/30/10 shares and
// computed contrast pairs, an 8-pt spacing scale, exactly four type sizes and
// a font stack chosen by the brief's tone and accessibility needs (never
// Inter first), motion tokens, and a css block with the same values.
// Flat colour only: no colour transitions between stops and no decorative
// shapes, whatever the brand hue.
#include <cstdio>

#include "core/text.hpp"
#include "offline/writers/generators.hpp"
#include "offline/domain/palette.hpp"

namespace specwave::offline {

namespace {

struct TypeSize {
  const char* token;
  const char* size;
  const char* line;
  const char* use;
};

struct Type {
  std::vector<TypeSize> sizes;
  std::string body_font, heading_font, why;
};

Type ChooseType(const Brief& b) {
  std::string t = RuleText(b);
  std::string tone = ToLower(b.tone);
  bool access = Mentions(t, {"wcag", "accessib", "dyslex", "low vision", "older", "sunlight", "wet hands"});
  bool plain = Mentions(tone, {"plain", "reassuring", "friendly", "clear", "simple"});
  Type out;
  if (access || plain) {
    out.sizes = {{"type.caption", "1rem", "1.5", "captions, labels, table notes"},
                 {"type.body", "1.125rem", "1.55", "body text and controls"},
                 {"type.title", "1.5rem", "1.35", "screen and card titles"},
                 {"type.display", "2rem", "1.25", "the one headline of a screen"}};
  } else {
    out.sizes = {{"type.caption", "0.875rem", "1.45", "captions, labels, table notes"},
                 {"type.body", "1rem", "1.5", "body text and controls"},
                 {"type.title", "1.5rem", "1.35", "screen and card titles"},
                 {"type.display", "2.5rem", "1.2", "the one headline of a screen"}};
  }
  const std::string system = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";
  if (access || plain) {
    out.body_font = "\"Atkinson Hyperlegible\", " + system;
    out.why = access ? "the brief sets an accessibility bar, so body text uses a face designed for legibility"
                     : "the tone is plain and reassuring, so body text uses a face designed for legibility";
  } else if (Mentions(tone, {"precise", "technical", "engineer", "data"})) {
    out.body_font = "\"IBM Plex Sans\", " + system;
    out.why = "the tone is precise, so a face with clear figures is used";
  } else {
    out.body_font = system;
    out.why = "no tone asks for a particular face, so the platform's own UI font is used (fast, familiar)";
  }
  if (Mentions(tone, {"calm", "editorial", "literary", "elegant", "warm", "thoughtful"}))
    out.heading_font = "\"Source Serif 4\", Georgia, \"Times New Roman\", serif";
  else if (Mentions(tone, {"precise", "technical"}))
    out.heading_font = "\"IBM Plex Sans\", " + system;
  else
    out.heading_font = out.body_font;
  return out;
}

std::string Num(double v, const char* fmt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string CssName(const std::string& token) {
  std::string s = "--" + token;
  for (auto& c : s)
    if (c == '.') c = '-';
  return s;
}

}  // namespace

std::string GenerateDesignTokens(const GenInput& in) {
  const Brief& b = in.brief;
  Palette p = BuildPalette(b);
  Type type = ChooseType(b);
  std::string tone = ToLower(b.tone);
  bool calm = Mentions(tone, {"calm", "reassuring", "gentle", "quiet"});
  std::vector<std::pair<std::string, std::string>> motion = {{"motion.fast", calm ? "150ms" : "120ms"},
                                                             {"motion.base", calm ? "240ms" : "200ms"},
                                                             {"motion.slow", calm ? "360ms" : "320ms"},
                                                             {"motion.easing", "cubic-bezier(0.2, 0, 0, 1)"}};
  const std::vector<std::pair<std::string, std::string>> spacing = {
      {"space.1", "4px"},  {"space.2", "8px"},  {"space.3", "16px"}, {"space.4", "24px"},
      {"space.5", "32px"}, {"space.6", "48px"}, {"space.7", "64px"}};

  std::string out = Header(in, "Design tokens");
  out += "\nStack-agnostic tokens for " + b.name + ". " + p.brand_note + "\n";

  out +=
      "\n## Colour\n\nOKLCH values; neutrals carry the accent's hue at low chroma. Proportions follow 60/30/10: "
      "background 60%, surface 30%, accent 10%; text colours sit on those areas and take no share of their own.";
  if (p.purple) out += " The brand hue is violet, so it appears as a flat accent only; every fill is a single colour.";
  out += "\n\n| token | value | role | share |\n|---|---|---|---|\n";
  for (const auto& c : p.colors)
    out += "| " + c.token + " | " + FormatLch(c.value) + " | " + c.role + " | " + c.share + " |\n";

  out +=
      "\n## Contrast pairs\n\nEvery ratio below is computed (WCAG 2.x relative luminance through sRGB) from the "
      "values exactly as printed above, and each text colour was darkened until it met its target: " +
      (p.body_target > 4.5 ? "body, link and error text " + Num(p.body_target, "%.1f") +
                                 ":1 (raised from 4.5:1 because the brief asks for use outdoors or in bright light), "
                                 "secondary text and text on the accent 4.5:1"
                           : std::string("body, secondary, link and error text and text on the accent 4.5:1")) +
      ", large text 3:1.\n\n| text | background | use | ratio |\n|---|---|---|---|\n";
  for (const auto& pr : p.pairs)
    out += "| " + pr.text + " | " + pr.background + " | " + pr.use + " | " + Num(pr.ratio, "%.2f") + ":1 |\n";

  out += "\n## Spacing\n\nAn 8-pt grid; 4px only for fine steps inside components.\n\n| token | value |\n|---|---|\n";
  for (const auto& [t, v] : spacing) out += "| " + t + " | " + v + " |\n";

  out +=
      "\n## Typography\n\nExactly four sizes (1rem = 16px unless the reader changed it).\n\n"
      "| token | size | line height | use |\n|---|---|---|---|\n";
  for (const auto& s : type.sizes)
    out += "| " + std::string(s.token) + " | " + s.size + " | " + s.line + " | " + s.use + " |\n";
  out += "\nFont stack (body): `" + type.body_font + "` \xE2\x80\x94 " + type.why + ".\n";
  out += "\nFont stack (headings): `" + type.heading_font + "`.\n";

  out +=
      "\n## Motion\n\nShort and functional: motion shows where something came from or went; with "
      "`prefers-reduced-motion: reduce` every duration is 0ms.\n\n| token | value |\n|---|---|\n";
  for (const auto& [t, v] : motion) out += "| " + t + " | " + v + " |\n";

  out += "\n## CSS\n\n```css\n:root {\n";
  for (const auto& c : p.colors) out += "  " + CssName(c.token) + ": " + FormatLch(c.value) + ";\n";
  for (const auto& [t, v] : spacing) out += "  " + CssName(t) + ": " + v + ";\n";
  for (const auto& s : type.sizes) {
    out += "  " + CssName(s.token) + ": " + s.size + ";\n";
    out += "  " + CssName(s.token) + "-line-height: " + s.line + ";\n";
  }
  out += "  --font-body: " + type.body_font + ";\n  --font-heading: " + type.heading_font + ";\n";
  for (const auto& [t, v] : motion) out += "  " + CssName(t) + ": " + v + ";\n";
  out += "}\n\n@media (prefers-reduced-motion: reduce) {\n  :root {\n";
  for (const auto& [t, v] : motion)
    if (t != "motion.easing") out += "    " + CssName(t) + ": 0ms;\n";
  out += "  }\n}\n```\n";
  return out;
}

}  // namespace specwave::offline
