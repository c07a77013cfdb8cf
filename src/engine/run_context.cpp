#include "engine/run_context.hpp"

#include <algorithm>

#include "engine/fan_out.hpp"
#include "engine/phase_notes.hpp"
#include "engine/phase_reply.hpp"

namespace specwave {

int RunContext::TopoPos(int phase) const {
  const auto& t = plan.topo_order;
  return static_cast<int>(std::find(t.begin(), t.end(), phase) - t.begin());
}

std::string RunContext::GatherInputs(int phase, NamedTexts* out) const {
  std::vector<int> deps = spec.phases[phase].deps;
  std::sort(deps.begin(), deps.end(), [&](int a, int b) { return TopoPos(a) < TopoPos(b); });
  for (int d : deps)
    for (const auto& a : spec.phases[d].produces) {
      auto v = store.LatestVersion(project.id, a);
      if (!v) return "input '" + a + "' from phase '" + spec.phases[d].name + "' is missing from the store";
      out->push_back({a, WithoutCreatedLine(v->content)});  // the same prompt for the same content (phase_reply.hpp)
    }
  return "";
}

std::string RunContext::Frontmatter(int phase, const std::string& artifact) const {
  const PhaseSpec& p = spec.phases[phase];
  std::string generator = provider.IsLanguageModel() ? provider.Name() + "/" + provider.Model() : "offline-rules";
  return "title: " + TitleFromArtifactName(artifact) + " — " + project.name + "\nartifact: " + artifact +
         "\nphase: " + p.name + "\nagent: " + p.agent + "\nversion: 1\ngenerator: " + generator + "\n";
}

PhaseRunRecord RunContext::BaseRecord(int phase, const PhaseAccount& a) const {
  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = spec.phases[phase].name;
  pr.provider = provider.Kind();
  pr.model = provider.Model();
  pr.calls = a.calls;
  pr.cached_calls = a.cached_calls;
  pr.usage = a.usage;
  pr.cost_usd = a.cost_known ? a.cost : -1;
  pr.repair_calls = a.repair_calls;
  pr.raw_reply = a.raw_reply;
  pr.findings_json = PhaseNotesToJson(a.notes);
  return pr;
}

}  // namespace specwave
