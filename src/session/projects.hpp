// Projects: the list, create, open (load), rename, delete, and single-file
// export and import. Loading a project fills the project, run, settings and
// viewer parts together, and continues a run that was interrupted (a tab
// closed mid-run) without re-running what had finished.
//
// Every method runs on the command thread (Session posts them).
#pragma once

#include <functional>
#include <string>

#include "session/artifact_viewer.hpp"
#include "session/editor.hpp"
#include "session/run_controller.hpp"
#include "session/session_core.hpp"

namespace specwave {

class Projects {
 public:
  Projects(SessionCore core, ArtifactViewer& viewer, Editor& editor, RunController& runs)
      : core_(core), viewer_(viewer), editor_(editor), runs_(runs) {}

  void Refresh();
  void Create(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
              const std::string& workflow_name);
  void Open(int64_t id);
  void OpenLatest();
  void OpenLatestOrCreate(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                          const std::string& workflow_name);
  void Rename(int64_t id, const std::string& name);
  void Delete(int64_t id);
  void Export(const std::function<void(const std::string& file_name, const std::string& content)>& done);
  void Import(const std::string& content);
  // Asked once at start: whether the store is read-only, not kept, or unwell.
  void CheckStore();

 private:
  SessionCore core_;
  ArtifactViewer& viewer_;
  Editor& editor_;
  RunController& runs_;
};

}  // namespace specwave
