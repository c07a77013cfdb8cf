// BrowserHost: what the UI asks of the browser that is not engine work —
// remembering an API key on this device (only when the person asks),
// downloading an exported project, choosing a file to import — plus the
// storage facts the top bar shows (persistent or not, quota used).
#pragma once

// It knows nothing of the UI: the composition root (src/app/web) adapts it
// to the UI's HostServices.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace specwave::web {

class BrowserHost final {
 public:
  // Called on the main thread with the content of a file the person chose.
  explicit BrowserHost(std::function<void(const std::string&)> on_upload);
  void RememberKey(const std::string& provider, const std::string& key);
  void Download(const std::string& file_name, const std::string& content);  // any thread
  void RequestUpload();
  // A workflow YAML file; its text goes to the callback set here (main thread).
  void RequestWorkflowUpload();
  void OnWorkflowUpload(std::function<void(const std::string&)> fn) { on_workflow_upload_ = std::move(fn); }
  // Database files set aside in OPFS (?new-database=1 keeps the old file).
  struct SetAsideFile {
    std::string name;
    int64_t bytes = 0;
  };
  // Main thread (the UI's): read from what web/app.js listed.
  std::vector<SetAsideFile> SetAsideFiles();
  void DownloadSetAside(const std::string& name);
  void DeleteSetAside(const std::string& name);

  // A key remembered on this device for `provider`, or "".
  static std::string RecallKey(const std::string& provider);
  // Asks for persistent storage (navigator.storage.persist) and reports usage.
  static void RequestPersistentStorage();
  static std::string StorageNote();  // e.g. "storage: persistent · 1.2 MB of 2.1 GB"

  void DeliverUpload(const std::string& content, int kind);  // kind 1: a workflow

 private:
  std::function<void(const std::string&)> on_upload_;
  std::function<void(const std::string&)> on_workflow_upload_;
  int set_aside_version_ = -1;  // web/app.js bumps it when its list changes
  std::vector<SetAsideFile> set_aside_;
};

}  // namespace specwave::web
