// The offline generator's output must pass the workflow's own validators
// (validators): every validator each default phase declares, on every
// artifact it produces, for both sample briefs and a free-form one — no
// errors, and no anti_ai_slop warnings at all on the design artifacts. Then
// the cross-artifact traceability check over the whole pack, and a run of the
// real WorkflowRunner with the default checks.
#include <doctest/doctest.h>

#include "core/clock.hpp"
#include "design/design_tokens.hpp"
#include "engine/response_parser.hpp"
#include "validators/default_checks.hpp"
#include "validators/validator.hpp"
#include "engine/workflow_runner.hpp"
#include "offline/input/md_read.hpp"
#include "offline/offline_test_helpers.hpp"
#include "support/memory_store.hpp"

using namespace specwave;
using namespace specwave::offline;

namespace {

std::string Describe(const validators::ValidationResult& r) {
  std::string out;
  for (const auto& f : r.findings)
    out += std::string(SeverityName(f.severity)) + " " + r.validator + "/" + f.rule + " " + r.artifact + ":" +
           std::to_string(f.line) + " " + f.message + " [" + f.excerpt + "]\n";
  return out;
}

void CheckPack(const std::string& brief) {
  OfflineProvider provider;
  auto pack = test::GeneratePack(test::DefaultWorkflow(), brief, provider);
  REQUIRE_MESSAGE(pack.problems.empty(), pack.problems.front());
  NamedTexts all(pack.artifacts.begin(), pack.artifacts.end());
  int runs = 0;
  for (const auto& phase : test::DefaultWorkflow().phases) {
    if (phase.phase_type == "done") continue;  // spec-pack.md is built by the engine
    for (const auto& artifact : phase.produces)
      for (const auto& name : phase.validators) {
        const validators::Validator* v = validators::FindValidator(name);
        REQUIRE_MESSAGE(v != nullptr, name);
        validators::ValidationContext ctx;
        ctx.artifact = artifact;
        ctx.content = std::string_view(pack[artifact]);
        ctx.frontmatter_fields = phase.frontmatter_fields;
        ctx.artifacts = &all;
        validators::ValidationResult r = v->Run(ctx);
        ++runs;
        INFO(artifact << " / " << name << "\n" << Describe(r));
        CHECK(r.Count(Severity::kError) == 0);
        if (name == "anti_ai_slop" && (artifact == "design-tokens.md" || artifact == "component-mapping.md"))
          CHECK(r.Count(Severity::kWarning) == 0);
      }
  }
  CHECK(runs >= 20);
  CrossCheckResult cross = validators::CrossCheckArtifacts(all);
  std::string gaps;
  for (const auto& f : cross.findings)
    if (f.severity == Severity::kError) gaps += f.artifact + ":" + std::to_string(f.line) + " " + f.message + "\n";
  CHECK_MESSAGE(gaps.empty(), gaps);
}

}  // namespace

TEST_CASE("Offline.PassesTheValidatorsForTidewater") { CheckPack(test::SampleBrief("tidewater.md")); }

TEST_CASE("Offline.PassesTheValidatorsForTheClinicQueue") { CheckPack(test::SampleBrief("clinic-queue.md")); }

TEST_CASE("Offline.PassesTheValidatorsForAFreeFormBrief") {
  CheckPack(
      "Queueless lets a patient join the queue from their phone, see their place move, and come back when it is "
      "nearly their turn. Staff can reorder urgent cases and send a text message when a patient is called.");
}

TEST_CASE("Offline.PassesTheValidatorsWithAPurpleBrand") {
  CheckPack(
      "---\nname: Violetta\nbrand_color: \"#7c3aed\"\ntone: playful\n---\n# Violetta\n\n## Features\n"
      "- Mood board: pin images to a shared board.\n- Palette export: export the board's colours as CSS.\n");
}

TEST_CASE("Offline.EngineRunWithDefaultChecksSucceeds") {
  for (const char* brief : {"tidewater.md", "clinic-queue.md"}) {
    INFO(brief);
    test::MemoryStore store;
    ProjectRecord project;
    project.name = brief;
    project.brief = test::SampleBrief(brief);
    project.workflow_yaml = "(default)";
    store.CreateProject(project);
    OfflineProvider provider;
    WorkflowRunner runner(test::DefaultWorkflow(), store, provider, SystemClock::Instance());
    runner.SetChecks(validators::MakeDefaultPhaseChecks());
    RunOptions opt;
    opt.auto_approve = true;
    RunReport report = runner.Run(project.id, opt, nullptr, CancelToken{});
    INFO(report.ToJson());
    CHECK(report.status == RunStatus::kSucceeded);
    for (const auto& p : report.phases) CHECK_MESSAGE(p.errors == 0, p.name);
    // The report says how the checks read each artifact's identifiers.
    auto validation = store.LatestVersion(project.id, "validation-report.md");
    REQUIRE(validation);
    CHECK(validation->content.find("## Identifiers read\n") != std::string::npos);
    CHECK(validation->content.find("requirements as `F<n>` (headings)") != std::string::npos);
    CHECK(validation->content.find("tasks as `T<e>.<n>` (headings)") != std::string::npos);
    CHECK(validation->content.find("endpoints as `METHOD /path` (headings)") != std::string::npos);
  }
}

TEST_CASE("Offline.ComponentsUseOnlyTheUpstreamTokensWhateverTheirForm") {
  // design-tokens.md as a model might write it: bullets and a css block, other names.
  const std::string tokens =
      "---\ntitle: Tokens\nartifact: design-tokens.md\nphase: SPEC_DESIGN_TOKENS\nagent: designer\nversion: 1\n---\n"
      "# Tokens\n\n## Colour\n\n- `color.brand`: oklch(0.5 0.1 200) \xE2\x80\x94 accent, 10%\n"
      "- `color.paper`: oklch(0.98 0.01 200) \xE2\x80\x94 background, 60%\n\n"
      "```css\n:root {\n  --ink: oklch(0.2 0.02 200);\n  --gap-s: 8px;\n  --text-m: 1rem;\n}\n```\n";
  OfflineProvider provider;
  const WorkflowSpec& spec = test::DefaultWorkflow();
  GenerationContext ctx;
  ctx.phase = &spec.phases[spec.IndexOf("SPEC_DESIGN_COMPONENTS")];
  ctx.brief = test::SampleBrief("clinic-queue.md");
  ctx.inputs = {{"design-tokens.md", tokens}};
  ParsedResponse parsed = ParsePhaseResponse(test::CallOffline(provider, ctx).text, ctx.phase->produces, "X");
  REQUIRE(parsed.ok());
  const std::string& mapping = parsed.artifacts[0].second;
  for (const auto& s : SectionsAt(mapping, 3))
    for (const auto& t : ListValue(FieldValue(s.body, "Tokens"))) {
      INFO(s.heading << " uses " << t);
      CHECK(ParseDesignTokens(tokens).Defines(t));
    }
  NamedTexts all = {{"design-tokens.md", tokens}, {"component-mapping.md", mapping}};
  for (const auto& f : validators::CrossCheckArtifacts(all).findings)
    CHECK_MESSAGE(f.rule != "component-unknown-token", f.message);
}
