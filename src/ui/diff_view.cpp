#include "ui/diff_view.hpp"

#include <imgui.h>

#include "core/text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

void DrawVersionDiff(const SessionSnapshot& snap) {
  const Theme& t = CurrentTheme();
  const ArtifactVersion* a = nullptr;
  const ArtifactVersion* b = nullptr;
  for (const auto& v : *snap.viewer->versions) {
    if (v.version == snap.viewer->diff_old) a = &v;
    if (v.version == snap.viewer->diff_new) b = &v;
  }
  if (!a || !b) {
    Muted("Preparing the comparison…");
    return;
  }
  Muted("v%d → v%d: %d changed, %d added, %d removed lines%s", a->version, b->version, snap.viewer->diff->changed,
        snap.viewer->diff->inserted, snap.viewer->diff->deleted, snap.viewer->diff->approximate ? " (approximate: very large change)" : "");
  if (snap.viewer->diff_sections->empty()) Muted("No section changed.");
  for (const auto& s : *snap.viewer->diff_sections) {
    ImU32 c = s.change == markdown::ChangeKind::kModified ? t.state_stale
              : s.change == markdown::ChangeKind::kAdded  ? t.state_done
                                                          : t.state_failed;
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::BulletText("%s %s", markdown::ChangeKindName(s.change), s.section.c_str());
    ImGui::PopStyleColor();
  }
  Gap();
  auto old_lines = SplitLines(a->content);
  auto new_lines = SplitLines(b->content);
  ImGui::PushFont(Font(TypeSize::kSmall, true));
  ImGui::BeginChild("diff", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  if (ImGui::BeginTable("diff_rows", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(snap.viewer->diff->rows.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& r = snap.viewer->diff->rows[i];
        ImGui::TableNextRow();
        auto cell = [&](int line, const std::vector<std::string_view>& lines, ImU32 mark) {
          ImGui::TableNextColumn();
          if (line <= 0 || line > static_cast<int>(lines.size())) return;
          if (r.kind != markdown::LineKind::kEqual)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, (mark & 0x00FFFFFF) | 0x40000000);
          std::string text = std::to_string(line) + "  " + std::string(lines[line - 1]);
          ImGui::TextUnformatted(text.c_str());
        };
        cell(r.old_line, old_lines, t.state_failed);
        cell(r.new_line, new_lines, r.kind == markdown::LineKind::kChange ? t.state_stale : t.state_done);
      }
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
  ImGui::PopFont();
}

}  // namespace specwave::ui
