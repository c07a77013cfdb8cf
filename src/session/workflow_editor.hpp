// WorkflowEditor: a person writing the open project's workflow spec (issue
// #19). Every edit is checked by the same spec loader the CLI uses, on the
// command thread (never the render thread); the problems, with line and
// column, and the graph of the last valid draft are published in the
// snapshot's WorkflowPart. Only Apply() changes the project's working spec,
// and only with a valid draft: it is recorded as the workflow's next version
// (engine Regenerator::RecordWorkflowEdit), the phases whose definition
// changed and their dependents are marked stale with the reason, and the
// edit is kept for Regenerate() like an edited artifact.
//
//   session.OfferWorkflow(text);      // any thread; only the latest text is checked
//   snap->workflow->problems          // line, column, message
//   session.ApplyWorkflow();          // the draft becomes the project's workflow
//
// Threads: Offer() may be called from any thread (it keeps the latest text
// under a lock and posts a check); every other method runs on the command thread.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "engine/workflow_yaml_edit.hpp"
#include "session/artifact_viewer.hpp"
#include "session/editor.hpp"
#include "session/session_core.hpp"

namespace specwave {

class WorkflowEditor {
 public:
  WorkflowEditor(SessionCore core, ArtifactViewer& viewer, Editor& editor)
      : core_(core), viewer_(viewer), editor_(editor) {}

  // Any thread: the latest text to check; returns its sequence number.
  uint64_t Offer(std::string text);
  // Command thread: checks the latest offered text (older ones are skipped).
  void CheckLatest();
  // Command thread: follows the open project (opened, created, deleted).
  void Sync();
  void Apply();
  void Discard();  // back to the project's working workflow
  // A per-phase setting written into the working workflow's text (comments
  // and order kept) and applied at once, as a recorded change.
  void SetPhaseSetting(const PhaseSetting& setting);

 private:
  void Load(int64_t project_id);            // the project's workflow, its versions
  void Check(const std::string& text, uint64_t seq);
  // Records `text` as the project's workflow; false (with a banner) if it cannot.
  bool Record(const std::string& text);

  SessionCore core_;
  ArtifactViewer& viewer_;
  Editor& editor_;
  std::mutex offer_mu_;
  std::string offered_;       // guarded by offer_mu_
  uint64_t offered_seq_ = 0;  // guarded by offer_mu_
  int64_t offered_project_ = 0;  // guarded by offer_mu_: the project open when it was offered
  uint64_t checked_seq_ = 0;  // command thread only
  // Command thread only: the project's working workflow text and name, and
  // the working spec the part was loaded for (to notice a project reopened).
  std::string working_yaml_;
  std::string workflow_name_ = "workflow.yml";
  std::shared_ptr<const WorkflowSpec> loaded_spec_;
};

}  // namespace specwave
