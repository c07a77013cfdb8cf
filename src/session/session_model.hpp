// SessionModel: the current parts of the session's snapshot and the one lock
// that guards them. Every change is a transaction over copies of the parts
// it touches; at its end the changed parts replace the old ones together
// (so the UI never sees a new project with the old project's phases), and
// the next Snapshot() hands out the new pointers.
//
//   model.Change([&](SessionModel::Draft& d) {
//     d.Mut<RunPart>().running = true;          // copies RunPart once
//     d.Mut<StatusPart>().banner = "…";
//   });
//   auto run = model.Get<RunPart>();            // current, immutable
//
// Thread-safe. Changes are short (copies and assignments): no store call and
// no engine work may happen inside one, so the render thread's Snapshot()
// never waits on anything slow.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>

#include "session/snapshot.hpp"

namespace specwave {

class SessionModel {
 public:
  SessionModel();

  template <typename Part>
  std::shared_ptr<const Part> Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return std::get<std::shared_ptr<const Part>>(parts_);
  }

  class Draft {
   public:
    // The part as it will be published; copied from the current one on
    // first use in this transaction.
    template <typename Part>
    Part& Mut() {
      auto& slot = std::get<std::optional<Part>>(drafts_);
      if (!slot) slot.emplace(*std::get<std::shared_ptr<const Part>>(model_.parts_));
      return *slot;
    }
    // What the part holds now (the draft if this transaction changed it).
    template <typename Part>
    const Part& Read() const {
      const auto& slot = std::get<std::optional<Part>>(drafts_);
      return slot ? *slot : *std::get<std::shared_ptr<const Part>>(model_.parts_);
    }

   private:
    friend class SessionModel;
    explicit Draft(SessionModel& m) : model_(m) {}
    SessionModel& model_;
    std::tuple<std::optional<ProjectsPart>, std::optional<ProjectPart>, std::optional<RunPart>,
               std::optional<StreamPart>, std::optional<ArtifactsPart>, std::optional<ViewerPart>,
               std::optional<EditPart>, std::optional<SettingsPart>, std::optional<StatusPart>,
               std::optional<WorkflowPart>>
        drafts_;
  };

  template <typename Fn>
  void Change(Fn&& fn) {
    std::lock_guard<std::mutex> lock(mu_);
    Draft d(*this);
    fn(d);
    Commit(d);
  }

  // The published snapshot: new only after a change.
  std::shared_ptr<const SessionSnapshot> Snapshot();

 private:
  void Commit(Draft& d);

  mutable std::mutex mu_;
  std::tuple<std::shared_ptr<const ProjectsPart>, std::shared_ptr<const ProjectPart>, std::shared_ptr<const RunPart>,
             std::shared_ptr<const StreamPart>, std::shared_ptr<const ArtifactsPart>, std::shared_ptr<const ViewerPart>,
             std::shared_ptr<const EditPart>, std::shared_ptr<const SettingsPart>, std::shared_ptr<const StatusPart>,
             std::shared_ptr<const WorkflowPart>>
      parts_;                                         // guarded by mu_
  uint64_t seq_ = 0;                                  // guarded by mu_
  std::shared_ptr<const SessionSnapshot> published_;  // guarded by mu_
};

}  // namespace specwave
