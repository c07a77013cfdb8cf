// Markdown as a flat list of blocks for the ImGui views to draw (artifact
// view, diff view): md4c parses, this flattens, the UI only lays out text.
//
//   for (const RenderBlock& b : RenderBlocks(text)) {
//     ImGui::Indent(b.list_depth * 16.0f + b.quote_depth * 12.0f);   // pseudo-code
//     switch (b.kind) {
//       case BlockKind::kHeading:  DrawStyled(HeadingFont(b.level), b.text, b.spans); break;
//       case BlockKind::kCode:     DrawMonospace(b.text); break;
//       case BlockKind::kTableRow: for (const TableCell& c : b.cells) DrawStyled(Body(), c.text, c.spans); break;
//       ...
//     }
//   }
//
// Safe to show untrusted text: nothing is followed or loaded. Links keep only
// their text (marked `link`), images only their alt text, and raw HTML blocks
// appear as source in a code block ("html"); inline tags are dropped.
// YAML frontmatter is shown as a code block ("yaml").
//
// Block order is document order; `line` is the 1-based source line where the
// block starts (SourceText numbering), from md4c's text pointers — for blocks
// without text (rules, empty items) it is the first plausible line after the
// previous text. Never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave::markdown {

enum class BlockKind { kHeading, kParagraph, kListItem, kCode, kQuote, kTableRow, kRule };
const char* BlockKindName(BlockKind kind);  // "heading", "paragraph", ...

// A styled byte range of a block's (or cell's) text; unstyled text has none.
struct InlineSpan {
  int begin = 0, end = 0;  // [begin, end) in bytes
  bool bold = false, italic = false, code = false, link = false, strike = false;
};

struct TableCell {
  std::string text;
  std::vector<InlineSpan> spans;
};

struct RenderBlock {
  BlockKind kind = BlockKind::kParagraph;
  int line = 0;                          // 1-based source line where the block starts
  int level = 0;                         // heading: 1..6
  int list_depth = 0;                    // lists around the block; a top-level list item has 1
  int quote_depth = 0;                   // block quotes around the block (a quote's paragraphs are kQuote)
  bool ordered = false;                  // list item: numbered list
  int number = 0;                        // list item: its number in a numbered list
  bool task = false, task_done = false;  // list item: "- [ ]" / "- [x]"
  std::string language;                  // code: first word of the info string; "yaml", "html" as above
  std::string text;                      // plain text; code keeps its line breaks, a hard break is '\n'
  std::vector<InlineSpan> spans;
  std::vector<TableCell> cells;  // table row
  bool header_row = false;       // table row: in the table head
};

std::vector<RenderBlock> RenderBlocks(std::string_view markdown);

}  // namespace specwave::markdown
