// Small view preferences kept on this device (localStorage, "specwave.ui.*"):
// the graph/panel split, the timeline folded, the first-run screen seen.
// Main thread only. Never project data, never keys.
#pragma once

#include <string>

namespace specwave::web {

std::string LoadUiPref(const std::string& key);  // "" when unset or storage is off
void SaveUiPref(const std::string& key, const std::string& value);

}  // namespace specwave::web
