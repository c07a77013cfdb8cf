#include "interop/trace_deps.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace specwave::interop {

std::map<TaskKey, std::vector<TaskKey>> TraceDependencies(const std::vector<TaskGroup>& groups) {
  std::map<TaskKey, std::vector<TaskKey>> out;
  std::map<std::string, TaskKey> last_toucher;
  for (const TaskGroup& g : groups)
    for (const Task& t : g.tasks) {
      TaskKey me{t.epic, t.number};
      std::vector<TaskKey>& deps = out[me];
      for (const std::string& name : t.touches) {
        std::string key = ToLower(name);
        auto it = last_toucher.find(key);
        if (it != last_toucher.end() && !(it->second == me) &&
            std::find(deps.begin(), deps.end(), it->second) == deps.end())
          deps.push_back(it->second);
      }
      std::sort(deps.begin(), deps.end());
      for (const std::string& name : t.touches) last_toucher[ToLower(name)] = me;
    }
  return out;
}

std::vector<TaskKey> IndependentInEpic(const std::vector<TaskGroup>& groups,
                                       const std::map<TaskKey, std::vector<TaskKey>>& deps) {
  std::set<TaskKey> linked;
  for (const auto& [task, on] : deps)
    for (const TaskKey& d : on)
      if (d.epic == task.epic) linked.insert(task), linked.insert(d);
  std::vector<TaskKey> out;
  for (const TaskGroup& g : groups) {
    if (g.tasks.size() < 2) continue;
    for (const Task& t : g.tasks)
      if (!linked.count(TaskKey{t.epic, t.number})) out.push_back(TaskKey{t.epic, t.number});
  }
  return out;
}

std::map<int, int> FeaturePriority(const std::vector<Epic>& epics, const std::vector<Feature>& features) {
  std::map<int, int> out;
  for (size_t i = 0; i < epics.size(); ++i)
    for (int f : epics[i].covers)
      if (!out.count(f)) out[f] = static_cast<int>(i) + 1;
  for (const Feature& f : features)
    if (!out.count(f.number)) out[f.number] = static_cast<int>(epics.size()) + 1;
  return out;
}

}  // namespace specwave::interop
