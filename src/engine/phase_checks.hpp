// The checks the runner applies to what a phase produced: the validators a
// phase declares (presence, markdown_frontmatter, anti_ai_slop, ...) and, at
// a `phase_type: validate` join, the deterministic cross-artifact checks.
// Supplied as functions so the runner does not depend on how they are built
// (validators provides the defaults: MakeDefaultPhaseChecks()).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/spec.hpp"

namespace specwave {

struct ArtifactFinding {
  std::string artifact;
  std::string validator;  // "anti_ai_slop", "traceability", ...
  std::string rule;       // e.g. "purple-gradient"
  Severity severity = Severity::kError;
  int line = 0;
  std::string message;
  std::string excerpt;
};

using NamedTexts = std::vector<std::pair<std::string, std::string>>;  // (artifact, content)

struct CrossCheckResult {
  std::vector<ArtifactFinding> findings;
  std::string gaps_markdown;    // the report's "## Gaps" section body
  std::string styles_markdown;  // "## Identifiers read": how each artifact's ids were read ("" if none)
};

// {"severity","validator","rule","line","message","excerpt"} as one JSON object.
std::string FindingToJson(const ArtifactFinding& f);
// Those objects as one JSON array (a stored validation run's findings).
std::string FindingsToJson(const std::vector<const ArtifactFinding*>& findings);

// The findings of one stored validation run (a JSON array of the objects
// above) for `artifact`. Stored data is input like any other: on anything
// malformed it returns false and says what, and `out` is left untouched.
bool FindingsFromJson(const std::string& json, const std::string& artifact, const std::string& validator,
                      std::vector<ArtifactFinding>* out, std::string* error);

struct PhaseChecks {
  std::function<std::vector<ArtifactFinding>(const PhaseSpec&, const NamedTexts& produced)> validate_phase;
  std::function<CrossCheckResult(const NamedTexts& all_artifacts)> cross_check;
};

}  // namespace specwave
