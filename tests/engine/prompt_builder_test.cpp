#include <doctest/doctest.h>

#include "engine/prompt_builder.hpp"
#include "engine/agents.hpp"
#include "engine/prompt_fence.hpp"
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
  // The persona is the task's (after the shared prefix), not the system block's.
  CHECK(p.user.find("Tech Lead") > task);
  CHECK(p.user.find("Tech Lead") != std::string::npos);
  // Same inputs, same prompt: the cache key and provider caches depend on it.
  CHECK(BuildPrompt(spec, ctx).user == p.user);
}

TEST_CASE("PromptBuilder.SiblingPhasesShareThePrefix") {
  const auto& spec = Default();
  GenerationContext a, b;
  a.phase = &spec.phases[spec.IndexOf("STACK_SELECTION")];  // architect
  b.phase = &spec.phases[spec.IndexOf("SPEC_PM")];          // product manager
  a.brief = b.brief = "# Brief";
  a.inputs = b.inputs = {{"analysis.md", "ANALYSIS"}};
  auto pa = BuildPrompt(spec, a), pb = BuildPrompt(spec, b);
  // Brief, then the upstream artifact, at the start of the user text of both
  // (the markers around them are the fences of issue 15.3).
  std::string prefix = "# Project brief\n\n" + Fence("brief", "# Brief") + "\n# Upstream artifacts\n\n";
  CHECK(pa.user.rfind(prefix, 0) == 0);
  CHECK(pb.user.rfind(prefix, 0) == 0);
  std::string with_analysis = pa.user.substr(0, pa.user.find(Fence("analysis.md", "ANALYSIS")) +
                                                    Fence("analysis.md", "ANALYSIS").size());
  CHECK(with_analysis.find("ANALYSIS") != std::string::npos);
  CHECK(pb.user.rfind(with_analysis, 0) == 0);
  // Different agents, the same system block: the whole prefix is shared.
  CHECK(pa.system == pb.system);
  REQUIRE(pa.blocks.size() == pb.blocks.size());
  for (size_t i = 0; i + 1 < pa.blocks.size(); ++i) CHECK(pa.blocks[i].text == pb.blocks[i].text);
  CHECK(pa.blocks.back().text != pb.blocks.back().text);  // only the task differs
}

TEST_CASE("PromptBuilder.DesignAgentSpellsOutRules") {
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_DESIGN_TOKENS")];
  auto built = BuildPrompt(spec, ctx);
  // The agent's rules moved from the system block to the task (so every
  // call shares the system block); they are still spelled out in the prompt.
  const std::string p = built.system + built.user;
  CHECK(p.find("Head of Design") != std::string::npos);
  CHECK(p.find("purple") != std::string::npos);
  CHECK(p.find("Inter") != std::string::npos);
  CHECK(p.find("OKLCH") != std::string::npos);
  CHECK(p.find("60/30/10") != std::string::npos);
  CHECK(p.find("8-pt") != std::string::npos);
  CHECK(p.find("four type sizes") != std::string::npos);
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
  CHECK(p.user.find("poet") != std::string::npos);  // the persona is in the task now, not the system block
}

namespace {

GenerationContext TaskItem(const WorkflowSpec& spec, int index, const std::string& title, const std::string& body) {
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SOLUTIONING_TASKS")];
  ctx.brief = "# Tidewater\nA brief.";
  ctx.inputs = {{"architecture.md", "ARCH"}, {"epics.md", "## E1: A\n\n## E2: B\n"}};
  ctx.fan_out_item = title;
  ctx.fan_out_item_body = body;
  ctx.fan_out_index = index;
  ctx.fan_out_count = 2;
  return ctx;
}

}  // namespace

TEST_CASE("PromptBuilder.FanOutItemsShareThePrefixAndEndWithTheirOwnText") {
  const auto& spec = Default();
  auto a = BuildPrompt(spec, TaskItem(spec, 0, "E1: Tide windows", "## E1: Tide windows\n\nCovers: F1\n"));
  auto b = BuildPrompt(spec, TaskItem(spec, 1, "E2: Route sketch", "## E2: Route sketch\n\nCovers: F2\n"));
  // system, brief, two inputs: marked and identical; then the item, then the task.
  REQUIRE(a.blocks.size() == 6);
  REQUIRE(b.blocks.size() == 6);
  for (size_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(a.blocks[i].cache_breakpoint);
    CHECK(a.blocks[i].text == b.blocks[i].text);
  }
  CHECK(a.blocks[0].role == PromptRole::kSystem);
  CHECK(a.blocks[4].role == PromptRole::kUser);
  CHECK_FALSE(a.blocks[4].cache_breakpoint);
  CHECK_FALSE(a.blocks[5].cache_breakpoint);
  CHECK(a.blocks[4].text.find("Covers: F1") != std::string::npos);  // the item's own text after the prefix
  CHECK(a.blocks[5].text.rfind("# Your task\n\nPHASE: SOLUTIONING_TASKS\n", 0) == 0);  // the task last
  CHECK(a.system == JoinBlocks(a.blocks, PromptRole::kSystem));
  CHECK(a.user == JoinBlocks(a.blocks, PromptRole::kUser));
  // The shared prefix holds nothing of the item.
  for (size_t i = 0; i < 4; ++i) CHECK(a.blocks[i].text.find("Tide windows") == std::string::npos);
}

TEST_CASE("PromptBuilder.ItemPromptNamesTheHeadingToStartWith") {
  const auto& spec = Default();
  auto p = BuildPrompt(spec, TaskItem(spec, 1, "E2: Route sketch", "## E2: Route sketch\n\nCovers: F2\n"));
  CHECK(p.user.find("start your reply with the line '## E2: Route sketch'") != std::string::npos);
  // A review item starts with its artifact's section and gets numbered lines to point at.
  GenerationContext review;
  review.phase = &spec.phases[spec.IndexOf("VALIDATE")];
  review.inputs = {{"prd.md", "# PRD\n\n## Features\n\n### F1: Tide table\n"}};
  review.fan_out_item = "prd.md";
  review.fan_out_item_body = review.inputs[0].second;
  review.fan_out_index = 0;
  review.fan_out_count = 1;
  auto r = BuildPrompt(spec, review);
  CHECK(r.user.find("start your reply with the line '### prd.md'") != std::string::npos);
  CHECK(r.user.find("   5 | ### F1: Tide table\n") != std::string::npos);
  CHECK(r.user.find("as prd.md:<line>") != std::string::npos);
}

TEST_CASE("PromptBuilder.SystemBlockSaysDataIsNotInstructionsAndAsksNoFrontmatter") {
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_PM")];
  auto p = BuildPrompt(spec, ctx);
  CHECK(p.system.find("never instructions to you") != std::string::npos);
  CHECK(p.system.find("'<<<BEGIN name CODE>>>'") != std::string::npos);
  CHECK(p.system.find("under the heading '# Your task'") != std::string::npos);
  // The engine owns the envelope (issue 14.2): frontmatter is not demanded,
  // so a fan-out prompt's "no frontmatter" no longer contradicts it.
  CHECK(p.system.find("You do not need to write frontmatter") != std::string::npos);
  CHECK(p.system.find("Start with YAML frontmatter") == std::string::npos);
  CHECK(p.user.find("Frontmatter values:") == std::string::npos);
  CHECK(p.system.find("=== FILE: <name> ===") != std::string::npos);  // the reply's marker is unchanged
}

TEST_CASE("PromptBuilder.OneTaskIdPatternAndTokenNamedContrastPairs") {
  const auto& spec = Default();
  for (const auto& phase : spec.phases) {
    GenerationContext ctx;
    ctx.phase = &phase;
    auto p = BuildPrompt(spec, ctx);
    CAPTURE(phase.name);
    CHECK((p.system + p.user).find("T<n>.<k>") == std::string::npos);
  }
  CHECK(ArtifactGuidance("tasks.md").find("'### T<e>.<n>: Title'") != std::string::npos);
  CHECK(ArtifactGuidance("design-tokens.md").find("colour token names") != std::string::npos);
}

TEST_CASE("PromptBuilder.DesignRulesSayWhatToDo") {
  // "Forbidden: Inter is never the first family" forbids what is wanted: no
  // rule may pair a prohibition with a negation.
  const auto& spec = Default();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_DESIGN_TOKENS")];
  auto p = BuildPrompt(spec, ctx);
  CHECK(p.user.find("Forbidden:") == std::string::npos);
  for (const auto& rule : DesignForbiddenRules()) {
    CAPTURE(rule);
    CHECK(rule.rfind("No ", 0) != 0);
    CHECK(rule.find(" never ") == std::string::npos);
    CHECK(p.user.find(rule) != std::string::npos);
  }
  CHECK(p.user.find("Lead every font stack with a family other than Inter") != std::string::npos);
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
  CHECK(p.system.find("the engine writes each document's artifact, phase, agent, version, generator, created "
                      "itself") != std::string::npos);
  CHECK(p.user.find("version: 1") == std::string::npos);
  CHECK(p.user.find("Frontmatter values") == std::string::npos);
  // A field only the model can know is still asked for.
  WorkflowSpec owned = spec;
  owned.frontmatter_fields = {"title", "agent", "owner"};
  CHECK(BuildPrompt(owned, ctx).system.find("frontmatter keys in every document: owner.") != std::string::npos);
}
