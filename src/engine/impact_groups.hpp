// The impact of an edit grouped by what changed (issue #16.9), for a person
// to read at a glance: one group per changed id with the chain the trace
// followed and the reason said once, instead of one artifact after another
// each repeating a long reason.
//
//   F2 · HIGH      F2 → E2 → T2.1, T2.2 → entity Route · journey 'Plan a trip', step 2
//                  F2, whose acceptance gained a bullet
//                  epics.md HIGH · tasks.md MEDIUM · data-model.md LOW · journey-maps.md HIGH
//   Phase-graph fallback · MEDIUM   (the trace reads no identifiers in architecture.md)
//   Reports · LOW                   (built from the others: rebuilt, not redesigned)
//   6 artifacts not affected        (folded: nothing in them names F2 or anything that does)
//
//   ImpactGroups g = GroupImpact(spec, analysis);
//   for (const ImpactGroup& group : g.groups) draw(group.title, group.chain, group.reason);
//
// Plain data built from ImpactAnalysis (impact.hpp, trace_impact.hpp); no
// text is parsed: the chain comes from each item's root, via and depth.
#pragma once

#include <string>
#include <vector>

#include "engine/impact.hpp"

namespace specwave {

enum class ImpactGroupKind {
  kChangedId,           // what the trace reaches from one changed id
  kPhaseGraphFallback,  // artifacts the trace does not rate: their level is the phase graph's
  kReports,             // reports the engine builds from the others (validation report, spec pack)
};
const char* ImpactGroupKindName(ImpactGroupKind kind);  // "changed_id", "phase_graph_fallback", "reports"

// One step of a chain: every item at the same distance from the changed id.
struct ImpactTier {
  ImpactLevel level = ImpactLevel::kLow;  // the highest of its items
  std::vector<std::string> labels;        // "T2.1", "T2.2"
};

// What one item naming the changed id leads to: E2 → T2.1, T2.2 → entity Route.
struct ImpactBranch {
  std::vector<ImpactTier> tiers;  // tiers[0] holds the item naming the changed id
};

struct ImpactGroupArtifact {
  std::string artifact;
  std::string phase;  // its producer
  ImpactLevel level = ImpactLevel::kLow;  // within this group
  std::string detail;  // trace: the items reached ("T2.1, T2.2"); fallback: the phase path ("SPEC_PM → SPEC_ARCHITECT")
};

struct ImpactGroup {
  ImpactGroupKind kind = ImpactGroupKind::kChangedId;
  std::string id;     // the changed id's key (kChangedId), else ""
  std::string title;  // "F2", "Phase-graph fallback", "Reports"
  ImpactLevel level = ImpactLevel::kLow;  // the highest of its artifacts
  std::string chain;  // "F2 → E2 → T2.1, T2.2 · journey 'Plan a trip', step 2" ("" for the other kinds)
  std::string reason;  // said once for the whole group
  std::vector<ImpactBranch> branches;
  std::vector<ImpactGroupArtifact> artifacts;  // graph order
};

struct ImpactGroups {
  std::vector<ImpactGroup> groups;          // changed ids (the edit's order), then the fallback, then reports
  std::vector<std::string> not_affected;    // the NONE artifacts, folded into one line
  std::string not_affected_line;            // "6 artifacts not affected" ("" when none)
  std::string not_affected_reason;          // "Nothing in them names F2 or anything that does: no call is made for them."
};

// At most this many labels per tier in `chain` ("T2.1, T2.2, … +4 more");
// `branches` keeps them all.
inline constexpr int kChainLabelsPerTier = 6;

ImpactGroups GroupImpact(const WorkflowSpec& spec, const ImpactAnalysis& analysis);

}  // namespace specwave
