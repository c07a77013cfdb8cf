// The UI's HostServices over the browser's BrowserHost: wiring only, so that
// the UI and the browser adapters need not know each other.
#pragma once

#include "app/web/folder_bridge.hpp"
#include "platform/web/browser_host.hpp"
#include "platform/web/ui_prefs.hpp"
#include "ui/panels.hpp"

namespace specwave::app {

class WebHostServices final : public ui::HostServices {
 public:
  explicit WebHostServices(web::BrowserHost& host) : host_(host) {}
  void RememberKey(const std::string& provider, const std::string& key) override { host_.RememberKey(provider, key); }
  void Download(const std::string& file_name, const std::string& content) override {
    host_.Download(file_name, content);
  }
  void RequestUpload() override { host_.RequestUpload(); }
  void RequestWorkflowUpload() override { host_.RequestWorkflowUpload(); }
  std::vector<SetAsideFile> SetAsideFiles() override {
    std::vector<SetAsideFile> out;
    for (const auto& f : host_.SetAsideFiles()) out.push_back({f.name, f.bytes});
    return out;
  }
  void DownloadSetAside(const std::string& name) override { host_.DownloadSetAside(name); }
  void DeleteSetAside(const std::string& name) override { host_.DeleteSetAside(name); }
  std::string LoadPref(const std::string& key) override { return web::LoadUiPref(key); }
  void SavePref(const std::string& key, const std::string& value) override { web::SaveUiPref(key, value); }
  bool CanSyncFolders() const override { return true; }
  void SaveToFolder(const std::string& format) override { app::SaveToFolder(format); }
  void SyncFromFolder() override { app::SyncFromFolder(); }

 private:
  web::BrowserHost& host_;
};

}  // namespace specwave::app
