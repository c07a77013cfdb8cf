// The side panels and bars of the app window, one function per view (each in
// its own file). They read the snapshot and state and send Session commands.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "session/session.hpp"
#include "ui/ui_state.hpp"

namespace specwave::ui {

// What the browser (or another host) does for the UI that is not engine
// work: remembering a key on this device, downloads and uploads.
class HostServices {
 public:
  virtual ~HostServices() = default;
  virtual void RememberKey(const std::string& provider, const std::string& key) = 0;  // empty key = forget
  virtual void Download(const std::string& file_name, const std::string& content) = 0;
  virtual void RequestUpload() = 0;  // the host passes the chosen file to Session::ImportProject
  // A workflow YAML file; the host puts its text into the new project's
  // pasted workflow (UiState::workflow.pasted).
  virtual void RequestWorkflowUpload() {}

  // Database files set aside in this host's storage (the browser's
  // ?new-database=1 keeps the old file): listed, downloaded, deleted.
  struct SetAsideFile {
    std::string name;
    int64_t bytes = 0;
  };
  virtual std::vector<SetAsideFile> SetAsideFiles() { return {}; }
  virtual void DownloadSetAside(const std::string& /*name*/) {}
  virtual void DeleteSetAside(const std::string& /*name*/) {}

  // View preferences kept on this device (the split, the timeline folded,
  // the first-run screen seen); "" when unset.
  virtual std::string LoadPref(const std::string& /*key*/) { return ""; }
  virtual void SavePref(const std::string& /*key*/, const std::string& /*value*/) {}
  // "Save to folder…" in a tool's layout (interop::FormatNames()) and "Sync
  // from folder…" (issue #17): the host picks the folder, the session does
  // the work (Session::ExportToFolder / SyncFromFolder).
  virtual bool CanSyncFolders() const { return false; }
  virtual void SaveToFolder(const std::string& /*format*/) {}
  virtual void SyncFromFolder() {}
};

// Files shipped with the app that the UI offers (read by the host at start).
struct UiResources {
  std::vector<std::pair<std::string, std::string>> sample_briefs;  // (file name, markdown)
  std::string default_workflow_yaml;
  std::vector<std::pair<std::string, std::string>> workflows;  // bundled examples besides default.yml: (file name, YAML)
  std::string pricing_yaml;
  std::string ui_tokens_md;  // assets/theme/ui-tokens.md: the UI's own colours  // assets/pricing.yml as served (empty: the built-in table)
};

struct ViewContext {
  const SessionSnapshot& snap;
  Session& session;
  UiState& state;
  HostServices* host;
  const UiResources& resources;
};

void DrawTopBar(ViewContext& ctx);
void DrawBanner(ViewContext& ctx);
void DrawPhasePanel(ViewContext& ctx);
void DrawArtifactPanel(ViewContext& ctx);
void DrawImpactPanel(ViewContext& ctx);
void DrawRunPanel(ViewContext& ctx);
void DrawSettingsPanel(ViewContext& ctx);
void DrawProjectsPanel(ViewContext& ctx);
void DrawWorkflowPanel(ViewContext& ctx);                // workflow_editor_panel.cpp
void DrawPhaseSettings(ViewContext& ctx, int phase);     // phase_settings.cpp
// The new project's workflow (workflow_picker.cpp): draws the choice and
// returns the chosen YAML and its name ("" while a pasted text is empty).
struct WorkflowChoice {
  std::string yaml, name;
  int64_t source_project = 0;  // non-zero: the workflow of this project
};
WorkflowChoice DrawWorkflowPicker(ViewContext& ctx);
void DrawFolderSync(ViewContext& ctx);  // in the Projects panel

}  // namespace specwave::ui
