// Dispatch: which generator writes which artifact, and how one call's
// response is assembled (docs/artifact-formats.md, "How a response becomes
// artifacts").
#include "engine/spec.hpp"
#include "offline/writers/generators.hpp"

namespace specwave::offline {

Generator FindGenerator(std::string_view artifact) {
  static const std::pair<std::string_view, Generator> kTable[] = {
      {"analysis.md", GenerateAnalysis},
      {"stack.md", GenerateStack},
      {"design-tokens.md", GenerateDesignTokens},
      {"prd.md", GeneratePrd},
      {"architecture.md", GenerateArchitecture},
      {"data-model.md", GenerateDataModel},
      {"api-spec.md", GenerateApiSpec},
      {"component-mapping.md", GenerateComponentMapping},
      {"journey-maps.md", GenerateJourneyMaps},
      {"dependencies.md", GenerateDependencies},
      {"epics.md", GenerateEpics},
      {"tasks.md", GenerateTasks},
      {"validation-report.md", GenerateValidationReport},
  };
  for (const auto& [name, gen] : kTable)
    if (name == artifact) return gen;
  return nullptr;
}

std::string GenerateResponse(const GenerationContext& ctx) {
  Brief brief = ReadBrief(ctx.brief);
  std::vector<std::string> produces;
  if (ctx.phase) produces = ctx.phase->produces;
  if (produces.empty()) produces.push_back("output.md");

  if (ctx.fan_out_index >= 0) {
    GenInput in{&ctx, brief, produces[0]};
    if (ctx.phase && ctx.phase->type == PhaseType::kValidate) return GenerateReview(in);
    if (produces[0] == "tasks.md") return GenerateTaskSection(in);
    return GenerateGenericItem(in);
  }
  std::string out;
  for (const auto& artifact : produces) {
    GenInput in{&ctx, brief, artifact};
    Generator gen = FindGenerator(artifact);
    if (produces.size() > 1) out += "=== FILE: " + artifact + " ===\n";
    out += gen ? gen(in) : GenerateGeneric(in);
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace specwave::offline
