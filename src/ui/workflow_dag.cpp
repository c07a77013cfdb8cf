#include "ui/workflow_dag.hpp"

namespace specwave::ui {

bool ShowsDraft(const WorkflowPart& w, bool editor_open) {
  return editor_open && w.valid && w.dirty && w.spec && w.layout;
}

DagModel BuildDraftDagModel(const WorkflowPart& w) {
  DagModel dm;
  dm.spec = w.spec.get();
  dm.layout = w.layout.get();
  dm.nodes.resize(w.spec->phases.size());
  dm.critical.assign(w.spec->phases.size(), 0);
  // changed_phases holds "NAME: what changed" lines.
  for (const auto& line : w.changed_phases) {
    const size_t colon = line.find(": ");
    if (colon == std::string::npos) continue;
    const int i = w.spec->IndexOf(line.substr(0, colon));
    if (i < 0) continue;
    const bool added = line.compare(colon + 2, std::string::npos, "new phase") == 0;
    dm.nodes[i].badge = added ? "new" : "changed";
    dm.nodes[i].impacted = true;
    dm.nodes[i].detail = line.substr(colon + 2);
  }
  return dm;
}

}  // namespace specwave::ui
