// DagView: the workflow drawn as a DAG — levels as columns (or rows, when
// top-down shows it bigger: graph_view_geometry.hpp), edges and background by
// CanvasRenderer (our GLSL), nodes and labels by ImGui.
// Fitted to its canvas on load and on resize (until the person zooms or pans);
// wheel zooms at the mouse, drag pans, keys + − 0 zoom in, out, refit. Level
// of detail: title and two lines at readable zoom, names only when small, no
// text when tiny; a minimap (graph_view_minimap.cpp) when the graph is larger
// than the view. It only reads the model it is given and reports what the
// user did.
#pragma once

#include <string>
#include <vector>

#include "session/dag_layout.hpp"
#include "ui/canvas_renderer.hpp"
#include "ui/graph_view_geometry.hpp"

namespace specwave::ui {

enum class NodeState { kWaiting, kRunning, kDone, kFailed, kSkipped, kAwaitingApproval, kCancelled };

struct DagNodeModel {
  NodeState state = NodeState::kWaiting;
  std::string detail;     // one line under the title, e.g. "3 artifacts · 4.1 s"
  bool stale = false;     // an upstream edit made its artifacts out of date
  bool impacted = false;  // lit by the impact panel
  std::string badge;      // e.g. "HIGH", "2 gaps"
  bool badge_alert = false;  // drawn in the failure colour (gaps, errors)
  float progress = -1;    // fan-out progress 0..1, or -1
};

struct DagModel {
  const WorkflowSpec* spec = nullptr;
  const DagLayout* layout = nullptr;
  std::vector<DagNodeModel> nodes;      // per phase
  std::vector<char> critical;           // per phase: on the last run's critical path
};

struct DagEvents {
  int clicked = -1;  // phase index clicked this frame
};

enum class GraphDetail { kFull, kNames, kShapes };
const char* GraphDetailName(GraphDetail d);  // "full", "names", "shapes"

// What the last frame showed, for the page's test hook (CSS px).
struct GraphStats {
  float canvas_x = 0, canvas_y = 0, canvas_w = 0, canvas_h = 0;
  float graph_w = 0, graph_h = 0;  // the whole graph on screen at the current zoom
  float fit_ratio = 0;             // max(graph_w / canvas_w, graph_h / canvas_h): ~1 = fills the canvas
  float zoom = 1;
  float label_px_min = 0;          // smallest phase-name text drawn (0 when none)
  int labels_drawn = 0;
  int labels_cut = 0;              // names wider than their box, cut at its edge
  int nodes_on_screen = 0;
  GraphDetail detail = GraphDetail::kFull;
  GraphOrientation orientation = GraphOrientation::kLeftToRight;
  bool minimap = false;
  bool user_moved = false;         // zoomed or panned since the last fit
  int fits = 0;                    // times fitted (load, resize, key 0)
};

class DagView {
 public:
  void Draw(const DagModel& model, int selected, DagEvents* events);
  void ResetView() {
    fitted_ = false;
    user_moved_ = false;
    names_for_ = nullptr;
  }
  int phases_drawn() const { return phases_drawn_; }
  // The badge each phase's node showed in the last frame ("" for none).
  const std::vector<std::string>& badges_drawn() const { return badges_drawn_; }
  const GraphStats& stats() const { return stats_; }
  CanvasRenderer& renderer() { return renderer_; }
  // Keys + − 0 (zoom in, out, fit) and the command palette call these
  // (app_keys.cpp owns the keyboard).
  void ZoomBy(float factor);
  void Refit() { fitted_ = false; user_moved_ = false; }
  // graph_view_keys.cpp: the phase nearest to `from` in a direction on the
  // drawn graph (dx, dy in -1..1), or the first phase when `from` is -1;
  // `from` itself when there is none that way.
  int Neighbour(int from, int dx, int dy) const;
  // Phases in reading order (level by level, row by row), for Tab.
  std::vector<int> ReadingOrder() const;
  // Pans just enough to show `phase` (a keyboard selection off screen).
  void Reveal(int phase);

 private:
  void FitIfNeeded(const DagModel& model, float canvas_w, float canvas_h);
  void HandleMouse(ImVec2 p0, bool hovered);
  void DrawNodes(const DagModel& model, int selected, ImVec2 p0, ImVec2 p1, bool hovered, DagEvents* events);
  void DrawLegend(const DagModel& model, ImVec2 p0);
  // graph_view_minimap.cpp: true while the person drags in the minimap.
  bool DrawMinimap(const DagModel& model, ImVec2 p0, ImVec2 p1, bool hovered);

  CanvasRenderer renderer_;
  bool renderer_tried_ = false;
  GraphGeometry geometry_;
  std::vector<float> name_widths_;  // CSS px at the title size, per phase
  const void* names_for_ = nullptr;
  float names_dpr_ = 0;
  ImVec2 pan_ = ImVec2(0, 0);  // device px from the canvas' top-left
  float zoom_ = 1;
  bool fitted_ = false;
  bool user_moved_ = false;
  bool minimap_drag_ = false;
  float fitted_w_ = 0, fitted_h_ = 0;  // canvas size (CSS px) at the last fit
  ImVec2 canvas_size_ = ImVec2(0, 0);  // device px, this frame
  int phases_drawn_ = 0;
  std::vector<std::string> badges_drawn_;
  GraphStats stats_;
};

}  // namespace specwave::ui
