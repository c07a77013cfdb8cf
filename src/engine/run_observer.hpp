// What a run tells the front end while it goes: status changes, streamed
// text, findings. Called from engine threads (the coordinator and the phase
// workers); an implementation must be thread-safe and must not block for long.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/outcomes.hpp"
#include "engine/phase_checks.hpp"

namespace specwave {

struct RunReport;

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void OnRunStarted(int64_t run_id) {}
  virtual void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) {}
  virtual void OnText(int phase, int item, const std::string& chunk) {}
  virtual void OnFindings(int phase, const std::vector<ArtifactFinding>& findings) {}
  // A phase failed on its reply (refused, unusable, validators failed after
  // its repairs): the reply as the model sent it, for the phase panel. It is
  // never stored as an artifact; the phase's record keeps it.
  virtual void OnFailedReply(int phase, const std::string& raw_reply) {}
  virtual void OnRunFinished(const RunReport& report) {}
};

}  // namespace specwave
