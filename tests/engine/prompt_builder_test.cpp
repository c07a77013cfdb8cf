#include <doctest/doctest.h>

#include "engine/prompt_builder.hpp"
#include "engine/response_parser.hpp"
#include "support/paths.hpp"

using namespace specwave;

namespace {
const WorkflowSpec& Default() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}
}  // namespace

TEST_CASE("PromptBuilder.StableFirstLayout") {
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_ARCHITECT")];
  ctx.brief = "# Tidewater\nA brief.";
  ctx.inputs = {{"prd.md", "PRD TEXT"}, {"stack.md", "STACK TEXT"}};
  auto p = BuildPrompt(spec, ctx);
  // Brief, then artifacts in the order given (graph order), then the task.
  size_t brief = p.user.find("A brief."), prd = p.user.find("PRD TEXT"), stack = p.user.find("STACK TEXT"),
         task = p.user.find("PHASE: SPEC_ARCHITECT");
  CHECK(brief < prd);
  CHECK(prd < stack);
  CHECK(stack < task);
  CHECK(p.user.find("=== FILE: api-spec.md") == std::string::npos);  // asked for, not given
  CHECK(p.user.find("- api-spec.md") != std::string::npos);
  CHECK(p.system.find("Tech Lead") != std::string::npos);
  // Same inputs, same prompt: the cache key and provider caches depend on it.
  CHECK(BuildPrompt(spec, ctx).user == p.user);
}

TEST_CASE("PromptBuilder.SiblingPhasesShareThePrefix") {
  const auto& spec = Default();
  GenerationContext a, b;
  a.phase = &spec.phases[spec.IndexOf("STACK_SELECTION")];
  b.phase = &spec.phases[spec.IndexOf("SPEC_PM")];
  a.brief = b.brief = "# Brief";
  a.inputs = b.inputs = {{"analysis.md", "ANALYSIS"}};
  auto pa = BuildPrompt(spec, a), pb = BuildPrompt(spec, b);
  std::string prefix = "# Project brief\n\n# Brief\n\n# Upstream artifacts\n\n=== FILE: analysis.md ===\nANALYSIS\n";
  CHECK(pa.user.rfind(prefix, 0) == 0);
  CHECK(pb.user.rfind(prefix, 0) == 0);
}

TEST_CASE("PromptBuilder.DesignAgentSpellsOutRules") {
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_DESIGN_TOKENS")];
  auto p = BuildPrompt(spec, ctx);
  CHECK(p.system.find("Head of Design") != std::string::npos);
  CHECK(p.system.find("purple") != std::string::npos);
  CHECK(p.system.find("Inter") != std::string::npos);
  CHECK(p.system.find("OKLCH") != std::string::npos);
  CHECK(p.system.find("60/30/10") != std::string::npos);
  CHECK(p.system.find("8-pt") != std::string::npos);
  CHECK(p.system.find("four type sizes") != std::string::npos);
}

TEST_CASE("PromptBuilder.FanOutItemIsNamed") {
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SOLUTIONING_TASKS")];
  ctx.fan_out_item = "E2: Route sketch";
  ctx.fan_out_index = 1;
  ctx.fan_out_count = 3;
  auto p = BuildPrompt(spec, ctx);
  CHECK(p.label == "SOLUTIONING_TASKS[1]");
  CHECK(p.user.find("ITEM: E2: Route sketch (2 of 3)") != std::string::npos);
  CHECK(p.user.find("no frontmatter") != std::string::npos);
}

TEST_CASE("PromptBuilder.CustomPromptTemplate") {
  auto r = LoadWorkflowSpec(
      "phases:\n  X: {description: d, agent: poet, phase_type: custom, produces: [poem.md], prompt: 'Write {{produces}} "
      "for {{phase}}.'}\n",
      "c.yml");
  REQUIRE(r.ok());
  GenerationContext ctx;
  ctx.phase = &r.spec->phases[0];
  auto p = BuildPrompt(*r.spec, ctx);
  CHECK(p.user.find("Write poem.md for X.") != std::string::npos);
  CHECK(p.system.find("poet") != std::string::npos);
}

TEST_CASE("ResponseParser.SplitsFileMarkers") {
  auto r = ParsePhaseResponse("intro\n=== FILE: a.md ===\nA body\n=== FILE: b.md ===\nB body\n", {"a.md", "b.md"}, "P");
  REQUIRE(r.ok());
  REQUIRE(r.artifacts.size() == 2);
  CHECK(r.artifacts[0].second == "A body\n");
  CHECK(r.artifacts[1].second == "B body\n");
}

TEST_CASE("ResponseParser.MissingFileIsAnError") {
  auto r = ParsePhaseResponse("=== FILE: a.md ===\nA\n", {"a.md", "b.md"}, "P");
  CHECK_FALSE(r.ok());
  CHECK(r.artifacts.empty());
  CHECK(JoinDiagnostics(r.problems).find("missing 'b.md'") != std::string::npos);
  CHECK_FALSE(ParsePhaseResponse("no markers", {"a.md", "b.md"}, "P").ok());
  CHECK_FALSE(ParsePhaseResponse("=== FILE: a.md ===\n   \n", {"a.md"}, "P").ok());
}

TEST_CASE("ResponseParser.SingleArtifactAndFenceUnwrapped") {
  auto r = ParsePhaseResponse("```markdown\n---\ntitle: x\n---\n# X\n```\n", {"x.md"}, "P");
  REQUIRE(r.ok());
  CHECK(r.artifacts[0].second == "---\ntitle: x\n---\n# X\n");
  auto u = ParsePhaseResponse("=== FILE: x.md ===\nX\n=== FILE: extra.md ===\nE\n", {"x.md"}, "P");
  CHECK(u.ok());
  CHECK(JoinDiagnostics(u.problems).find("undeclared file 'extra.md'") != std::string::npos);
}

TEST_CASE("PromptBuilder.DoesNotAskForWhatTheEngineWrites") {
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_PM")];
  auto p = BuildPrompt(spec, ctx);
  CHECK(p.system.find("The engine writes the frontmatter fields artifact, phase, agent, version, generator, created "
                      "itself") != std::string::npos);
  CHECK(p.user.find("version: 1") == std::string::npos);
  CHECK(p.user.find("Frontmatter values") == std::string::npos);
  // A field only the model can know is still asked for.
  WorkflowSpec owned = spec;
  owned.frontmatter_fields = {"title", "agent", "owner"};
  CHECK(BuildPrompt(owned, ctx).system.find("carrying: owner.") != std::string::npos);
}
