// Turns a phase's response text into its artifacts (docs/artifact-formats.md,
// "How a response becomes artifacts"): `=== FILE: name ===` markers for
// multi-artifact phases, the whole text for a single artifact, a code fence
// wrapped around a whole document removed. A declared artifact missing from
// the response is an error (nothing is stored); an undeclared one is a warning.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace specwave {

struct ParsedResponse {
  std::vector<std::pair<std::string, std::string>> artifacts;  // declared order
  std::vector<Diagnostic> problems;
  bool ok() const { return !HasErrors(problems); }
};

ParsedResponse ParsePhaseResponse(const std::string& text, const std::vector<std::string>& produces,
                                  const std::string& phase_name);

}  // namespace specwave
