#include "ui/dag_view.hpp"

#include <algorithm>
#include <cmath>
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

const char* GraphDetailName(GraphDetail d) {
  switch (d) {
    case GraphDetail::kFull: return "full";
    case GraphDetail::kNames: return "names";
    case GraphDetail::kShapes: return "shapes";
  }
  return "";
}

void DagView::FitIfNeeded(const DagModel& model, float canvas_w, float canvas_h) {
  const Theme& t = CurrentTheme();
  const DagLayout& layout = *model.layout;
  if (names_for_ != model.layout || names_dpr_ != t.dpr) {
    // Names are measured once per layout and scale: 200 phases would
    // otherwise cost 200 text measurements a frame.
    ImFont* title = Font(TypeSize::kBody);
    name_widths_.assign(model.spec->phases.size(), 0);
    for (size_t i = 0; i < model.spec->phases.size(); ++i)
      name_widths_[i] = title->CalcTextSizeA(title->FontSize, 1e9f, 0, model.spec->phases[i].name.c_str()).x / t.dpr;
    names_for_ = model.layout;
    names_dpr_ = t.dpr;
    fitted_ = false;
  }
  // Refit on a resize too, unless the person has zoomed or panned since.
  const bool resized = std::abs(canvas_w - fitted_w_) > 0.5f || std::abs(canvas_h - fitted_h_) > 0.5f;
  if (fitted_ && !(resized && !user_moved_)) return;
  if (canvas_w <= 0 || canvas_h <= 0 || layout.nodes.empty()) return;
  ViewFit f = FitToCanvas(layout, name_widths_, canvas_w, canvas_h);
  geometry_ = std::move(f.geometry);
  zoom_ = f.zoom;
  pan_ = ImVec2(f.pan_x * t.dpr, f.pan_y * t.dpr);
  fitted_w_ = canvas_w;
  fitted_h_ = canvas_h;
  fitted_ = true;
  user_moved_ = false;
  ++stats_.fits;
}

void DagView::ZoomBy(float factor) {
  // About the canvas centre (keys); the wheel zooms about the mouse instead.
  const float old = zoom_;
  zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  ImVec2 c(canvas_size_.x / 2, canvas_size_.y / 2);
  pan_.x = c.x - (c.x - pan_.x) * zoom_ / old;
  pan_.y = c.y - (c.y - pan_.y) * zoom_ / old;
  user_moved_ = true;
}

void DagView::HandleMouse(ImVec2 p0, bool hovered) {
  ImGuiIO& io = ImGui::GetIO();
  if (hovered && !minimap_drag_ &&
      (ImGui::IsMouseDragging(ImGuiMouseButton_Left) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle))) {
    pan_.x += io.MouseDelta.x;
    pan_.y += io.MouseDelta.y;
    user_moved_ = true;
  }
  if (hovered && io.MouseWheel != 0) {
    // A trackpad pinch reaches us as a wheel event too (the browser sends
    // ctrl+wheel), so it zooms the same way.
    const float old = zoom_;
    zoom_ = std::clamp(zoom_ * std::pow(1.1f, io.MouseWheel), kMinZoom, kMaxZoom);
    ImVec2 m(io.MousePos.x - p0.x, io.MousePos.y - p0.y);
    pan_.x = m.x - (m.x - pan_.x) * zoom_ / old;
    pan_.y = m.y - (m.y - pan_.y) * zoom_ / old;
    user_moved_ = true;
  }
}

void DagView::Draw(const DagModel& model, int selected, DagEvents* events) {
  const Theme& t = CurrentTheme();
  if (!renderer_tried_) {
    renderer_tried_ = true;
    if (!renderer_.Init()) std::fprintf(stderr, "specwave: canvas shaders: %s\n", renderer_.error().c_str());
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 p1(p0.x + avail.x, p0.y + avail.y);
  canvas_size_ = avail;
  ImGui::InvisibleButton("dag_canvas", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  HandleMouse(p0, hovered);
  FitIfNeeded(model, avail.x / t.dpr, avail.y / t.dpr);
  if (!fitted_) return;  // no room to draw in yet
  const float s = t.dpr * zoom_;
  const bool down = geometry_.orientation == GraphOrientation::kTopDown;

  // Edges (GLSL): from the right (bottom) middle of a dependency to the left
  // (top) middle of its dependent.
  std::vector<EdgeInstance> edges;
  const auto& spec = *model.spec;
  auto to_screen = [&](float x, float y) { return ImVec2(p0.x + pan_.x + x * s, p0.y + pan_.y + y * s); };
  for (size_t v = 0; v < spec.phases.size(); ++v) {
    for (int d : spec.phases[v].deps) {
      const GraphBox& a = geometry_.nodes[d];
      const GraphBox& b = geometry_.nodes[v];
      ImVec2 from = down ? to_screen(a.x + a.w / 2, a.y + a.h) : to_screen(a.x + a.w, a.y + a.h / 2);
      ImVec2 to = down ? to_screen(b.x + b.w / 2, b.y) : to_screen(b.x, b.y + b.h / 2);
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
      e.params[0] = (crit ? 4.0f : lit ? 3.0f : 2.0f) * t.dpr * std::clamp(zoom_, 0.5f, 1.5f);
      e.params[1] = sv == NodeState::kRunning ? 1.0f : 0.0f;
      e.params[2] = crit ? 1.0f : 0.0f;
      e.params[3] = down ? 1.0f : 0.0f;
      edges.push_back(e);
    }
  }
  float step = 8.0f * s;
  while (step < 6 * t.dpr) step *= 2;  // keep the dot grid readable when zoomed out
  ImDrawList* dl = ImGui::GetWindowDrawList();
  renderer_.Queue(dl, p0, p1, ImVec2(p0.x + pan_.x, p0.y + pan_.y), step, std::move(edges));
  if (!renderer_.ready()) dl->AddRectFilled(p0, p1, ImGui::ColorConvertFloat4ToU32(t.canvas_base));

  DrawNodes(model, selected, p0, p1, hovered, events);
  DrawLegend(model, p0);
  stats_.canvas_x = p0.x / t.dpr;
  stats_.canvas_y = p0.y / t.dpr;
  stats_.canvas_w = avail.x / t.dpr;
  stats_.canvas_h = avail.y / t.dpr;
  stats_.graph_w = geometry_.width * zoom_;
  stats_.graph_h = geometry_.height * zoom_;
  stats_.fit_ratio = stats_.canvas_w > 0 && stats_.canvas_h > 0
                         ? std::max(stats_.graph_w / stats_.canvas_w, stats_.graph_h / stats_.canvas_h)
                         : 0;
  stats_.zoom = zoom_;
  stats_.orientation = geometry_.orientation;
  stats_.user_moved = user_moved_;
  stats_.minimap = DrawMinimap(model, p0, p1, hovered);
}

void DagView::DrawNodes(const DagModel& model, int selected, ImVec2 p0, ImVec2 p1, bool hovered, DagEvents* events) {
  const Theme& t = CurrentTheme();
  ImGuiIO& io = ImGui::GetIO();
  const auto& spec = *model.spec;
  const float s = t.dpr * zoom_;
  auto to_screen = [&](float x, float y) { return ImVec2(p0.x + pan_.x + x * s, p0.y + pan_.y + y * s); };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p0, p1, true);
  phases_drawn_ = 0;
  badges_drawn_.assign(spec.phases.size(), "");
  ImFont* title_font = Font(TypeSize::kBody);
  ImFont* small_font = Font(TypeSize::kSmall);
  // Level of detail: the title at 14 px × zoom stays at 12 px or more in
  // full detail; smaller, the two lines under it go and the name grows into
  // their room; tiny, only the boxes (the minimap's job is orientation).
  const float title_css = 14 * zoom_;
  const GraphDetail detail = title_css >= 12 ? GraphDetail::kFull : zoom_ >= 0.3f ? GraphDetail::kNames
                                                                                  : GraphDetail::kShapes;
  const float name_px = detail == GraphDetail::kFull ? title_font->FontSize * zoom_
                                                     : std::min(title_font->FontSize, title_font->FontSize * zoom_ * 1.5f);
  const float small_px = small_font->FontSize * zoom_;
  stats_.detail = detail;
  stats_.labels_drawn = 0;
  stats_.labels_cut = 0;
  stats_.nodes_on_screen = 0;
  stats_.label_px_min = 0;
  for (size_t v = 0; v < spec.phases.size(); ++v) {
    ++phases_drawn_;
    const DagNodeModel& nm = v < model.nodes.size() ? model.nodes[v] : DagNodeModel{};
    if (!nm.badge.empty()) badges_drawn_[v] = nm.badge;
    const GraphBox& box = geometry_.nodes[v];
    ImVec2 a = to_screen(box.x, box.y);
    ImVec2 b = to_screen(box.x + box.w, box.y + box.h);
    if (b.x < p0.x || a.x > p1.x || b.y < p0.y || a.y > p1.y) continue;  // off screen: the minimap shows it
    ++stats_.nodes_on_screen;
    const bool is_sel = static_cast<int>(v) == selected;
    const bool crit = v < model.critical.size() && model.critical[v];
    const float r = t.Px(8) * zoom_;
    dl->AddRectFilled(a, b, t.surface_raised, r);
    ImU32 border = is_sel ? t.accent : nm.impacted ? t.state_stale : crit ? t.accent : t.border;
    dl->AddRect(a, b, border, r, 0, (is_sel || nm.impacted || crit ? 2.0f : 1.0f) * t.dpr);
    if (is_sel) {  // the focus ring: keyboard focus must be visible (#18.4)
      const float o = t.Px(4);
      dl->AddRect(ImVec2(a.x - o, a.y - o), ImVec2(b.x + o, b.y + o), t.accent, r + o, 0, 2.0f * t.dpr);
    }
    dl->AddRectFilled(a, ImVec2(a.x + t.Px(4) * zoom_ + 2, b.y), StateColor(nm.state), r, ImDrawFlags_RoundCornersLeft);
    if (nm.progress >= 0) {
      float w = (b.x - a.x) * std::clamp(nm.progress, 0.0f, 1.0f);
      dl->AddRectFilled(ImVec2(a.x, b.y - t.Px(4) * zoom_), ImVec2(a.x + w, b.y), StateColor(nm.state));
    }
    const bool over = hovered && io.MousePos.x >= a.x && io.MousePos.x <= b.x && io.MousePos.y >= a.y && io.MousePos.y <= b.y;
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && events) events->clicked = static_cast<int>(v);
    // The whole name when the node shows less of it (names only, cut, or no text).
    if (over && !ImGui::IsMouseDragging(ImGuiMouseButton_Left) && detail != GraphDetail::kFull)
      ImGui::SetTooltip("%s", spec.phases[v].name.c_str());
    if (detail == GraphDetail::kShapes) continue;

    const float pad = t.Px(kNodePadX) * zoom_;
    const float text_right = b.x - pad;
    const ImVec4 clip(a.x, a.y, text_right, b.y);
    const std::string& name = spec.phases[v].name;
    // Names only: shrink a long name to its box, down to 9 CSS px; past that it is cut at the edge.
    float px = name_px;
    const float width_at_title = name_widths_[v] * t.dpr;  // device px at the title size
    if (detail == GraphDetail::kNames && width_at_title > 0)
      px = std::clamp((text_right - a.x - pad) / width_at_title * title_font->FontSize, std::min(t.Px(9), name_px), name_px);
    const float name_w = width_at_title * px / title_font->FontSize;
    ImVec2 text_pos(a.x + pad, detail == GraphDetail::kFull ? a.y + t.Px(8) * zoom_ : (a.y + b.y - px) / 2);
    if (text_pos.x + name_w > text_right + 0.5f) ++stats_.labels_cut;
    dl->AddText(title_font, px, text_pos, t.text, name.c_str(), nullptr, 0, &clip);
    ++stats_.labels_drawn;
    const float css = px / t.dpr;
    if (stats_.label_px_min == 0 || css < stats_.label_px_min) stats_.label_px_min = css;
    if (detail != GraphDetail::kFull) continue;

    char line[160];
    std::snprintf(line, sizeof line, "%s · %s%s", spec.phases[v].agent.c_str(), StateLabel(nm.state),
                  nm.stale ? " · stale" : "");
    ImVec2 sub_pos(text_pos.x, text_pos.y + name_px + t.Px(2) * zoom_);
    dl->AddText(small_font, small_px, sub_pos, t.text_muted, line, nullptr, 0, &clip);
    const std::string detail_line =
        nm.detail.empty() ? std::to_string(spec.phases[v].produces.size()) + " artifact" +
                                (spec.phases[v].produces.size() == 1 ? "" : "s")
                          : nm.detail;
    ImVec2 det_pos(sub_pos.x, sub_pos.y + small_px + t.Px(2) * zoom_);
    dl->AddText(small_font, small_px, det_pos, t.text_muted, detail_line.c_str(), nullptr, 0, &clip);
    if (!nm.badge.empty()) {
      ImVec2 sz = small_font->CalcTextSizeA(small_px, 1e9f, 0, nm.badge.c_str());
      ImVec2 bp(b.x - sz.x - pad, det_pos.y);
      dl->AddRectFilled(ImVec2(bp.x - t.Px(4), bp.y - t.Px(2)), ImVec2(bp.x + sz.x + t.Px(4), bp.y + sz.y + t.Px(2)),
                        t.surface, t.Px(4));
      dl->AddText(small_font, small_px, bp, nm.badge_alert ? t.state_failed : t.state_stale, nm.badge.c_str());
    }
  }
  dl->PopClipRect();
}

void DagView::DrawLegend(const DagModel& model, ImVec2 p0) {
  // Says what the two highlights mean, only while one is on the graph.
  const Theme& t = CurrentTheme();
  const bool any_crit = std::find(model.critical.begin(), model.critical.end(), 1) != model.critical.end();
  const bool any_impact =
      std::any_of(model.nodes.begin(), model.nodes.end(), [](const DagNodeModel& n) { return n.impacted; });
  if (!any_crit && !any_impact) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* f = Font(TypeSize::kSmall);
  ImVec2 pos(p0.x + t.Px(16), p0.y + t.Px(8));
  auto chip = [&](ImU32 color, const char* text) {
    ImVec2 sz = f->CalcTextSizeA(f->FontSize, 1e9f, 0, text);
    dl->AddRectFilled(ImVec2(pos.x - t.Px(8), pos.y - t.Px(4)), ImVec2(pos.x + t.Px(24) + sz.x + t.Px(8), pos.y + sz.y + t.Px(4)),
                      t.surface, t.Px(4));
    dl->AddRectFilled(ImVec2(pos.x, pos.y + sz.y / 2 - t.Px(2)), ImVec2(pos.x + t.Px(16), pos.y + sz.y / 2 + t.Px(2)), color);
    dl->AddText(f, f->FontSize, ImVec2(pos.x + t.Px(24), pos.y), t.text, text);
    pos.x += t.Px(24) + sz.x + t.Px(24);
  };
  if (any_crit) chip(t.accent, "critical path (last run)");
  if (any_impact) chip(t.state_stale, "affected by your edit");
}

}  // namespace specwave::ui
