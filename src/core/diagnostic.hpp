// Diagnostic: one problem found in input that came from outside (a YAML spec,
// a markdown artifact, an LLM response, stored data, a URL parameter).
//
// Every validator and loader reports problems as values of this type rather
// than by throwing, so callers can show all of them at once and a bad file can
// never crash the process. ToString() gives the canonical one-line form:
//
//   workflows/my.yml:12: phase 'SPEC_PM': unknown dependency 'ANALYSYS'
#pragma once

#include <string>
#include <vector>

namespace specwave {

enum class Severity { kError, kWarning, kInfo };

const char* SeverityName(Severity s);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;     // path or artifact name; empty if not from a file
  int line = 0;         // 1-based; 0 = unknown / whole file
  int column = 0;       // 1-based; 0 = unknown
  std::string subject;  // e.g. "phase 'SPEC_PM'"; empty if none
  std::string message;  // what is wrong, in words a person can act on
  std::string excerpt;  // the offending text, when there is one

  std::string ToString() const;
};

bool HasErrors(const std::vector<Diagnostic>& diags);
std::string JoinDiagnostics(const std::vector<Diagnostic>& diags);

}  // namespace specwave
