// AppView: the whole window — top bar, banner, DAG canvas with the run
// timeline under it, and the side panel (phase, artifact, run, settings,
// projects). Reads the session's snapshot, keeps view state, sends commands.
#pragma once

#include "session/session.hpp"
#include "ui/dag_view.hpp"
#include "ui/panels.hpp"
#include "ui/ui_state.hpp"

namespace specwave::ui {

class AppView {
 public:
  void Draw(const SessionSnapshot& snap, Session& session, HostServices* host, const UiResources& resources);
  int phases_drawn() const { return dag_.phases_drawn(); }
  const std::vector<std::string>& badges_drawn() const { return dag_.badges_drawn(); }
  CanvasRenderer& renderer() { return dag_.renderer(); }
  UiState& state() { return state_; }

 private:
  DagModel BuildDagModel(const SessionSnapshot& snap) const;
  DagView dag_;
  UiState state_;
  const void* last_layout_ = nullptr;
  float last_side_w_ = 0;
};

}  // namespace specwave::ui
