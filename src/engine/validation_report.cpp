#include "engine/validation_report.hpp"

#include "core/text.hpp"

namespace specwave {
namespace {

std::string Count(int n, const char* one) { return std::to_string(n) + " " + one + (n == 1 ? "" : "s"); }

}  // namespace

std::string ValidationReportBody(size_t artifacts_checked, const CrossCheckResult& cross,
                                 const std::vector<std::string>& reviews, const ReviewAuthor& author) {
  int errors = 0, warnings = 0;
  for (const auto& f : cross.findings) (f.severity == Severity::kError ? errors : warnings)++;
  std::string body = "## Summary\n\n" + std::to_string(artifacts_checked) +
                     " artifacts checked. Cross-artifact checks (deterministic): " + Count(errors, "gap") + ", " +
                     Count(warnings, "warning") + ".\n\n## Gaps\n\n" +
                     (cross.gaps_markdown.empty() ? std::string("No gaps found.\n") : cross.gaps_markdown) + "\n";
  // What the checks recognised, so a document whose ids were not read stands out.
  if (!cross.styles_markdown.empty()) body += "## Identifiers read\n\n" + cross.styles_markdown + "\n";
  if (reviews.empty()) return body;
  body += "## Per-artifact reviews\n\n";
  body += author.language_model
              ? "LLM judgement by " + author.provider + "/" + author.model +
                    " — an opinion, shown beside the deterministic checks above, never instead of them.\n\n"
              : "Rules-based reviews by the offline generator (not a language model).\n\n";
  for (const auto& t : reviews) body += std::string(Trim(t)) + "\n\n";
  return body;
}

}  // namespace specwave
