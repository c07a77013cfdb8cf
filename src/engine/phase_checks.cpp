#include "engine/phase_checks.hpp"

#include <nlohmann/json.hpp>

namespace specwave {

std::string FindingToJson(const ArtifactFinding& f) {
  nlohmann::json j = {{"severity", SeverityName(f.severity)}, {"validator", f.validator}, {"rule", f.rule},
                      {"line", f.line},   {"message", f.message}, {"excerpt", f.excerpt}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace specwave
