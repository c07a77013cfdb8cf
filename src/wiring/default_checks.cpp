#include "wiring/default_checks.hpp"

#include "validators/default_checks.hpp"
#include "validators/trace_graph_reader.hpp"

namespace specwave {

PhaseChecks DefaultPhaseChecks() { return validators::MakeDefaultPhaseChecks(); }
DiffFunction DefaultDiff() { return MarkdownDiff(); }
TraceReader DefaultTrace() { return validators::ReadTraceGraph; }

}  // namespace specwave
