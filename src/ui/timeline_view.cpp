#include "ui/timeline_view.hpp"

#include <algorithm>

#include "ui/widgets.hpp"

namespace specwave::ui {

void DrawTimeline(const SessionSnapshot& snap, float height) {
  const Theme& t = CurrentTheme();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(16), t.Px(8)));
  ImGui::BeginChild("timeline", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  if (!snap.run->last_report || snap.run->last_report->phases.empty()) {
    Muted("No run yet. Run the workflow to see its timeline here.");
    ImGui::EndChild();
    return;
  }
  const RunReport& r = *snap.run->last_report;
  ImGui::Text("Last run: %s · %s", RunStatusName(r.status), r.mode.c_str());
  ImGui::SameLine(0, t.Px(24));
  Muted("makespan %s · sequential sum %s · critical path %s · saved %.1f%% against sequential", FormatMs(r.makespan_ms).c_str(),
        FormatMs(r.sequential_ms).c_str(), FormatMs(r.critical_path_ms).c_str(), r.time_saved_percent);

  std::vector<const PhaseReport*> rows;
  for (const auto& p : r.phases)
    if (p.work_ms > 0 || p.end_ms > 0) rows.push_back(&p);
  std::sort(rows.begin(), rows.end(), [](const PhaseReport* a, const PhaseReport* b) { return a->start_ms < b->start_ms; });
  if (rows.empty()) {
    Muted("Nothing ran in this run (every phase was done earlier).");
    ImGui::EndChild();
    return;
  }
  const float label_w = t.Px(192);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  const float row_h = std::max(t.Px(16), std::min(t.Px(24), (avail.y - t.Px(8)) / rows.size()));
  const float width = std::max(avail.x - label_w - t.Px(8), t.Px(64));
  const double span = std::max(r.makespan_ms, 1.0);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* small = Font(TypeSize::kSmall);
  for (size_t i = 0; i < rows.size(); ++i) {
    const PhaseReport& p = *rows[i];
    float y = origin.y + i * row_h;
    dl->AddText(small, small->FontSize, ImVec2(origin.x, y + (row_h - small->FontSize) / 2), t.text_muted, p.name.c_str());
    float x0 = origin.x + label_w + static_cast<float>(p.start_ms / span) * width;
    float x1 = origin.x + label_w + static_cast<float>(p.end_ms / span) * width;
    x1 = std::max(x1, x0 + 2);
    ImVec2 a(x0, y + t.Px(4)), b(x1, y + row_h - t.Px(4));
    dl->AddRectFilled(a, b, StatusColor(p.status), t.Px(2));
    bool critical = std::find(r.critical_path.begin(), r.critical_path.end(), p.name) != r.critical_path.end();
    if (critical) dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), t.accent, t.Px(2), 0, 2 * t.dpr);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::InvisibleButton(("tl_" + p.name).c_str(), ImVec2(std::max(x1 - x0, 4.0f), row_h));
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::Text("%s — %s", p.name.c_str(), StatusLabel(p.status));
      ImGui::Text("%s → %s (%s)%s", FormatMs(p.start_ms).c_str(), FormatMs(p.end_ms).c_str(),
                  FormatMs(p.duration_ms).c_str(), critical ? " · on the critical path" : "");
      if (p.items > 0) ImGui::Text("%d items in parallel, %s of work", p.items, FormatMs(p.work_ms).c_str());
      ImGui::Text("%d model calls, %d cached · %s tokens in, %s out", p.calls, p.cached_calls,
                  FormatTokens(p.usage.input_tokens).c_str(), FormatTokens(p.usage.output_tokens).c_str());
      ImGui::EndTooltip();
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows.size() * row_h));
  ImGui::EndChild();
}

}  // namespace specwave::ui
