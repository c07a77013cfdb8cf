// The registry matches the names the spec loader accepts; results are JSON in
// the documented shape; validators run concurrently on any input.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "design/design_tokens.hpp"
#include "engine/spec.hpp"
#include "validators/validator_test_util.hpp"
#include "validators/default_checks.hpp"
#include "validators/slop_rules.hpp"
#include "validators/traceability.hpp"

using namespace specwave;
using specwave::test::Dump;

TEST_CASE("ValidatorRegistry.MatchesKnownValidators") {
  for (const auto& name : KnownValidators()) {
    const validators::Validator* v = validators::FindValidator(name);
    REQUIRE_MESSAGE(v, name);
    CHECK(v->Name() == name);
  }
  CHECK(validators::ValidatorNames().size() == KnownValidators().size());
  CHECK(validators::FindValidator("nope") == nullptr);
  CHECK(validators::FindValidator("") == nullptr);
}

TEST_CASE("ValidatorRegistry.JsonShape") {
  auto r = test::Slop("background: linear-gradient(#7c3aed, #db2777);\n\"bad \xff utf8\"", "component-mapping.md");
  auto j = nlohmann::json::parse(validators::ResultToJson(r));
  CHECK(j["validator"] == "anti_ai_slop");
  CHECK(j["artifact"] == "component-mapping.md");
  CHECK(j["passed"] == false);
  REQUIRE(j["findings"].size() == 3);  // the gradient, and its two hex stops not in OKLCH
  auto f = j["findings"][0];
  CHECK(f["severity"] == "error");
  CHECK(f["rule"] == "purple-gradient");
  CHECK(f["line"] == 1);
  CHECK(f.contains("message"));
  CHECK(f.contains("excerpt"));
  CHECK_FALSE(f.contains("artifact"));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  // nlohmann::json sorts keys; the CLI's text is ordered_json, checked in the CLI tests.
  CHECK(keys.size() == 4);
}

TEST_CASE("ValidatorRegistry.EveryValidatorOnJunkAndInParallel") {
  std::vector<std::string> inputs = {"",
                                     "\n\n\n",
                                     "---",
                                     "---\n---",
                                     "|||\n|-|\n|",
                                     "((((((((",
                                     "#",
                                     "linear-gradient(",
                                     "font-family: Inter",
                                     "oklch(",
                                     "var(--a, var(--b, var(--c)))",
                                     std::string(3000, '(') + "gradient(" + std::string(3000, ')'),
                                     "\xEF\xBB\xBF---\n\xff\xfe: [\n---\n"};
  std::string mixed;
  for (int i = 0; i < 5000; ++i) mixed += "#(:-|`*\n;{}%/,.Ii"[(i * 31 + i / 7) % 19];
  inputs.push_back(mixed);
  auto run_all = [&]() {
    int n = 0;
    for (const auto& in : inputs)
      for (auto name : validators::ValidatorNames())
        n += static_cast<int>(test::RunValidator(std::string(name), "x.md", in).findings.size()) >= 0;
    return n;
  };
  int expected = static_cast<int>(inputs.size() * validators::ValidatorNames().size());
  std::vector<std::thread> threads;
  std::vector<int> counts(4, 0);
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t]() { counts[static_cast<size_t>(t)] = run_all(); });
  for (auto& th : threads) th.join();
  for (int c : counts) CHECK(c == expected);
}

TEST_CASE("ValidatorRegistry.ThemeTokensPassTheirOwnValidators") {
  std::string theme = test::ReadSource("assets/theme/ui-tokens.md");
  for (const char* v : {"anti_ai_slop", "contrast", "markdown_frontmatter", "presence"}) {
    auto r = test::RunValidator(v, "ui-tokens.md", theme);
    INFO(Dump(r));
    CHECK(r.findings.empty());
  }
  DesignTokens t = ParseDesignTokens(theme);
  CHECK(t.type_sizes.size() == 4);
  CHECK(t.fonts.at(0).families.at(0) == "Karla");
  for (const char* state : {"waiting", "running", "done", "failed", "skipped", "awaiting"})
    CHECK_MESSAGE(t.FindColor(std::string("color.status-") + state), state);
  for (const auto& c : t.colors) CHECK_MESSAGE(!validators::IsPurple(*c.color), c.name);
}

TEST_CASE("ValidatorRegistry.DefaultPhaseChecksOnTheDefaultWorkflow") {
  auto loaded = LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml"));
  REQUIRE(loaded.ok());
  const WorkflowSpec& spec = *loaded.spec;
  PhaseChecks checks = validators::MakeDefaultPhaseChecks();
  NamedTexts all;
  for (const auto& a : spec.AllArtifacts()) all.push_back({a, test::ReadData("validators/tidewater/" + a)});
  for (const auto& phase : spec.phases) {
    NamedTexts produced;
    for (const auto& a : phase.produces)
      for (const auto& [n, text] : all)
        if (n == a) produced.push_back({n, text});
    auto findings = checks.validate_phase(phase, produced);
    std::string dump;
    for (const auto& f : findings)
      dump += f.artifact + ":" + std::to_string(f.line) + " " + f.validator + " " + f.rule + "\n";
    INFO(phase.name << "\n" << dump);
    CHECK(findings.empty());
  }
  auto cross = checks.cross_check(all);
  CHECK(cross.findings.empty());
  CHECK(cross.gaps_markdown.empty());
  // A phase that misses an artifact and writes a purple gradient fails, naming both.
  const PhaseSpec& tokens = spec.phases[static_cast<size_t>(spec.IndexOf("SPEC_DESIGN_TOKENS"))];
  std::string design = test::ReadData("validators/tidewater/design-tokens.md");
  auto bad = checks.validate_phase(
      tokens, {{"design-tokens.md", design + "\nbackground: linear-gradient(#7c3aed, #db2777);\n"}});
  bool gradient = false;
  for (const auto& f : bad)
    gradient = gradient || (f.validator == "anti_ai_slop" && f.rule == "purple-gradient" &&
                            f.artifact == "design-tokens.md" && f.line > 100);
  CHECK(gradient);
  auto missing = checks.validate_phase(tokens, {});
  REQUIRE_FALSE(missing.empty());
  CHECK(missing[0].validator == "presence");
  CHECK(missing[0].rule == "missing");
}

TEST_CASE("ValidatorRegistry.LargeRepetitiveInputsFinish") {
  // Shapes that would make a naive scanner quadratic: unclosed calls, one
  // endless sentence, thousands of tokens and gaps. Only completion and a few
  // counts are checked (no timing).
  std::vector<std::string> inputs;
  std::string s;
  for (int i = 0; i < 20000; ++i) s += "linear-gradient(rgb(";
  inputs.push_back(s);
  s.clear();
  for (int i = 0; i < 20000; ++i) s += "font Inter blob gradient purple ";
  inputs.push_back(s);
  s = "## Colour\n\n| token | value | share |\n|---|---|---|\n";
  for (int i = 0; i < 5000; ++i) s += "| color.c" + std::to_string(i) + " | #7c3aed | 1% |\n";
  s += "\n```css\n:root {\n";
  for (int i = 0; i < 5000; ++i) s += "  --space-" + std::to_string(i) + ": 12px;\n";
  s += "}\n```\n";
  inputs.push_back(s);
  for (const auto& in : inputs)
    for (auto name : validators::ValidatorNames()) (void)test::RunValidator(std::string(name), "design-tokens.md", in);
  auto tokens = test::RunValidator("anti_ai_slop", "design-tokens.md", inputs[2]);
  CHECK(test::CountRule(tokens, "color-not-oklch") == 5000);
  CHECK(test::CountRule(tokens, "spacing-off-grid") == 5000);

  std::string prd = "## Features\n\n", epics = "## E1: All\n\nCovers: F1\n";
  for (int i = 1; i <= 3000; ++i) prd += "### F" + std::to_string(i) + ": Feature\n\n";
  auto report = validators::CheckTraceability({{"prd.md", prd}, {"epics.md", epics}});
  int uncovered = 0;
  for (const auto& g : report.gaps) uncovered += g.rule == "feature-not-covered";
  CHECK(uncovered == 2999);  // F2..F3000; tasks.md's absence is one more gap, of another rule
}
