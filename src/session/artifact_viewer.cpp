#include "session/artifact_viewer.hpp"

#include "session/findings_view.hpp"

namespace specwave {

void ArtifactViewer::Open(const std::string& artifact) {
  core_.model.Change([&](SessionModel::Draft& d) {
    ViewerPart fresh;
    fresh.open_artifact = artifact;
    d.Mut<ViewerPart>() = std::move(fresh);
  });
  Reload();
}

void ArtifactViewer::Close() {
  core_.model.Change([](SessionModel::Draft& d) { d.Mut<ViewerPart>() = ViewerPart{}; });
}

void ArtifactViewer::ShowVersion(int version) {
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& v = d.Mut<ViewerPart>();
    v.shown_version = version;
    v.blocks = std::make_shared<const std::vector<markdown::RenderBlock>>();
  });
  Prepare();
}

void ArtifactViewer::Compare(int old_version, int new_version) {
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& v = d.Mut<ViewerPart>();
    v.diff_old = old_version;
    v.diff_new = new_version;
    v.diff = std::make_shared<const markdown::LineDiff>();
    v.diff_sections = std::make_shared<const std::vector<markdown::SectionDelta>>();
  });
  Prepare();
}

namespace {

// Stale marks and stored findings placed on the phases that produced them.
// The store is the truth for findings, except in a phase running now (its
// live findings arrive through the run's observer).
void PlaceOnPhases(const WorkflowSpec& spec, const std::vector<ArtifactState>& artifacts,
                   const FindingsByArtifact& findings, std::vector<PhaseView>* phases) {
  if (phases->size() != spec.phases.size()) return;
  for (auto& v : *phases) {
    v.stale = false;
    v.stale_reason.clear();
  }
  for (const auto& a : artifacts) {
    if (a.stale_reason.empty()) continue;
    int p = spec.ProducerOf(a.artifact);
    if (p < 0) continue;
    (*phases)[p].stale = true;
    (*phases)[p].stale_reason = a.stale_reason;
  }
  auto placed = PlaceFindings(spec, findings);
  for (size_t i = 0; i < placed.size(); ++i) {
    (*phases)[i].gaps = placed[i].gaps;
    if ((*phases)[i].status != PhaseStatus::kRunning) (*phases)[i].findings = std::move(placed[i].findings);
  }
}

}  // namespace

void ArtifactViewer::Reload() {
  auto project = core_.model.Get<ProjectPart>();
  const int64_t id = project->project_id;
  if (id == 0) return;
  const std::string open = core_.model.Get<ViewerPart>()->open_artifact;
  Store& store = core_.store();
  auto artifacts = store.ListArtifacts(id);
  auto versions = std::make_shared<const std::vector<ArtifactVersion>>(open.empty() ? std::vector<ArtifactVersion>{}
                                                                                    : store.ListVersions(id, open));
  std::string findings_error;
  auto findings = StoredFindings(artifacts, store.LatestValidations(id), &findings_error);
  bool prepare = false;
  core_.model.Change([&](SessionModel::Draft& d) {
    if (d.Read<ProjectPart>().project_id != id) return;  // another project was opened meanwhile
    if (d.Read<ViewerPart>().open_artifact == open) {
      auto& v = d.Mut<ViewerPart>();
      if (!open.empty()) {
        // Was showing the latest: keep showing the latest.
        if (versions->size() != v.versions->size() && v.shown_version > 0 &&
            v.shown_version == static_cast<int>(v.versions->size()))
          v.shown_version = 0;
        prepare = true;
      }
      v.versions = versions;
    }
    if (project->spec) PlaceOnPhases(*project->spec, artifacts, findings, &d.Mut<RunPart>().phases);
    auto& a = d.Mut<ArtifactsPart>();
    a.artifacts = std::move(artifacts);
    a.findings_by_artifact = std::move(findings);
  });
  if (!findings_error.empty()) core_.Banner(BannerKind::kWarning, findings_error);
  if (prepare) Prepare();
}

void ArtifactViewer::Prepare() {
  auto viewer = core_.model.Get<ViewerPart>();
  const auto& versions = *viewer->versions;
  auto find = [&](int v) -> const ArtifactVersion* {
    if (versions.empty()) return nullptr;
    if (v <= 0) return &versions.back();
    for (const auto& x : versions)
      if (x.version == v) return &x;
    return nullptr;
  };
  const ArtifactVersion* show = find(viewer->shown_version);
  auto blocks = std::make_shared<std::vector<markdown::RenderBlock>>();
  auto swatches = std::make_shared<TokenSwatches>();
  if (show) {
    *blocks = markdown::RenderBlocks(show->content);
    *swatches = ComputeTokenSwatches(show->content);
  }
  auto diff = std::make_shared<markdown::LineDiff>();
  auto sections = std::make_shared<std::vector<markdown::SectionDelta>>();
  const ArtifactVersion* va = viewer->diff_old > 0 ? find(viewer->diff_old) : nullptr;
  const ArtifactVersion* vb = viewer->diff_new > 0 ? find(viewer->diff_new) : nullptr;
  if (va && vb) {
    *diff = markdown::DiffLines(va->content, vb->content);
    *sections = markdown::DiffSections(va->content, vb->content).sections;
  }
  core_.model.Change([&](SessionModel::Draft& d) {
    // Changed meanwhile (another artifact, new versions): a later call redoes it.
    if (d.Read<ViewerPart>().versions != viewer->versions) return;
    auto& v = d.Mut<ViewerPart>();
    v.blocks = std::move(blocks);
    v.swatches = std::move(swatches);
    if (show && viewer->shown_version <= 0) v.shown_version = show->version;
    v.diff = std::move(diff);
    v.diff_sections = std::move(sections);
  });
}

}  // namespace specwave
