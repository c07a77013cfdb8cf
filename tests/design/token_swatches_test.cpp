#include <doctest/doctest.h>

#include "design/token_swatches.hpp"
#include "validators/validator_test_util.hpp"

using namespace specwave;

TEST_CASE("TokenSwatches.SpecwavesOwnThemeAllPairsPass") {
  std::string md = test::ReadSource("assets/theme/ui-tokens.md");
  TokenSwatches s = ComputeTokenSwatches(md);
  CHECK(s.palette.size() == 14);
  CHECK(s.type_scale.size() == 4);
  REQUIRE(s.pairs.size() >= 10);
  for (const auto& p : s.pairs) {
    CAPTURE(p.text);
    CAPTURE(p.background);
    CHECK(p.ok());
  }
  for (const auto& c : s.palette) CHECK(c.in_gamut);
}

TEST_CASE("TokenSwatches.MeasuresRatiosAndFlagsGamut") {
  const char* md =
      "## Colour\n\n| token | value | share |\n|---|---|---|\n"
      "| color.bg | #ffffff | 60% |\n| color.text | #777777 | — |\n| color.wild | oklch(0.7 0.4 150) | — |\n\n"
      "## Contrast pairs\n\n| text | background | use |\n|---|---|---|\n| color.text | color.bg | body |\n\n"
      "## Type\n\n| token | size |\n|---|---|\n| type.body | 16px |\n| type.title | 1.5rem |\n";
  TokenSwatches s = ComputeTokenSwatches(md);
  REQUIRE(s.palette.size() == 3);
  CHECK(s.palette[0].share == 60);
  CHECK_FALSE(s.palette[2].in_gamut);
  REQUIRE(s.pairs.size() == 1);
  CHECK(s.pairs[0].ratio == doctest::Approx(4.48).epsilon(0.01));
  CHECK_FALSE(s.pairs[0].ok());  // #777 on white: just under 4.5
  REQUIRE(s.type_scale.size() == 2);
  CHECK(s.type_scale[1].px == 24);
  CHECK(ComputeTokenSwatches("# Just prose\n").empty());
}
