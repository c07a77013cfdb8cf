#include "engine/workflow_change.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "core/text.hpp"
#include "engine/plan.hpp"
#include "engine/regeneration_estimate.hpp"

namespace specwave {
namespace {

std::string FanOutText(const std::optional<FanOut>& f) {
  if (!f) return "";
  return std::string(f->items == FanOut::Items::kHeadings ? "headings:" : "artifacts:") + f->over + ":" +
         std::to_string(f->heading_level);
}

std::string ConsumesText(const PhaseSpec& p) {
  std::string out;
  for (const auto& [artifact, sections] : p.consumes) out += artifact + "=" + Join(sections, ",") + ";";
  return out;
}

// One comparable text per field; the order is the order the fields are named in.
struct Field {
  const char* name;
  bool stale;  // a change here changes what the phase writes
  std::string (*text)(const PhaseSpec&);
};

const Field kFields[] = {
    {"prompt", true, [](const PhaseSpec& p) { return p.prompt; }},
    {"inputs", true, [](const PhaseSpec& p) { return Join(p.depends_on, ",") + "|" + ConsumesText(p); }},
    {"produces", true, [](const PhaseSpec& p) { return Join(p.produces, ","); }},
    {"validators", true, [](const PhaseSpec& p) { return Join(p.validators, ","); }},
    {"description", true, [](const PhaseSpec& p) { return p.description; }},
    {"agent", true, [](const PhaseSpec& p) { return p.agent; }},
    {"phase_type", true, [](const PhaseSpec& p) { return p.phase_type; }},
    {"fan_out", true, [](const PhaseSpec& p) { return FanOutText(p.fan_out); }},
    {"frontmatter_fields", true, [](const PhaseSpec& p) { return Join(p.frontmatter_fields, ","); }},
    {"requires_stack", true, [](const PhaseSpec& p) { return std::string(p.requires_stack ? "1" : "0"); }},
    {"critical", false, [](const PhaseSpec& p) { return std::string(p.critical ? "1" : "0"); }},
    {"approval_gates", false, [](const PhaseSpec& p) { return Join(p.approval_gates, ","); }},
    {"priority", false, [](const PhaseSpec& p) { return std::to_string(p.priority); }},
};

ImpactLevel Lower(ImpactLevel l) { return l == ImpactLevel::kHigh ? ImpactLevel::kMedium : ImpactLevel::kLow; }

}  // namespace

std::string PhaseDefinitionChange::Describe() const {
  switch (kind) {
    case Kind::kAdded: return phase + ": new phase";
    case Kind::kRemoved: return phase + ": removed (its artifacts are kept, no longer produced)";
    case Kind::kChanged: break;
  }
  return phase + ": " + Join(fields, ", ") + " changed";
}

std::string WorkflowChange::Describe() const {
  std::string out;
  if (header_changed) out += "workflow name, description or frontmatter_fields changed\n";
  for (const auto& p : phases) out += p.Describe() + "\n";
  return out;
}

std::string WorkflowChange::ToJson() const {
  using nlohmann::json;
  static const char* kKinds[] = {"changed", "added", "removed"};
  json list = json::array();
  for (const auto& p : phases)
    list.push_back({{"phase", p.phase}, {"kind", kKinds[static_cast<int>(p.kind)]}, {"fields", p.fields},
                    {"stale", p.stale}});
  json out = {{"phases", list}, {"header_changed", header_changed}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

WorkflowChange CompareWorkflows(const WorkflowSpec& old_spec, const WorkflowSpec& new_spec) {
  WorkflowChange out;
  out.header_changed = old_spec.name != new_spec.name || old_spec.description != new_spec.description ||
                       old_spec.frontmatter_fields != new_spec.frontmatter_fields;
  for (const PhaseSpec& p : new_spec.phases) {
    int i = old_spec.IndexOf(p.name);
    PhaseDefinitionChange c;
    c.phase = p.name;
    if (i < 0) {
      c.kind = PhaseDefinitionChange::Kind::kAdded;
      c.stale = true;
      out.phases.push_back(c);
      continue;
    }
    const PhaseSpec& old = old_spec.phases[i];
    for (const Field& f : kFields)
      if (f.text(old) != f.text(p)) {
        c.fields.push_back(f.name);
        c.stale = c.stale || f.stale;
      }
    // Workflow-wide frontmatter_fields reach every phase that does not set its own.
    if (p.frontmatter_fields.empty() && old_spec.frontmatter_fields != new_spec.frontmatter_fields) {
      c.fields.push_back("frontmatter_fields (workflow-wide)");
      c.stale = true;
    }
    if (!c.fields.empty()) out.phases.push_back(c);
  }
  for (const PhaseSpec& p : old_spec.phases)
    if (new_spec.IndexOf(p.name) < 0) {
      PhaseDefinitionChange c;
      c.kind = PhaseDefinitionChange::Kind::kRemoved;
      c.phase = p.name;
      out.phases.push_back(c);
    }
  return out;
}

ImpactAnalysis AnalyzeWorkflowImpact(const WorkflowSpec& spec, const WorkflowChange& change,
                                     const std::vector<PhaseHistory>& history, const std::string& label) {
  ImpactAnalysis out;
  out.change.artifact = kWorkflowTrigger;
  out.change.changed = !change.empty();
  for (const auto& p : change.phases) {
    static const char* kWords[] = {"modified", "added", "deleted"};
    out.change.sections.push_back({p.phase + " > " + (p.fields.empty() ? "phase" : Join(p.fields, ", ")),
                                   kWords[static_cast<int>(p.kind)]});
  }
  out.change_level = ImpactLevel::kHigh;

  // best[v]: how phase v is reached — directly (its definition changed,
  // distance 0) or through the nearest changed phase upstream.
  Plan plan = MakePlan(spec);
  std::vector<PhaseReach> best(spec.phases.size());
  for (const auto& c : change.phases) {
    int i = spec.IndexOf(c.phase);
    if (i < 0 || !c.stale) continue;
    PhaseReach& b = best[i];
    b.affected = true;
    b.level = spec.phases[i].IsDeterministic() ? ImpactLevel::kLow : ImpactLevel::kHigh;
    b.path = {i};
    b.reason = c.kind == PhaseDefinitionChange::Kind::kAdded ? "phase " + c.phase + " is new in " + label
                                                              : "phase " + c.phase + "'s " + Join(c.fields, ", ") +
                                                                    " changed in " + label;
  }
  for (int v : plan.topo_order) {
    if (best[v].affected && best[v].distance == 0) continue;
    for (int d : spec.phases[v].deps) {
      if (!best[d].affected) continue;
      PhaseReach cand;
      cand.affected = true;
      cand.distance = best[d].distance + 1;
      cand.level = spec.phases[v].IsDeterministic() ? ImpactLevel::kLow : Lower(best[d].level);
      cand.path = best[d].path;
      cand.path.push_back(v);
      std::string via;
      for (size_t k = 0; k < cand.path.size(); ++k) via += (k ? " -> " : "") + spec.phases[cand.path[k]].name;
      std::string root = best[cand.path.front()].reason;
      cand.reason = root + ", via " + via;
      PhaseReach& b = best[v];
      if (!b.affected || cand.level > b.level || (cand.level == b.level && cand.distance < b.distance)) b = cand;
    }
  }

  out.affected = AffectedArtifactsOf(spec, plan, best);
  for (const auto& aa : out.affected)
    (aa.level == ImpactLevel::kHigh ? out.high : aa.level == ImpactLevel::kMedium ? out.medium : out.low)++;
  std::set<int> phases;  // a reached phase that produces nothing still runs
  for (int v = 0; v < static_cast<int>(best.size()); ++v)
    if (best[v].affected) phases.insert(v);
  out.estimate = EstimateRegeneration(spec, phases, history);
  if (out.affected.empty()) {
    out.recommended = Strategy::kIgnore;
    out.recommendation_reason = change.empty() ? "nothing changed"
                                               : "no phase's output depends on what changed (gates, priority, "
                                                 "critical or removed phases only)";
  } else {
    int changed = 0;
    for (const auto& b : best) changed += b.affected && b.distance == 0;
    out.recommended = Strategy::kRegenerateAll;
    out.recommendation_reason = std::to_string(changed) + (changed == 1 ? " phase's definition" : " phases' definitions") +
                                " changed; regenerate what they write and what depends on it (early cutoff stops "
                                "where outputs come out unchanged)";
  }
  return out;
}

}  // namespace specwave
