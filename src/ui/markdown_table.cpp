// A markdown table (consecutive md4c table-row blocks) as an ImGui table:
// the head row as a header, each column as wide as its widest cell up to a
// cap (longer cells wrap inside it), and a horizontal scrollbar when the
// columns together are wider than the panel (issue #18.2).
#include <algorithm>

#include <imgui.h>

#include "ui/markdown_view.hpp"
#include "ui/theme.hpp"

namespace specwave::ui {

void DrawMarkdownTable(const markdown::RenderBlock* rows, size_t count, int id, MarkdownDrawn* drawn) {
  const Theme& t = CurrentTheme();
  const ImGuiStyle& style = ImGui::GetStyle();
  size_t columns = 0;
  for (size_t r = 0; r < count; ++r) columns = std::max(columns, rows[r].cells.size());
  if (columns == 0) return;
  columns = std::min<size_t>(columns, 64);  // ImGui's limit is higher; a wider table is not a table to read

  // Column widths: the widest cell, between 48 and 320 CSS px.
  const float min_w = t.Px(48), max_w = t.Px(320);
  std::vector<float> width(columns, min_w);
  for (size_t r = 0; r < count; ++r)
    for (size_t c = 0; c < rows[r].cells.size() && c < columns; ++c)
      width[c] = std::clamp(ImGui::CalcTextSize(rows[r].cells[c].text.c_str()).x, width[c], max_w);
  float total_w = 0;
  for (float w : width) total_w += w + 2 * style.CellPadding.x + 1;
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool scroll = total_w > avail;

  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  ImVec2 outer(0, 0);
  if (scroll) {
    // A scrolling table is a child window that would take all the height
    // left: give it the height of its rows (wrapped cells measured).
    flags |= ImGuiTableFlags_ScrollX;
    float h = 0;
    for (size_t r = 0; r < count; ++r) {
      float row_h = ImGui::GetTextLineHeight();
      for (size_t c = 0; c < rows[r].cells.size() && c < columns; ++c)
        row_h = std::max(row_h, ImGui::CalcTextSize(rows[r].cells[c].text.c_str(), nullptr, false, width[c]).y);
      h += row_h + 2 * style.CellPadding.y + 1;
    }
    outer = ImVec2(0, h + style.ScrollbarSize + 2 * t.dpr);
  }
  ImGui::PushID(id);
  if (ImGui::BeginTable("md_table", static_cast<int>(columns), flags, outer)) {
    for (size_t c = 0; c < columns; ++c) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, width[c]);
    for (size_t r = 0; r < count; ++r) {
      const auto& row = rows[r];
      ImGui::TableNextRow(row.header_row ? ImGuiTableRowFlags_Headers : 0);
      if (row.header_row) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, t.surface_raised);
      for (size_t c = 0; c < columns; ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c));
        if (c >= row.cells.size()) continue;
        if (row.header_row) ImGui::PushStyleColor(ImGuiCol_Text, t.accent);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(row.cells[c].text.c_str());
        ImGui::PopTextWrapPos();
        if (row.header_row) ImGui::PopStyleColor();
      }
      ++drawn->table_rows;
      if (row.header_row) ++drawn->header_rows;
    }
    ImGui::EndTable();
    ++drawn->tables;
    if (scroll) ++drawn->scrolling_tables;
    drawn->max_columns = std::max(drawn->max_columns, static_cast<int>(columns));
  }
  ImGui::PopID();
}

}  // namespace specwave::ui
