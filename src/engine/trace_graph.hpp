// The trace of a spec pack as plain data: which identifiers each artifact
// defines (requirements, epics, tasks, journey steps, endpoints, entities,
// components) and which ones each of them names. Impact analysis walks it to
// find what an edit reaches (trace_impact.hpp); the engine does not read the
// identifiers itself — the traceability readers in src/validators do, behind
// the TraceReader port (wiring/default_checks.hpp gives the built-in one).
//
//   TraceGraph g = reader({{"prd.md", prd}, {"epics.md", epics}, {"tasks.md", tasks}});
//   for (const TraceNode& n : g.nodes)
//     std::printf("%s %s line %d -> %zu refs\n", n.artifact.c_str(), n.key.c_str(), n.line, n.refs.size());
//
// Keys are canonical so that references match whatever style each file was
// written in: "F2", "FR2", "E2", "T2.1", "entity:trip", "endpoint:GET /trips",
// "component:tripcard", "journey:<section>#<step>".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/phase_checks.hpp"

namespace specwave {

enum class TraceKind { kRequirement, kEpic, kTask, kJourneyStep, kEndpoint, kEntity, kComponent };
const char* TraceKindName(TraceKind kind);  // "requirement", "epic", ...

struct TraceNode {
  TraceKind kind = TraceKind::kRequirement;
  std::string key;       // canonical, see above
  std::string label;     // how a reason names it: "E2", "T2.1", "journey 'Plan a trip', step 2", "entity Trip"
  std::string artifact;  // where it is defined
  int line = 0;          // 1-based line of its definition (heading, list item, table row)
  bool heading = false;  // defined by a heading: it owns that section and its subsections
  std::vector<std::string> refs;  // keys of the nodes it names (covers, epic, requirements, touches, resources)
  std::vector<std::string> ref_names;  // each ref as written ("GpxExport"), for messages; same order as refs
};

struct TraceGraph {
  std::vector<TraceNode> nodes;
  // The artifacts the reader understood (found at least one node in): the
  // others have no trace, and impact falls back to the phase graph for them.
  std::vector<std::string> traced_artifacts;

  bool Traced(const std::string& artifact) const;
};

using TraceReader = std::function<TraceGraph(const NamedTexts& artifacts)>;

}  // namespace specwave
