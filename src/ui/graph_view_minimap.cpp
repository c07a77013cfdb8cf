// The DAG view's minimap: when the graph is larger than its canvas (a large
// workflow at the smallest fitted zoom, or after zooming in), a small map in
// the lower right corner shows every phase and the part in view; a click or
// drag on it moves the view there.
#include <algorithm>

#include "ui/dag_view.hpp"
#include "ui/theme.hpp"

namespace specwave::ui {

bool DagView::DrawMinimap(const DagModel& model, ImVec2 p0, ImVec2 p1, bool hovered) {
  const Theme& t = CurrentTheme();
  const float s = t.dpr * zoom_;
  const ImVec2 g0(p0.x + pan_.x, p0.y + pan_.y);
  const ImVec2 g1(g0.x + geometry_.width * s, g0.y + geometry_.height * s);
  const float slack = t.dpr;  // rounding
  const bool larger = g0.x < p0.x - slack || g0.y < p0.y - slack || g1.x > p1.x + slack || g1.y > p1.y + slack;
  ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) minimap_drag_ = false;
  if (!larger || geometry_.width <= 0 || geometry_.height <= 0) return false;

  // At most 192×128 CSS px (and a third of the canvas), the graph's aspect kept.
  const float max_w = std::min(t.Px(192), (p1.x - p0.x) / 3), max_h = std::min(t.Px(128), (p1.y - p0.y) / 3);
  const float k = std::min(max_w / geometry_.width, max_h / geometry_.height);
  const ImVec2 size(geometry_.width * k, geometry_.height * k);
  const float margin = t.Px(16), inset = t.Px(8);
  const ImVec2 m1(p1.x - margin, p1.y - margin);
  const ImVec2 m0(m1.x - size.x - 2 * inset, m1.y - size.y - 2 * inset);
  const ImVec2 o(m0.x + inset, m0.y + inset);  // the graph's origin in the map

  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.MousePos.x >= m0.x && io.MousePos.x <= m1.x &&
      io.MousePos.y >= m0.y && io.MousePos.y <= m1.y)
    minimap_drag_ = true;
  if (minimap_drag_) {
    // Centre the view on the point under the mouse.
    const float gx = std::clamp((io.MousePos.x - o.x) / k, 0.0f, geometry_.width);
    const float gy = std::clamp((io.MousePos.y - o.y) / k, 0.0f, geometry_.height);
    pan_.x = (p1.x - p0.x) / 2 - gx * s;
    pan_.y = (p1.y - p0.y) / 2 - gy * s;
    user_moved_ = true;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p0, p1, true);
  dl->AddRectFilled(m0, m1, t.surface, t.Px(4));
  dl->AddRect(m0, m1, t.border, t.Px(4), 0, t.dpr);
  for (size_t v = 0; v < geometry_.nodes.size(); ++v) {
    const GraphBox& b = geometry_.nodes[v];
    const bool impacted = v < model.nodes.size() && model.nodes[v].impacted;
    const bool crit = v < model.critical.size() && model.critical[v];
    dl->AddRectFilled(ImVec2(o.x + b.x * k, o.y + b.y * k), ImVec2(o.x + (b.x + b.w) * k, o.y + (b.y + b.h) * k),
                      impacted ? t.state_stale : crit ? t.accent : t.text_muted);
  }
  // The part in view.
  const ImVec2 v0(o.x + (p0.x - g0.x) / s * k, o.y + (p0.y - g0.y) / s * k);
  const ImVec2 v1(o.x + (p1.x - g0.x) / s * k, o.y + (p1.y - g0.y) / s * k);
  dl->PushClipRect(m0, m1, true);
  dl->AddRect(v0, v1, t.accent, 0, 0, 2 * t.dpr);
  dl->PopClipRect();
  dl->PopClipRect();
  return true;
}

}  // namespace specwave::ui
