// AppView: the whole window — top bar, DAG canvas, side panel. Reads the
// app's current model and reports user intents; owns only view state
// (selection, pan/zoom, open tabs).
#pragma once

#include <memory>
#include <string>

#include "engine/dag_layout.hpp"
#include "engine/plan.hpp"
#include "engine/spec.hpp"
#include "ui/dag_view.hpp"

namespace specwave::ui {

struct AppModel {
  std::shared_ptr<const WorkflowSpec> spec;
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const DagLayout> layout;
  std::string project_name;
  std::string provider_label;  // e.g. "Offline generator (rules — not a language model)"
  std::string load_error;      // shown instead of the DAG when the spec failed to load
};

class AppView {
 public:
  void Draw(const AppModel& model);
  int phases_drawn() const { return dag_.phases_drawn(); }
  const CanvasRenderer& renderer() { return dag_.renderer(); }

 private:
  void DrawTopBar(const AppModel& model);
  void DrawSidePanel(const AppModel& model);
  DagView dag_;
  int selected_ = -1;
};

}  // namespace specwave::ui
