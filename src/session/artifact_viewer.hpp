// ArtifactViewer: the open project's artifacts as the UI shows them — the
// list with stale marks and stored findings, the artifact open in the
// viewer with its versions, the shown version rendered (blocks, swatches)
// and two versions compared (line diff, section diff). md4c parsing and
// diffing are engine work: they run here, on the command thread, never
// while drawing.
//
// Every method runs on the command thread (Session posts them).
#pragma once

#include <string>

#include "session/session_core.hpp"

namespace specwave {

class ArtifactViewer {
 public:
  explicit ArtifactViewer(SessionCore core) : core_(core) {}

  void Open(const std::string& artifact);
  void ShowVersion(int version);                   // 0 = latest
  void Compare(int old_version, int new_version);  // 0, 0 = stop comparing
  // Re-reads the artifacts, the open artifact's versions and the stored
  // findings (after a phase ends, an edit, a load), and re-prepares the view.
  void Reload();
  // Forgets the open artifact (a project was loaded or deleted).
  void Close();

 private:
  void Prepare();  // renders the shown version and diffs the compared pair

  SessionCore core_;
};

}  // namespace specwave
