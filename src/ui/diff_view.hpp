// Side-by-side line diff of two versions (rows prepared by the engine), with
// the sections that changed listed above it.
#pragma once

#include <string>

#include "session/session.hpp"

namespace specwave::ui {

void DrawVersionDiff(const SessionSnapshot& snap);

}  // namespace specwave::ui
