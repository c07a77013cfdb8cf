#include "engine/response_parser.hpp"

#include "engine/reply_cleaner.hpp"

namespace specwave {

ParsedResponse ParsePhaseResponse(const std::string& text, const std::vector<std::string>& produces,
                                  const std::string& phase_name) {
  ParsedResponse out;
  const std::string subject = "phase '" + phase_name + "'";
  CleanedReply cleaned = CleanReply(text, ReplyShape::ForPhase(produces));
  for (const auto& c : cleaned.cleanings) out.problems.push_back(ToDiagnostic(c, subject));
  for (const auto& e : cleaned.errors) out.problems.push_back(ToDiagnostic(e, subject));
  if (!cleaned.ok()) return out;
  for (auto& d : cleaned.documents) out.artifacts.push_back({d.name, std::move(d.text)});
  return out;
}

}  // namespace specwave
