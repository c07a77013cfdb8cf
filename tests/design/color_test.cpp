#include <doctest/doctest.h>

#include "design/color.hpp"

using namespace specwave;

namespace {
Rgb P(const char* s) {
  auto c = ParseCssColor(s);
  REQUIRE_MESSAGE(c.has_value(), s);
  return *c;
}
}  // namespace

TEST_CASE("Color.ParsesEveryNotationOfTheSamePurple") {
  // #7c3aed in several notations.
  Oklch ref = ToOklch(P("#7c3aed"));
  for (const char* s : {"#7C3AED", "  #7c3aed  ", "rgb(124, 58, 237)", "rgb(124 58 237)", "RGB(124 58 237 / 1)",
                        "rgba(124,58,237,1)", "hsl(262.1 83.3% 57.8%)", "oklch(0.5413 0.2466 293.0)"}) {
    Oklch c = ToOklch(P(s));
    CHECK_MESSAGE(c.h == doctest::Approx(ref.h).epsilon(0.01), s);
    CHECK_MESSAGE(c.l == doctest::Approx(ref.l).epsilon(0.01), s);
  }
  CHECK(ToOklch(P("rebeccapurple")).h == doctest::Approx(303.4).epsilon(0.01));  // #663399
  CHECK(ToOklch(P("BlueViolet")).h > 280);
}

TEST_CASE("Color.KnownConversions") {
  Rgb red = ToRgb(Oklch{0.62796, 0.25768, 29.2339});
  CHECK(red.r == doctest::Approx(1.0).epsilon(0.002));
  CHECK(red.g == doctest::Approx(0.0).epsilon(0.002));
  CHECK(ToHex(P("oklch(0.628 0.2577 29.23)")) == "#ff0000");
  Oklch white = ToOklch(P("white"));
  CHECK(white.l == doctest::Approx(1.0).epsilon(0.001));
  CHECK(white.c < 1e-4);
  CHECK(ToHex(P("#abc")) == "#aabbcc");
  CHECK(P("#abcd").a == doctest::Approx(0xdd / 255.0));
  CHECK(ToHex(P("hwb(120 0% 50%)")) == "#008000");
  CHECK(ToHex(P("oklab(0.628 0.225 0.126)")) == "#ff0000");
}

TEST_CASE("Color.RejectsNonColours") {
  for (const char* s : {"", "#12", "#ggg", "rgb(1,2)", "rgb(1 2 3 4 5)", "blurple", "oklch(a b c)", "rgb(1,2,3", "16px"})
    CHECK_MESSAGE(!ParseCssColor(s).has_value(), s);
  CHECK(ColorNotation("oklch(0.5 0.1 20)") == "oklch");
  CHECK(ColorNotation("RGBA(1,2,3,0.5)") == "rgb");
  CHECK(ColorNotation("teal") == "named");
  CHECK(ColorNotation("#fff") == "hex");
  CHECK(ColorNotation("nope") == "");
}

TEST_CASE("Color.WcagContrast") {
  CHECK(ContrastRatio(P("white"), P("black")) == doctest::Approx(21.0));
  CHECK(ContrastRatio(P("#777"), P("#fff")) == doctest::Approx(4.48).epsilon(0.005));
  CHECK(ContrastRatio(P("#fff"), P("#777")) == ContrastRatio(P("#777"), P("#fff")));
  CHECK(RelativeLuminance(P("black")) == doctest::Approx(0));
}

TEST_CASE("Color.GamutCheckAndMapping") {
  Oklch wide{0.7, 0.35, 150};  // far outside sRGB
  CHECK_FALSE(InSrgbGamut(wide));
  Oklch mapped = MapToSrgbGamut(wide);
  CHECK(InSrgbGamut(mapped));
  CHECK(mapped.l == doctest::Approx(0.7));
  CHECK(mapped.h == doctest::Approx(150));
  CHECK(mapped.c < 0.35);
  CHECK(mapped.c > 0.1);
  CHECK(InSrgbGamut(Oklch{0.5, 0.05, 200}));
}

TEST_CASE("Color.CieLabAndLch") {
  // CSS Color 4: lab()/lch() are D50; sRGB red is lab(54.29% 80.82 69.88).
  CHECK(ToHex(P("lab(54.29% 80.82 69.88)")) == "#ff0000");
  CHECK(ToHex(P("lch(54.29 106.84 40.85)")) == "#ff0000");
  CHECK(ToHex(P("lab(100 0 0)")) == "#ffffff");
  CHECK(ToHex(P("lab(0% 0 0)")) == "#000000");
  CHECK(ColorNotation("LCH(40% 80 310)") == "lch");
  CHECK(ColorNotation("lab(50 10 10)") == "lab");
  CHECK(ColorNotation("oklab(0.5 0.1 0.1)") == "oklab");
  CHECK(ToOklch(P("lch(40% 80 310)")).h > 290);  // a purple, however it is written
}

TEST_CASE("Color.NumbersAreCssNumbers") {
  CHECK(ToHex(P("rgb(+255 .0e0 0.0)")) == "#ff0000");
  CHECK(ToHex(P("oklch(62.8% .2577 29.23deg)")) == "#ff0000");
  CHECK(ToHex(P("oklch(0.628 0.2577 0.0812turn)")) == "#ff0000");
  CHECK(ToHex(P("rgb(2.55e2, 0, 0)")) == "#ff0000");
  CHECK(P("rgb(0 0 0 / 50%)").a == doctest::Approx(0.5));
  CHECK(P("hsl(0 100% 50% / .25)").a == doctest::Approx(0.25));
  // strtod would take these; CSS does not.
  for (const char* s : {"rgb(0x10 0 0)", "rgb(inf 0 0)", "rgb(nan 0 0)", "rgb(1e999 0 0)", "rgb(1..2 0 0)", "rgb(- 0 0)"})
    CHECK_MESSAGE(!ParseCssColor(s).has_value(), s);
}

TEST_CASE("Color.EveryNamedColourAndNoOther") {
  const char* some[] = {"AliceBlue", "REBECCAPURPLE", "yellowgreen", "transparent", "darkslategrey", "lightgoldenrodyellow"};
  for (const char* s : some) CHECK_MESSAGE(ColorNotation(s) == "named", s);
  CHECK(ToHex(P("RebeccaPurple")) == "#663399");
  CHECK(ToHex(P("blueviolet")) == "#8a2be2");
  CHECK(P("transparent").a == 0);
  for (const char* s : {"currentcolor", "inherit", "purple-ish", "lightpurple", "inter"})
    CHECK_MESSAGE(!ParseCssColor(s).has_value(), s);
}
