// Session: the engine as an interactive front end sees it — one open project,
// its runs, artifacts and settings — behind commands and a snapshot.
//
//   Session session(ports);                 // starts its command thread
//   session.OpenProject(id);                // commands never block the caller
//   auto snap = session.Snapshot();         // immutable parts; cheap every frame
//   for (auto& p : snap->run->phases) draw(p.status);
//
// Threads (the contract the UI relies on):
//  * Every command is posted to the session's command thread and runs there,
//    in order — approvals included — so no store call ever happens on the
//    caller's thread (in the browser, the render thread, which must never
//    block on the database thread). Only CancelRun() acts at once (it sets a
//    flag).
//  * A run executes on the run thread; its events change the model from
//    engine threads.
//  * Snapshot() takes one short lock and copies ten pointers; each part is
//    replaced only when it changes (session/snapshot.hpp).
//
// The work is done by five parts, each with its own tests: Projects (list,
// create, open, rename, delete, import, export), ArtifactViewer (open,
// render, diff, swatches), Editor (edits, impact, reviewed marks),
// RunController (run, resume, cancel, approve, regenerate, settings) and
// WorkflowEditor (the project's workflow: checked drafts, recorded changes).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/regeneration.hpp"
#include "engine/scheduler.hpp"
#include "session/artifact_viewer.hpp"
#include "session/command_queue.hpp"
#include "session/editor.hpp"
#include "session/folder_sync.hpp"
#include "session/projects.hpp"
#include "session/run_controller.hpp"
#include "session/session_model.hpp"
#include "session/session_ports.hpp"
#include "session/snapshot.hpp"
#include "session/workflow_editor.hpp"

namespace specwave {

class Session {
 public:
  using Ports = SessionPorts;

  explicit Session(Ports ports);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  std::shared_ptr<const SessionSnapshot> Snapshot() { return model_.Snapshot(); }

  // Commands (asynchronous, in order, on the command thread).
  void Refresh();
  void CreateProject(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                     const std::string& workflow_name);
  // A new project running the workflow of an existing one (e.g. an imported project's).
  void CreateProjectFromWorkflowOf(int64_t source_project, const std::string& name, const std::string& brief);
  void OpenProject(int64_t id);
  void OpenLatestProject();
  // The most recently updated project, or a new one from these if there is none.
  void OpenLatestOrCreate(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                          const std::string& workflow_name);
  // A session that must not write (second tab, embed viewer), with the reason shown.
  void SetReadOnly(bool read_only, const std::string& reason);
  void SetStorageNote(const std::string& note);
  void RenameProject(int64_t id, const std::string& name);
  void DeleteProject(int64_t id);
  void StartRun(ScheduleMode mode = ScheduleMode::kReady);
  void ResumeRun();
  void CancelRun();  // immediate, any thread
  void Approve(const std::string& phase, const std::string& gate);
  void OpenArtifact(const std::string& artifact);
  // A user version; for a workflow artifact also the change, its impact and
  // the stale marks (snapshot.edit->impact), ready for Regenerate().
  void SaveArtifact(const std::string& artifact, const std::string& content);
  void RestoreVersion(const std::string& artifact, int version);  // restoring is itself a new version
  void Regenerate(Strategy strategy, const std::vector<std::string>& selection, bool overwrite_user_edits);
  void MarkReviewed(const std::string& artifact);
  void DismissImpact();
  void ShowVersion(int version);                           // of the open artifact; 0 = latest
  void CompareVersions(int old_version, int new_version);  // 0, 0 = stop comparing
  // The key (if given) is kept in memory only, on the command thread.
  void UpdateSettings(const SessionSettings& settings, const std::optional<std::string>& api_key);
  void SetBanner(BannerKind kind, const std::string& text);
  // `done` runs on the command thread with the file name and content.
  void ExportProject(std::function<void(const std::string& file_name, const std::string& content)> done);
  void ImportProject(const std::string& content);
  // The workflow editor (session/workflow_editor.hpp). OfferWorkflow may be
  // called every keystroke: only the latest text is checked.
  void OfferWorkflow(const std::string& text);
  void ApplyWorkflow();
  void DiscardWorkflow();
  void SetPhaseSetting(const PhaseSetting& setting);
  // "Save to folder…" / "Sync from folder…" (session/folder_sync.hpp); `done`
  // runs on the command thread.
  void ExportToFolder(interop::Format format, const std::string& author, std::function<void(FolderExport)> done);
  void SyncFromFolder(interop::FileTree folder, const std::string& author, std::function<void(FolderSyncResult)> done);
  // Runs `fn` on the command thread after earlier commands (tests, export).
  void Post(std::function<void()> fn);
  // Blocks until every command posted so far has run (tests, CLI).
  void Drain();

 private:
  SessionCore Core() { return SessionCore{ports_, model_, commands_}; }

  Ports ports_;
  SessionModel model_;
  CommandQueue commands_;
  ArtifactViewer viewer_;
  Editor editor_;
  RunController runs_;
  Projects projects_;
  WorkflowEditor workflow_;
  FolderSync folder_sync_;
};

}  // namespace specwave
