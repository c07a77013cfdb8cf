// Top bar: product, project, run controls, provider and storage state.
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

void DrawTopBar(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  const auto& snap = ctx.snap;
  const float bar_h = t.Px(48);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, t.surface);
  ImGui::BeginChild("topbar", ImVec2(0, bar_h), false, ImGuiWindowFlags_NoScrollbar);
  auto center_y = [&](float h) { ImGui::SetCursorPosY((bar_h - h) / 2); };
  ImGui::SetCursorPosX(t.Px(16));
  center_y(Font(TypeSize::kTitle)->FontSize);
  ImGui::PushFont(Font(TypeSize::kTitle));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.accent), "Specwave");
  ImGui::PopFont();

  ImGui::SameLine(0, t.Px(24));
  center_y(ImGui::GetFrameHeight());
  ImGui::SetNextItemWidth(t.Px(240));
  const char* current = snap.project->project_name.empty() ? "No project" : snap.project->project_name.c_str();
  if (ImGui::BeginCombo("##project", current)) {
    for (const auto& p : snap.projects->projects)
      if (ImGui::Selectable(p.name.c_str(), p.id == snap.project->project_id)) ctx.session.OpenProject(p.id);
    ImGui::Separator();
    if (ImGui::Selectable("New project…")) ctx.state.ShowTab(SideTab::kProjects);
    ImGui::EndCombo();
  }

  ImGui::SameLine(0, t.Px(16));
  center_y(ImGui::GetFrameHeight());
  const bool can_run = snap.project->spec && !snap.run->running && !snap.status->read_only;
  if (snap.run->running) {
    if (ImGui::Button("Cancel run")) ctx.session.CancelRun();
  } else {
    ImGui::BeginDisabled(!can_run);
    if (AccentButton("Run workflow")) {
      static const ScheduleMode kModes[] = {ScheduleMode::kReady, ScheduleMode::kWaves, ScheduleMode::kSequential};
      ctx.session.StartRun(kModes[ctx.state.run_mode]);
      ctx.state.show_timeline = true;
    }
    const auto rs = snap.run->run_status;
    bool resumable = rs == RunStatus::kFailed || rs == RunStatus::kCancelled || rs == RunStatus::kAwaitingApproval ||
                     rs == RunStatus::kRunning;
    if (resumable) {
      ImGui::SameLine(0, t.Px(8));
      if (ImGui::Button("Resume")) ctx.session.ResumeRun();
    }
    ImGui::EndDisabled();
  }
  ImGui::SameLine(0, t.Px(8));
  ImGui::SetNextItemWidth(t.Px(192));
  ImGui::BeginDisabled(snap.run->running);
  ImGui::Combo("##mode", &ctx.state.run_mode, "As soon as ready\0Level by level (waves)\0Sequential\0");
  ImGui::EndDisabled();

  ImGui::SameLine(0, t.Px(24));
  center_y(ImGui::GetTextLineHeight());
  ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
  ImGui::TextUnformatted(snap.settings->provider_label.c_str());
  ImGui::PopStyleColor();
  if (ImGui::IsItemClicked()) ctx.state.ShowTab(SideTab::kSettings);
  if (!snap.status->storage_note.empty()) {
    ImGui::SameLine(0, t.Px(16));
    ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
    ImGui::TextUnformatted(snap.status->storage_note.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void DrawBanner(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  if (snap.status->banner_kind == BannerKind::kNone || snap.status->banner.empty() || ctx.state.dismissed_banner == snap.status->banner) return;
  const Theme& t = CurrentTheme();
  ImU32 color = snap.status->banner_kind == BannerKind::kError ? t.state_failed
                : snap.status->banner_kind == BannerKind::kWarning ? t.state_stale
                                                           : t.state_approval;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, t.surface_raised);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(16), t.Px(8)));
  float lines = 1;
  for (char c : snap.status->banner) lines += c == '\n';
  float h = std::min(lines, 6.0f) * ImGui::GetTextLineHeightWithSpacing() + t.Px(16);
  ImGui::BeginChild("banner", ImVec2(0, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImVec2 p = ImGui::GetWindowPos();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + t.Px(4), p.y + h), color);
  ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - t.Px(96));
  ImGui::TextUnformatted(snap.status->banner.c_str());
  ImGui::PopTextWrapPos();
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - t.Px(72));
  if (ImGui::Button("Dismiss")) ctx.state.dismissed_banner = snap.status->banner;
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace specwave::ui
