// Editor: a person's changes to artifacts — saving an edit as a user version
// (for a workflow artifact with its section change, impact and stale marks,
// ready to regenerate), restoring an old version (itself a new version),
// marking a stale artifact reviewed, dismissing the impact shown.
//
// Every method runs on the command thread (Session posts them).
#pragma once

#include <optional>
#include <string>

#include "engine/regeneration.hpp"
#include "session/artifact_viewer.hpp"
#include "session/session_core.hpp"

namespace specwave {

class Editor {
 public:
  Editor(SessionCore core, ArtifactViewer& viewer) : core_(core), viewer_(viewer) {}

  void Save(const std::string& artifact, const std::string& content);
  void Restore(const std::string& artifact, int version);
  void MarkReviewed(const std::string& artifact);
  void DismissImpact();
  // The last recorded edit of a workflow artifact, for a regeneration; it is
  // kept until a regeneration from it starts (then Forget()).
  const std::optional<RecordedEdit>& last_edit() const { return last_edit_; }
  void Forget() { last_edit_.reset(); }
  // An edit recorded elsewhere (the workflow editor's), to regenerate from.
  void Remember(RecordedEdit edit) { last_edit_ = std::move(edit); }
  void Clear();  // a project was loaded or deleted

 private:
  SessionCore core_;
  ArtifactViewer& viewer_;
  std::optional<RecordedEdit> last_edit_;  // command thread only
};

}  // namespace specwave
