#include "session/session.hpp"

namespace specwave {

Session::Session(Ports ports)
    : ports_(std::move(ports)),
      commands_(ports_.synchronous, [this](const std::string& what) { SetBanner(BannerKind::kError, what); }),
      viewer_(Core()),
      editor_(Core(), viewer_),
      runs_(Core(), viewer_, editor_),
      projects_(Core(), viewer_, editor_, runs_),
      workflow_(Core(), viewer_, editor_),
      folder_sync_(Core(), editor_) {
  model_.Change([&](SessionModel::Draft& d) {
    auto& s = d.Mut<SettingsPart>();
    s.provider_label = ProviderLabel(s.settings);
    s.hints = ports_.provider_hints;
  });
  // Asked on the command thread: a store behind a StoreThread answers only
  // once it is open, and the caller here may be the browser's main thread.
  if (ports_.store) commands_.Post([this] { projects_.CheckStore(); });
}

// The run is cancelled first so it ends soon; no command runs after the
// queue stops; then the run thread is waited for (its last events only
// change the model, which outlives it).
Session::~Session() {
  runs_.Cancel();
  commands_.Stop();
  commands_.Join();
  runs_.Join();
}

// After every command the workflow editor follows the open project (cheap
// when it did not change), whichever command opened, created or deleted it.
void Session::Post(std::function<void()> fn) {
  commands_.Post([this, fn = std::move(fn)] {
    fn();
    workflow_.Sync();
  });
}

void Session::OfferWorkflow(const std::string& text) { workflow_.Offer(text); }
void Session::ApplyWorkflow() {
  Post([this] { workflow_.Apply(); });
}
void Session::DiscardWorkflow() {
  Post([this] { workflow_.Discard(); });
}
void Session::SetPhaseSetting(const PhaseSetting& setting) {
  Post([=, this] { workflow_.SetPhaseSetting(setting); });
}

void Session::CreateProjectFromWorkflowOf(int64_t source_project, const std::string& name, const std::string& brief) {
  Post([=, this] {
    auto source = ports_.store->GetProject(source_project);
    if (!source) {
      SetBanner(BannerKind::kError, "Project " + std::to_string(source_project) + " no longer exists.");
      return;
    }
    projects_.Create(name, brief, source->workflow_yaml, source->workflow_name);
    projects_.Refresh();
  });
}
void Session::Drain() { commands_.Drain(); }

void Session::SetBanner(BannerKind kind, const std::string& text) {
  model_.Change([&](SessionModel::Draft& d) {
    auto& s = d.Mut<StatusPart>();
    s.banner_kind = kind;
    s.banner = text;
  });
}

void Session::SetReadOnly(bool read_only, const std::string& reason) {
  model_.Change([&](SessionModel::Draft& d) {
    auto& s = d.Mut<StatusPart>();
    s.read_only = s.read_only || read_only;
    if (reason.empty()) return;
    s.banner_kind = BannerKind::kInfo;
    s.banner = reason;
  });
}

void Session::SetStorageNote(const std::string& note) {
  if (model_.Get<StatusPart>()->storage_note == note) return;
  model_.Change([&](SessionModel::Draft& d) { d.Mut<StatusPart>().storage_note = note; });
}

void Session::Refresh() {
  Post([this] { projects_.Refresh(); });
}

void Session::CreateProject(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                            const std::string& workflow_name) {
  Post([=, this] {
    projects_.Create(name, brief, workflow_yaml, workflow_name);
    projects_.Refresh();
  });
}

void Session::OpenProject(int64_t id) {
  Post([=, this] {
    projects_.Open(id);
    projects_.Refresh();
  });
}

void Session::OpenLatestProject() {
  Post([this] {
    projects_.OpenLatest();
    projects_.Refresh();
  });
}

void Session::OpenLatestOrCreate(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                                 const std::string& workflow_name) {
  Post([=, this] {
    projects_.OpenLatestOrCreate(name, brief, workflow_yaml, workflow_name);
    projects_.Refresh();
  });
}

void Session::RenameProject(int64_t id, const std::string& name) {
  Post([=, this] {
    projects_.Rename(id, name);
    projects_.Refresh();
  });
}

void Session::DeleteProject(int64_t id) {
  Post([=, this] {
    projects_.Delete(id);
    projects_.Refresh();
  });
}

void Session::ExportProject(std::function<void(const std::string&, const std::string&)> done) {
  Post([this, done] { projects_.Export(done); });
}

void Session::ImportProject(const std::string& content) {
  Post([this, content] {
    projects_.Import(content);
    projects_.Refresh();
  });
}

void Session::ExportToFolder(interop::Format format, const std::string& author, std::function<void(FolderExport)> done) {
  Post([=, this] {
    FolderExport e = folder_sync_.Export(format, author);
    if (!e.error.empty()) SetBanner(BannerKind::kError, "Not saved to the folder: " + e.error);
    done(std::move(e));
  });
}

// The outcome is also the banner, so the person sees the conflicts (or what
// was recorded) whichever front end asked.
void Session::SyncFromFolder(interop::FileTree folder, const std::string& author,
                             std::function<void(FolderSyncResult)> done) {
  Post([this, folder = std::move(folder), author, done]() mutable {
    FolderSyncResult r = folder_sync_.Sync(std::move(folder), author);
    if (!r.error.empty()) {
      SetBanner(BannerKind::kError, "Sync from folder: " + r.error + " (nothing was changed)");
    } else if (!r.conflicts.empty()) {
      std::string text = "Sync from folder: " + std::to_string(r.conflicts.size()) +
                         " section(s) changed both in the folder and in the project; nothing was changed:";
      for (const auto& c : r.conflicts) text += "\n  CONFLICT " + c.artifact + " > " + c.section;
      SetBanner(BannerKind::kError, text);
    } else if (r.recorded.empty()) {
      SetBanner(BannerKind::kInfo, "Sync from folder: no file changed since the last sync");
    } else {
      std::string text = "Sync from folder: recorded as your edits:";
      for (const auto& a : r.recorded) text += " " + a;
      SetBanner(BannerKind::kInfo, text);
    }
    done(std::move(r));
  });
}

void Session::StartRun(ScheduleMode mode) {
  Post([=, this] { runs_.Start(mode); });
}

void Session::ResumeRun() {
  Post([this] { runs_.Resume(); });
}

void Session::CancelRun() { runs_.Cancel(); }

void Session::Approve(const std::string& phase, const std::string& gate) {
  Post([=, this] { runs_.Approve(phase, gate); });
}

void Session::Regenerate(Strategy strategy, const std::vector<std::string>& selection, bool overwrite_user_edits) {
  Post([=, this] { runs_.Regenerate(strategy, selection, overwrite_user_edits); });
}

void Session::UpdateSettings(const SessionSettings& settings, const std::optional<std::string>& api_key) {
  Post([=, this] { runs_.UpdateSettings(settings, api_key); });
}

void Session::OpenArtifact(const std::string& artifact) {
  Post([=, this] { viewer_.Open(artifact); });
}

void Session::ShowVersion(int version) {
  Post([=, this] { viewer_.ShowVersion(version); });
}

void Session::CompareVersions(int old_version, int new_version) {
  Post([=, this] { viewer_.Compare(old_version, new_version); });
}

void Session::SaveArtifact(const std::string& artifact, const std::string& content) {
  Post([=, this] { editor_.Save(artifact, content); });
}

void Session::RestoreVersion(const std::string& artifact, int version) {
  Post([=, this] { editor_.Restore(artifact, version); });
}

void Session::MarkReviewed(const std::string& artifact) {
  Post([=, this] { editor_.MarkReviewed(artifact); });
}

void Session::DismissImpact() {
  Post([this] { editor_.DismissImpact(); });
}

}  // namespace specwave
