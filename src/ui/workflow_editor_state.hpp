// View state of the workflow editor, the phase settings form and the
// workflow picker of a new project (issue #19). UI thread only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace specwave::ui {

struct WorkflowEditorState {
  // Editor: the text being typed; it follows the session's text whenever the
  // session replaces it (a project opened, a change applied).
  std::string buffer;
  uint64_t revision = ~uint64_t{0};
  int64_t project_id = -1;
  int marked_line = 0;  // the offending line drawn marked last frame (0 = none; read by the test hook)
  int lines_drawn = 0;  // line numbers drawn last frame
  int cursor_line = 0;  // where the text cursor was last frame (0-based), to keep it in view
  int scroll_to_line = 0;  // a problem clicked: scroll the editor there (1-based; 0 = none)
  bool draft_drawn = false;  // the DAG showed the draft last frame (read by the test hook)

  // The last change's diff, as lines ("- old", "+ new"), made once per diff.
  const void* diff_for = nullptr;
  std::vector<std::string> diff_lines;

  // Phase settings form, for the phase it was filled from.
  int settings_phase = -1;
  const void* settings_spec = nullptr;
  std::string prompt;
  std::string gates;  // comma-separated

  // New project: which workflow (0 = bundled default, 1..n bundled examples,
  // then "paste or upload", then "of a project").
  int choice = 0;
  std::string pasted;
  int64_t source_project = 0;
};

}  // namespace specwave::ui
