#include "session/workflow_editor.hpp"

#include <nlohmann/json.hpp>

#include <chrono>

#include "engine/plan.hpp"
#include "engine/regeneration.hpp"
#include "engine/workflow_change.hpp"
#include "markdown/line_diff.hpp"

namespace specwave {
namespace {

// One line per phase from a version's stored change_json.
std::string SummaryOf(const std::string& change_json) {
  auto j = nlohmann::json::parse(change_json, nullptr, false);
  if (j.is_discarded() || !j.contains("phases")) return "";
  std::string out;
  for (const auto& p : j["phases"]) {
    std::string kind = p.value("kind", "changed"), phase = p.value("phase", "");
    std::string line = phase + ": ";
    if (kind == "added") line += "new phase";
    else if (kind == "removed") line += "removed";
    else {
      std::string fields;
      for (const auto& f : p.value("fields", nlohmann::json::array()))
        fields += (fields.empty() ? "" : ", ") + f.get<std::string>();
      line += fields + " changed";
    }
    out += (out.empty() ? "" : "\n") + line;
  }
  if (j.value("header_changed", false)) out += std::string(out.empty() ? "" : "\n") + "workflow name or description changed";
  return out;
}

}  // namespace

uint64_t WorkflowEditor::Offer(std::string text) {
  uint64_t seq;
  const int64_t project = core_.ProjectId();  // whose workflow is on the person's screen now
  {
    std::lock_guard<std::mutex> lock(offer_mu_);
    offered_ = std::move(text);
    offered_project_ = project;
    seq = ++offered_seq_;
  }
  core_.commands.Post([this] { CheckLatest(); });
  return seq;
}

void WorkflowEditor::CheckLatest() {
  std::string text;
  uint64_t seq;
  int64_t project;
  {
    std::lock_guard<std::mutex> lock(offer_mu_);
    if (offered_seq_ == checked_seq_) return;  // a later check already took it
    text = offered_;
    seq = offered_seq_;
    project = offered_project_;
  }
  checked_seq_ = seq;
  // Typed for a project that is no longer open (another was opened since):
  // never let it become this project's draft.
  if (project != core_.model.Get<WorkflowPart>()->project_id) return;
  Check(text, seq);
}

void WorkflowEditor::Sync() {
  auto project = core_.model.Get<ProjectPart>();
  auto part = core_.model.Get<WorkflowPart>();
  if (project->project_id == part->project_id && project->project_id != 0 && loaded_spec_ == project->spec) return;
  if (project->project_id == 0) {
    if (part->project_id == 0) return;
    core_.model.Change([](SessionModel::Draft& d) {
      const uint64_t revision = d.Read<WorkflowPart>().revision;
      d.Mut<WorkflowPart>() = WorkflowPart{};
      d.Mut<WorkflowPart>().revision = revision + 1;
    });
    loaded_spec_ = nullptr;
    return;
  }
  Load(project->project_id);
}

void WorkflowEditor::Load(int64_t project_id) {
  Store& store = core_.store();
  auto record = store.GetProject(project_id);
  working_yaml_ = record ? record->workflow_yaml : "";
  workflow_name_ = record ? record->workflow_name : "workflow.yml";
  std::vector<WorkflowVersionView> versions;
  auto stored = store.ListWorkflowVersions(project_id);
  for (const auto& v : stored) versions.push_back({v.version, v.author, v.created_at, SummaryOf(v.change_json)});
  auto diff = std::make_shared<const markdown::LineDiff>(
      stored.size() >= 2 ? markdown::DiffLines(stored[stored.size() - 2].yaml, stored.back().yaml)
                         : markdown::LineDiff{});
  loaded_spec_ = core_.model.Get<ProjectPart>()->spec;
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& w = d.Mut<WorkflowPart>();
    const uint64_t revision = w.revision;
    w = WorkflowPart{};
    w.project_id = project_id;
    w.revision = revision + 1;
    w.versions = std::move(versions);
    w.last_diff = diff;
    if (stored.size() >= 2) {
      w.last_diff_old = stored[stored.size() - 2].yaml;
      w.last_diff_new = stored.back().yaml;
    }
  });
  Check(working_yaml_, checked_seq_);
}

void WorkflowEditor::Check(const std::string& text, uint64_t seq) {
  const auto start = std::chrono::steady_clock::now();
  SpecLoadResult loaded = LoadWorkflowSpec(text, workflow_name_);
  std::shared_ptr<const WorkflowSpec> spec;
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const DagLayout> layout;
  std::vector<std::string> changed;
  if (loaded.ok()) {
    spec = std::make_shared<const WorkflowSpec>(std::move(*loaded.spec));
    plan = std::make_shared<const Plan>(MakePlan(*spec));
    layout = std::make_shared<const DagLayout>(LayoutDag(*spec, *plan, {}));
    auto working = core_.model.Get<ProjectPart>()->spec;
    if (working)
      for (const auto& c : CompareWorkflows(*working, *spec).phases) changed.push_back(c.Describe());
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const bool dirty = text != working_yaml_;
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& w = d.Mut<WorkflowPart>();
    w.checked_seq = seq;
    w.text = text;
    w.problems = loaded.errors;
    w.valid = loaded.ok();
    w.dirty = dirty;
    w.check_ms = ms;
    if (spec) {  // an invalid draft keeps the last valid graph
      w.spec = spec;
      w.plan = plan;
      w.layout = layout;
      w.changed_phases = std::move(changed);
    }
  });
}

void WorkflowEditor::Apply() {
  auto part = core_.model.Get<WorkflowPart>();
  if (part->project_id == 0 || !part->dirty) return;
  if (!part->valid) {
    core_.Banner(BannerKind::kWarning, "The workflow has problems; fix them first (the project keeps its workflow).");
    return;
  }
  if (Record(part->text)) Load(part->project_id);
}

void WorkflowEditor::Discard() {
  const int64_t id = core_.ProjectId();
  if (id != 0) Load(id);
}

void WorkflowEditor::SetPhaseSetting(const PhaseSetting& setting) {
  auto part = core_.model.Get<WorkflowPart>();
  if (part->project_id == 0) return;
  if (part->dirty) {
    core_.Banner(BannerKind::kWarning,
                 "The workflow editor has changes not applied yet: apply or discard them before changing a phase here.");
    return;
  }
  YamlEdit e = specwave::SetPhaseSetting(working_yaml_, setting);
  if (!e.ok) {
    core_.Banner(BannerKind::kError, "Not changed: " + e.error);
    return;
  }
  if (Record(e.text)) Load(part->project_id);
}

bool WorkflowEditor::Record(const std::string& text) {
  if (core_.model.Get<RunPart>()->running) {
    core_.Banner(BannerKind::kWarning, "A run is in progress; change the workflow when it has finished.");
    return false;
  }
  if (core_.model.Get<StatusPart>()->read_only) {
    core_.Banner(BannerKind::kWarning, "This project is open read-only here; its workflow cannot change.");
    return false;
  }
  SpecLoadResult loaded = LoadWorkflowSpec(text, workflow_name_);
  if (!loaded.ok()) {
    core_.Banner(BannerKind::kError, "The workflow is not valid:\n" + JoinDiagnostics(loaded.errors));
    return false;
  }
  auto project = core_.model.Get<ProjectPart>();
  const WorkflowSpec old_spec = project->spec ? *project->spec : WorkflowSpec{};
  auto spec = std::make_shared<const WorkflowSpec>(std::move(*loaded.spec));
  Regenerator regen(*spec, core_.store(), core_.ports.diff);
  RecordedEdit edit = regen.RecordWorkflowEdit(project->project_id, old_spec, text);
  if (!edit.ok) {
    core_.Banner(BannerKind::kError, "The workflow was not changed: " + edit.error);
    return false;
  }
  working_yaml_ = text;
  if (edit.version_id == 0) return true;  // the same text
  auto plan = std::make_shared<const Plan>(MakePlan(*spec));
  auto layout = std::make_shared<const DagLayout>(LayoutDag(*spec, *plan, {}));
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& pp = d.Mut<ProjectPart>();
    pp.spec = spec;
    pp.plan = plan;
    pp.layout = layout;
    // What each phase last did stays with the phase of that name.
    auto& r = d.Mut<RunPart>();
    auto& tails = d.Mut<StreamPart>().tails;
    std::vector<PhaseView> phases(spec->phases.size());
    std::vector<std::shared_ptr<const std::string>> new_tails(spec->phases.size());
    for (size_t i = 0; i < spec->phases.size(); ++i) {
      int j = old_spec.IndexOf(spec->phases[i].name);
      if (j >= 0 && j < static_cast<int>(r.phases.size())) phases[i] = r.phases[j];
      if (j >= 0 && j < static_cast<int>(tails.size())) new_tails[i] = tails[j];
    }
    r.phases = std::move(phases);
    tails = std::move(new_tails);
    auto& e = d.Mut<EditPart>();
    e.impact = edit.impact;
    ++e.impact_seq;
  });
  loaded_spec_ = spec;
  editor_.Remember(std::move(edit));
  viewer_.Reload();  // the stale marks onto the phases
  return true;
}

}  // namespace specwave
