// contrast: every pair the tokens define meets WCAG 2.x after OKLCH -> sRGB;
// failing pairs and out-of-gamut colours are reported with their lines.
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::FindRule;
using specwave::test::RunValidator;

namespace {

std::string Tokens(const std::string& colours, const std::string& pairs) {
  return "# Tokens\n\n## Colour\n\n| token | value |\n|---|---|\n" + colours +
         "\n## Contrast pairs\n\n| text | background | use | ratio |\n|---|---|---|---|\n" + pairs;
}

validators::ValidationResult Contrast(const std::string& text) {
  return RunValidator("contrast", "design-tokens.md", text);
}

}  // namespace

TEST_CASE("Contrast.PassingAndFailingPairs") {
  std::string colours =
      "| color.bg | oklch(1 0 0) |\n"            // line 7: white
      "| color.grey | #777777 |\n"               // 8: 4.48:1 on white
      "| color.dark | oklch(0.24 0.02 215) |\n"  // 9
      "| color.ghost | rgb(0 0 0 / 0.2) |\n";    // 10: translucent black
  auto r = Contrast(Tokens(colours,
                           "| color.dark | color.bg | body | |\n"       // 16: passes
                           "| color.grey | color.bg | body | |\n"       // 17: 4.48 < 4.5
                           "| color.grey | color.bg | large | |\n"      // 18: 4.48 >= 3
                           "| color.ghost | color.bg | large | |\n"));  // 19: 20% black over white ~1.6
  INFO(Dump(r));
  CHECK(CountRule(r, "contrast-too-low") == 2);
  CHECK(CountRule(r, "contrast-too-low", 17) == 1);
  CHECK(CountRule(r, "contrast-too-low", 19) == 1);
  const auto* f = FindRule(r, "contrast-too-low");
  CHECK(f->message.find("4.48:1") != std::string::npos);
  CHECK(f->message.find("4.50:1") != std::string::npos);
  CHECK(f->excerpt == "| color.grey | color.bg | body | |");
  CHECK_FALSE(r.passed());
}

TEST_CASE("Contrast.StatedRatiosUnknownTokensAndNoPairs") {
  std::string colours = "| color.bg | #ffffff |\n| color.text | #000000 |\n| color.note | 12px |\n";
  auto r = Contrast(Tokens(colours,
                           "| color.text | color.bg | body | 21.00:1 |\n"  // 15: right
                           "| color.text | color.bg | body | 18:1 |\n"     // 16: stated wrong
                           "| color.text | color.paper | body | |\n"       // 17: unknown token
                           "| color.note | color.bg | body | |\n"));       // 18: not a colour
  INFO(Dump(r));
  CHECK(CountRule(r, "ratio-mismatch") == 1);
  CHECK(CountRule(r, "ratio-mismatch", 16) == 1);
  CHECK(CountRule(r, "unknown-token", 17) == 1);
  CHECK(CountRule(r, "not-a-color", 18) == 1);
  CHECK(CountRule(r, "contrast-too-low") == 0);
  CHECK(CountRule(r, "no-contrast-pairs") == 0);
  auto none = Contrast("# Tokens\n\n## Colour\n\n| token | value |\n|---|---|\n| color.bg | #fff |\n");
  CHECK(CountRule(none, "no-contrast-pairs") == 1);
  CHECK(none.passed());
}

TEST_CASE("Contrast.OutOfGamutIsAWarningAndIsMappedFirst") {
  // oklch(0.7 0.35 150) is far outside sRGB; mapped, it is a mid green.
  auto r = Contrast(Tokens("| color.bg | oklch(1 0 0) |\n| color.neon | oklch(0.7 0.35 150) |\n",
                           "| color.neon | color.bg | large | |\n"));
  INFO(Dump(r));
  CHECK(CountRule(r, "out-of-gamut") == 1);
  CHECK(CountRule(r, "out-of-gamut", 8) == 1);
  CHECK(FindRule(r, "out-of-gamut")->severity == Severity::kWarning);
  CHECK(FindRule(r, "out-of-gamut")->excerpt.find("oklch(0.7 0.35 150)") != std::string::npos);
  CHECK(CountRule(r, "contrast-too-low") == 1);  // a light green on white: ~2:1
  // In gamut: no warning.
  auto ok = Contrast(Tokens("| color.bg | oklch(1 0 0) |\n| color.ink | oklch(0.3 0.05 150) |\n",
                            "| color.ink | color.bg | body | |\n"));
  CHECK(ok.findings.empty());
}

TEST_CASE("Contrast.TheOfflineTokensPass") {
  auto r = Contrast(test::ReadData("validators/tidewater/design-tokens.md"));
  INFO(Dump(r));
  CHECK(r.findings.empty());
}
