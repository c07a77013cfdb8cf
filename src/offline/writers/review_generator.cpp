// The VALIDATE phase's per-artifact review (one fan-out item: the artifact's
// name and text) and, for workflows that ask for it without fan-out, the whole
// validation report. Both are labelled as rules-based: the offline generator
// is not a language model and its review is not an opinion.
#include "offline/writers/generators.hpp"
#include "offline/domain/review.hpp"

namespace specwave::offline {

namespace {

const char kLabel[] = "Rules-based review (offline generator, not a language model).";

std::string ReviewSection(const std::string& artifact, const std::string& text,
                          const std::vector<std::pair<std::string, std::string>>& others, Review* out_review) {
  Review r = ReviewArtifact(artifact, text, others);
  std::string out = "### " + artifact + "\n\n" + kLabel + "\n\n";
  for (const auto& [ok, what] : r.checks) out += std::string(ok ? "- Pass: " : "- Gap: ") + what + "\n";
  out += "\nResult: " + std::to_string(r.Passed()) + " of " + std::to_string(r.checks.size()) + " checks passed.\n";
  if (out_review) *out_review = r;
  return out;
}

}  // namespace

std::string GenerateReview(const GenInput& in) {
  std::string artifact = in.ctx->fan_out_item.empty() ? "artifact" : in.ctx->fan_out_item;
  return ReviewSection(artifact, in.ctx->fan_out_item_body, in.ctx->inputs, nullptr);
}

std::string GenerateValidationReport(const GenInput& in) {
  std::string per, gaps;
  int failed = 0;
  for (const auto& [name, text] : in.ctx->inputs) {
    Review r;
    per += "\n" + ReviewSection(name, text, in.ctx->inputs, &r);
    for (const auto& g : r.Gaps()) {
      gaps += "- " + name + ": " + g + "\n";
      ++failed;
    }
  }
  std::string out = Header(in, "Validation report");
  out += "\n## Summary\n\n" + std::to_string(in.ctx->inputs.size()) + " artifacts reviewed by rules; " +
         std::to_string(failed) + " gap" + (failed == 1 ? "" : "s") + " found.\n";
  out += "\n## Gaps\n\n" + (gaps.empty() ? std::string("No gaps found.\n") : gaps);
  out += "\n## Per-artifact checks\n" + per;
  return out;
}

}  // namespace specwave::offline
