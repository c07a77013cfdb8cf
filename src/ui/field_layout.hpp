// Labels that are never cut off (issue #18.3). ImGui puts a widget's label to
// the right of a field 65% of the window wide; in a narrow side panel the
// label runs past the edge. Field() puts the label beside the field when
// both fit and above it when they do not; CheckClipped() after any labelled
// item records it if its label still ends past the visible edge, and the
// page's test hook lists those (the widgets report, the tests assert none).
//
//   if (ImGui::SliderInt(Field("Calls in flight"), &n, 1, 16)) ...;
//   CheckClipped("Calls in flight");
#pragma once

#include <string>
#include <vector>

namespace specwave::ui {

// Lays out the label (beside or above) and sets the next item's width;
// returns the label id to pass to the widget (valid until the next call).
const char* Field(const char* label);
// A checkbox whose label wraps at the panel's edge.
bool CheckboxWrapped(const char* label, bool* value);
// Records `label` if the last item ends past the window's visible right edge.
void CheckClipped(const char* label);
// Tab labels shrunk below their text by a crowded tab bar.
void CheckTabClipped(const char* label);

struct ClippedLabels {
  int checked = 0;                 // labelled items checked
  std::vector<std::string> clipped;
};
ClippedLabels TakeClippedLabels();  // since the last call (the app takes it once a frame)

}  // namespace specwave::ui
