#include "engine/regeneration_estimate.hpp"

#include <map>
#include <string>

#include "engine/plan.hpp"

namespace specwave {

std::vector<AffectedArtifact> AffectedArtifactsOf(const WorkflowSpec& spec, const Plan& plan,
                                                  const std::vector<PhaseReach>& reach) {
  std::vector<AffectedArtifact> out;
  for (int v : plan.topo_order) {
    if (!reach[v].affected) continue;
    for (const auto& a : spec.phases[v].produces) {
      AffectedArtifact aa;
      aa.artifact = a;
      aa.phase = spec.phases[v].name;
      aa.level = reach[v].level;
      aa.distance = reach[v].distance;
      aa.reason = a + ": " + reach[v].reason;
      for (int x : reach[v].path) aa.path.push_back(spec.phases[x].name);
      out.push_back(std::move(aa));
    }
  }
  return out;
}

ImpactEstimate EstimateRegeneration(const WorkflowSpec& spec, const std::set<int>& phases,
                                    const std::vector<PhaseHistory>& history) {
  ImpactEstimate e;
  std::map<std::string, const PhaseHistory*> hist;
  for (const auto& h : history) hist[h.phase] = &h;
  std::vector<double> weights(spec.phases.size(), 0);
  const Plan plan = MakePlan(spec);
  for (int v : plan.topo_order) {
    if (!phases.count(v)) continue;
    const PhaseSpec& p = spec.phases[v];
    ++e.phases;
    if (auto it = hist.find(p.name); it != hist.end()) {
      e.from_history = true;
      weights[v] = it->second->duration_ms;
      e.sequential_ms += it->second->duration_ms;
      e.calls += it->second->calls;
      e.tokens += it->second->tokens;
      if (it->second->cost_usd < 0) e.cost_known = false;
      else e.cost_usd += it->second->cost_usd;
    } else {
      e.cost_known = false;
      e.calls += p.IsDeterministic() ? 0 : 1;
    }
  }
  e.time_ms = CriticalPath(spec, plan, weights).length_ms;
  return e;
}

}  // namespace specwave
