// Draws markdown render blocks (prepared by the engine) with the UI's four
// type sizes; links show their text only and never load anything.
#pragma once

#include <vector>

#include "markdown/render_blocks.hpp"

namespace specwave::ui {

void DrawMarkdownBlocks(const std::vector<markdown::RenderBlock>& blocks);

}  // namespace specwave::ui
