#include "validators/validator.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "validators/builtin.hpp"

namespace specwave::validators {

bool ValidationResult::passed() const { return Count(Severity::kError) == 0; }

int ValidationResult::Count(Severity severity) const {
  return static_cast<int>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

const Validator* FindValidator(std::string_view name) {
  for (const Validator* v : {&PresenceValidator(), &MarkdownFrontmatterValidator(), &AntiAiSlopValidator(),
                             &ContrastValidator(), &TraceabilityValidator()})
    if (v->Name() == name) return v;
  return nullptr;
}

std::vector<std::string_view> ValidatorNames() {
  return {PresenceValidator().Name(), MarkdownFrontmatterValidator().Name(), AntiAiSlopValidator().Name(),
          ContrastValidator().Name(), TraceabilityValidator().Name()};
}

const std::vector<std::string>& DefaultFrontmatterFields() {
  static const std::vector<std::string> kFields = {"title", "artifact", "phase", "agent", "version"};
  return kFields;
}

void SortByLine(std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    if (a.artifact != b.artifact) return a.artifact < b.artifact;
    return a.line < b.line;
  });
}

std::string ResultToJson(const ValidationResult& r, int indent) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& f : r.findings) {
    nlohmann::ordered_json j = {{"severity", SeverityName(f.severity)},
                                {"rule", f.rule},
                                {"line", f.line},
                                {"message", f.message},
                                {"excerpt", f.excerpt}};
    if (!f.artifact.empty() && f.artifact != r.artifact) j["artifact"] = f.artifact;
    findings.push_back(std::move(j));
  }
  nlohmann::ordered_json out = {
      {"validator", r.validator}, {"artifact", r.artifact}, {"passed", r.passed()}, {"findings", std::move(findings)}};
  return out.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace specwave::validators
