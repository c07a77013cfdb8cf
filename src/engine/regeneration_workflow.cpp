// Regenerator::RecordWorkflowEdit: a workflow edit recorded the way an
// artifact edit is (a version, what changed, stale marks with reasons), so
// the regeneration that follows is the usual one (regeneration.cpp).
#include "engine/regeneration.hpp"
#include "engine/workflow_change.hpp"

namespace specwave {

RecordedEdit Regenerator::RecordWorkflowEdit(int64_t project_id, const WorkflowSpec& old_spec,
                                             const std::string& new_yaml) {
  RecordedEdit out;
  WorkflowChange change = CompareWorkflows(old_spec, spec_);
  auto project = store_.GetProject(project_id);
  if (!project) {
    out.error = "no project " + std::to_string(project_id);
    return out;
  }
  if (project->workflow_yaml == new_yaml) {
    out.ok = true;  // the same text: nothing to record
    out.impact = AnalyzeWorkflowImpact(spec_, WorkflowChange{}, {}, "the workflow");
    return out;
  }
  WorkflowVersion v;
  v.project_id = project_id;
  v.yaml = new_yaml;
  v.author = "user";
  v.change_json = change.ToJson();
  if (StoreError err = store_.AddWorkflowVersion(v)) {
    out.error = "the workflow was not saved: " + err.message;
    return out;
  }
  out.version_id = v.id;
  out.impact = AnalyzeWorkflowImpact(spec_, change, History(project_id), "workflow v" + std::to_string(v.version));
  // Artifacts never written yet (a new phase's) have nothing to mark.
  for (const auto& a : out.impact.affected) store_.MarkStale(project_id, a.artifact, a.reason);
  out.ok = true;
  return out;
}

}  // namespace specwave
