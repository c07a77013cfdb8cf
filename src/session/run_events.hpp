// RunEvents: a run's events turned into changes of the session's model —
// phase statuses and gates, streamed text (only the small stream part
// changes per chunk), findings — and a reload of the artifacts when a phase
// ends. Events of a run whose project is no longer open change nothing shown.
//
// Called from engine threads (the run's coordinator and phase workers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/run_observer.hpp"
#include "session/artifact_viewer.hpp"
#include "session/session_core.hpp"

namespace specwave {

class RunEvents final : public RunObserver {
 public:
  RunEvents(SessionCore core, ArtifactViewer& viewer, int64_t project_id)
      : core_(core), viewer_(viewer), project_id_(project_id) {}

  void OnRunStarted(int64_t run_id) override;
  void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) override;
  void OnText(int phase, int item, const std::string& chunk) override;
  void OnFindings(int phase, const std::vector<ArtifactFinding>& findings) override;
  void OnFailedReply(int phase, const std::string& raw_reply) override;

 private:
  bool Shown(const SessionModel::Draft& d) const { return d.Read<ProjectPart>().project_id == project_id_; }

  SessionCore core_;
  ArtifactViewer& viewer_;
  const int64_t project_id_;
};

}  // namespace specwave
