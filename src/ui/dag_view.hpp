// DagView: the workflow drawn as a DAG — columns by dependency level, edges
// and background by CanvasRenderer (our GLSL), nodes and labels by ImGui.
// Pan with drag on empty canvas, zoom with the wheel, click a node to select.
// It only reads the model it is given and reports what the user did.
#pragma once

#include <string>
#include <vector>

#include "session/dag_layout.hpp"
#include "ui/canvas_renderer.hpp"

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

class DagView {
 public:
  void Draw(const DagModel& model, int selected, DagEvents* events);
  void ResetView() { fitted_ = false; }
  int phases_drawn() const { return phases_drawn_; }
  // The badge each phase's node showed in the last frame ("" for none).
  const std::vector<std::string>& badges_drawn() const { return badges_drawn_; }
  CanvasRenderer& renderer() { return renderer_; }

 private:
  CanvasRenderer renderer_;
  bool renderer_tried_ = false;
  ImVec2 pan_ = ImVec2(0, 0);
  float zoom_ = 1;
  bool fitted_ = false;
  int phases_drawn_ = 0;
  std::vector<std::string> badges_drawn_;
};

}  // namespace specwave::ui
