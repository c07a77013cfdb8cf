#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace specwave;

TEST_CASE("Text.NormalizeIgnoresLineEndingsAndTrailingSpace") {
  CHECK(NormalizeText("a  \r\nb\t\r\n\r\n\r\n") == "a\nb\n");
  CHECK(NormalizeText("a\rb") == "a\nb\n");
  CHECK(NormalizeText("") == "");
  CHECK(NormalizeText("\n\n") == "");
  CHECK(NormalizeText("x") == NormalizeText("x\n"));
  CHECK(NormalizeText("  lead") == "  lead\n");  // leading space is content
}

TEST_CASE("Text.SplitLines") {
  auto l = SplitLines("a\r\nb\n\nc");
  REQUIRE(l.size() == 4);
  CHECK(l[0] == "a");
  CHECK(l[2] == "");
  CHECK(l[3] == "c");
  CHECK(SplitLines("a\n").size() == 1);
}

TEST_CASE("Text.SlugAndEditDistance") {
  CHECK(Slugify("PRD > Features > Auth!") == "prd-features-auth");
  CHECK(EditDistance("depends_on", "depend_on") == 1);
  CHECK(IContains("Hello World", "WORLD"));
}
