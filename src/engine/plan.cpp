#include "engine/plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <queue>

namespace specwave {

Plan MakePlan(const WorkflowSpec& spec) {
  const size_t n = spec.phases.size();
  Plan plan;
  plan.level.assign(n, 0);
  plan.dependents.assign(n, {});
  std::vector<int> indegree(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (int d : spec.phases[i].deps) plan.dependents[d].push_back(static_cast<int>(i));
    indegree[i] = static_cast<int>(spec.phases[i].deps.size());
  }
  // Kahn with a min-heap on declaration index: deterministic, stable order.
  std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
  for (size_t i = 0; i < n; ++i)
    if (indegree[i] == 0) ready.push(static_cast<int>(i));
  while (!ready.empty()) {
    int v = ready.top();
    ready.pop();
    plan.topo_order.push_back(v);
    for (int w : plan.dependents[v]) {
      plan.level[w] = std::max(plan.level[w], plan.level[v] + 1);
      if (--indegree[w] == 0) ready.push(w);
    }
  }
  int max_level = -1;
  for (int l : plan.level) max_level = std::max(max_level, l);
  plan.waves.assign(static_cast<size_t>(max_level + 1), {});
  for (int v : plan.topo_order) plan.waves[plan.level[v]].push_back(v);
  for (auto& w : plan.waves) std::sort(w.begin(), w.end());
  return plan;
}

CriticalPathResult CriticalPath(const WorkflowSpec& spec, const Plan& plan, const std::vector<double>& duration_ms) {
  const size_t n = spec.phases.size();
  std::vector<double> finish(n, 0);
  std::vector<int> via(n, -1);
  for (int v : plan.topo_order) {
    double start = 0;
    for (int d : spec.phases[v].deps)
      if (via[v] < 0 || finish[d] > start) {
        start = finish[d];
        via[v] = d;
      }
    finish[v] = start + (v < static_cast<int>(duration_ms.size()) ? duration_ms[v] : 0);
  }
  CriticalPathResult r;
  int end = -1;
  for (size_t i = 0; i < n; ++i)
    if (end < 0 || finish[i] > finish[end]) end = static_cast<int>(i);
  if (end < 0) return r;
  r.length_ms = finish[end];
  for (int v = end; v >= 0; v = via[v]) r.phases.push_back(v);
  std::reverse(r.phases.begin(), r.phases.end());
  return r;
}

std::vector<double> RemainingPathLength(const WorkflowSpec& spec, const Plan& plan,
                                        const std::vector<double>& duration_ms) {
  std::vector<double> rest(spec.phases.size(), 0);
  for (auto it = plan.topo_order.rbegin(); it != plan.topo_order.rend(); ++it) {
    int v = *it;
    double after = 0;
    for (int w : plan.dependents[v]) after = std::max(after, rest[w]);
    rest[v] = duration_ms[v] + after;
  }
  return rest;
}

std::string PlanToJson(const WorkflowSpec& spec, const Plan& plan, const CriticalPathResult& cp,
                       const std::vector<double>& duration_ms) {
  using nlohmann::json;
  json phases = json::array();
  for (int v : plan.topo_order) {
    const auto& p = spec.phases[v];
    json deps = json::array();
    for (int d : p.deps) deps.push_back(spec.phases[d].name);
    phases.push_back({{"name", p.name},
                      {"level", plan.level[v]},
                      {"agent", p.agent},
                      {"depends_on", deps},
                      {"produces", p.produces},
                      {"duration_ms", duration_ms[v]}});
  }
  json waves = json::array();
  for (const auto& w : plan.waves) {
    json names = json::array();
    for (int v : w) names.push_back(spec.phases[v].name);
    waves.push_back(names);
  }
  json path = json::array();
  for (int v : cp.phases) path.push_back(spec.phases[v].name);
  json out = {{"phases", phases}, {"waves", waves}, {"critical_path", path}, {"critical_path_ms", cp.length_ms}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace specwave
