// RunController: runs of the open project — start, resume, cancel, approve a
// gate, regenerate after an edit — and the settings and key that decide
// which provider a run uses.
//
// Threads: every method but Cancel() runs on the command thread (Session
// posts them). A run executes on the run thread, one at a time, so the
// project stays browsable while it runs; its observer turns run events into
// model changes from engine threads. Cancel() may be called from any thread
// and acts at once.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/cancel.hpp"
#include "engine/run_report.hpp"
#include "engine/workflow_runner.hpp"
#include "session/artifact_viewer.hpp"
#include "session/editor.hpp"
#include "session/session_core.hpp"

namespace specwave {

class RunController {
 public:
  RunController(SessionCore core, ArtifactViewer& viewer, Editor& editor);
  ~RunController();  // cancels a run in flight and waits for it
  RunController(const RunController&) = delete;
  RunController& operator=(const RunController&) = delete;

  void Start(ScheduleMode mode);
  void Resume();
  void Cancel();  // any thread
  void Approve(const std::string& phase, const std::string& gate);
  void Regenerate(Strategy strategy, const std::vector<std::string>& selection, bool overwrite_user_edits);
  void UpdateSettings(const SessionSettings& settings, const std::optional<std::string>& api_key);
  bool has_key() const { return !api_key_.empty(); }
  bool busy() const { return core_.model.Get<RunPart>()->running; }
  // Waits for the run thread (shutdown).
  void Join();

 private:
  using Job = std::function<RunReport(LlmProvider& provider, RunObserver* observer, const CancelToken& cancel,
                                      int64_t project, int64_t run_id)>;
  // Starts `job` on the run thread (one at a time); false with a banner if it cannot.
  // `fresh`: a new run, whose phases start from "waiting" (cleared before the
  // run thread starts, so no event of the new run is wiped).
  bool StartJob(const Job& job, bool fresh);
  Job RunJob(ScheduleMode mode, bool resume);
  void Finish(const RunReport& report);

  SessionCore core_;
  ArtifactViewer& viewer_;
  Editor& editor_;
  std::string api_key_;  // command thread only; memory only, never logged, stored or exported

  std::mutex cancel_mu_;
  CancelToken cancel_;  // guarded by cancel_mu_ (replaced per run, cancelled from any thread)

  std::mutex run_mu_;
  std::shared_ptr<WorkflowRunner> runner_;  // guarded by run_mu_: set by the run thread, read by Approve
  std::thread run_thread_;                  // command thread only (started, joined)
  std::unique_ptr<LlmProvider> provider_;   // replaced only after the run thread is joined
};

}  // namespace specwave
