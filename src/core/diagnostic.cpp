#include "core/diagnostic.hpp"

namespace specwave {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ":" + std::to_string(line);
      if (column > 0) out += ":" + std::to_string(column);
    }
    out += ": ";
  }
  if (severity != Severity::kError) out += std::string(SeverityName(severity)) + ": ";
  if (!subject.empty()) out += subject + ": ";
  out += message;
  if (!excerpt.empty()) out += " (`" + excerpt + "`)";
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (d.severity == Severity::kError) return true;
  return false;
}

std::string JoinDiagnostics(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += d.ToString() + "\n";
  return out;
}

}  // namespace specwave
