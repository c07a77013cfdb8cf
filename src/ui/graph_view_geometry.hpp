// Where the DAG view puts each node, in CSS px at zoom 1, and the zoom and
// pan that fit the graph to its canvas (issue #18.1).
//
// The session's DagLayout gives each phase a level (column) and a row; this
// file turns them into boxes sized for the labels the view draws, either
// left-to-right (levels as columns) or top-down (levels as rows). Fitting
// tries both and keeps the one that shows the graph bigger: the default
// workflow is six levels deep and at most three wide, which reads at 12 px
// only top-down in the canvas beside the side panel at 1280×800.
//
//   GraphGeometry g = ComputeGeometry(layout, name_widths_css);
//   ViewFit f = FitToCanvas(layout, name_widths_css, canvas_css_w, canvas_css_h);
//   // f.geometry.nodes[i] at zoom f.zoom, offset by f.pan (CSS px)
#pragma once

#include <vector>

#include "session/dag_layout.hpp"

namespace specwave::ui {

enum class GraphOrientation { kLeftToRight, kTopDown };

struct GraphBox {
  float x = 0, y = 0, w = 0, h = 0;
};

struct GraphGeometry {
  GraphOrientation orientation = GraphOrientation::kLeftToRight;
  std::vector<GraphBox> nodes;  // per phase, CSS px at zoom 1
  float width = 0, height = 0;
  float node_w = 0, node_h = 0;
};

// Node sizes in CSS px at zoom 1 (the 8-pt grid): the title is the body size
// (14 px), two small lines (12 px) under it: 8 + 14 + 2 + 12 + 2 + 12 + 6.
// 56 rather than 64 is what lets the default workflow fit top-down at a zoom
// that keeps its names at 12 px or more at 1280×800.
constexpr float kNodeH = 56;
constexpr float kNodeMinW = 160;
constexpr float kNodeMaxW = 280;  // longer names are cut with an ellipsis
constexpr float kNodePadX = 16;
constexpr float kLevelGapLR = 48, kRowGapLR = 24;
constexpr float kLevelGapTD = 32, kRowGapTD = 24;
constexpr float kFitPad = 16;         // CSS px between the graph and the canvas edge
constexpr float kMaxFitZoom = 1.5f;   // a tiny workflow is not blown up past this
constexpr float kMinFitZoom = 0.5f;   // below this the fitted view would be all dots: show a minimap instead
constexpr float kMinZoom = 0.15f, kMaxZoom = 3.0f;

// `name_widths`: each phase name's width in CSS px at the title size.
GraphGeometry ComputeGeometry(const DagLayout& layout, const std::vector<float>& name_widths,
                              GraphOrientation orientation);

struct ViewFit {
  GraphGeometry geometry;
  float zoom = 1;
  float pan_x = 0, pan_y = 0;  // CSS px from the canvas' top-left to the graph's
};

ViewFit FitToCanvas(const DagLayout& layout, const std::vector<float>& name_widths, float canvas_w, float canvas_h);

}  // namespace specwave::ui
