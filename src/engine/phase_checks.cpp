#include "engine/phase_checks.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace specwave {

namespace {

nlohmann::json FindingObject(const ArtifactFinding& f) {
  return {{"severity", SeverityName(f.severity)}, {"validator", f.validator}, {"rule", f.rule},
          {"line", f.line},   {"message", f.message}, {"excerpt", f.excerpt}};
}

}  // namespace

std::string FindingToJson(const ArtifactFinding& f) {
  return FindingObject(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string FindingsToJson(const std::vector<const ArtifactFinding*>& findings) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto* f : findings) a.push_back(FindingObject(*f));
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool FindingsFromJson(const std::string& json, const std::string& artifact, const std::string& validator,
                      std::vector<ArtifactFinding>* out, std::string* error) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    *error = "stored findings for " + artifact + " (" + validator + ") are not a JSON array";
    return false;
  }
  std::vector<ArtifactFinding> parsed;
  for (size_t i = 0; i < j.size(); ++i) {
    const auto& o = j[i];
    auto str = [&](const char* k) { return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : ""; };
    if (!o.is_object() || !o.contains("message") || !o["message"].is_string()) {
      *error = "stored finding " + std::to_string(i) + " for " + artifact + " (" + validator + ") has no message";
      return false;
    }
    ArtifactFinding f;
    f.artifact = artifact;
    f.validator = str("validator").empty() ? validator : str("validator");
    f.rule = str("rule");
    const std::string sev = str("severity");
    f.severity = sev == "error" ? Severity::kError : sev == "info" ? Severity::kInfo : Severity::kWarning;
    f.line = o.contains("line") && o["line"].is_number_integer() ? std::max(0, o["line"].get<int>()) : 0;
    f.message = str("message");
    f.excerpt = str("excerpt");
    parsed.push_back(std::move(f));
  }
  out->insert(out->end(), parsed.begin(), parsed.end());
  return true;
}

}  // namespace specwave
