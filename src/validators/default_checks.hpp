// The engine's default PhaseChecks (engine/phase_checks.hpp) over these
// validators: after a phase, each validator it declares runs on each artifact
// it produced (presence on the declared list); at the VALIDATE join the
// traceability check runs over every artifact and its gaps become the
// report's "## Gaps" section.
//
//   runner.SetChecks(validators::MakeDefaultPhaseChecks());
//
// The returned functions hold no state and may run on any worker thread.
#pragma once

#include "engine/phase_checks.hpp"

namespace specwave::validators {

PhaseChecks MakeDefaultPhaseChecks();

// The same, one step at a time (what the two functions above call).
std::vector<ArtifactFinding> ValidatePhaseArtifacts(const PhaseSpec& phase, const NamedTexts& produced);
CrossCheckResult CrossCheckArtifacts(const NamedTexts& all_artifacts);

}  // namespace specwave::validators
