#include "wiring/default_checks.hpp"

#include "validators/default_checks.hpp"

namespace specwave {

PhaseChecks DefaultPhaseChecks() { return validators::MakeDefaultPhaseChecks(); }
DiffFunction DefaultDiff() { return MarkdownDiff(); }

}  // namespace specwave
