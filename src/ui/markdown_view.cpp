#include "ui/markdown_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

MarkdownDrawn g_drawn;

// Heights of the blocks as last drawn, for skipping those out of view. Valid
// for one block list (shared and immutable in the snapshot: a new version is
// a new vector) at one width; anything else measures again.
struct BlockHeights {
  const void* blocks = nullptr;
  float width = 0;
  std::vector<float> top, height;  // per block, relative to the list's start; 0 for a table's later rows
  bool valid = false;
};
BlockHeights g_heights;

void DrawCode(const markdown::RenderBlock& b, int id) {
  // Its own box with a horizontal scrollbar: code keeps its lines.
  const Theme& t = CurrentTheme();
  ImGui::PushFont(Font(TypeSize::kSmall, true));
  const ImVec2 size = ImGui::CalcTextSize(b.text.c_str());
  const float pad = t.Px(8);
  const bool wide = size.x + 2 * pad > ImGui::GetContentRegionAvail().x;
  const float h = size.y + 2 * pad + (wide ? ImGui::GetStyle().ScrollbarSize : 0);
  ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushID(id);
  ImGui::BeginChild("code", ImVec2(0, h), true, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::TextUnformatted(b.text.c_str());
  ImGui::EndChild();
  ImGui::PopID();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ++g_drawn.code_blocks;
}

void DrawBlock(const markdown::RenderBlock& b, int index) {
  const Theme& t = CurrentTheme();
  switch (b.kind) {
    case markdown::BlockKind::kHeading: {
      Gap(b.level <= 2 ? 16 : 8);
      ImGui::PushFont(Font(b.level == 1 ? TypeSize::kDisplay : b.level == 2 ? TypeSize::kTitle : TypeSize::kBody));
      ImGui::PushStyleColor(ImGuiCol_Text, b.level >= 3 ? t.accent : t.text);
      ImGui::TextWrapped("%s", b.text.c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
      break;
    }
    case markdown::BlockKind::kParagraph:
      ImGui::TextWrapped("%s", b.text.c_str());
      break;
    case markdown::BlockKind::kListItem: {
      ImGui::Indent(t.Px(16) * b.list_depth);
      std::string marker = b.task ? (b.task_done ? "[x]" : "[ ]") : b.ordered ? std::to_string(b.number) + "." : "·";
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "%s", marker.c_str());
      ImGui::SameLine();
      ImGui::TextWrapped("%s", b.text.c_str());
      ImGui::Unindent(t.Px(16) * b.list_depth);
      break;
    }
    case markdown::BlockKind::kCode:
      DrawCode(b, index);
      break;
    case markdown::BlockKind::kQuote:
      ImGui::Indent(t.Px(16));
      ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
      ImGui::TextWrapped("%s", b.text.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent(t.Px(16));
      break;
    case markdown::BlockKind::kTableRow:  // drawn as whole tables by DrawMarkdownBlocks
      break;
    case markdown::BlockKind::kRule:
      ImGui::Separator();
      break;
  }
}

}  // namespace

MarkdownDrawn TakeMarkdownDrawn() {
  MarkdownDrawn d = g_drawn;
  g_drawn = MarkdownDrawn{};
  return d;
}

void DrawMarkdownBlocks(const std::vector<markdown::RenderBlock>& blocks) {
  const float width = ImGui::GetContentRegionAvail().x;
  BlockHeights& hc = g_heights;
  if (hc.blocks != &blocks || hc.width != width || hc.top.size() != blocks.size()) {
    hc = BlockHeights{&blocks, width, std::vector<float>(blocks.size(), 0), std::vector<float>(blocks.size(), 0), false};
  }
  const float start = ImGui::GetCursorPosY();
  // The part of the list in view, with one screen of margin either side.
  const float view_h = ImGui::GetWindowHeight();
  const float view_top = ImGui::GetScrollY() - view_h - start;
  const float view_bottom = ImGui::GetScrollY() + 2 * view_h - start;
  size_t i = 0;
  if (hc.valid && !blocks.empty()) {
    // Jump to the first block that ends below the top of the view (bottoms
    // never decrease: a table's rows all carry the table's top and height).
    auto first = std::partition_point(hc.top.begin(), hc.top.end(), [&](const float& top) {
      const size_t k = &top - hc.top.data();
      return top + hc.height[k] < view_top;
    });
    i = static_cast<size_t>(first - hc.top.begin());
    while (i > 0 && i < blocks.size() && blocks[i].kind == markdown::BlockKind::kTableRow &&
           blocks[i - 1].kind == markdown::BlockKind::kTableRow && hc.top[i - 1] == hc.top[i])
      --i;  // back to the table's head row
    g_drawn.blocks_skipped += static_cast<int>(i);
    if (i < blocks.size()) ImGui::SetCursorPosY(start + hc.top[i]);
  }
  while (i < blocks.size()) {
    size_t n = 1;
    if (blocks[i].kind == markdown::BlockKind::kTableRow)
      // Rows of one table run on; a head row after body rows starts the next table.
      while (i + n < blocks.size() && blocks[i + n].kind == markdown::BlockKind::kTableRow &&
             !(blocks[i + n].header_row && !blocks[i + n - 1].header_row))
        ++n;
    if (hc.valid && hc.top[i] > view_bottom) {
      // Everything from here on is below the view: stand in with its height.
      g_drawn.blocks_skipped += static_cast<int>(blocks.size() - i);
      ImGui::SetCursorPosY(start + hc.top.back() + hc.height.back());
      break;
    }
    const float y0 = ImGui::GetCursorPosY();
    if (n > 1 || blocks[i].kind == markdown::BlockKind::kTableRow)
      DrawMarkdownTable(&blocks[i], n, static_cast<int>(i), &g_drawn);
    else
      DrawBlock(blocks[i], static_cast<int>(i));
    if (ImGui::GetItemRectMax().x > ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x + 0.5f)
      ++g_drawn.blocks_overflowing;
    const float h = ImGui::GetCursorPosY() - y0;
    for (size_t k = i; k < i + n; ++k) {
      hc.top[k] = y0 - start;
      hc.height[k] = h;
    }
    g_drawn.blocks_drawn += static_cast<int>(n);
    i += n;
  }
  hc.valid = true;
}

}  // namespace specwave::ui
