// Turns a phase's response text into its artifacts: the reply cleaner
// (reply_cleaner.hpp) for the phase's declared files, its cleanings as
// warnings and its errors as errors. Kept for the callers that want
// Diagnostics; new code calls CleanReply directly for the typed records.
// A declared artifact missing from the response is an error (no artifact is
// returned then); an undeclared one is a warning.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace specwave {

struct ParsedResponse {
  std::vector<std::pair<std::string, std::string>> artifacts;  // declared order; empty when !ok()
  std::vector<Diagnostic> problems;                            // the cleanings (info/warning) and the errors
  bool ok() const { return !HasErrors(problems); }
};

ParsedResponse ParsePhaseResponse(const std::string& text, const std::vector<std::string>& produces,
                                  const std::string& phase_name);

}  // namespace specwave
