// anti_ai_slop, purple gradients: caught by hue in every notation and form,
// allowed for blues, greens and greys, and for prose that rejects them.
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"
#include "validators/slop_rules.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::Slop;

namespace {

// An artifact that is not a token set, so only the gradient rule can fire.
int PurpleGradients(const std::string& text) {
  auto r = Slop(text, "component-mapping.md");
  INFO(Dump(r));
  return CountRule(r, "purple-gradient");
}

}  // namespace

TEST_CASE("SlopGradient.PurpleByHueInEveryNotation") {
  const char* bad[] = {
      "background: linear-gradient(135deg, #7c3aed, #db2777);",
      "BACKGROUND: LINEAR-GRADIENT(135DEG, #7C3AED, #DB2777);",
      "background:linear-gradient(  135deg ,   #7c3aed   ,#db2777 );",
      "background: linear-gradient(to right, rgb(124, 58, 237), rgb(219 39 119));",
      "background: linear-gradient(to right, rgba(124,58,237,0.9), #db2777);",
      "background: radial-gradient(circle, hsl(262deg 83% 58%), transparent);",
      "background: radial-gradient(circle, HSLA(262, 83%, 58%, 1), transparent);",
      "background: conic-gradient(from 0deg, oklch(0.54 0.25 293), oklch(0.6 0.2 0));",
      "background: conic-gradient(oklch(54% 0.25 293deg / 0.8), white);",
      "background: linear-gradient(blueviolet, pink);",
      "background: linear-gradient(BlueViolet 0%, LightPink 100%);",
      "background: repeating-linear-gradient(45deg, rebeccapurple 0 10px, white 10px 20px);",
      "background: repeating-radial-gradient(circle, purple, white 20px);",
      "background: -webkit-linear-gradient(left, #7c3aed, #db2777);",
      "background: -moz-linear-gradient(left, #7c3aed, #db2777);",
      "background: -webkit-gradient(linear, left top, right bottom, from(#7c3aed), to(#db2777));",
      "background: linear-gradient(90deg, hwb(262 23% 7%), #fff);",
      "background: linear-gradient(90deg, lch(40% 80 310), #fff);",
      "background: linear-gradient(90deg, oklab(0.54 0.1 -0.23), #fff);",
      "background: linear-gradient(90deg, #8B5CF6, #EC4899);",
      "background: linear-gradient(90deg, #a5f, #fff);",
      "background: linear-gradient(90deg, #6366f1, #0ea5e9);",  // Tailwind indigo-500 (hue 277)
      "background: linear-gradient(90deg, fuchsia, orange);",
      "background-image: linear-gradient(#0ea5e9, #0ea5e9), linear-gradient(darkviolet, white);",
  };
  for (const char* s : bad) CHECK_MESSAGE(PurpleGradients(s) == 1, s);
}

TEST_CASE("SlopGradient.BluesGreensGreysAndPinksAreAllowed") {
  const char* good[] = {
      "background: linear-gradient(180deg, #0ea5e9, #1e3a8a);",
      "background: linear-gradient(to right, navy, midnightblue, royalblue, blue);",
      "background: linear-gradient(#22c55e, #15803d);",
      "background: radial-gradient(circle, oklch(0.7 0.15 150), oklch(0.5 0.1 160));",
      "background: linear-gradient(#fafafa, #e5e5e5);",
      "background: linear-gradient(white, black);",
      "background: linear-gradient(oklch(0.6 0.01 300), oklch(0.3 0.02 300));",  // a grey with a violet cast
      "background: linear-gradient(lavender, thistle);",                         // near-greys
      "background: linear-gradient(#db2777, #f43f5e);",                          // pinks and reds
      "background: linear-gradient(to right, transparent, #0ea5e9);",
      "A soft blue-to-teal gradient sits behind the map.",
      "The hero uses a subtle grey gradient.",
  };
  for (const char* s : good) CHECK_MESSAGE(PurpleGradients(s) == 0, s);
}

TEST_CASE("SlopGradient.ProseTailwindAndSvg") {
  CHECK(PurpleGradients("The hero uses a purple-to-pink gradient.") == 1);
  CHECK(PurpleGradients("HERO: A VIOLET \xE2\x86\x92 PINK GRADIENT") == 1);
  CHECK(PurpleGradients("Buttons get a gradient from indigo to blue.") == 1);
  CHECK(PurpleGradients("The background is a lilac\ngradient that fades to white.") == 1);
  CHECK(PurpleGradients("<div class=\"bg-gradient-to-r from-violet-600 to-fuchsia-500\">") == 1);
  CHECK(PurpleGradients("<div class=\"bg-gradient-to-r from-sky-500 to-emerald-500\">") == 0);
  CHECK(PurpleGradients("<linearGradient id=\"g\">\n  <stop offset=\"0\" stop-color=\"#7c3aed\"/>\n"
                        "  <stop offset=\"1\" stop-color=\"#db2777\"/>\n</linearGradient>") == 1);
  CHECK(PurpleGradients("<radialGradient id=\"g\"><stop stop-color=\"#0ea5e9\"/><stop stop-color=\"white\"/>"
                        "</radialGradient>") == 0);
  // Rejections are not uses.
  CHECK(PurpleGradients("No purple gradients, and no gradients at all on text.") == 0);
  CHECK(PurpleGradients("Avoid purple-to-pink gradients.") == 0);
  CHECK(PurpleGradients("A violet gradient was rejected in review.") == 0);
  // A purple and a gradient in different sentences are unrelated.
  CHECK(PurpleGradients("The accent is violet. Cards use a subtle blue gradient.") == 0);
  // A flat purple is not a gradient.
  CHECK(PurpleGradients("background: #7c3aed;") == 0);
}

TEST_CASE("SlopGradient.ReadsVariablesTokensAndLinesAcrossTheArtifact") {
  // var() resolved against custom properties defined elsewhere in the artifact.
  CHECK(PurpleGradients("```css\n:root { --brand: #7c3aed; --pink: #db2777; }\n.hero { background: "
                        "linear-gradient(var(--brand), var(--pink)); }\n```") == 1);
  CHECK(PurpleGradients("```css\n:root { --brand: #0ea5e9; }\n.hero { background: linear-gradient(var(--brand), "
                        "white); }\n```") == 0);
  // Fallback of an unknown variable.
  CHECK(PurpleGradients("background: linear-gradient(var(--nope, #7c3aed), white);") == 1);
  // A token from the colour table, by var() and by name.
  const std::string tokens = "## Colour\n\n| token | value |\n|---|---|\n| color.accent | oklch(0.541 0.247 293) |\n\n";
  CHECK(PurpleGradients(tokens + "`background: linear-gradient(var(--color-accent), white)`") == 1);
  CHECK(PurpleGradients(tokens + "The hero is a gradient from color.accent to white.") == 1);

  // A multi-line gradient is reported on the line where it starts, with its text.
  std::string text =
      "# Components\n\n```css\n.hero {\n  background: linear-gradient(\n    135deg,\n    #7C3AED,\n    #DB2777\n  "
      ");\n}\n"
      "```\n";
  auto r = Slop(text, "component-mapping.md");
  INFO(Dump(r));
  REQUIRE(CountRule(r, "purple-gradient") == 1);
  const auto* f = specwave::test::FindRule(r, "purple-gradient");
  CHECK(f->line == 5);
  CHECK(f->severity == Severity::kError);
  CHECK(f->excerpt.find("linear-gradient(") != std::string::npos);
  CHECK(f->excerpt.find("#7C3AED") != std::string::npos);
  CHECK(f->message.find("#7C3AED") != std::string::npos);
  CHECK_FALSE(r.passed());
}

TEST_CASE("SlopGradient.PurpleThresholds") {
  using validators::IsPurple;
  CHECK(IsPurple(Oklch{0.55, 0.2, 275}));
  CHECK(IsPurple(Oklch{0.55, 0.2, 335}));
  CHECK(IsPurple(Oklch{0.55, validators::kPurpleMinChroma, 300}));
  CHECK_FALSE(IsPurple(Oklch{0.55, 0.2, 274}));
  CHECK_FALSE(IsPurple(Oklch{0.55, 0.2, 336}));
  CHECK_FALSE(IsPurple(Oklch{0.55, 0.049, 300}));
  CHECK_FALSE(IsPurple(Rgb{0.5, 0.2, 0.9, 0}));  // fully transparent
  for (const char* c : {"#7c3aed", "blueviolet", "rebeccapurple", "purple", "violet", "fuchsia", "indigo", "orchid",
                        "mediumpurple", "slateblue", "darkviolet"})
    CHECK_MESSAGE(IsPurple(*ParseCssColor(c)), c);
  for (const char* c : {"blue", "navy", "midnightblue", "royalblue", "#0ea5e9", "#db2777", "mediumvioletred", "pink",
                        "lavender", "thistle", "grey", "white", "black"})
    CHECK_MESSAGE(!IsPurple(*ParseCssColor(c)), c);
}
