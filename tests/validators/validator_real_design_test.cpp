// anti_ai_slop and contrast on a style guide written the way AI tools write
// them (tests/data/validators/real/design/design-tokens.md, our own text):
// rejections scoped to their clause, colour names that label a value,
// gradient stops that are not shares, a token-format table whose example
// rows declare nothing, and contrast pairs given as colour values with a
// claimed ratio that is wrong.
#include <doctest/doctest.h>

#include "design/design_tokens.hpp"
#include "validators/validator_test_util.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::FindRule;
using specwave::test::RunValidator;
using specwave::test::Slop;

namespace {

std::string Guide() { return test::ReadData("validators/real/design/design-tokens.md"); }

// Purple-gradient errors in a document that is not a token set.
int PurpleGradients(const std::string& text) {
  return CountRule(Slop(text, "architecture.md"), "purple-gradient");
}

bool Mentions(const validators::ValidationResult& r, const std::string& words) {
  for (const auto& f : r.findings)
    if (f.message.find(words) != std::string::npos || f.excerpt.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("RealDesign.StyleGuideHasNoFalseSlopFindings") {
  auto r = Slop(Guide());
  INFO(Dump(r));
  CHECK(r.Count(Severity::kError) == 0);  // "(no purple)", "never purple", "(Indigo Night)"
  CHECK(CountRule(r, "proportion-sum") == 0);  // the gradient's "30%" stop is no share
  CHECK(CountRule(r, "proportion-not-60-30-10") == 0);
  CHECK(CountRule(r, "spacing-off-grid") == 0);  // "--space-3: 12px;" is an example row
  CHECK(CountRule(r, "type-size-count") == 0);   // and so is "--type-body: 15px;"
  CHECK_FALSE(Mentions(r, "#7B2FF7"));
  // What the guide really does: hex colours instead of OKLCH.
  CHECK(CountRule(r, "color-not-oklch", 20) == 1);
  CHECK(CountRule(r, "no-oklch") == 1);
}

TEST_CASE("RealDesign.ContrastPairsGivenAsValuesAreComputed") {
  DesignTokens tokens = ParseDesignTokens(Guide());
  CHECK(tokens.contrast_pairs.size() == 7);  // five table rows and two bullets
  auto r = RunValidator("contrast", "design-tokens.md", Guide());
  INFO(Dump(r));
  CHECK(CountRule(r, "unknown-token") == 0);
  CHECK(CountRule(r, "not-a-color") == 0);
  // "| Lagoon Teal #2EC4B6 | White #FFFFFF | ✅ 3.2:1 | ✅ AA Large |" is really 2.17:1.
  REQUIRE(CountRule(r, "contrast-too-low") == 1);
  const auto* f = FindRule(r, "contrast-too-low");
  CHECK(f->line == 90);
  CHECK(f->message.find("2.17:1") != std::string::npos);
  CHECK(f->message.find("3.20:1") != std::string::npos);
  CHECK(f->message.find("large text") != std::string::npos);
  CHECK(CountRule(r, "ratio-mismatch") == 0);  // the other claims are right within rounding
}

TEST_CASE("RealDesign.ContrastValueFormsAndClaims") {
  const std::string doc =
      "# Tokens\n\n## Colour\n\n| token | value |\n|---|---|\n| color.ink | oklch(0.25 0.05 250) |\n"  // 7
      "\n## Contrast\n\n| Foreground | Background | Contrast | Rating |\n|---|---|---|---|\n"
      "| `color.ink` (Ink) | White | 14:1 | AAA |\n"                    // 13: a token inside the cell, a CSS name
      "| hsl(0 0% 47%) | #fff | \xE2\x9C\x85 4.6:1 | \xE2\x9C\x85 AA |\n"  // 14: #777 is 4.48: fails, claimed 4.6
      "| rgb(0 0 0 / 0.6) | oklch(1 0 0) | 5.7 : 1 | AA |\n"            // 15: translucent, composited
      "| Ocean Blue | White | 4.9:1 | AA |\n";                            // 16: a name that is no token or colour
  auto r = RunValidator("contrast", "design-tokens.md", doc);
  INFO(Dump(r));
  REQUIRE(CountRule(r, "contrast-too-low", 14) == 1);
  CHECK(FindRule(r, "contrast-too-low")->message.find("(the document claims 4.60:1)") != std::string::npos);
  REQUIRE(CountRule(r, "unknown-token", 16) == 1);
  CHECK(FindRule(r, "unknown-token")->message.find("Ocean Blue") != std::string::npos);
  CHECK(CountRule(r, "contrast-too-low") == 1);
  CHECK(CountRule(r, "unknown-token") == 1);
  CHECK(CountRule(r, "ratio-mismatch", 13) == 1);  // the ink is nearer 13.6:1 than 14:1
}

TEST_CASE("RealDesign.NegationIsScopedToItsClause") {
  CHECK(PurpleGradients("The hero uses a gradient from blue to teal (no purple).") == 0);
  CHECK(PurpleGradients("Buttons get a soft gradient of navy into teal, never purple.") == 0);
  CHECK(PurpleGradients("A gradient from teal to cyan \xE2\x80\x94 no violet anywhere.") == 0);
  CHECK(PurpleGradients("The hero gradient goes from teal to cyan; violet is not used.") == 0);
  // The rejection of something else does not excuse the purple that is used.
  CHECK(PurpleGradients("No flat fills: the hero is a gradient from teal to violet.") == 1);
  CHECK(PurpleGradients("A purple gradient, never a flat fill.") == 1);
  CHECK(PurpleGradients("Instead of grey, a gradient from indigo to teal.") == 1);
  // Still rejections, as before.
  CHECK(PurpleGradients("No purple gradients, and no gradients at all on text.") == 0);
  CHECK(PurpleGradients("Avoid purple-to-pink gradients.") == 0);
}

TEST_CASE("RealDesign.AColourNameLabellingAValueIsNotAColour") {
  // #023E8A is a deep blue (hue 258); "Indigo" names it and is no stop.
  CHECK(PurpleGradients("Evening mode: a gradient from `#023E8A` (Indigo Night) to `#0077B6` (Ocean Blue).") == 0);
  CHECK(PurpleGradients("Evening mode: a gradient from Indigo (#023E8A) to Ocean (#0077B6).") == 0);
  // A purple named on its own, or a purple value whatever its label, still counts.
  CHECK(PurpleGradients("Evening mode: a gradient from indigo to `#0077B6` (Ocean Blue).") == 1);
  CHECK(PurpleGradients("Evening mode: a gradient from `#7c3aed` (Ocean) to `#0077B6`.") == 1);
  CHECK(PurpleGradients("A gradient from indigo to blue (#0000ff).") == 1);
  // In CSS a label comment-like word after a value is not a second colour.
  auto r = Slop("```css\n.hero { color: oklch(0.4 0.1 250); }\n```\n\nText colour: `#023E8A` (Indigo).\n",
                "architecture.md");
  CHECK(CountRule(r, "purple-gradient") == 0);
}

TEST_CASE("RealDesign.GradientStopsAreNotShares") {
  const std::string doc =
      "# Tokens\n\n## Colour\n\n"
      "- `color.paper`: oklch(0.98 0.01 220) \xE2\x80\x94 background, 60%\n"
      "- `color.ink`: oklch(0.25 0.05 250) \xE2\x80\x94 text (30%)\n"
      "- `color.accent`: oklch(0.55 0.12 240) \xE2\x80\x94 accent, 10%\n"
      "- `color.fade`: linear-gradient(180deg, oklch(0.9 0.04 210) 30%, oklch(1 0 0) 100%) \xE2\x80\x94 card fade\n";
  DesignTokens t = ParseDesignTokens(doc);
  const ColorToken* fade = t.FindColor("color.fade");
  REQUIRE(fade);
  CHECK_FALSE(fade->share.has_value());
  REQUIRE(t.FindColor("color.ink"));
  CHECK(t.FindColor("color.ink")->share == std::optional<double>(30));  // "(30%)" is a share
  auto r = Slop(doc);
  INFO(Dump(r));
  CHECK(CountRule(r, "proportion-sum") == 0);
  CHECK(CountRule(r, "proportion-not-60-30-10") == 0);
}

TEST_CASE("RealDesign.ExampleRowsOfAFormatTableDeclareNothing") {
  const std::string doc =
      "# Tokens\n\n## Naming\n\n| Kind | Pattern | Example |\n|---|---|---|\n"
      "| Colour | `--color-<role>` | `--color-brand: #7c3aed;` |\n| Space | `--space-<n>` | `--space-3: 12px;` |\n\n"
      "## Colour\n\n| token | value |\n|---|---|\n| `--color-ink` | oklch(0.25 0.05 250) |\n";
  DesignTokens t = ParseDesignTokens(doc);
  CHECK_FALSE(t.Defines("--color-brand"));
  CHECK_FALSE(t.Defines("--space-3"));
  CHECK(t.Defines("color.ink"));
  auto r = Slop(doc);
  INFO(Dump(r));
  CHECK(CountRule(r, "color-not-oklch") == 0);
  CHECK(CountRule(r, "spacing-off-grid") == 0);
  // A table of values stays a table of values, even with a "Format" column.
  DesignTokens values = ParseDesignTokens(
      "## Colour\n\n| token | value | format |\n|---|---|---|\n| color.ink | #222222 | hex |\n");
  CHECK(values.Defines("color.ink"));
}
