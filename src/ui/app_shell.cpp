// The window's shell around the views (issue #18.3): the splitter between
// the graph and the side panel (dragged, remembered on this device), the
// timeline's fold bar (remembered too), the preferences read once.
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "ui/app_view.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

void ShellState::Target(const std::string& name, float dpr) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  targets[name] = {a.x / dpr, a.y / dpr, (b.x - a.x) / dpr, (b.y - a.y) / dpr};
}

void AppView::LoadPrefs(ViewContext& ctx) {
  ShellState& sh = state_.shell;
  if (sh.prefs_loaded || !ctx.host) return;
  sh.prefs_loaded = true;
  const std::string w = ctx.host->LoadPref("side_w");
  if (!w.empty()) sh.side_w = std::strtof(w.c_str(), nullptr);
  if (ctx.host->LoadPref("timeline") == "folded") state_.show_timeline = false;
  // The first-run screen: once per device, and never in a read-only view
  // (the embed, a second tab).
  sh.first_run_open = ctx.host->LoadPref("first_run_seen") != "1" && !ctx.snap.status->read_only;
}

void AppView::DrawTimelineFold(ViewContext& ctx, float height) {
  const Theme& t = CurrentTheme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 p1(p0.x + ImGui::GetContentRegionAvail().x, p0.y + height);
  dl->AddRectFilled(p0, p1, t.surface);
  dl->AddLine(ImVec2(p0.x, p0.y), ImVec2(p1.x, p0.y), t.border, t.dpr);
  ImGui::SetCursorScreenPos(ImVec2(p0.x + t.Px(8), p0.y + (height - ImGui::GetFrameHeight()) / 2));
  ImGui::PushStyleColor(ImGuiCol_Button, 0);
  if (ImGui::Button(state_.show_timeline ? "Timeline  (hide)" : "Timeline  (show)")) RunCommand(ctx, "timeline");
  state_.shell.Target("timeline_fold", t.dpr);
  ImGui::PopStyleColor();
  ImGui::SetCursorScreenPos(ImVec2(p0.x, p1.y));
}

void AppView::DrawSplitter(ViewContext& ctx, float width, float height) {
  const Theme& t = CurrentTheme();
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("split", ImVec2(width, height));
  state_.shell.Target("splitter", t.dpr);
  const bool active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
  ImGuiViewport* vp = ImGui::GetMainViewport();
  if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (active && ImGui::GetIO().MouseDelta.x != 0) {
    const float current = state_.shell.side_w > 0 ? state_.shell.side_w
                                                  : std::min(440.0f, vp->WorkSize.x / t.dpr * 0.4f);
    state_.shell.side_w = std::clamp(current - ImGui::GetIO().MouseDelta.x / t.dpr, 320.0f,
                                     std::max(320.0f, vp->WorkSize.x / t.dpr * 0.6f));
  }
  if (ImGui::IsItemDeactivated() && ctx.host) ctx.host->SavePref("side_w", std::to_string(state_.shell.side_w));
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {  // back to the default
    state_.shell.side_w = 0;
    if (ctx.host) ctx.host->SavePref("side_w", "0");
  }
  ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + height), t.surface);
  const float x = p0.x + width / 2;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, p0.y), ImVec2(x, p0.y + height), active || hovered ? t.accent : t.border,
                                      (active || hovered ? 2.0f : 1.0f) * t.dpr);
  ImGui::SameLine(0, 0);
}

}  // namespace specwave::ui
