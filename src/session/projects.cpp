#include "session/projects.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "engine/phase_notes.hpp"
#include "engine/plan.hpp"

namespace specwave {
namespace {

// What a project's last run left, per phase: its records, or (an imported
// project has none) how its stored report says each phase ended — a viewer
// must not show them as waiting.
std::vector<PhaseView> PhasesOfLastRun(Store& store, const WorkflowSpec& spec, const WorkflowRunRecord& last,
                                       const std::optional<RunReport>& report) {
  std::vector<PhaseView> phases(spec.phases.size());
  std::vector<char> recorded(phases.size(), 0);
  for (const auto& pr : store.ListPhaseRuns(last.id)) {
    int i = spec.IndexOf(pr.phase);
    if (i < 0) continue;
    recorded[i] = 1;
    phases[i].status = pr.status;
    phases[i].reason = pr.error;
    phases[i].calls = pr.calls;
    phases[i].cached_calls = pr.cached_calls;
    phases[i].usage = pr.usage;
    phases[i].notes = PhaseNotesFromJson(pr.findings_json);
    phases[i].repair_calls = pr.repair_calls;
    phases[i].raw_reply = pr.raw_reply;
  }
  for (const auto& rp : report ? report->phases : std::vector<PhaseReport>{}) {
    int i = spec.IndexOf(rp.name);
    if (i < 0 || recorded[i]) continue;
    phases[i].status = rp.status;
    phases[i].reason = rp.reason;
    phases[i].calls = rp.calls;
    phases[i].cached_calls = rp.cached_calls;
    phases[i].usage = rp.usage;
    phases[i].notes = rp.notes;
    phases[i].repair_calls = rp.repair_calls;
  }
  return phases;
}

}  // namespace

void Projects::CheckStore() {
  Store& store = core_.store();
  const bool ro = store.read_only();
  const std::string ro_reason = ro ? store.ReadOnlyReason() : "";
  const std::string not_kept = store.NotKeptReason();
  const StoreError health = store.Health();
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& s = d.Mut<StatusPart>();
    s.read_only = s.read_only || ro;
    if (!ro_reason.empty() && !health) {
      s.banner_kind = BannerKind::kWarning;
      s.banner = ro_reason;
    } else if (!not_kept.empty() && !health) {
      s.banner_kind = BannerKind::kWarning;
      s.banner = not_kept;
    }
    if (health) {
      s.banner_kind = health.kind == StoreError::Kind::kBusy ? BannerKind::kInfo : BannerKind::kError;
      s.banner = health.message;
      if (health.kind == StoreError::Kind::kBusy || health.kind == StoreError::Kind::kTooNew) s.read_only = true;
    }
  });
}

void Projects::Refresh() {
  std::vector<ProjectSummary> list;
  for (const auto& p : core_.store().ListProjects()) list.push_back({p.id, p.name, p.updated_at});
  core_.model.Change([&](SessionModel::Draft& d) { d.Mut<ProjectsPart>().projects = std::move(list); });
}

void Projects::Create(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                      const std::string& workflow_name) {
  auto loaded = LoadWorkflowSpec(workflow_yaml, workflow_name);
  if (!loaded.ok()) {
    core_.Banner(BannerKind::kError, "The workflow is not valid:\n" + JoinDiagnostics(loaded.errors));
    return;
  }
  if (std::string why = NotTextMessage(brief, "The brief"); !why.empty()) {
    core_.Banner(BannerKind::kError, why);
    return;
  }
  ProjectRecord p;
  p.name = name.empty() ? "Untitled project" : name;
  p.brief = brief;
  p.workflow_yaml = workflow_yaml;
  p.workflow_name = workflow_name;
  p.settings_json = core_.model.Get<SettingsPart>()->settings.ToJson();
  if (StoreError err = core_.store().CreateProject(p)) {
    core_.Banner(BannerKind::kError, "Could not create the project: " + err.message);
    return;
  }
  Open(p.id);
}

void Projects::OpenLatest() {
  auto projects = core_.store().ListProjects();
  if (projects.empty()) return;
  auto latest = std::max_element(projects.begin(), projects.end(), [](const ProjectRecord& a, const ProjectRecord& b) {
    return a.updated_at < b.updated_at;
  });
  Open(latest->id);
}

void Projects::OpenLatestOrCreate(const std::string& name, const std::string& brief, const std::string& workflow_yaml,
                                  const std::string& workflow_name) {
  if (!core_.store().ListProjects().empty()) return OpenLatest();
  if (StoreError health = core_.store().Health()) {
    core_.Banner(BannerKind::kError, health.message);
    return;
  }
  Create(name, brief, workflow_yaml, workflow_name);
}

void Projects::Open(int64_t id) {
  Store& store = core_.store();
  auto project = store.GetProject(id);
  if (!project) {
    core_.Banner(BannerKind::kError, "Project " + std::to_string(id) + " no longer exists.");
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
  std::optional<WorkflowRunRecord> last = LatestAnyRun(store, id);
  std::optional<RunReport> report = last ? RunReport::FromJson(last->metrics_json) : std::nullopt;
  std::vector<PhaseView> phases = spec && last ? PhasesOfLastRun(store, *spec, *last, report)
                                               : std::vector<PhaseView>(spec ? spec->phases.size() : 0);
  SessionSettings settings = SessionSettings::FromJson(project->settings_json);
  settings.has_key = runs_.has_key();
  editor_.Clear();
  bool read_only = false;
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& pp = d.Mut<ProjectPart>();
    pp.project_id = id;
    pp.project_name = project->name;
    pp.brief = project->brief;
    pp.workflow_name = project->workflow_name;
    pp.spec = spec;
    pp.plan = plan;
    pp.layout = layout;
    auto& r = d.Mut<RunPart>();
    r.phases = std::move(phases);
    r.run_id = last ? last->id : 0;
    r.run_status = last ? std::optional<RunStatus>(last->status) : std::nullopt;
    r.last_report = report;
    r.pending_gates = report ? report->pending_gates : std::vector<std::string>{};
    d.Mut<StreamPart>().tails.assign(spec ? spec->phases.size() : 0, nullptr);
    d.Mut<ViewerPart>() = ViewerPart{};
    auto& sp = d.Mut<SettingsPart>();
    sp.settings = settings;
    sp.provider_label = ProviderLabel(settings);
    read_only = d.Read<StatusPart>().read_only;
    if (!spec) {
      auto& s = d.Mut<StatusPart>();
      s.banner_kind = BannerKind::kError;
      s.banner = "This project's workflow is not valid:\n" + JoinDiagnostics(loaded.errors);
    }
  });
  viewer_.Reload();
  // A run that was still "running" when this project was last open was
  // interrupted (tab closed, crash): continue it. Finished phases are not
  // run again and make no model call.
  if (spec && last && last->status == RunStatus::kRunning && !read_only && !runs_.busy()) {
    core_.Banner(BannerKind::kInfo, "The last run was interrupted; it continues from where it stopped.");
    runs_.Resume();
  }
}

void Projects::Rename(int64_t id, const std::string& name) {
  auto p = core_.store().GetProject(id);
  if (!p) return;
  p->name = name;
  if (StoreError err = core_.store().UpdateProject(*p)) {
    core_.Banner(BannerKind::kError, "Could not rename: " + err.message);
    return;
  }
  core_.model.Change([&](SessionModel::Draft& d) {
    if (d.Read<ProjectPart>().project_id == id) d.Mut<ProjectPart>().project_name = name;
  });
}

void Projects::Delete(int64_t id) {
  if (core_.ProjectId() == id && runs_.busy()) {
    core_.Banner(BannerKind::kWarning, "Cancel the run before deleting its project.");
    return;
  }
  if (StoreError err = core_.store().DeleteProject(id)) {
    core_.Banner(BannerKind::kError, "Could not delete: " + err.message);
    return;
  }
  if (core_.ProjectId() != id) return;
  editor_.Clear();
  core_.model.Change([](SessionModel::Draft& d) {
    d.Mut<ProjectPart>() = ProjectPart{};
    d.Mut<RunPart>() = RunPart{};
    d.Mut<StreamPart>() = StreamPart{};
    d.Mut<ArtifactsPart>() = ArtifactsPart{};
    d.Mut<ViewerPart>() = ViewerPart{};
  });
}

void Projects::Export(const std::function<void(const std::string&, const std::string&)>& done) {
  const int64_t id = core_.ProjectId();
  if (id == 0 || !core_.ports.export_bundle) return;
  std::string name, content, error;
  if (!core_.ports.export_bundle(core_.store(), id, &name, &content, &error)) {
    core_.Banner(BannerKind::kError, "Export failed: " + error);
    return;
  }
  done(name, content);
}

void Projects::Import(const std::string& content) {
  if (!core_.ports.import_bundle) return;
  int64_t id = 0;
  std::string error;
  if (!core_.ports.import_bundle(core_.store(), content, &id, &error)) {
    core_.Banner(BannerKind::kError, "Import failed: " + error);
    return;
  }
  Open(id);
}

}  // namespace specwave
