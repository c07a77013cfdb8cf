// The graph of a workflow draft (issue #19): while the workflow editor holds
// a valid draft that differs from the project's workflow, the canvas shows
// the draft — every phase waiting, the ones the change touches badged
// "changed" or "new" — so a person sees the shape of what they type.
#pragma once

#include "session/snapshot.hpp"
#include "ui/dag_view.hpp"

namespace specwave::ui {

// True when the canvas should show the draft instead of the project's run.
bool ShowsDraft(const WorkflowPart& w, bool editor_open);
DagModel BuildDraftDagModel(const WorkflowPart& w);

}  // namespace specwave::ui
