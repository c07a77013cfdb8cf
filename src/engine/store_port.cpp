#include "engine/store_port.hpp"

namespace specwave {

std::optional<WorkflowRunRecord> LatestAnyRun(Store& store, int64_t project_id) {
  auto run = store.LatestRun(project_id, RunKind::kRun);
  auto regen = store.LatestRun(project_id, RunKind::kRegeneration);
  if (!run || (regen && regen->id > run->id)) return regen;
  return run;
}

}  // namespace specwave
