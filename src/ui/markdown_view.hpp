// Draws markdown render blocks (prepared by the engine) with the UI's four
// type sizes; links show their text only and never load anything.
// Text wraps at the panel's width; code blocks and wide tables scroll
// horizontally in their own box (markdown_table.cpp), so nothing is clipped
// at the panel edge. Blocks out of view are skipped using the heights
// measured when they were last drawn (a 1 MB artifact has ~10k blocks).
#pragma once

#include <memory>
#include <vector>

#include "markdown/render_blocks.hpp"

namespace specwave::ui {

// What DrawMarkdownBlocks drew since the last TakeMarkdownDrawn() (for the
// page's test hook: tables really drawn as tables).
struct MarkdownDrawn {
  int tables = 0;        // ImGui tables
  int table_rows = 0;    // rows drawn in them, header rows included
  int header_rows = 0;
  int max_columns = 0;
  int scrolling_tables = 0;  // wider than the panel: they scroll horizontally
  int code_blocks = 0;       // in their own horizontally scrolling box
  int blocks_drawn = 0;
  int blocks_skipped = 0;    // out of view, stood in for by their measured height
  int blocks_overflowing = 0;  // drawn past the panel's visible right edge (0: everything wraps or scrolls)
};
MarkdownDrawn TakeMarkdownDrawn();

void DrawMarkdownBlocks(const std::vector<markdown::RenderBlock>& blocks);

// markdown_table.cpp: rows [first, first + count) of `blocks`, all kTableRow.
void DrawMarkdownTable(const markdown::RenderBlock* rows, size_t count, int id, MarkdownDrawn* drawn);

}  // namespace specwave::ui
