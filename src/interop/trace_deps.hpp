// What the trace says about task order, for the formats that ask for it:
// Spec Kit's [P] marker, Task Master's dependencies, and priorities.
//
// A task depends on an earlier task (pack order: epics in order, tasks in
// order) when it touches something that task touched: for each name on its
// Touches: line (entity, endpoint, component; case-insensitive), the latest
// earlier task that touched the same name. Two tasks of one epic are
// independent when neither depends on the other. A feature's priority is the
// position of the first epic that covers it (E-order: the delivery order).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "interop/specwave_model.hpp"

namespace specwave::interop {

struct TaskKey {
  int epic = 0, number = 0;
  bool operator<(const TaskKey& o) const { return epic != o.epic ? epic < o.epic : number < o.number; }
  bool operator==(const TaskKey& o) const { return epic == o.epic && number == o.number; }
};

// For each task in `groups` (flattened, in order), the tasks it depends on.
std::map<TaskKey, std::vector<TaskKey>> TraceDependencies(const std::vector<TaskGroup>& groups);

// Tasks that no other task of their own epic depends on and that depend on no
// task of their own epic.
std::vector<TaskKey> IndependentInEpic(const std::vector<TaskGroup>& groups,
                                       const std::map<TaskKey, std::vector<TaskKey>>& deps);

// Feature number -> 1-based rank of the first epic covering it; features no
// epic covers get one past the last epic.
std::map<int, int> FeaturePriority(const std::vector<Epic>& epics, const std::vector<Feature>& features);

}  // namespace specwave::interop
