// ParseDesignTokens: the documented table format, bullets, labelled prose and
// custom properties, each value with its line; names in any spelling.
#include "design/design_tokens.hpp"

#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"

using namespace specwave;

TEST_CASE("DesignTokens.ReadsTheDocumentedFormat") {
  DesignTokens t = ParseDesignTokens(test::ReadData("validators/tidewater/design-tokens.md"));
  REQUIRE(t.colors.size() == 9);
  const ColorToken* bg = t.FindColor("color.background");
  REQUIRE(bg);
  CHECK(bg->value == "oklch(0.985 0.005 215)");
  CHECK(bg->notation == "oklch");
  CHECK(bg->role == "page background, the dominant neutral");
  REQUIRE(bg->share);
  CHECK(*bg->share == 60);
  CHECK(bg->line == 20);
  REQUIRE(bg->color);
  CHECK(ToOklch(*bg->color).l == doctest::Approx(0.985).epsilon(0.001));
  CHECK_FALSE(t.FindColor("color.text")->share);  // "—"
  // The same token in the css block is the same token, first definition kept.
  CHECK(t.FindColor("--color-accent") == t.FindColor("color.accent"));
  CHECK(t.FindColor("var(--color-accent)") == t.FindColor("`Color.Accent`"));

  REQUIRE(t.contrast_pairs.size() == 10);
  CHECK(t.contrast_pairs[0].text == "color.text");
  CHECK(t.contrast_pairs[0].background == "color.background");
  CHECK(t.contrast_pairs[0].use == "body");
  CHECK(*t.contrast_pairs[0].stated_ratio == doctest::Approx(15.69));
  CHECK(t.contrast_pairs.back().use == "large");

  REQUIRE(t.spacing.size() == 7);
  CHECK(t.spacing[0].name == "space.1");
  CHECK(*t.spacing[0].px == 4);
  CHECK(*t.spacing[6].px == 64);

  REQUIRE(t.type_sizes.size() == 4);  // the -line-height custom properties are not sizes
  CHECK(t.type_sizes[1].name == "type.body");
  CHECK(*t.type_sizes[1].px == doctest::Approx(18));  // 1.125rem
  CHECK(t.type_sizes[1].line_height == "1.55");

  REQUIRE(t.fonts.size() >= 2);
  CHECK(t.fonts[0].families.front() == "Atkinson Hyperlegible");
  CHECK(t.fonts[0].families.back() == "sans-serif");
  CHECK(t.Defines("motion.base"));
  CHECK(t.Defines("--motion-easing"));
  CHECK_FALSE(t.Defines("color.brand"));
  // Every definition, table and css: 9 colours twice, for a start.
  int colour_defs = 0;
  for (const auto& d : t.definitions) colour_defs += d.kind == TokenKind::kColor;
  CHECK(colour_defs == 18);
}

TEST_CASE("DesignTokens.BulletsProseAndOtherHeaders") {
  const char* text =
      "# Tokens\n\n"
      "## Palette\n\n"
      "- `color.bg`: oklch(0.2 0.01 230) \xE2\x80\x94 background, 60%\n"
      "- **color.accent** \xE2\x80\x94 #0f766e (teal accent, 10%)\n"
      "- Surface: oklch(0.25 0.01 230)\n"
      "- color.link: var(--color-accent)\n\n"
      "### Contrast\n\n"
      "- color.text on color.bg \xE2\x80\x94 body (12.1:1)\n"
      "- color.accent on color.bg: large\n\n"
      "## Type scale\n\n"
      "- Body: 16px / 1.5\n"
      "- Title: 1.5rem\n\n"
      "Typeface: Karla, sans-serif.\n\n"
      "| Colour | OKLCH | Role |\n|---|---|---|\n| color.text | oklch(0.9 0.01 230) | text |\n";
  DesignTokens t = ParseDesignTokens(text);
  const ColorToken* bg = t.FindColor("color.bg");
  REQUIRE(bg);
  CHECK(bg->value == "oklch(0.2 0.01 230)");
  CHECK(bg->line == 5);
  REQUIRE(bg->share);
  CHECK(*bg->share == 60);
  const ColorToken* accent = t.FindColor("color.accent");
  REQUIRE(accent);
  CHECK(accent->notation == "hex");
  CHECK(*accent->share == 10);
  CHECK(t.FindColor("surface"));
  const ColorToken* link = t.FindColor("color.link");
  REQUIRE(link);
  REQUIRE(link->color);  // resolved through var(--color-accent) -> color.accent
  CHECK(ToHex(*link->color) == "#0f766e");
  REQUIRE(t.contrast_pairs.size() == 2);
  CHECK(t.contrast_pairs[0].text == "color.text");
  CHECK(t.contrast_pairs[0].background == "color.bg");
  CHECK(*t.contrast_pairs[0].stated_ratio == doctest::Approx(12.1));
  CHECK(t.contrast_pairs[1].use == "large");
  REQUIRE(t.type_sizes.size() == 2);
  CHECK(*t.type_sizes[0].px == 16);
  CHECK(t.type_sizes[0].line_height == "1.5");
  CHECK(*t.type_sizes[1].px == 24);
  REQUIRE(t.fonts.size() == 1);
  CHECK(t.fonts[0].families == std::vector<std::string>{"Karla", "sans-serif"});
  const ColorToken* text_colour = t.FindColor("color.text");
  REQUIRE(text_colour);
  CHECK(text_colour->line == 24);
}

TEST_CASE("DesignTokens.TokenKeyAndNothingFromNonsense") {
  CHECK(TokenKey("color.accent") == "color-accent");
  CHECK(TokenKey("--color-accent") == "color-accent");
  CHECK(TokenKey("var(--color-accent, #fff)") == "color-accent");
  CHECK(TokenKey("**Color.Accent**") == "color-accent");
  CHECK(TokenKey("`space_2`") == "space-2");
  CHECK(ParseDesignTokens("").empty());
  CHECK(ParseDesignTokens("# Notes\n\nJust prose: nothing here is a token.\n- Users: people\n").empty());
  // Code blocks that are not css are not read as tables.
  DesignTokens t = ParseDesignTokens("## Colour\n\n```\n| color.x | #fff |\n```\n");
  CHECK(t.colors.empty());
  // Garbage never crashes.
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += "|#(--:`*\n-"[i % 11];
  (void)ParseDesignTokens(junk);
}
