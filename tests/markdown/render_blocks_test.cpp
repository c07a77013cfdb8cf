#include "markdown/render_blocks.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "markdown/string_list.hpp"

using namespace specwave::markdown;

namespace {

// "heading@1 'Title'" per block.
std::vector<std::string> Summary(const std::vector<RenderBlock>& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks)
    out.push_back(std::string(BlockKindName(b.kind)) + "@" + std::to_string(b.line) + " '" + b.text + "'");
  return out;
}

std::string Styled(const std::string& text, const InlineSpan& s) {
  std::string flags = std::string(s.bold ? "b" : "") + (s.italic ? "i" : "") + (s.code ? "c" : "") +
                      (s.link ? "l" : "") + (s.strike ? "s" : "");
  return flags + ":" + text.substr(size_t(s.begin), size_t(s.end - s.begin));
}

}  // namespace

TEST_CASE("RenderBlocks.HeadingsParagraphsAndLines") {
  auto blocks = RenderBlocks("# Title\n\nFirst paragraph\ncontinues here.\n\nSetext\n------\n\n---\n");
  CHECK(Summary(blocks) == std::vector<std::string>{"heading@1 'Title'",
                                                    "paragraph@3 'First paragraph continues here.'",
                                                    "heading@6 'Setext'", "rule@9 ''"});
  CHECK(blocks[0].level == 1);
  CHECK(blocks[2].level == 2);
}

TEST_CASE("RenderBlocks.InlineSpans") {
  auto blocks = RenderBlocks("Plain **bold** *it* `code` [link](http://x) ~~gone~~ ***both***\n");
  REQUIRE(blocks.size() == 1);
  const RenderBlock& p = blocks[0];
  CHECK(p.text == "Plain bold it code link gone both");
  std::vector<std::string> spans;
  for (const auto& s : p.spans) spans.push_back(Styled(p.text, s));
  CHECK(spans == std::vector<std::string>{"b:bold", "i:it", "c:code", "l:link", "s:gone", "bi:both"});
}

TEST_CASE("RenderBlocks.LinksAndImagesKeepOnlyText") {
  auto blocks =
      RenderBlocks("See [the docs](https://example.com/a?b) and ![a diagram](http://x/y.png) <https://z.example>.\n");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].text == "See the docs and a diagram https://z.example.");
  CHECK(blocks[0].text.find("example.com/a") == std::string::npos);
}

TEST_CASE("RenderBlocks.RawHtmlIsShownAsSourceNotInterpreted") {
  auto blocks = RenderBlocks("<script>alert(1)</script>\n\nText with <b>tag</b>.\n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::kCode);
  CHECK(blocks[0].language == "html");
  CHECK(blocks[0].text == "<script>alert(1)</script>");
  CHECK(blocks[1].text == "Text with tag.");
}

TEST_CASE("RenderBlocks.Lists") {
  auto blocks = RenderBlocks("- one\n- two\n  - nested\n\n3. three\n4. four\n\n- [ ] open\n- [x] done\n");
  REQUIRE(blocks.size() == 7);
  CHECK(Summary(blocks) == std::vector<std::string>{"list_item@1 'one'", "list_item@2 'two'", "list_item@3 'nested'",
                                                    "list_item@5 'three'", "list_item@6 'four'", "list_item@8 'open'",
                                                    "list_item@9 'done'"});
  CHECK(blocks[0].list_depth == 1);
  CHECK(blocks[2].list_depth == 2);
  CHECK_FALSE(blocks[0].ordered);
  CHECK(blocks[3].ordered);
  CHECK(blocks[3].number == 3);
  CHECK(blocks[4].number == 4);
  CHECK(blocks[5].task);
  CHECK_FALSE(blocks[5].task_done);
  CHECK(blocks[6].task_done);
}

TEST_CASE("RenderBlocks.LooseListItemsKeepTheirFirstParagraph") {
  auto blocks = RenderBlocks("- first\n\n  second paragraph\n\n- next\n");
  CHECK(Summary(blocks) ==
        std::vector<std::string>{"list_item@1 'first'", "paragraph@3 'second paragraph'", "list_item@5 'next'"});
  CHECK(blocks[1].list_depth == 1);
}

TEST_CASE("RenderBlocks.CodeBlocks") {
  auto blocks = RenderBlocks("text\n\n```cpp title\nint x;\n# not a heading\n```\n\n    indented\n");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[1].kind == BlockKind::kCode);
  CHECK(blocks[1].language == "cpp");
  CHECK(blocks[1].line == 3);
  CHECK(blocks[1].text == "int x;\n# not a heading");
  CHECK(blocks[1].spans.empty());
  CHECK(blocks[2].language.empty());
  CHECK(blocks[2].line == 8);
  CHECK(blocks[2].text == "indented");
  // An empty fenced block still gets its fence line.
  auto empty = RenderBlocks("a\n\n```\n```\n");
  REQUIRE(empty.size() == 2);
  CHECK(empty[1].line == 3);
}

TEST_CASE("RenderBlocks.Quotes") {
  auto blocks = RenderBlocks("> quoted **text**\n>\n> > deeper\n\nafter\n");
  CHECK(Summary(blocks) ==
        std::vector<std::string>{"quote@1 'quoted text'", "quote@3 'deeper'", "paragraph@5 'after'"});
  CHECK(blocks[0].quote_depth == 1);
  CHECK(blocks[1].quote_depth == 2);
  CHECK(blocks[2].quote_depth == 0);
}

TEST_CASE("RenderBlocks.TableRows") {
  auto blocks = RenderBlocks("| token | value |\n|---|---|\n| `color.accent` | **oklch(0.6 0.2 280)** |\n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::kTableRow);
  CHECK(blocks[0].header_row);
  CHECK(blocks[0].line == 1);
  REQUIRE(blocks[0].cells.size() == 2);
  CHECK(blocks[0].cells[0].text == "token");
  CHECK_FALSE(blocks[1].header_row);
  CHECK(blocks[1].line == 3);
  REQUIRE(blocks[1].cells.size() == 2);
  CHECK(blocks[1].cells[0].text == "color.accent");
  REQUIRE(blocks[1].cells[0].spans.size() == 1);
  CHECK(blocks[1].cells[0].spans[0].code);
  CHECK(blocks[1].cells[1].spans[0].bold);
}

TEST_CASE("RenderBlocks.FrontmatterIsYamlCode") {
  auto blocks = RenderBlocks("---\ntitle: PRD\nversion: 1\n---\n# PRD\n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::kCode);
  CHECK(blocks[0].language == "yaml");
  CHECK(blocks[0].line == 1);
  CHECK(blocks[0].text == "title: PRD\nversion: 1");
  CHECK(blocks[1].line == 5);  // lines count from the top of the file
}

TEST_CASE("RenderBlocks.EntitiesBreaksAndUnicode") {
  auto blocks = RenderBlocks("Tom &amp; Jerry &#8212; &unknown; caf\xC3\xA9\\\nnext line\r\n");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].text == "Tom & Jerry \xE2\x80\x94 &unknown; caf\xC3\xA9\nnext line");
}

TEST_CASE("RenderBlocks.EmptyInputs") {
  CHECK(RenderBlocks("").empty());
  CHECK(RenderBlocks("\n\n   \n").empty());
  auto rule_only = RenderBlocks("\n\n***\n");
  REQUIRE(rule_only.size() == 1);
  CHECK(rule_only[0].line == 3);
}
