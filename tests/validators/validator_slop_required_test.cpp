// anti_ai_slop, required rules (warnings): OKLCH colours, 60/30/10, 8-pt
// spacing, exactly four type sizes.
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::FindRule;
using specwave::test::Slop;

namespace {

struct Doc {
  std::string colour =
      "## Colour\n\n| token | value | role | share |\n|---|---|---|---|\n"
      "| color.background | oklch(0.98 0.005 215) | page | 60% |\n"
      "| color.surface | oklch(0.95 0.01 215) | cards | 30% |\n"
      "| color.accent | oklch(0.52 0.09 215) | accent | 10% |\n"
      "| color.text | oklch(0.24 0.02 215) | body text | \xE2\x80\x94 |\n\n";
  std::string spacing =
      "## Spacing\n\n| token | value |\n|---|---|\n| space.1 | 4px |\n| space.2 | 8px |\n| space.3 | 16px |\n\n";
  std::string type =
      "## Typography\n\n| token | size | line height | use |\n|---|---|---|---|\n"
      "| type.caption | 12px | 16px | captions |\n| type.body | 14px | 20px | body |\n"
      "| type.title | 18px | 24px | titles |\n| type.display | 24px | 32px | headline |\n\n"
      "Font stack (body): `Karla, sans-serif`\n\n";
  std::string extra;
  std::string Text() const { return "# Design tokens\n\n" + colour + spacing + type + extra; }
};

validators::ValidationResult Run(const Doc& d) { return Slop(d.Text(), "design-tokens.md"); }

}  // namespace

TEST_CASE("SlopRequired.AGoodTokenSetHasNoFindings") {
  auto r = Run(Doc{});
  INFO(Dump(r));
  CHECK(r.findings.empty());
  CHECK(r.passed());
}

TEST_CASE("SlopRequired.ColoursInOklch") {
  Doc d;
  d.colour =
      "## Colour\n\n| token | value | role | share |\n|---|---|---|---|\n"
      "| color.background | #FAFAFA | page | 60% |\n"
      "| color.surface | rgb(240 240 240) | cards | 30% |\n"
      "| color.accent | oklch(0.52 0.09 215) | accent | 10% |\n"
      "| color.text | hsl(0 0% 13%) | body text | \xE2\x80\x94 |\n"
      "| color.link | var(--color-accent) | links | \xE2\x80\x94 |\n\n";
  auto r = Run(d);
  INFO(Dump(r));
  CHECK(CountRule(r, "color-not-oklch") == 3);
  CHECK(CountRule(r, "color-not-oklch", 7) == 1);
  CHECK(CountRule(r, "color-not-oklch", 8) == 1);
  CHECK(CountRule(r, "color-not-oklch", 10) == 1);
  const auto* f = FindRule(r, "color-not-oklch");
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->excerpt.find("#FAFAFA") != std::string::npos);
  CHECK(f->message.find("oklch(") != std::string::npos);  // the suggested value
  CHECK(r.passed());                                      // warnings only
  CHECK(CountRule(r, "no-oklch") == 0);

  // CSS colour declarations and custom properties count too; var() and transparent do not.
  Doc css;
  css.extra =
      "```css\n.card { color: white; border: 1px solid #ccc; background: transparent; fill: var(--x); }\n"
      ":root { --color-focus: #0ea5e9; }\n```\n";
  auto c = Run(css);
  INFO(Dump(c));
  CHECK(CountRule(c, "color-not-oklch") == 3);

  // Nothing in OKLCH at all.
  Doc none;
  none.colour =
      "## Colour\n\n| token | value | share |\n|---|---|---|\n| color.background | #fff | 60% |\n"
      "| color.surface | #eee | 30% |\n| color.accent | #0ea5e9 | 10% |\n\n";
  CHECK(CountRule(Run(none), "no-oklch") == 1);
  Doc empty;
  empty.colour = "";
  CHECK(CountRule(Run(empty), "no-colors") == 1);
  // A component mapping that defines nothing is not asked for a palette.
  CHECK(Slop("# Components\n\n### Card\n\nTokens: color.surface\n", "component-mapping.md").findings.empty());
}

TEST_CASE("SlopRequired.SixtyThirtyTen") {
  auto with_shares = [](const char* a, const char* b, const char* c, const char* d) {
    Doc doc;
    doc.colour = std::string("## Colour\n\n| token | value | share |\n|---|---|---|\n") +
                 "| color.background | oklch(0.98 0.005 215) | " + a + " |\n" +
                 "| color.surface | oklch(0.95 0.01 215) | " + b + " |\n" + "| color.accent | oklch(0.52 0.09 215) | " +
                 c + " |\n" + "| color.accent-2 | oklch(0.6 0.09 150) | " + d + " |\n\n";
    return Run(doc);
  };
  CHECK(with_shares("60%", "30%", "10%", "\xE2\x80\x94").findings.empty());
  CHECK(with_shares("60%", "20%", "10%", "10%").findings.empty());  // the 30 split in two
  CHECK(with_shares("60", "30", "5", "5").findings.empty());
  auto off = with_shares("50%", "30%", "20%", "\xE2\x80\x94");
  INFO(Dump(off));
  CHECK(CountRule(off, "proportion-not-60-30-10") == 1);
  CHECK(FindRule(off, "proportion-not-60-30-10")->line == 7);
  auto sum = with_shares("60%", "30%", "20%", "\xE2\x80\x94");
  CHECK(CountRule(sum, "proportion-sum") == 1);
  CHECK(FindRule(sum, "proportion-sum")->message.find("110%") != std::string::npos);

  // No shares: a stated split is enough, silence is not.
  Doc stated;
  stated.colour =
      "## Colour\n\nProportions follow 60 / 30 / 10.\n\n| token | value |\n|---|---|\n"
      "| color.background | oklch(0.98 0.005 215) |\n| color.accent | oklch(0.52 0.09 215) |\n\n";
  CHECK(CountRule(Run(stated), "proportion-missing") == 0);
  stated.colour.replace(stated.colour.find("60 / 30 / 10"), 12, "60-30-10");
  CHECK(CountRule(Run(stated), "proportion-missing") == 0);
  stated.colour.replace(stated.colour.find("60-30-10"), 8, "balanced");
  CHECK(CountRule(Run(stated), "proportion-missing") == 1);
}

TEST_CASE("SlopRequired.EightPointSpacing") {
  Doc d;
  d.spacing =
      "## Spacing\n\n| token | value |\n|---|---|\n| space.1 | 4px |\n| space.2 | 8px |\n| space.3 | 12px |\n"
      "| space.4 | 1rem |\n| space.5 | 1.25rem |\n| space.6 | 6px |\n\n";
  auto r = Run(d);
  INFO(Dump(r));
  CHECK(CountRule(r, "spacing-off-grid") == 3);
  CHECK(CountRule(r, "spacing-off-grid", 18) == 1);  // 12px
  CHECK(CountRule(r, "spacing-off-grid", 20) == 1);  // 1.25rem = 20px
  CHECK(CountRule(r, "spacing-off-grid", 21) == 1);  // 6px
  CHECK(FindRule(r, "spacing-off-grid")->excerpt.find("12px") != std::string::npos);

  Doc css;
  css.extra =
      "```css\n.card {\n  padding: 8px 12px;\n  margin: 0 auto;\n  gap: 0.5rem;\n  margin-top: -24px;\n}\n```\n";
  auto c = Run(css);
  INFO(Dump(c));
  CHECK(CountRule(c, "spacing-off-grid") == 1);
  CHECK(FindRule(c, "spacing-off-grid")->excerpt == "padding: 8px 12px");

  Doc none;
  none.spacing = "";
  CHECK(CountRule(Run(none), "spacing-missing") == 1);
}

TEST_CASE("SlopRequired.ExactlyFourTypeSizes") {
  // The css block repeating the table (in rem) is the same four sizes.
  Doc same;
  same.extra =
      "```css\n:root {\n  --type-caption: 0.75rem;\n  --type-body: 0.875rem;\n  --type-body-line-height: 1.4;\n"
      "  --type-title: 1.125rem;\n  --type-display: 1.5rem;\n}\n```\n";
  auto ok = Run(same);
  INFO(Dump(ok));
  CHECK(CountRule(ok, "type-size-count") == 0);

  Doc three;
  three.type =
      "## Typography\n\n| token | size |\n|---|---|\n| type.small | 12px |\n| type.body | 16px |\n"
      "| type.title | 24px |\n\n";
  auto r3 = Run(three);
  INFO(Dump(r3));
  REQUIRE(CountRule(r3, "type-size-count") == 1);
  CHECK(FindRule(r3, "type-size-count")->message.find("3 distinct") != std::string::npos);

  Doc five = Doc{};
  five.extra = "```css\nh1 { font-size: 32px; }\n```\n";
  auto r5 = Run(five);
  INFO(Dump(r5));
  CHECK(CountRule(r5, "type-size-count") == 1);

  Doc none;
  none.type = "";
  CHECK(CountRule(Run(none), "type-sizes-missing") == 1);
}
