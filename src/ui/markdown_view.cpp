#include "ui/markdown_view.hpp"

#include <imgui.h>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

void DrawMarkdownBlocks(const std::vector<markdown::RenderBlock>& blocks) {
  const Theme& t = CurrentTheme();
  for (const auto& b : blocks) {
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
        std::string marker = b.task ? (b.task_done ? "[x]" : "[ ]")
                                    : b.ordered ? std::to_string(b.number) + "." : "·";
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "%s", marker.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", b.text.c_str());
        ImGui::Unindent(t.Px(16) * b.list_depth);
        break;
      }
      case markdown::BlockKind::kCode:
        ImGui::PushFont(Font(TypeSize::kSmall, true));
        ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
        ImGui::Indent(t.Px(8));
        ImGui::TextUnformatted(b.text.c_str());
        ImGui::Unindent(t.Px(8));
        ImGui::PopStyleColor();
        ImGui::PopFont();
        break;
      case markdown::BlockKind::kQuote:
        ImGui::Indent(t.Px(16));
        ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
        ImGui::TextWrapped("%s", b.text.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent(t.Px(16));
        break;
      case markdown::BlockKind::kTableRow: {
        std::string row;
        for (size_t i = 0; i < b.cells.size(); ++i) row += (i ? "  |  " : "") + b.cells[i].text;
        ImGui::PushStyleColor(ImGuiCol_Text, b.header_row ? t.accent : t.text);
        ImGui::TextWrapped("%s", row.c_str());
        ImGui::PopStyleColor();
        break;
      }
      case markdown::BlockKind::kRule:
        ImGui::Separator();
        break;
    }
  }
}

}  // namespace specwave::ui
