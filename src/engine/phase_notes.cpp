#include "engine/phase_notes.hpp"

#include <nlohmann/json.hpp>

namespace specwave {

ArtifactFinding NoteFromCleaning(const Cleaning& c) {
  ArtifactFinding f;
  f.artifact = c.file;
  f.validator = "reply";
  f.rule = std::string(CleaningKindName(c.kind));
  f.severity = CleaningSeverity(c.kind);
  f.line = c.first_line;
  f.message = c.message;
  f.excerpt = c.excerpt;
  return f;
}

ArtifactFinding NoteFromReplyError(const ReplyError& e) {
  ArtifactFinding f;
  f.artifact = e.file;
  f.validator = "reply";
  f.rule = std::string(ReplyErrorKindName(e.kind));
  f.severity = Severity::kError;
  f.line = e.line;
  f.message = e.message;
  f.excerpt = e.excerpt;
  return f;
}

std::string PhaseNotesToJson(const std::vector<ArtifactFinding>& notes) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& f : notes)
    a.push_back({{"artifact", f.artifact}, {"severity", SeverityName(f.severity)}, {"validator", f.validator},
                 {"rule", f.rule}, {"line", f.line}, {"message", f.message}, {"excerpt", f.excerpt}});
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<ArtifactFinding> PhaseNotesFromJson(const std::string& json) {
  std::vector<ArtifactFinding> out;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return out;
  for (const auto& o : j) {
    if (!o.is_object()) continue;
    auto str = [&](const char* k) { return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : ""; };
    ArtifactFinding f;
    f.artifact = str("artifact");
    f.validator = str("validator");
    f.rule = str("rule");
    const std::string sev = str("severity");
    f.severity = sev == "error" ? Severity::kError : sev == "info" ? Severity::kInfo : Severity::kWarning;
    f.line = o.contains("line") && o["line"].is_number_integer() ? o["line"].get<int>() : 0;
    f.message = str("message");
    f.excerpt = str("excerpt");
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace specwave
