#include "markdown/outline.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/files.hpp"
#include "markdown/string_list.hpp"
#include "support/paths.hpp"

using namespace specwave;
using namespace specwave::markdown;

namespace {

std::vector<std::string> Paths(const Outline& o) {
  std::vector<std::string> out;
  for (const auto& s : o.sections) out.push_back(s.path);
  return out;
}

const Section& Get(const Outline& o, const std::string& path) {
  const Section* s = o.Find(path);
  REQUIRE_MESSAGE(s != nullptr, "no section " << path);
  return *s;
}

}  // namespace

TEST_CASE("Outline.AtxAndSetextHeadings") {
  Outline o = ParseOutline("# One\na\n\nTwo\n===\nb\n\nThree\n---\nc\n## Four ##\nd\n");
  CHECK(Paths(o) == std::vector<std::string>{"One", "Two", "Two > Three", "Two > Four"});
  CHECK(Get(o, "Two").level == 1);
  CHECK(Get(o, "Two > Three").level == 2);
  CHECK(Get(o, "Two > Four").title == "Four");  // closing #s are not text
}

TEST_CASE("Outline.HashLinesInCodeAreNotHeadings") {
  const char* text =
      "# Real\n"
      "```\n"
      "# fenced\n"
      "```\n"
      "~~~ yaml\n"
      "## tilde fenced\n"
      "~~~\n"
      "\n"
      "    # indented code\n"
      "\n"
      "#not-a-heading (no space)\n"
      "####### seven is text\n";
  Outline o = ParseOutline(text);
  REQUIRE(Paths(o) == std::vector<std::string>{"Real"});
  CHECK(o.sections[0].first_line == 2);
  CHECK(o.sections[0].last_line == 12);
  CHECK(o.sections[0].text.find("# fenced") != std::string::npos);
}

TEST_CASE("Outline.HeadingsInsideQuotesAndListsDoNotStartSections") {
  Outline o = ParseOutline("# A\n> # quoted\n\n- # in a list\n# B\n");
  CHECK(Paths(o) == std::vector<std::string>{"A", "B"});
  CHECK(Get(o, "A").text == "> # quoted\n\n- # in a list\n");
}

TEST_CASE("Outline.FrontmatterIsItsOwnSection") {
  Outline o = ParseOutline("---\ntitle: PRD\nversion: 1\n---\n# PRD\ntext\n");
  REQUIRE(o.sections.size() == 2);
  const Section& fm = o.sections[0];
  CHECK(fm.kind == SectionKind::kFrontmatter);
  CHECK(fm.path == "(frontmatter)");
  CHECK(fm.heading_line == 1);
  CHECK(fm.first_line == 2);
  CHECK(fm.last_line == 3);
  CHECK(fm.text == "title: PRD\nversion: 1\n");
  CHECK(o.sections[1].path == "PRD");
  CHECK(o.sections[1].heading_line == 5);
  CHECK(o.sections[1].parent == -1);
}

TEST_CASE("Outline.UnclosedFrontmatterIsNotFrontmatter") {
  // A document may open with a thematic break; without a closing fence the
  // text is markdown, and its headings still count.
  Outline o = ParseOutline("---\n# Title\ntext\n");
  CHECK(Paths(o) == std::vector<std::string>{"(preamble)", "Title"});
}

TEST_CASE("Outline.PreambleOnlyWhenNotBlank") {
  CHECK(Paths(ParseOutline("\n\n   \n# A\n")) == std::vector<std::string>{"A"});
  Outline o = ParseOutline("Intro line\n\n# A\n");
  REQUIRE(Paths(o) == std::vector<std::string>{"(preamble)", "A"});
  CHECK(o.sections[0].kind == SectionKind::kPreamble);
  CHECK(o.sections[0].first_line == 1);
  CHECK(o.sections[0].last_line == 2);
  CHECK(o.sections[0].text == "Intro line\n");
  // After frontmatter too.
  Outline f = ParseOutline("---\na: 1\n---\nIntro\n# A\n");
  CHECK(Paths(f) == std::vector<std::string>{"(frontmatter)", "(preamble)", "A"});
  CHECK(f.sections[1].first_line == 4);
}

TEST_CASE("Outline.PathsFollowHeadingLevels") {
  Outline o = ParseOutline("# PRD\n## Features\n### Auth\n### Billing\n## Metrics\n#### Deep under Metrics\n# Other\n");
  CHECK(Paths(o) == std::vector<std::string>{"PRD", "PRD > Features", "PRD > Features > Auth",
                                             "PRD > Features > Billing", "PRD > Metrics",
                                             "PRD > Metrics > Deep under Metrics", "Other"});
  CHECK(Get(o, "PRD > Features > Billing").parent == 1);
  // A document that starts deeper than level 1 still nests by level.
  CHECK(Paths(ParseOutline("### a\n## b\n### c\n")) == std::vector<std::string>{"a", "b", "b > c"});
}

TEST_CASE("Outline.SectionOwnsOnlyItsOwnText") {
  Outline o = ParseOutline("# PRD\nintro\n\n## Features\nlist\n### Auth\nauth text\n\n## Metrics\nm\n");
  CHECK(Get(o, "PRD").text == "intro\n");
  CHECK(Get(o, "PRD > Features").text == "list\n");
  CHECK(Get(o, "PRD > Features > Auth").text == "auth text\n");
  CHECK(Get(o, "PRD > Features > Auth").first_line == 7);
  CHECK(Get(o, "PRD > Features > Auth").last_line == 8);
  CHECK(Get(o, "PRD > Metrics").text == "m\n");
}

TEST_CASE("Outline.InlineMarkupIsFlattenedInTitles") {
  Outline o = ParseOutline(
      "# **Auth**\n# `code` span\n# *em* and _em_\n# [Link text](http://example.com)\n"
      "# Tom &amp; Jerry &#x41;\n# <b>html</b> tags\n# ~~old~~ new\n#   spaced    out   \n");
  CHECK(Paths(o) == std::vector<std::string>{"Auth", "code span", "em and em", "Link text", "Tom & Jerry A",
                                             "html tags", "old new", "spaced out"});
}

TEST_CASE("Outline.DuplicateSiblingsAreNumbered") {
  Outline o = ParseOutline("# A\n## Notes\n1\n## Notes\n2\n## Notes\n3\n# B\n## Notes\n4\n# A\n");
  CHECK(Paths(o) ==
        std::vector<std::string>{"A", "A > Notes", "A > Notes (2)", "A > Notes (3)", "B", "B > Notes", "A (2)"});
  CHECK(Get(o, "A > Notes (2)").title == "Notes");
  CHECK(Get(o, "A > Notes (2)").name == "Notes (2)");
  CHECK(Get(o, "A > Notes (3)").text == "3\n");
  // A heading literally titled like a numbered duplicate does not collide.
  Outline lit = ParseOutline("# Notes (2)\n# Notes\n# Notes\n");
  CHECK(Paths(lit) == std::vector<std::string>{"Notes (2)", "Notes", "Notes (3)"});
  // Nor does a heading named like a special section.
  CHECK(Paths(ParseOutline("# (preamble)\n")) == std::vector<std::string>{"(preamble) (2)"});
}

TEST_CASE("Outline.EmptyHeadingsAreUntitledAndPlaced") {
  Outline o = ParseOutline("text\n\n#\nbody one\n## ##\nbody two\n# [](http://x)\nthree\n");
  REQUIRE(Paths(o) ==
          std::vector<std::string>{"(preamble)", "(untitled)", "(untitled) > (untitled)", "(untitled) (2)"});
  CHECK(o.sections[1].heading_line == 3);
  CHECK(o.sections[1].text == "body one\n");
  CHECK(o.sections[2].heading_line == 5);
  CHECK(o.sections[2].text == "body two\n");
  CHECK(o.sections[3].heading_line == 7);
  CHECK(o.sections[3].text == "three\n");
}

TEST_CASE("Outline.SetextHeadingLines") {
  Outline o = ParseOutline("# Top\nx\n\nMulti line\nsetext title\n---\nbody\n");
  const Section& s = Get(o, "Top > Multi line setext title");
  CHECK(s.heading_line == 4);
  CHECK(s.first_line == 7);  // after the underline
  CHECK(s.text == "body\n");
  CHECK(Get(o, "Top").last_line == 3);
  // An underline-like line in the body of a later section stays body text.
  Outline rule = ParseOutline("# A\n\n---\n\ntext\n");
  CHECK(Paths(rule) == std::vector<std::string>{"A"});
  CHECK(rule.sections[0].text == "---\n\ntext\n");
}

TEST_CASE("Outline.LineNumbersCountCrLfAndCrlf") {
  Outline o = ParseOutline("# A\r\none\r\n# B\rtwo\r# C\nthree");
  REQUIRE(Paths(o) == std::vector<std::string>{"A", "B", "C"});
  CHECK(o.line_count == 6);
  CHECK(o.sections[1].heading_line == 3);
  CHECK(o.sections[1].text == "two\n");
  CHECK(o.sections[2].heading_line == 5);
  CHECK(o.sections[2].last_line == 6);
}

TEST_CASE("Outline.EmptyAndBlankDocuments") {
  CHECK(ParseOutline("").sections.empty());
  CHECK(ParseOutline("").line_count == 0);
  CHECK(ParseOutline("\n\n  \n").sections.empty());
  Outline only = ParseOutline("#");
  REQUIRE(only.sections.size() == 1);
  CHECK(only.sections[0].path == "(untitled)");
  CHECK(only.sections[0].first_line == 2);
  CHECK(only.sections[0].last_line == 1);  // empty body
  CHECK(only.sections[0].text.empty());
  // Frontmatter alone.
  CHECK(Paths(ParseOutline("---\na: 1\n---")) == std::vector<std::string>{"(frontmatter)"});
}

TEST_CASE("Outline.DeepNesting") {
  Outline o = ParseOutline("# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\ntext\n####### 7\n");
  REQUIRE(o.sections.size() == 6);
  CHECK(o.sections[5].path == "1 > 2 > 3 > 4 > 5 > 6");
  CHECK(o.sections[5].level == 6);
  CHECK(o.sections[5].text == "text\n####### 7\n");
  // Many levels of quotes and lists do not confuse the scan.
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += std::string(static_cast<size_t>(i % 20), '>') + " - item\n";
  deep += "# After\nx\n";
  CHECK(Paths(ParseOutline(deep)).back() == "After");
}

TEST_CASE("Outline.UnicodeTitlesAndByteOrderMark") {
  Outline o = ParseOutline("\xEF\xBB\xBF# Überblick — 概要 🚀\ntext\n## Δ ✓\n");
  CHECK(Paths(o) == std::vector<std::string>{"Überblick — 概要 🚀", "Überblick — 概要 🚀 > Δ ✓"});
  CHECK(o.sections[0].heading_line == 1);
}

TEST_CASE("Outline.PrdFixture") {
  std::string err;
  auto text = ReadFile(test::DataPath("markdown/prd_v1.md"), &err);
  REQUIRE_MESSAGE(text, err);
  Outline o = ParseOutline(*text);
  const std::string prd = "Product requirements — Tidewater";
  CHECK(Paths(o) ==
        std::vector<std::string>{"(frontmatter)", prd, prd + " > Features", prd + " > Features > F1: Tide windows",
                                 prd + " > Features > F2: Route sketch", prd + " > Features > F3: Float plan",
                                 prd + " > User stories", prd + " > Non-goals", prd + " > Success metrics"});
  const Section& f2 = Get(o, prd + " > Features > F2: Route sketch");
  CHECK(f2.heading_line == 24);
  CHECK(f2.first_line == 25);
  CHECK(f2.last_line == 31);
  CHECK(f2.text.rfind("Draw a route", 0) == 0);
}
