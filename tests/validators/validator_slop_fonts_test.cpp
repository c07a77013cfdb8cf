// anti_ai_slop, Inter: an error as the first family of a stack or the stated
// typeface, in CSS, token tables, config and prose; allowed later in a stack,
// when rejected, and for other words that start with "Inter".
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::Slop;

namespace {

int InterErrors(const std::string& text) {
  auto r = Slop(text, "component-mapping.md");
  INFO(Dump(r));
  return CountRule(r, "inter-font");
}

}  // namespace

TEST_CASE("SlopFonts.InterFirstIsAnError") {
  const char* bad[] = {
      "font-family: Inter, sans-serif;",
      "font-family: \"Inter\", sans-serif;",
      "font-family: 'Inter', sans-serif;",
      "font-family:   'inter var',system-ui;",
      "FONT-FAMILY: INTER, SANS-SERIF;",
      "font-family: \"Inter Variable\", sans-serif;",
      "font-family: InterVariable, sans-serif;",
      "font-family: \"Inter Display\", sans-serif;",
      "font-family: \"Inter Tight\", sans-serif;",
      "font-family: \"Inter UI\", sans-serif;",
      "font: 400 16px/1.5 \"Inter\", sans-serif;",
      "--font-body: Inter, system-ui, sans-serif;",
      "`--font-sans: \"Inter\", ui-sans-serif`",
      "| font.body | Inter, sans-serif |",
      "| font.body | `\"Inter\", system-ui` |",
      "Typeface: Inter",
      "- Font: Inter (variable)",
      "We use Inter as the default typeface.",
      "Body text is set in Inter at 16px.",
      "fontFamily: { sans: ['Inter', ...defaultTheme.fontFamily.sans] }",
      "Font stack (body): `\u201cInter\u201d, system-ui`",
      "font-family:\n  \"Inter\",\n  sans-serif;",
      "font-family:\tInter\t, sans-serif;",
  };
  for (const char* s : bad) CHECK_MESSAGE(InterErrors(s) == 1, s);
}

TEST_CASE("SlopFonts.InterLaterOrRejectedOrAnotherWordIsAllowed") {
  const char* good[] = {
      "font-family: Karla, Inter, sans-serif;",
      "font-family: \"Karla\", 'Inter var', sans-serif;",
      "font-family: system-ui, -apple-system, Inter, sans-serif;",
      "font-family: \"Source Serif 4\", Inter, serif;",
      "font-family:\n  Karla,\n  Inter,\n  sans-serif;",
      "fontFamily: { sans: ['Karla', 'Inter', 'sans-serif'] }",
      "font-family: Interstate, sans-serif;",
      "font-family: \"Interstate\", sans-serif;",
      "The font is Karla rather than Inter.",
      "Typeface: Karla (Inter was rejected as the stock look).",
      "No Inter: the body font is Karla.",
      "Inter-team handoffs use the shared font folder.",
      "The interface font is Karla.",
      "International users get the same font stack.",
      "Interaction states are described per component.",  // no font context for "Inter" anyway
      "Inter-service calls use gRPC.",
      "src: url(Inter.woff2);",
  };
  for (const char* s : good) CHECK_MESSAGE(InterErrors(s) == 0, s);
}

TEST_CASE("SlopFonts.ContextFromTheSectionAndTheLine") {
  // In a typography section a table row need not say "font".
  CHECK(InterErrors("## Typography\n\n| token | value |\n|---|---|\n| type.face | Inter |\n") == 1);
  // Outside any font context "Inter" is just a word.
  CHECK(InterErrors("## Team\n\nInter and Karla are the two cats in the office.\n") == 0);
  // The finding names the line and quotes it.
  std::string text = "# Components\n\nStack: React\n\n```css\nbody {\n  font-family: \"Inter\", sans-serif;\n}\n```\n";
  auto r = Slop(text, "component-mapping.md");
  INFO(Dump(r));
  REQUIRE(CountRule(r, "inter-font") == 1);
  const auto* f = specwave::test::FindRule(r, "inter-font");
  CHECK(f->line == 7);
  CHECK(f->severity == Severity::kError);
  CHECK(f->excerpt == "font-family: \"Inter\", sans-serif;");
  // Loading Inter from a font service is a warning, not the error.
  auto g = Slop("<link href=\"https://fonts.googleapis.com/css2?family=Inter:wght@400;700\">", "component-mapping.md");
  CHECK(CountRule(g, "inter-font") == 0);
  CHECK(CountRule(g, "inter-import") == 1);
}
