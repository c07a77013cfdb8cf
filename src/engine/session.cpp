#include "engine/session.hpp"

#include "engine/findings_view.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace specwave {
namespace {

constexpr size_t kStreamTailBytes = 4096;

std::string ProviderLabel(const SessionSettings& s) {
  if (s.provider == "offline") return "Offline generator — rules and templates, not a language model";
  std::string label = (s.provider == "anthropic" ? "Anthropic" : "OpenAI-compatible");
  if (!s.model.empty()) label += " · " + s.model;
  if (!s.base_url.empty()) label += " · " + s.base_url;
  return label;
}

}  // namespace

std::string SessionSettings::ToJson() const {
  nlohmann::json j = {{"provider", provider},         {"model", model},
                      {"base_url", base_url},         {"max_in_flight", max_in_flight},
                      {"budget_usd", budget_usd},     {"offline_latency_ms", offline_latency_ms}};
  return j.dump();
}

SessionSettings SessionSettings::FromJson(const std::string& text) {
  SessionSettings s;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  auto str = [&](const char* k, std::string* out) {
    if (j.contains(k) && j[k].is_string()) *out = j[k].get<std::string>();
  };
  str("provider", &s.provider);
  str("model", &s.model);
  str("base_url", &s.base_url);
  if (j.contains("max_in_flight") && j["max_in_flight"].is_number_integer())
    s.max_in_flight = std::clamp(j["max_in_flight"].get<int>(), 1, 64);
  if (j.contains("budget_usd") && j["budget_usd"].is_number()) s.budget_usd = std::max(0.0, j["budget_usd"].get<double>());
  if (j.contains("offline_latency_ms") && j["offline_latency_ms"].is_number_integer())
    s.offline_latency_ms = std::clamp(j["offline_latency_ms"].get<int>(), 0, 60000);
  if (s.provider != "offline" && s.provider != "openai" && s.provider != "anthropic") s.provider = "offline";
  return s;
}

// Forwards run events into the session's model.
class Session::Observer final : public RunObserver {
 public:
  explicit Observer(Session& s) : s_(s) {}
  void OnRunStarted(int64_t run_id) override {
    std::lock_guard<std::mutex> lock(s_.model_mu_);
    s_.model_.run_id = run_id;
    s_.model_.run_status = "running";
    s_.active_run_ = run_id;
    s_.Touch();
  }
  void OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) override {
    {
      std::lock_guard<std::mutex> lock(s_.model_mu_);
      if (phase < 0 || phase >= static_cast<int>(s_.model_.phases.size())) return;
      PhaseView& v = s_.model_.phases[phase];
      v.status = status;
      v.reason = reason;
      if (status == PhaseStatus::kRunning) {
        v.stream_tail.clear();
        v.findings.clear();
      }
      // Gates appear as soon as their phase waits on them, so the person can
      // approve while the run is live; they leave when the phase moves on.
      if (s_.model_.spec && phase < static_cast<int>(s_.model_.spec->phases.size())) {
        const PhaseSpec& p = s_.model_.spec->phases[phase];
        auto& gates = s_.model_.pending_gates;
        for (const auto& g : p.approval_gates) {
          std::string key = p.name + "/" + g;
          auto it = std::find(gates.begin(), gates.end(), key);
          if (status == PhaseStatus::kAwaitingApproval && it == gates.end()) gates.push_back(key);
          if (status != PhaseStatus::kAwaitingApproval && it != gates.end()) gates.erase(it);
        }
      }
      s_.Touch();
    }
    if (status == PhaseStatus::kSucceeded || status == PhaseStatus::kFailed ||
        status == PhaseStatus::kAwaitingApproval)
      s_.Enqueue([this] { s_.ReloadArtifacts(); });
  }
  void OnText(int phase, int, const std::string& chunk) override {
    std::lock_guard<std::mutex> lock(s_.model_mu_);
    if (phase < 0 || phase >= static_cast<int>(s_.model_.phases.size())) return;
    std::string& tail = s_.model_.phases[phase].stream_tail;
    tail += chunk;
    if (tail.size() > kStreamTailBytes) tail.erase(0, tail.size() - kStreamTailBytes);
    s_.Touch();
  }
  void OnFindings(int phase, const std::vector<ArtifactFinding>& findings) override {
    std::lock_guard<std::mutex> lock(s_.model_mu_);
    if (phase < 0 || phase >= static_cast<int>(s_.model_.phases.size())) return;
    auto& f = s_.model_.phases[phase].findings;
    f.insert(f.end(), findings.begin(), findings.end());
    s_.Touch();
  }

 private:
  Session& s_;
};

Session::Session(Ports ports) : ports_(std::move(ports)) {
  model_.settings = SessionSettings{};
  model_.provider_label = ProviderLabel(model_.settings);
  if (!ports_.synchronous) command_thread_ = std::thread([this] { CommandLoop(); });
  // Asked on the command thread: a store behind a StoreThread answers only
  // once it is open, and the caller here may be the browser's main thread.
  Enqueue([this] {
    bool ro = ports_.store && ports_.store->read_only();
    std::string ro_reason = ro ? ports_.store->ReadOnlyReason() : "";
    std::string not_kept = ports_.store ? ports_.store->NotKeptReason() : "";
    StoreError health = ports_.store ? ports_.store->Health() : StoreError{};
    std::lock_guard<std::mutex> lock(model_mu_);
    model_.read_only = model_.read_only || ro;
    if (!ro_reason.empty() && !health) {
      model_.banner_kind = BannerKind::kWarning;
      model_.banner = ro_reason;
    } else if (!not_kept.empty() && !health) {
      model_.banner_kind = BannerKind::kWarning;
      model_.banner = not_kept;
    }
    if (health) {
      model_.banner_kind = health.kind == StoreError::Kind::kBusy ? BannerKind::kInfo : BannerKind::kError;
      model_.banner = health.message;
      if (health.kind == StoreError::Kind::kBusy || health.kind == StoreError::Kind::kTooNew) model_.read_only = true;
    }
    Touch();
  });
}

Session::~Session() {
  cancel_.Cancel();
  {
    std::lock_guard<std::mutex> lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (command_thread_.joinable()) command_thread_.join();
  std::lock_guard<std::mutex> lock(run_mu_);
  if (run_thread_.joinable()) run_thread_.join();
}

void Session::Touch() { dirty_.store(true); }

std::shared_ptr<const SessionSnapshot> Session::Snapshot() {
  if (dirty_.exchange(false) || !published_) {
    std::lock_guard<std::mutex> lock(model_mu_);
    auto snap = std::make_shared<SessionSnapshot>(model_);
    snap->seq = ++seq_;
    published_ = std::move(snap);
  }
  return published_;
}

void Session::Enqueue(std::function<void()> fn) {
  if (ports_.synchronous) {
    try {
      fn();
    } catch (const std::exception& e) {
      SetBanner(BannerKind::kError, std::string("internal error: ") + e.what());
    }
    return;
  }
  {
    std::lock_guard<std::mutex> lock(queue_mu_);
    if (stopping_) return;
    queue_.push_back(std::move(fn));
    ++pending_;
  }
  queue_cv_.notify_one();
}

void Session::Post(std::function<void()> fn) { Enqueue(std::move(fn)); }

void Session::Drain() {
  std::unique_lock<std::mutex> lock(queue_mu_);
  idle_cv_.wait(lock, [&] { return pending_ == 0 || stopping_; });
}

void Session::CommandLoop() {
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      fn = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      fn();
    } catch (const std::exception& e) {
      SetBanner(BannerKind::kError, std::string("internal error: ") + e.what());
    }
    {
      std::lock_guard<std::mutex> lock(queue_mu_);
      --pending_;
    }
    idle_cv_.notify_all();
  }
}

void Session::SetBanner(BannerKind kind, const std::string& text) {
  std::lock_guard<std::mutex> lock(model_mu_);
  model_.banner_kind = kind;
  model_.banner = text;
  Touch();
}

void Session::Refresh() {
  Enqueue([this] {
    auto projects = ports_.store->ListProjects();
    std::vector<ProjectSummary> list;
    for (const auto& p : projects) list.push_back({p.id, p.name, p.updated_at});
    std::lock_guard<std::mutex> lock(model_mu_);
    model_.projects = std::move(list);
    Touch();
  });
}

void Session::CreateProject(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                            const std::string& workflow_name) {
  Enqueue([=, this] {
    auto loaded = LoadWorkflowSpec(workflow_yaml, workflow_name);
    if (!loaded.ok()) {
      SetBanner(BannerKind::kError, "The workflow is not valid:\n" + JoinDiagnostics(loaded.errors));
      return;
    }
    ProjectRecord p;
    p.name = name.empty() ? "Untitled project" : name;
    p.brief = brief;
    p.workflow_yaml = workflow_yaml;
    p.workflow_name = workflow_name;
    SessionSettings settings;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      settings = model_.settings;
    }
    p.settings_json = settings.ToJson();
    if (StoreError err = ports_.store->CreateProject(p)) {
      SetBanner(BannerKind::kError, "Could not create the project: " + err.message);
      return;
    }
    LoadProjectLocked(p.id);
  });
  Refresh();
}

void Session::OpenProject(int64_t id) {
  Enqueue([=, this] { LoadProjectLocked(id); });
  Refresh();
}

void Session::OpenLatestProject() {
  Enqueue([this] {
    auto projects = ports_.store->ListProjects();
    if (projects.empty()) return;
    auto latest = std::max_element(projects.begin(), projects.end(),
                                   [](const ProjectRecord& a, const ProjectRecord& b) { return a.updated_at < b.updated_at; });
    LoadProjectLocked(latest->id);
  });
  Refresh();
}

void Session::OpenLatestOrCreate(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                                 const std::string& workflow_name) {
  Enqueue([=, this] {
    auto projects = ports_.store->ListProjects();
    if (projects.empty()) {
      if (StoreError health = ports_.store->Health()) {
        SetBanner(BannerKind::kError, health.message);
        return;
      }
      CreateProject(name, brief, workflow_yaml, workflow_name);
    } else {
      OpenLatestProject();
    }
  });
}

void Session::SetReadOnly(bool read_only, const std::string& reason) {
  std::lock_guard<std::mutex> lock(model_mu_);
  model_.read_only = model_.read_only || read_only;
  if (!reason.empty()) {
    model_.banner_kind = BannerKind::kInfo;
    model_.banner = reason;
  }
  Touch();
}

void Session::SetStorageNote(const std::string& note) {
  std::lock_guard<std::mutex> lock(model_mu_);
  if (model_.storage_note == note) return;
  model_.storage_note = note;
  Touch();
}

void Session::RenameProject(int64_t id, const std::string& name) {
  Enqueue([=, this] {
    auto p = ports_.store->GetProject(id);
    if (!p) return;
    p->name = name;
    if (StoreError err = ports_.store->UpdateProject(*p)) {
      SetBanner(BannerKind::kError, "Could not rename: " + err.message);
      return;
    }
    std::lock_guard<std::mutex> lock(model_mu_);
    if (model_.project_id == id) model_.project_name = name;
    Touch();
  });
  Refresh();
}

void Session::DeleteProject(int64_t id) {
  Enqueue([=, this] {
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      if (model_.running && model_.project_id == id) {
        model_.banner_kind = BannerKind::kWarning;
        model_.banner = "Cancel the run before deleting its project.";
        Touch();
        return;
      }
    }
    if (StoreError err = ports_.store->DeleteProject(id)) {
      SetBanner(BannerKind::kError, "Could not delete: " + err.message);
      return;
    }
    std::lock_guard<std::mutex> lock(model_mu_);
    if (model_.project_id == id) {
      SessionSnapshot fresh;
      fresh.settings = model_.settings;
      fresh.provider_label = model_.provider_label;
      fresh.read_only = model_.read_only;
      fresh.storage_note = model_.storage_note;
      model_ = fresh;
    }
    Touch();
  });
  Refresh();
}

// Command thread. Store calls happen without holding model_mu_, so the UI's
// Snapshot() never waits on storage.
void Session::LoadProjectLocked(int64_t id) {
  auto project = ports_.store->GetProject(id);
  if (!project) {
    SetBanner(BannerKind::kError, "Project " + std::to_string(id) + " no longer exists.");
    return;
  }
  auto loaded = LoadWorkflowSpec(project->workflow_yaml, project->workflow_name);
  std::shared_ptr<const WorkflowSpec> spec;
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const DagLayout> layout;
  if (loaded.ok()) {
    spec = std::make_shared<const WorkflowSpec>(std::move(*loaded.spec));
    plan = std::make_shared<const Plan>(MakePlan(*spec));
    layout = std::make_shared<const DagLayout>(LayoutDag(*spec, *plan, {}));
  }
  std::vector<PhaseView> phases(spec ? spec->phases.size() : 0);
  std::optional<WorkflowRunRecord> last = ports_.store->LatestRun(id, "run");
  auto last_regen = ports_.store->LatestRun(id, "regeneration");
  if (last_regen && (!last || last_regen->id > last->id)) last = last_regen;
  std::optional<RunReport> report;
  if (last && spec) {
    std::vector<char> recorded(phases.size(), 0);
    for (const auto& pr : ports_.store->ListPhaseRuns(last->id)) {
      int i = spec->IndexOf(pr.phase);
      if (i < 0) continue;
      recorded[i] = 1;
      phases[i].status = pr.status;
      phases[i].reason = pr.error;
      phases[i].calls = pr.calls;
      phases[i].cached_calls = pr.cached_calls;
      phases[i].usage = pr.usage;
    }
    report = RunReport::FromJson(last->metrics_json);
    // An imported project carries its last run's report but no phase records:
    // the report says how each phase ended (a viewer must not show them as
    // waiting).
    for (const auto& rp : report ? report->phases : std::vector<PhaseReport>{}) {
      int i = spec->IndexOf(rp.name);
      if (i < 0 || recorded[i]) continue;
      phases[i].status = rp.status;
      phases[i].reason = rp.reason;
      phases[i].calls = rp.calls;
      phases[i].cached_calls = rp.cached_calls;
      phases[i].usage = rp.usage;
    }
  }
  SessionSettings settings = SessionSettings::FromJson(project->settings_json);
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    model_.project_id = id;
    model_.project_name = project->name;
    model_.brief = project->brief;
    model_.workflow_name = project->workflow_name;
    model_.spec = spec;
    model_.plan = plan;
    model_.layout = layout;
    model_.phases = std::move(phases);
    model_.run_id = last ? last->id : 0;
    model_.run_status = last ? last->status : "";
    model_.last_report = report;
    model_.pending_gates = report ? report->pending_gates : std::vector<std::string>{};
    model_.open_artifact.clear();
    model_.open_versions.clear();
    settings.has_key = !api_key_.empty();
    model_.settings = settings;
    model_.provider_label = ProviderLabel(settings);
    if (!spec) {
      model_.banner_kind = BannerKind::kError;
      model_.banner = "This project's workflow is not valid:\n" + JoinDiagnostics(loaded.errors);
    }
    Touch();
  }
  ReloadArtifacts();
  // A run that was still "running" when this project was last open was
  // interrupted (tab closed, crash): continue it. Finished phases are not
  // run again and make no model call.
  if (spec && last && last->status == "running" && !model_.read_only) {
    bool idle;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      idle = !model_.running;
    }
    if (idle) {
      SetBanner(BannerKind::kInfo, "The last run was interrupted; it continues from where it stopped.");
      ResumeRun();
    }
  }
}

void Session::ReloadArtifacts() {
  int64_t id;
  std::string open;
  std::shared_ptr<const WorkflowSpec> spec;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    id = model_.project_id;
    open = model_.open_artifact;
    spec = model_.spec;
  }
  if (id == 0) return;
  auto artifacts = ports_.store->ListArtifacts(id);
  std::vector<ArtifactVersion> versions;
  if (!open.empty()) versions = ports_.store->ListVersions(id, open);
  std::string findings_error;
  auto findings = StoredFindings(artifacts, ports_.store->LatestValidations(id), &findings_error);
  bool prepare = false;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    if (model_.project_id != id) return;
    if (model_.open_artifact == open && !open.empty()) {
      if (versions.size() != model_.open_versions.size() && model_.shown_version > 0 &&
          model_.shown_version == static_cast<int>(model_.open_versions.size()))
        model_.shown_version = 0;  // was showing the latest: keep showing the latest
      prepare = true;
    }
    model_.artifacts = std::move(artifacts);
    if (model_.open_artifact == open) model_.open_versions = std::move(versions);
    if (spec && model_.phases.size() == spec->phases.size()) {
      for (auto& v : model_.phases) {
        v.stale = false;
        v.stale_reason.clear();
      }
      for (const auto& a : model_.artifacts) {
        if (a.stale_reason.empty()) continue;
        int p = spec->ProducerOf(a.artifact);
        if (p < 0) continue;
        model_.phases[p].stale = true;
        model_.phases[p].stale_reason = a.stale_reason;
      }
      // The store is the truth for findings, except in a phase running now
      // (its live findings arrive through the observer).
      auto placed = PlaceFindings(*spec, findings);
      for (size_t i = 0; i < placed.size(); ++i) {
        model_.phases[i].gaps = placed[i].gaps;
        if (model_.phases[i].status != PhaseStatus::kRunning) model_.phases[i].findings = std::move(placed[i].findings);
      }
    }
    model_.findings_by_artifact = std::move(findings);
    Touch();
  }
  if (!findings_error.empty()) SetBanner(BannerKind::kWarning, findings_error);
  if (prepare) PrepareViews();
}

void Session::OpenArtifact(const std::string& artifact) {
  Enqueue([=, this] {
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.open_artifact = artifact;
      model_.open_versions.clear();
      model_.shown_version = 0;
      model_.blocks.clear();
      model_.diff_old = model_.diff_new = 0;
      model_.diff = {};
      model_.diff_sections.clear();
      Touch();
    }
    ReloadArtifacts();
  });
}

void Session::SaveArtifact(const std::string& artifact, const std::string& content) {
  Enqueue([=, this] { RecordEdit(artifact, content); });
}

// Command thread.
void Session::RecordEdit(const std::string& artifact, const std::string& content) {
  int64_t id;
  std::shared_ptr<const WorkflowSpec> spec;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    id = model_.project_id;
    spec = model_.spec;
  }
  if (id == 0) return;
  if (spec && spec->ProducerOf(artifact) >= 0 && ports_.diff) {
    Regenerator regen(*spec, *ports_.store, ports_.diff);
    RecordedEdit edit = regen.RecordEdit(id, artifact, content);
    if (!edit.ok) {
      SetBanner(BannerKind::kError, "Your edit was not saved: " + edit.error);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.impact = edit.impact;
      ++model_.impact_seq;
      Touch();
    }
    last_edit_ = edit;
  } else {
    ArtifactVersion v;
    v.project_id = id;
    v.artifact = artifact;
    v.content = content;
    v.author = "user";
    if (StoreError err = ports_.store->AddVersion(v)) {
      SetBanner(BannerKind::kError, "Your edit was not saved: " + err.message);
      return;
    }
  }
  ReloadArtifacts();
}

void Session::RestoreVersion(const std::string& artifact, int version) {
  Enqueue([=, this] {
    int64_t id;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      id = model_.project_id;
    }
    for (const auto& v : ports_.store->ListVersions(id, artifact))
      if (v.version == version) {
        RecordEdit(artifact, v.content);
        return;
      }
    SetBanner(BannerKind::kError, artifact + " has no version " + std::to_string(version));
  });
}

void Session::MarkReviewed(const std::string& artifact) {
  Enqueue([=, this] {
    int64_t id;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      id = model_.project_id;
    }
    if (StoreError err = ports_.store->ClearStale(id, artifact)) SetBanner(BannerKind::kError, err.message);
    ReloadArtifacts();
  });
}

void Session::ShowVersion(int version) {
  Enqueue([=, this] {
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.shown_version = version;
      model_.blocks.clear();
    }
    PrepareViews();
  });
}

void Session::CompareVersions(int old_version, int new_version) {
  Enqueue([=, this] {
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.diff_old = old_version;
      model_.diff_new = new_version;
      model_.diff = {};
      model_.diff_sections.clear();
    }
    PrepareViews();
  });
}

// Command thread: renders the shown version and diffs the compared pair of
// the open artifact (md4c parsing and the line diff are engine work, never
// done while drawing).
void Session::PrepareViews() {
  std::vector<ArtifactVersion> versions;
  int shown, a, b;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    versions = model_.open_versions;
    shown = model_.shown_version;
    a = model_.diff_old;
    b = model_.diff_new;
  }
  auto find = [&](int v) -> const ArtifactVersion* {
    if (versions.empty()) return nullptr;
    if (v <= 0) return &versions.back();
    for (const auto& x : versions)
      if (x.version == v) return &x;
    return nullptr;
  };
  const ArtifactVersion* show = find(shown);
  std::vector<markdown::RenderBlock> blocks;
  TokenSwatches swatches;
  if (show) {
    blocks = markdown::RenderBlocks(show->content);
    swatches = ComputeTokenSwatches(show->content);
  }
  markdown::LineDiff diff;
  std::vector<markdown::SectionDelta> sections;
  const ArtifactVersion* va = a > 0 ? find(a) : nullptr;
  const ArtifactVersion* vb = b > 0 ? find(b) : nullptr;
  if (va && vb) {
    diff = markdown::DiffLines(va->content, vb->content);
    sections = markdown::DiffSections(va->content, vb->content).sections;
  }
  std::lock_guard<std::mutex> lock(model_mu_);
  if (model_.open_versions.size() != versions.size()) return;  // changed meanwhile; a later call redoes it
  model_.blocks = std::move(blocks);
  model_.swatches = std::move(swatches);
  if (show && shown <= 0) model_.shown_version = show->version;
  model_.diff = std::move(diff);
  model_.diff_sections = std::move(sections);
  Touch();
}

void Session::DismissImpact() {
  std::lock_guard<std::mutex> lock(model_mu_);
  model_.impact.reset();
  Touch();
}

void Session::Regenerate(Strategy strategy, const std::vector<std::string>& selection, bool overwrite_user_edits) {
  Enqueue([=, this] {
    if (!last_edit_) {
      SetBanner(BannerKind::kWarning, "Save an edit first: regeneration starts from a change.");
      return;
    }
    std::shared_ptr<const WorkflowSpec> spec;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      spec = model_.spec;
    }
    if (!spec) return;
    RecordedEdit edit = *last_edit_;
    RegenerationRequest req;
    req.strategy = strategy;
    req.selection = selection;
    req.overwrite_user_edits = overwrite_user_edits;
    auto checks = ports_.checks;
    auto diff = ports_.diff;
    auto cost = ports_.cost;
    Store* store = ports_.store;
    bool started = StartJob([=, this](LlmProvider& provider, RunObserver* observer, const CancelToken& cancel,
                                      int64_t project, int64_t) {
      RunOptions opt;
      opt.auto_approve = true;  // these phases' gates were approved when they first ran
      opt.cost = cost;
      Regenerator regen(*spec, *store, diff);
      RegenerationResult r = regen.Regenerate(project, edit, req, provider, opt, checks, observer, cancel);
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.last_regeneration = r;
      model_.impact.reset();
      if (!r.conflicts.empty()) {
        model_.banner_kind = BannerKind::kWarning;
        std::string list;
        for (const auto& c : r.conflicts) list += (list.empty() ? "" : ", ") + c;
        model_.banner = "Kept your newer edits of " + list +
                        " (not regenerated). Regenerate with \"overwrite my edits\" to replace them.";
      }
      Touch();
      return r.report;
    });
    if (started) last_edit_.reset();
  });
}

void Session::UpdateSettings(const SessionSettings& settings, const std::optional<std::string>& api_key) {
  if (api_key) api_key_ = *api_key;
  Enqueue([=, this] {
    SessionSettings s = settings;
    s.has_key = !api_key_.empty();
    int64_t id;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.settings = s;
      model_.provider_label = ProviderLabel(s);
      id = model_.project_id;
      Touch();
    }
    if (id == 0) return;
    auto p = ports_.store->GetProject(id);
    if (!p) return;
    p->settings_json = s.ToJson();  // never the key
    if (StoreError err = ports_.store->UpdateProject(*p)) SetBanner(BannerKind::kError, "Settings not saved: " + err.message);
  });
}

void Session::ExportProject(std::function<void(const std::string&, const std::string&)> done) {
  Enqueue([this, done] {
    int64_t id;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      id = model_.project_id;
    }
    if (id == 0 || !ports_.export_bundle) return;
    std::string name, content, error;
    if (!ports_.export_bundle(*ports_.store, id, &name, &content, &error)) {
      SetBanner(BannerKind::kError, "Export failed: " + error);
      return;
    }
    done(name, content);
  });
}

void Session::ImportProject(const std::string& content) {
  Enqueue([this, content] {
    if (!ports_.import_bundle) return;
    int64_t id = 0;
    std::string error;
    if (!ports_.import_bundle(*ports_.store, content, &id, &error)) {
      SetBanner(BannerKind::kError, "Import failed: " + error);
      return;
    }
    LoadProjectLocked(id);
  });
  Refresh();
}

void Session::StartRun(ScheduleMode mode) {
  Enqueue([=, this] { RunThread(mode, false); });
}

void Session::ResumeRun() {
  Enqueue([this] { RunThread(ScheduleMode::kReady, true); });
}

void Session::CancelRun() { cancel_.Cancel(); }

void Session::Approve(const std::string& phase, const std::string& gate) {
  std::shared_ptr<WorkflowRunner> runner;
  int64_t project = 0, run = 0;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    project = model_.project_id;
    run = model_.run_id;
  }
  {
    std::lock_guard<std::mutex> lock(run_mu_);
    runner = runner_;
  }
  if (!runner || run == 0) return;
  if (StoreError err = runner->Approve(project, run, phase, gate, "user")) {
    SetBanner(BannerKind::kError, "Approval not recorded: " + err.message);
    return;
  }
  std::lock_guard<std::mutex> lock(model_mu_);
  auto& g = model_.pending_gates;
  g.erase(std::remove(g.begin(), g.end(), phase + "/" + gate), g.end());
  Touch();
}

// Command thread: a run (new or resumed) is a job on the run thread.
void Session::RunThread(ScheduleMode mode, bool resume) {
  auto cost = ports_.cost;
  SessionSettings settings;
  std::shared_ptr<const WorkflowSpec> spec;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    settings = model_.settings;
    spec = model_.spec;
  }
  auto checks = ports_.checks;
  Store* store = ports_.store;
  const Clock* clock = ports_.clock;
  StartJob([=, this](LlmProvider& provider, RunObserver* observer, const CancelToken& cancel, int64_t project,
                     int64_t run_id) {
    auto runner = std::make_shared<WorkflowRunner>(*spec, *store, provider, *clock);
    runner->SetChecks(checks);
    {
      std::lock_guard<std::mutex> lock(run_mu_);
      runner_ = runner;
    }
    RunOptions opt;
    opt.mode = mode;
    opt.max_in_flight = settings.max_in_flight;
    opt.budget_usd = settings.budget_usd;
    opt.cost = cost;
    opt.wait_for_approval = true;
    return resume && run_id ? runner->Resume(project, run_id, opt, observer, cancel)
                            : runner->Run(project, opt, observer, cancel);
  });
  if (!resume) {
    std::lock_guard<std::mutex> lock(model_mu_);
    for (auto& p : model_.phases) p = PhaseView{};
    Touch();
  }
}

// Command thread: builds the provider, then runs `job` on the run thread.
bool Session::StartJob(const Job& job) {
  if (ports_.synchronous) {
    SetBanner(BannerKind::kInfo, "This viewer is read-only; open the project in Specwave to run it.");
    return false;
  }
  std::shared_ptr<const WorkflowSpec> spec;
  SessionSettings settings;
  int64_t project, run_id;
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    if (model_.running) {
      model_.banner_kind = BannerKind::kWarning;
      model_.banner = "A run is in progress; wait for it or cancel it first.";
      Touch();
      return false;
    }
    if (model_.read_only) {
      model_.banner_kind = BannerKind::kWarning;
      model_.banner = "This project is open read-only here; runs happen in the tab that owns the database.";
      Touch();
      return false;
    }
    spec = model_.spec;
    settings = model_.settings;
    project = model_.project_id;
    run_id = model_.run_id;
  }
  if (!spec || project == 0) return false;
  std::string error;
  std::unique_ptr<LlmProvider> provider = ports_.make_provider ? ports_.make_provider(settings, api_key_, &error) : nullptr;
  if (!provider) {
    SetBanner(BannerKind::kError, "Cannot start: " + (error.empty() ? "no provider" : error));
    return false;
  }
  std::lock_guard<std::mutex> rl(run_mu_);
  if (run_thread_.joinable()) run_thread_.join();  // the previous job has finished (model_.running is false)
  provider_ = std::move(provider);
  runner_.reset();
  cancel_ = CancelToken{};
  {
    std::lock_guard<std::mutex> lock(model_mu_);
    model_.running = true;
    model_.run_status = "running";
    Touch();
  }
  LlmProvider* p = provider_.get();
  CancelToken cancel = cancel_;
  run_thread_ = std::thread([=, this] {
    Observer observer(*this);
    RunReport report = job(*p, &observer, cancel, project, run_id);
    std::string first_failure;
    for (const auto& ph : report.phases)
      if (ph.status == PhaseStatus::kFailed && first_failure.empty()) first_failure = ph.name + ": " + ph.reason;
    {
      std::lock_guard<std::mutex> lock(model_mu_);
      model_.running = false;
      model_.run_status = report.status;
      model_.last_report = report;
      model_.pending_gates = report.pending_gates;
      if (report.status == "failed") {
        model_.banner_kind = BannerKind::kError;
        model_.banner = "The run stopped. " + (first_failure.empty() ? report.stop_reason : first_failure);
      } else if (report.status == "cancelled") {
        model_.banner_kind = BannerKind::kInfo;
        model_.banner = "Run cancelled. Finished phases are kept; Resume continues.";
      }
      Touch();
    }
    Enqueue([this] { ReloadArtifacts(); });
  });
  return true;
}

}  // namespace specwave
