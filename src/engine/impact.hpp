// Impact analysis: what an edit to one artifact means for the rest of the
// spec pack. The artifact graph comes from the workflow (an artifact depends
// on every artifact of the phases its phase depends on) and is walked
// transitively; every affected artifact gets a level and a reason a person
// can read, naming the change and the path it travels:
//
//   api-spec.md  HIGH  prd.md > Features > Float plan was added; SPEC_PM -> SPEC_ARCHITECT
//
// Rules (tests/engine/impact_test.cpp holds one test per rule):
//  1. Direct dependents: a section added or deleted -> HIGH; only modified
//     sections -> MEDIUM; only the frontmatter changed -> LOW.
//  2. Each further step down the graph lowers the level by one (HIGH ->
//     MEDIUM -> LOW); LOW stays LOW.
//  3. Artifacts built deterministically from others (phase_type validate or
//     done: reports, the spec-pack index) are LOW: they are rebuilt, not
//     redesigned.
//  4. A phase that declares `consumes` for the edited artifact and reads none
//     of the changed sections is LOW for its direct artifacts ("reads only
//     ..., which did not change"); the walk continues through it at LOW.
//  5. When several paths reach an artifact, the highest level wins; the
//     reason names that path.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/spec.hpp"
#include "engine/store_port.hpp"

namespace specwave {

// kNone: reached by the phase graph but not by the trace (issue #16.1): no
// call is made for it. It never appears in ImpactAnalysis::affected.
enum class ImpactLevel { kNone = -1, kLow = 0, kMedium = 1, kHigh = 2 };
const char* ImpactLevelName(ImpactLevel level);

struct SectionChange {
  std::string section;  // heading path, e.g. "PRD > Features > Auth"
  std::string change;   // added | modified | deleted
  int old_line = 0, new_line = 0;
};

struct ArtifactChangeInput {
  std::string artifact;
  bool changed = false;
  std::string old_sha256, new_sha256;
  std::vector<SectionChange> sections;
};

// One section or item of an affected artifact that the trace reaches.
struct ImpactItem {
  std::string section;  // heading path in that artifact
  std::string id;       // the trace key of the item ("E2", "T2.1", "entity:trip")
  ImpactLevel level = ImpactLevel::kLow;
  std::string reason;   // "E2 covers F2, whose acceptance gained a bullet"
  // Where the trace reached it from, so a view can draw the chain
  // F2 → E2 → T2.1 once instead of one reason per item (impact_groups.hpp).
  std::string label;    // how a person reads it: "E2", "journey 'Plan a trip', step 2", "entity Route"
  std::string root;     // the changed id it traces back to ("F2")
  std::string via;      // the item it was reached through ("E2"); "" when it names `root` itself
  int depth = 1;        // steps from `root`: 1 names it, 2 names what names it, ...
};

// An identifier the edit changed, and how ("whose acceptance gained a bullet").
struct ChangedId {
  std::string id;
  std::string how;
  std::string section;
  std::string label;  // as a reason names it ("F2", "journey 'Plan a trip', step 2"); "" = the id
};

struct AffectedArtifact {
  std::string artifact;
  std::string phase;       // its producer
  ImpactLevel level = ImpactLevel::kLow;
  int distance = 1;        // 1 = direct dependent
  std::string reason;
  std::vector<std::string> path;  // phases from the trigger's producer to this artifact's
  bool from_trace = false;         // level from the trace; false: phase-graph fallback
  std::string fallback_why;        // with the fallback: why the trace did not rate it ("the trace reads no identifiers in architecture.md")
  std::vector<ImpactItem> items;   // what the trace reaches in it (empty for the fallback)
};

enum class Strategy { kRegenerateAll, kHighImpactOnly, kManualReview, kIgnore };
const char* StrategyName(Strategy s);
bool ParseStrategy(const std::string& s, Strategy* out);

struct ImpactEstimate {
  int phases = 0;
  int calls = 0;           // model calls the regeneration would make (before early cutoff)
  double time_ms = 0;      // critical path of the phases to run, from their last measured durations
  double sequential_ms = 0;
  int64_t tokens = 0;
  double cost_usd = 0;
  bool cost_known = true;
  bool from_history = false;  // false: no past runs to estimate from
};

struct ImpactAnalysis {
  ArtifactChangeInput change;
  ImpactLevel change_level = ImpactLevel::kLow;  // of the edit itself (rule 1)
  std::vector<AffectedArtifact> affected;        // graph order
  std::vector<AffectedArtifact> unaffected;      // NONE: downstream by the graph, out of the trace's reach
  std::vector<ChangedId> changed_ids;            // from the trace; empty when it was not used
  bool trace_used = false;
  std::string trace_note;                        // why the trace was not (fully) used
  int high = 0, medium = 0, low = 0;
  Strategy recommended = Strategy::kIgnore;
  std::string recommendation_reason;
  ImpactEstimate estimate;  // for regenerate_all of the affected artifacts

  std::vector<std::string> Select(Strategy strategy, const std::vector<std::string>& manual) const;
  std::string ToJson() const;
};

// Past measurements per phase (latest successful phase run), for estimates.
struct PhaseHistory {
  std::string phase;
  double duration_ms = 0;
  int calls = 0;
  int64_t tokens = 0;
  double cost_usd = 0;  // < 0 unknown
};

// Applied to the phase-graph walk's result before counting, estimating and
// recommending: the trace-level refinement (trace_impact.hpp) rates the
// artifacts again, fills their items and moves the ones it does not reach
// to `unaffected`.
using ImpactRefinement = std::function<void(ImpactAnalysis*)>;

ImpactAnalysis AnalyzeImpact(const WorkflowSpec& spec, const ArtifactChangeInput& change,
                             const std::vector<PhaseHistory>& history, const ImpactRefinement& refine = {});

// The phases that produce `artifacts` (graph order).
std::vector<std::string> ProducingPhases(const WorkflowSpec& spec, const std::vector<std::string>& artifacts);

}  // namespace specwave
