#include "ui/graph_view_geometry.hpp"

#include <algorithm>

namespace specwave::ui {

GraphGeometry ComputeGeometry(const DagLayout& layout, const std::vector<float>& name_widths,
                              GraphOrientation orientation) {
  GraphGeometry g;
  g.orientation = orientation;
  const size_t n = layout.nodes.size();
  g.nodes.resize(n);
  if (n == 0) return g;
  float widest = 0;
  for (float w : name_widths) widest = std::max(widest, w);
  g.node_w = std::clamp(widest + 2 * kNodePadX, kNodeMinW, kNodeMaxW);
  g.node_h = kNodeH;

  int levels = 0, max_rows = 0;
  for (const auto& b : layout.nodes) levels = std::max(levels, b.level + 1);
  std::vector<int> rows(levels, 0);
  for (const auto& b : layout.nodes) rows[b.level] = std::max(rows[b.level], b.row + 1);
  for (int r : rows) max_rows = std::max(max_rows, r);

  const bool lr = orientation == GraphOrientation::kLeftToRight;
  // Along a level's axis: node pitch; across: level pitch.
  const float row_pitch = lr ? g.node_h + kRowGapLR : g.node_w + kRowGapTD;
  const float level_pitch = lr ? g.node_w + kLevelGapLR : g.node_h + kLevelGapTD;
  const float row_extent = lr ? g.node_h : g.node_w;
  const float level_extent = lr ? g.node_w : g.node_h;
  const float span = max_rows * row_pitch - (row_pitch - row_extent);
  for (size_t i = 0; i < n; ++i) {
    const auto& b = layout.nodes[i];
    const float level_span = rows[b.level] * row_pitch - (row_pitch - row_extent);
    const float along = (span - level_span) / 2 + b.row * row_pitch;  // each level centred, as DagLayout does
    const float across = b.level * level_pitch;
    g.nodes[i] = lr ? GraphBox{across, along, g.node_w, g.node_h} : GraphBox{along, across, g.node_w, g.node_h};
  }
  const float depth = levels * level_pitch - (level_pitch - level_extent);
  g.width = lr ? depth : span;
  g.height = lr ? span : depth;
  return g;
}

namespace {

float FitZoom(const GraphGeometry& g, float canvas_w, float canvas_h) {
  if (g.width <= 0 || g.height <= 0) return 1;
  return std::min((canvas_w - 2 * kFitPad) / g.width, (canvas_h - 2 * kFitPad) / g.height);
}

}  // namespace

ViewFit FitToCanvas(const DagLayout& layout, const std::vector<float>& name_widths, float canvas_w, float canvas_h) {
  GraphGeometry lr = ComputeGeometry(layout, name_widths, GraphOrientation::kLeftToRight);
  GraphGeometry td = ComputeGeometry(layout, name_widths, GraphOrientation::kTopDown);
  const float z_lr = FitZoom(lr, canvas_w, canvas_h);
  const float z_td = FitZoom(td, canvas_w, canvas_h);
  ViewFit f;
  // Left-to-right reads as a pipeline: keep it unless top-down is clearly bigger.
  f.geometry = z_td > z_lr * 1.05f ? std::move(td) : std::move(lr);
  const bool lr_kept = f.geometry.orientation == GraphOrientation::kLeftToRight;
  f.zoom = std::clamp(lr_kept ? z_lr : z_td, kMinFitZoom, kMaxFitZoom);
  const float gw = f.geometry.width * f.zoom, gh = f.geometry.height * f.zoom;
  // Centred when it fits. When it does not (a large workflow at the smallest
  // fitted zoom), the first level starts at the edge and the view is centred
  // across on the first phase, where reading starts; the minimap shows the rest.
  int first = 0;
  for (size_t i = 0; i < layout.nodes.size(); ++i)
    if (layout.nodes[i].level == 0) {
      first = static_cast<int>(i);
      break;
    }
  const GraphBox& root = f.geometry.nodes[first];
  auto place = [&](float graph, float canvas, float root_mid) {
    if (graph <= canvas - 2 * kFitPad) return (canvas - graph) / 2;
    return std::clamp(canvas / 2 - root_mid * f.zoom, canvas - kFitPad - graph, kFitPad);
  };
  const bool levels_along_x = f.geometry.orientation == GraphOrientation::kLeftToRight;
  f.pan_x = levels_along_x && gw > canvas_w - 2 * kFitPad ? kFitPad : place(gw, canvas_w, root.x + root.w / 2);
  f.pan_y = !levels_along_x && gh > canvas_h - 2 * kFitPad ? kFitPad : place(gh, canvas_h, root.y + root.h / 2);
  return f;
}

}  // namespace specwave::ui
