#include "markdown/source_text.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/text.hpp"

using namespace specwave;
using namespace specwave::markdown;

TEST_CASE("SourceText.LinesAndOffsets") {
  SourceText s("one\ntwo\n\nfour");
  CHECK(s.line_count() == 4);
  CHECK(s.Line(1) == "one");
  CHECK(s.Line(3).empty());
  CHECK(s.Line(4) == "four");
  CHECK(s.Line(5).empty());
  CHECK(s.LineAt(0) == 1);
  CHECK(s.LineAt(3) == 1);  // a line's '\n' belongs to it
  CHECK(s.LineAt(4) == 2);
  CHECK(s.LineAt(999) == 4);
  CHECK(s.Lines(2, 3) == "two\n\n");
  CHECK(s.Lines(3, 2).empty());
  CHECK(s.LineOf(s.text().data() + 4) == 2);
  const char* elsewhere = "x";
  CHECK(s.LineOf(elsewhere) == 0);
  CHECK(SourceText("").line_count() == 0);
  CHECK(SourceText("a\n").line_count() == 1);
  CHECK(SourceText("\n").line_count() == 1);
}

TEST_CASE("SourceText.UnifiesLineEndingsAndDropsTheBom") {
  SourceText s(
      "\xEF\xBB\xBF"
      "a\r\nb\rc\n");
  CHECK(s.text() == "a\nb\nc\n");
  CHECK(s.line_count() == 3);
  CHECK(SplitSourceLines("a\r\nb\rc\n\nd") == std::vector<std::string_view>{"a", "b", "c", "", "d"});
  CHECK(SplitSourceLines("").empty());
}

TEST_CASE("SourceText.SameAfterNormalizeAgreesWithNormalizeText") {
  const std::vector<std::string> samples = {
      "",       "\n",      "a",          "a\n",    "a \n",     "a\r\n", "a\r",     "a\n\n\n", "\n\na",      "a\nb",
      "a\r\rb", "a\t\f\v", "a\n \n\t\n", "a\n\nb", "a\nb\n\n", " a",    "a\r\n\r", "\r",      "x\ry\r\nz\n"};
  for (const auto& a : samples)
    for (const auto& b : samples)
      CHECK_MESSAGE(SameAfterNormalize(a, b) == (NormalizeText(a) == NormalizeText(b)),
                    "a='" << a << "' b='" << b << "'");
  std::mt19937 rng(3);
  const char alphabet[] = {'a', ' ', '\t', '\r', '\n'};
  for (int i = 0; i < 3000; ++i) {
    std::string a, b;
    for (unsigned n = rng() % 12; n > 0; --n) a += alphabet[rng() % 5];
    for (unsigned n = rng() % 12; n > 0; --n) b += alphabet[rng() % 5];
    REQUIRE(SameAfterNormalize(a, b) == (NormalizeText(a) == NormalizeText(b)));
  }
}

TEST_CASE("SourceText.NormalizeBodyIsNormalizeTextWithoutLeadingBlankLines") {
  CHECK(NormalizeBody("\n\n  \ntext  \n\nmore\t\n\n\n") == "text\n\nmore\n");
  CHECK(NormalizeBody("  indented stays\n") == "  indented stays\n");
  CHECK(NormalizeBody("").empty());
  CHECK(NormalizeBody("\n \n").empty());
  std::mt19937 rng(5);
  const char alphabet[] = {'a', ' ', '\t', '\n'};
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    for (unsigned n = rng() % 16; n > 0; --n) t += alphabet[rng() % 4];
    std::string expected = NormalizeText(t);
    while (expected.rfind("\n", 0) == 0) expected.erase(0, 1);  // leading blank lines (already trimmed)
    REQUIRE(NormalizeBody(t) == expected);
  }
}

TEST_CASE("SourceText.ContentHash") {
  CHECK(ContentHash("abc") == ContentHash(std::string("abc")));
  CHECK(ContentHash("abc") != ContentHash("abd"));
  CHECK(ContentHash("") != ContentHash(std::string_view("\0", 1)));
  CHECK(ContentHash("12345678") != ContentHash("123456789"));
}
