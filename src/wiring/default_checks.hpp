// The checks and the differ every front end gives the engine: the built-in
// validators (src/validators, reached only through the PhaseChecks port) and
// the markdown section differ.
#pragma once

#include "engine/artifact_diff.hpp"
#include "engine/phase_checks.hpp"

namespace specwave {

PhaseChecks DefaultPhaseChecks();
DiffFunction DefaultDiff();

}  // namespace specwave
