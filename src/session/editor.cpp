#include "session/editor.hpp"

namespace specwave {

void Editor::Save(const std::string& artifact, const std::string& content) {
  auto project = core_.model.Get<ProjectPart>();
  const int64_t id = project->project_id;
  if (id == 0) return;
  if (project->spec && project->spec->ProducerOf(artifact) >= 0 && core_.ports.diff) {
    Regenerator regen(*project->spec, core_.store(), core_.ports.diff);
    regen.SetTraceReader(core_.ports.trace);
    RecordedEdit edit = regen.RecordEdit(id, artifact, content);
    if (!edit.ok) {
      core_.Banner(BannerKind::kError, "Your edit was not saved: " + edit.error);
      return;
    }
    core_.model.Change([&](SessionModel::Draft& d) {
      auto& e = d.Mut<EditPart>();
      e.impact = edit.impact;
      ++e.impact_seq;
    });
    last_edit_ = std::move(edit);
  } else {
    ArtifactVersion v;
    v.project_id = id;
    v.artifact = artifact;
    v.content = content;
    v.author = "user";
    if (StoreError err = core_.store().AddVersion(v)) {
      core_.Banner(BannerKind::kError, "Your edit was not saved: " + err.message);
      return;
    }
  }
  viewer_.Reload();
}

void Editor::Restore(const std::string& artifact, int version) {
  for (const auto& v : core_.store().ListVersions(core_.ProjectId(), artifact))
    if (v.version == version) {
      Save(artifact, v.content);
      return;
    }
  core_.Banner(BannerKind::kError, artifact + " has no version " + std::to_string(version));
}

void Editor::MarkReviewed(const std::string& artifact) {
  if (StoreError err = core_.store().ClearStale(core_.ProjectId(), artifact))
    core_.Banner(BannerKind::kError, err.message);
  viewer_.Reload();
}

void Editor::DismissImpact() {
  core_.model.Change([](SessionModel::Draft& d) { d.Mut<EditPart>().impact.reset(); });
}

void Editor::Clear() {
  last_edit_.reset();
  core_.model.Change([](SessionModel::Draft& d) {
    auto& e = d.Mut<EditPart>();
    e.impact.reset();
    e.last_regeneration.reset();
  });
}

}  // namespace specwave
