// WorkflowChange: what an edit of a project's workflow spec changed, phase
// by phase, and what that means for the artifacts already written.
//
//   WorkflowChange change = CompareWorkflows(old_spec, new_spec);
//   for (const auto& p : change.phases) puts(p.Describe().c_str());   // "SPEC_PM: prompt changed"
//   ImpactAnalysis impact = AnalyzeWorkflowImpact(new_spec, change, history, "workflow v3");
//
// A phase is stale when a field that shapes what it writes changed: the
// prompt, its inputs (depends_on, consumes), what it produces, its
// validators, and also its description, agent, phase_type, fan_out and
// frontmatter_fields (all of them are part of its prompt or its checks).
// Fields that only steer the run — critical, approval_gates, priority — are
// recorded as changes but mark nothing stale: the text would come out the same.
//
// The impact is the one an edited artifact gets (engine/impact.hpp), so
// regeneration treats it the same way: the changed phases' artifacts are
// HIGH (distance 0: the phase itself changed), each step downstream one
// level lower, reports LOW; the strategies select from it as usual.
#pragma once

#include <string>
#include <vector>

#include "engine/impact.hpp"
#include "engine/spec.hpp"

namespace specwave {

// The trigger name a workflow edit carries in ImpactAnalysis::change.artifact
// (no phase produces it, so nothing mistakes it for an artifact).
inline constexpr const char* kWorkflowTrigger = "workflow";

struct PhaseDefinitionChange {
  enum class Kind { kChanged, kAdded, kRemoved };
  Kind kind = Kind::kChanged;
  std::string phase;
  std::vector<std::string> fields;  // kChanged: the changed fields, in a fixed order ("prompt", "inputs", ...)
  bool stale = false;               // the phase's artifacts are out of date (see the header comment)
  std::string Describe() const;     // "SPEC_PM: prompt, validators changed"
};

struct WorkflowChange {
  std::vector<PhaseDefinitionChange> phases;  // new spec's order, then removed phases
  bool header_changed = false;                // name, description or workflow-wide frontmatter_fields
  bool empty() const { return phases.empty() && !header_changed; }
  std::string Describe() const;  // one line per phase change; "" when empty
  std::string ToJson() const;
};

WorkflowChange CompareWorkflows(const WorkflowSpec& old_spec, const WorkflowSpec& new_spec);

// `label` names the change in reasons ("workflow v2").
ImpactAnalysis AnalyzeWorkflowImpact(const WorkflowSpec& new_spec, const WorkflowChange& change,
                                     const std::vector<PhaseHistory>& history, const std::string& label);

}  // namespace specwave
