// The checks and the differ every front end gives the engine: the built-in
// validators (src/validators, reached only through the PhaseChecks port) and
// the markdown section differ.
#pragma once

#include "engine/artifact_diff.hpp"
#include "engine/phase_checks.hpp"
#include "engine/trace_graph.hpp"

namespace specwave {

PhaseChecks DefaultPhaseChecks();
DiffFunction DefaultDiff();
TraceReader DefaultTrace();  // the traceability readers, for trace-level impact

}  // namespace specwave
