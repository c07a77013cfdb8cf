#include "validators/default_checks.hpp"

#include "validators/presence.hpp"
#include "validators/traceability.hpp"
#include "validators/validator.hpp"

namespace specwave::validators {
namespace {

void Append(const ValidationResult& r, std::vector<ArtifactFinding>* out) {
  for (const auto& f : r.findings)
    out->push_back(
        {f.artifact.empty() ? r.artifact : f.artifact, r.validator, f.rule, f.severity, f.line, f.message, f.excerpt});
}

}  // namespace

std::vector<ArtifactFinding> ValidatePhaseArtifacts(const PhaseSpec& phase, const NamedTexts& produced) {
  std::vector<ArtifactFinding> out;
  for (const auto& name : phase.validators) {
    if (name == "presence") {
      for (const auto& r : CheckPresence(phase.produces, produced)) Append(r, &out);
      continue;
    }
    // Cross-artifact: runs once over everything at the join (CrossCheckArtifacts).
    if (name == "traceability") continue;
    const Validator* v = FindValidator(name);
    if (!v) continue;  // the spec loader rejects unknown names; nothing to do here
    for (const auto& [artifact, content] : produced) {
      ValidationContext ctx;
      ctx.artifact = artifact;
      ctx.content = content;
      ctx.frontmatter_fields = phase.frontmatter_fields;
      ctx.artifacts = &produced;
      Append(v->Run(ctx), &out);
    }
  }
  return out;
}

CrossCheckResult CrossCheckArtifacts(const NamedTexts& all) {
  TraceabilityReport report = CheckTraceability(all);
  CrossCheckResult out;
  ValidationResult r{"traceability", "", GapsToFindings(report)};
  Append(r, &out.findings);
  out.gaps_markdown = report.gaps.empty() ? "" : RenderGapsMarkdown(report);
  out.styles_markdown = RenderStylesMarkdown(report);
  return out;
}

PhaseChecks MakeDefaultPhaseChecks() {
  PhaseChecks checks;
  checks.validate_phase = ValidatePhaseArtifacts;
  checks.cross_check = CrossCheckArtifacts;
  return checks;
}

}  // namespace specwave::validators
