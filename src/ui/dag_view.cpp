#include "ui/dag_view.hpp"

#include <algorithm>
#include <cstdio>

#include "ui/theme.hpp"

namespace specwave::ui {
namespace {

ImU32 StateColor(NodeState s) {
  const Theme& t = CurrentTheme();
  switch (s) {
    case NodeState::kWaiting: return t.state_waiting;
    case NodeState::kRunning: return t.state_running;
    case NodeState::kDone: return t.state_done;
    case NodeState::kFailed: return t.state_failed;
    case NodeState::kSkipped: return t.state_skipped;
    case NodeState::kAwaitingApproval: return t.state_approval;
    case NodeState::kCancelled: return t.state_skipped;
  }
  return t.state_waiting;
}

const char* StateLabel(NodeState s) {
  switch (s) {
    case NodeState::kWaiting: return "waiting";
    case NodeState::kRunning: return "running";
    case NodeState::kDone: return "done";
    case NodeState::kFailed: return "failed";
    case NodeState::kSkipped: return "skipped";
    case NodeState::kAwaitingApproval: return "awaiting approval";
    case NodeState::kCancelled: return "cancelled";
  }
  return "";
}

void ToFloat4(ImU32 c, float out[4]) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  out[0] = v.x;
  out[1] = v.y;
  out[2] = v.z;
  out[3] = v.w;
}

}  // namespace

void DagView::Draw(const DagModel& model, int selected, DagEvents* events) {
  const Theme& t = CurrentTheme();
  if (!renderer_tried_) {
    renderer_tried_ = true;
    if (!renderer_.Init()) std::fprintf(stderr, "specwave: canvas shaders: %s\n", renderer_.error().c_str());
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 p1(p0.x + avail.x, p0.y + avail.y);
  ImGui::InvisibleButton("dag_canvas", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();
  const DagLayout& layout = *model.layout;
  const float unit = t.dpr;  // layout units are CSS px

  if (!fitted_ && avail.x > 0 && avail.y > 0 && layout.width > 0) {
    float pad = t.Px(48);
    zoom_ = std::min({(avail.x - 2 * pad) / (layout.width * unit), (avail.y - 2 * pad) / (layout.height * unit), 1.25f});
    zoom_ = std::max(zoom_, 0.35f);
    pan_ = ImVec2((avail.x - layout.width * unit * zoom_) / 2, (avail.y - layout.height * unit * zoom_) / 2);
    fitted_ = true;
  }
  if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    pan_.x += io.MouseDelta.x;
    pan_.y += io.MouseDelta.y;
  }
  if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
    pan_.x += io.MouseDelta.x;
    pan_.y += io.MouseDelta.y;
  }
  if (hovered && io.MouseWheel != 0) {
    float old = zoom_;
    zoom_ = std::clamp(zoom_ * (io.MouseWheel > 0 ? 1.1f : 1 / 1.1f), 0.25f, 2.5f);
    ImVec2 m(io.MousePos.x - p0.x, io.MousePos.y - p0.y);
    pan_.x = m.x - (m.x - pan_.x) * zoom_ / old;
    pan_.y = m.y - (m.y - pan_.y) * zoom_ / old;
  }
  const float s = unit * zoom_;
  auto to_screen = [&](float x, float y) { return ImVec2(p0.x + pan_.x + x * s, p0.y + pan_.y + y * s); };

  // Edges (GLSL): from the right middle of a dependency to the left middle of its dependent.
  std::vector<EdgeInstance> edges;
  const auto& spec = *model.spec;
  for (size_t v = 0; v < spec.phases.size(); ++v) {
    for (int d : spec.phases[v].deps) {
      const auto& a = layout.nodes[d];
      const auto& b = layout.nodes[v];
      ImVec2 from = to_screen(a.x + a.w, a.y + a.h / 2);
      ImVec2 to = to_screen(b.x, b.y + b.h / 2);
      EdgeInstance e{};
      e.from[0] = from.x;
      e.from[1] = from.y;
      e.to[0] = to.x;
      e.to[1] = to.y;
      NodeState sv = v < model.nodes.size() ? model.nodes[v].state : NodeState::kWaiting;
      bool crit = v < model.critical.size() && d < static_cast<int>(model.critical.size()) && model.critical[v] &&
                  model.critical[d];
      bool lit = (static_cast<int>(v) == selected || d == selected);
      ToFloat4(crit ? t.accent : (lit ? t.text_muted : t.border), e.color);
      e.params[0] = (crit || lit ? 3.0f : 2.0f) * t.dpr * std::min(zoom_, 1.5f);
      e.params[1] = sv == NodeState::kRunning ? 1.0f : 0.0f;
      e.params[2] = crit ? 1.0f : 0.0f;
      edges.push_back(e);
    }
  }
  float step = 8.0f * s;
  while (step < 6 * t.dpr) step *= 2;  // keep the dot grid readable when zoomed out
  ImDrawList* dl = ImGui::GetWindowDrawList();
  renderer_.Queue(dl, p0, p1, ImVec2(p0.x + pan_.x, p0.y + pan_.y), step, std::move(edges));
  if (!renderer_.ready()) dl->AddRectFilled(p0, p1, ImGui::ColorConvertFloat4ToU32(t.canvas_base));

  // Nodes (ImGui).
  dl->PushClipRect(p0, p1, true);
  phases_drawn_ = 0;
  badges_drawn_.assign(spec.phases.size(), "");
  ImFont* title_font = Font(TypeSize::kBody);
  ImFont* small_font = Font(TypeSize::kSmall);
  const float font_scale = std::clamp(zoom_, 0.5f, 1.5f);
  for (size_t v = 0; v < spec.phases.size(); ++v) {
    const auto& box = layout.nodes[v];
    ImVec2 a = to_screen(box.x, box.y);
    ImVec2 b = to_screen(box.x + box.w, box.y + box.h);
    const DagNodeModel& nm = v < model.nodes.size() ? model.nodes[v] : DagNodeModel{};
    const bool is_sel = static_cast<int>(v) == selected;
    const float r = t.Px(8) * zoom_;
    dl->AddRectFilled(a, b, t.surface_raised, r);
    ImU32 border = is_sel ? t.accent : (nm.impacted ? t.state_stale : t.border);
    dl->AddRect(a, b, border, r, 0, (is_sel || nm.impacted ? 2.0f : 1.0f) * t.dpr);
    // Status stripe on the left edge.
    dl->AddRectFilled(a, ImVec2(a.x + t.Px(4) * zoom_ + 2, b.y), StateColor(nm.state), r, ImDrawFlags_RoundCornersLeft);
    if (nm.progress >= 0) {
      float w = (b.x - a.x) * std::clamp(nm.progress, 0.0f, 1.0f);
      dl->AddRectFilled(ImVec2(a.x, b.y - t.Px(4) * zoom_), ImVec2(a.x + w, b.y), StateColor(nm.state));
    }
    const float pad = t.Px(16) * zoom_;
    ImVec2 text_pos(a.x + pad, a.y + t.Px(8) * zoom_);
    dl->AddText(title_font, title_font->FontSize * font_scale, text_pos, t.text, spec.phases[v].name.c_str());
    char line[160];
    std::snprintf(line, sizeof line, "%s · %s%s", spec.phases[v].agent.c_str(), StateLabel(nm.state),
                  nm.stale ? " · stale" : "");
    ImVec2 sub_pos(text_pos.x, text_pos.y + title_font->FontSize * font_scale + t.Px(4) * zoom_);
    dl->AddText(small_font, small_font->FontSize * font_scale, sub_pos, t.text_muted, line);
    const std::string detail =
        nm.detail.empty() ? std::to_string(spec.phases[v].produces.size()) + " artifact" +
                                (spec.phases[v].produces.size() == 1 ? "" : "s")
                          : nm.detail;
    ImVec2 det_pos(sub_pos.x, sub_pos.y + small_font->FontSize * font_scale + t.Px(4) * zoom_);
    dl->AddText(small_font, small_font->FontSize * font_scale, det_pos, t.text_muted, detail.c_str());
    if (!nm.badge.empty()) {
      ImVec2 sz = small_font->CalcTextSizeA(small_font->FontSize * font_scale, 1e9f, 0, nm.badge.c_str());
      ImVec2 bp(b.x - sz.x - pad, a.y + t.Px(8) * zoom_);
      dl->AddRectFilled(ImVec2(bp.x - t.Px(4), bp.y - t.Px(2)), ImVec2(bp.x + sz.x + t.Px(4), bp.y + sz.y + t.Px(2)),
                        t.surface, t.Px(4));
      dl->AddText(small_font, small_font->FontSize * font_scale, bp, nm.badge_alert ? t.state_failed : t.state_stale,
                  nm.badge.c_str());
      badges_drawn_[v] = nm.badge;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.MousePos.x >= a.x && io.MousePos.x <= b.x &&
        io.MousePos.y >= a.y && io.MousePos.y <= b.y && events)
      events->clicked = static_cast<int>(v);
    ++phases_drawn_;
  }
  dl->PopClipRect();
}

}  // namespace specwave::ui
