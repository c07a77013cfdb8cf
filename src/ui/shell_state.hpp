// View state of the window's shell (issue #18.3–18.5): the graph/panel
// split and the timeline fold (both remembered on the device through
// HostServices prefs), the command palette, the keys overlay, the first-run
// screen. UI thread only.
#pragma once

#include <array>
#include <map>
#include <string>

namespace specwave::ui {

struct ShellState {
  bool prefs_loaded = false;
  float side_w = 0;            // CSS px of the side panel; 0 = the default for the window
  bool palette_open = false;
  bool palette_focus = false;  // give the query field the keyboard on the next frame
  std::string palette_query;
  int palette_selected = 0;
  int palette_items = 0;       // shown last frame (test hook)
  int palette_commands = 0;    // commands + artifacts it offers in all
  bool help_open = false;
  bool first_run_open = false;
  std::string last_command;    // the last command run from the palette or a key (test hook)
  // Where some controls were drawn last frame (CSS px: x, y, w, h), so the
  // browser tests can click them as a person would.
  std::map<std::string, std::array<float, 4>> targets;
  void Target(const std::string& name, float dpr);  // the last ImGui item (app_shell.cpp)
};

}  // namespace specwave::ui
