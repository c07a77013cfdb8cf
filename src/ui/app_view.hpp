// AppView: the whole window — top bar, banner, DAG canvas with the run
// timeline under it, and the side panel (phase, artifact, run, settings,
// projects). Reads the session's snapshot, keeps view state, sends commands.
#pragma once

#include <array>
#include <memory>

#include "session/session.hpp"
#include "ui/dag_view.hpp"
#include "ui/field_layout.hpp"
#include "ui/markdown_view.hpp"
#include "ui/panels.hpp"
#include "ui/ui_state.hpp"

namespace specwave::ui {

class AppView {
 public:
  void Draw(const SessionSnapshot& snap, Session& session, HostServices* host, const UiResources& resources);
  int phases_drawn() const { return dag_.phases_drawn(); }
  const std::vector<std::string>& badges_drawn() const { return dag_.badges_drawn(); }
  CanvasRenderer& renderer() { return dag_.renderer(); }
  const GraphStats& graph_stats() const { return dag_.stats(); }
  const MarkdownDrawn& markdown_drawn() const { return markdown_drawn_; }  // the last whole frame's
  UiState& state() { return state_; }
  const ClippedLabels& clipped_labels() const { return clipped_; }  // the last whole frame's
  // A palette command (command_palette.cpp: "run", "fit", "tab:settings",
  // "artifact:prd.md", ...) carried out at the start of the next frame.
  void QueueCommand(const std::string& name) { queued_.push_back(name); }

 private:
  DagModel BuildDagModel(const SessionSnapshot& snap) const;
  // app_shell.cpp: the split, the timeline fold, remembered prefs.
  void LoadPrefs(ViewContext& ctx);
  void DrawTimelineFold(ViewContext& ctx, float height);
  void DrawSplitter(ViewContext& ctx, float width, float height);
  // app_keys.cpp: the keys (and the "?" overlay); command_palette.cpp; first_run.cpp.
  void HandleKeys(ViewContext& ctx);
  void DrawOverlays(ViewContext& ctx);
  void DrawKeysHelp(ViewContext& ctx);
  void DrawCommandPalette(ViewContext& ctx);
  void DrawFirstRun(ViewContext& ctx);
  void RunCommand(ViewContext& ctx, const std::string& name);
  DagView dag_;
  UiState state_;
  const void* last_layout_ = nullptr;
  MarkdownDrawn markdown_drawn_;
  ClippedLabels clipped_;
  bool side_focused_ = false;
  std::vector<std::string> queued_;
  DagModel dag_model_;
  std::array<std::shared_ptr<const void>, 3> dag_model_from_;  // the snapshot parts dag_model_ was built from
};

}  // namespace specwave::ui
