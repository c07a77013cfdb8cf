// FolderSync: the browser's "Save to folder…" and "Sync from folder…" over
// plain data (issue #17 point 3). The page picks the folder and moves the
// bytes; this part, on the session's command thread, turns the open project
// into a FileTree in a tool's layout (interop::ExportPack) and a FileTree
// read back from that folder into the person's edits (interop::PlanSync,
// then Editor::Save per changed artifact — the same path as an edit made in
// the app: a user version, the impact shown, stale marks downstream — then
// interop::FinishSync for what to write back). It is what `specwave sync`
// does natively (src/cli/cmd_sync.cpp), minus the folder access.
//
//   FolderExport e = sync.Export(interop::Format::kKiro, "browser");
//   write e.files into the chosen folder
//   FolderSyncResult r = sync.Sync(files_read_back, "browser");
//   if (!r.conflicts.empty()) show them: nothing was changed
//   write r.to_write into the folder
//
// Conflicts are shown, never resolved here: a sync with one records nothing.
#pragma once

#include <string>
#include <vector>

#include "interop/sync.hpp"
#include "session/editor.hpp"
#include "session/session_core.hpp"

namespace specwave {

struct FolderExport {
  std::string error;               // set: nothing to write
  interop::FileTree files;         // the layout, AGENTS.md and .specwave/
  std::vector<std::string> dropped;  // "analysis.md > Risks — …" what the layout cannot hold
};

struct FolderSyncResult {
  std::string error;                               // bad input: nothing changed
  std::vector<interop::SyncConflict> conflicts;    // nothing changed
  std::vector<std::string> changed_files, applied, recorded, refreshed;
  interop::FileTree to_write;                      // refreshed files, the manifest, the base
};

class FolderSync {
 public:
  FolderSync(SessionCore core, Editor& editor) : core_(core), editor_(editor) {}

  // The open project in `format`'s layout; `author` names this copy's base.
  FolderExport Export(interop::Format format, const std::string& author);
  // The layout comes from the tree's .specwave/manifest.json.
  FolderSyncResult Sync(interop::FileTree folder, const std::string& author);

 private:
  interop::Pack PackOfOpenProject();
  std::string CopyOfOpenProject(const std::string& author);

  SessionCore core_;
  Editor& editor_;
};

}  // namespace specwave
