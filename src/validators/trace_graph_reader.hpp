// The engine's TraceReader (engine/trace_graph.hpp) over the traceability
// readers: requirements of prd.md, epics and what they cover, tasks with
// their epic, cited requirements and what they touch, journey steps naming
// requirements, endpoints with their resources, entities and components.
// Artifacts are found by file name, as CheckTraceability finds them.
//
//   regenerator.SetTraceReader(validators::ReadTraceGraph);
#pragma once

#include "engine/trace_graph.hpp"

namespace specwave::validators {

TraceGraph ReadTraceGraph(const NamedTexts& artifacts);

}  // namespace specwave::validators
