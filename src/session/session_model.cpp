#include "session/session_model.hpp"

namespace specwave {
namespace {

template <typename Part>
void Publish(std::optional<Part>& draft, std::shared_ptr<const Part>& slot, bool* changed) {
  if (!draft) return;
  slot = std::make_shared<const Part>(std::move(*draft));
  *changed = true;
}

}  // namespace

SessionModel::SessionModel()
    : parts_(std::make_shared<const ProjectsPart>(), std::make_shared<const ProjectPart>(),
             std::make_shared<const RunPart>(), std::make_shared<const StreamPart>(),
             std::make_shared<const ArtifactsPart>(), std::make_shared<const ViewerPart>(),
             std::make_shared<const EditPart>(), std::make_shared<const SettingsPart>(),
             std::make_shared<const StatusPart>(), std::make_shared<const WorkflowPart>()) {}

void SessionModel::Commit(Draft& d) {
  bool changed = false;
  std::apply(
      [&](auto&... drafts) { std::apply([&](auto&... slots) { (Publish(drafts, slots, &changed), ...); }, parts_); },
      d.drafts_);
  if (changed) published_.reset();
}

std::shared_ptr<const SessionSnapshot> SessionModel::Snapshot() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!published_) {
    auto s = std::make_shared<SessionSnapshot>();
    s->seq = ++seq_;
    std::tie(s->projects, s->project, s->run, s->stream, s->artifacts, s->viewer, s->edit, s->settings, s->status,
             s->workflow) =
        parts_;
    published_ = std::move(s);
  }
  return published_;
}

}  // namespace specwave
