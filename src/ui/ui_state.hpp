// View state of the UI: what is selected, which panel is open, what the
// person is typing. Owned by the UI thread; never read by the engine.
#pragma once

#include <cstdint>
#include <cstdint>
#include <string>
#include <vector>

#include "session/session.hpp"
#include "ui/shell_state.hpp"
#include "ui/workflow_editor_state.hpp"

namespace specwave::ui {

enum class SideTab { kPhase, kArtifact, kImpact, kRun, kSettings, kProjects, kWorkflow };

struct UiState {
  int selected_phase = -1;
  SideTab tab = SideTab::kPhase;
  bool tab_request = false;  // switch to `tab` on the next frame (set by ShowTab)
  void ShowTab(SideTab t) {
    tab = t;
    tab_request = true;
  }
  bool show_timeline = true;
  ShellState shell;  // split, palette, keys overlay, first-run screen (#18.3-18.5)
  int run_mode = 0;  // 0 ready, 1 waves, 2 sequential

  // Artifact panel.
  std::string artifact;            // open artifact name
  bool editing = false;
  std::string edit_buffer;
  int view_version = 0;            // 0 = latest
  int diff_old = 0, diff_new = 0;  // version numbers; 0 = off
  int view_mode = 0;               // 0 rendered, 1 source, 2 compare versions, 3 swatches (design tokens)

  // Impact panel.
  int strategy = 0;                // index into the four strategies
  std::vector<std::string> manual; // artifacts picked for manual_review
  bool overwrite_edits = false;
  uint64_t impact_seen = 0;

  // Settings form (the key stays in this buffer only until applied).
  bool settings_loaded = false;
  SessionSettings settings_form;
  std::string key_buffer;
  bool remember_key = false;

  // Projects panel.
  std::string new_name;
  std::string new_brief;
  int sample_brief = 0;
  int64_t confirm_delete = 0;
  std::string confirm_delete_set_aside;  // a set-aside database file awaiting "Delete for good"
  int set_aside_rows_drawn = 0;          // last frame's, for the browser tests
  int64_t renaming = 0;
  std::string rename_buffer;
  bool dismissed_banner_seq_valid = false;
  std::string dismissed_banner;

  WorkflowEditorState workflow;  // workflow editor, phase settings, new project's workflow
};

}  // namespace specwave::ui
