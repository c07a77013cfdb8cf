// TimelineView: a Gantt chart of the last run — one row per phase at its
// measured start and end, the critical path outlined in the accent colour,
// and the run's measured figures (makespan, sequential sum, critical-path
// bound, time saved) above it.
#pragma once

#include "session/session.hpp"

namespace specwave::ui {

void DrawTimeline(const SessionSnapshot& snap, float height);

}  // namespace specwave::ui
