#include <doctest/doctest.h>

#include <algorithm>

#include "engine/spec.hpp"
#include "support/paths.hpp"

using namespace specwave;

namespace {

std::string AllText(const SpecLoadResult& r) { return JoinDiagnostics(r.errors); }

SpecLoadResult Load(const std::string& yaml) { return LoadWorkflowSpec(yaml, "w.yml"); }

const char* kTwoPhases = R"(phases:
  A:
    description: first
    agent: analyst
    phase_type: analysis
    produces: [a.md]
  B:
    description: second
    agent: pm
    phase_type: spec
    produces: [b.md]
    depends_on: [A]
)";

}  // namespace

TEST_CASE("SpecLoader.DefaultWorkflowIsValid") {
  auto r = LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml"));
  INFO(AllText(r));
  REQUIRE(r.ok());
  const auto& s = *r.spec;
  for (const char* p : {"ANALYSIS", "STACK_SELECTION", "SPEC_DESIGN_TOKENS", "SPEC_PM", "SPEC_ARCHITECT",
                        "SPEC_DESIGN_COMPONENTS", "DEPENDENCIES", "SOLUTIONING_EPICS", "SOLUTIONING_TASKS", "VALIDATE",
                        "DONE"})
    CHECK_MESSAGE(s.IndexOf(p) >= 0, p);
  auto deps = [&](const char* p) {
    std::vector<std::string> out;
    for (int d : s.phases[s.IndexOf(p)].deps) out.push_back(s.phases[d].name);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const char* x) { return std::find(v.begin(), v.end(), x) != v.end(); };
  CHECK(has(deps("SPEC_ARCHITECT"), "SPEC_PM"));
  CHECK(has(deps("SPEC_ARCHITECT"), "STACK_SELECTION"));
  CHECK(has(deps("SPEC_DESIGN_COMPONENTS"), "SPEC_DESIGN_TOKENS"));
  CHECK(has(deps("SPEC_DESIGN_COMPONENTS"), "STACK_SELECTION"));
  CHECK(s.ProducerOf("prd.md") == s.IndexOf("SPEC_PM"));
  CHECK(s.phases[s.IndexOf("SOLUTIONING_TASKS")].fan_out.has_value());
}

TEST_CASE("SpecLoader.UserWorkflowWithFreeTextNames") {
  auto r = Load(kTwoPhases);
  INFO(AllText(r));
  REQUIRE(r.ok());
  CHECK(r.spec->phases.size() == 2);
  CHECK(r.spec->phases[1].deps == std::vector<int>{0});
  CHECK(r.spec->phases[1].critical);
}

TEST_CASE("SpecLoader.MalformedYamlNamesLine") {
  auto r = Load("phases:\n  A: {description: x\n  B: [\n");
  REQUIRE_FALSE(r.ok());
  CHECK(AllText(r).find("w.yml:") == 0);
  CHECK(AllText(r).find("malformed YAML") != std::string::npos);
  CHECK(r.errors[0].line > 0);
}

TEST_CASE("SpecLoader.EmptyAndNoPhases") {
  CHECK(AllText(Load("")).find("empty") != std::string::npos);
  CHECK(AllText(Load("# only a comment\n")).find("empty") != std::string::npos);
  CHECK(AllText(Load("name: x\n")).find("no phases") != std::string::npos);
  CHECK(AllText(Load("phases: {}\n")).find("no phases") != std::string::npos);
  CHECK(AllText(Load("phases: [a, b]\n")).find("must be a map") != std::string::npos);
  CHECK_FALSE(Load("- just\n- a list\n").ok());
}

TEST_CASE("SpecLoader.MissingAndWronglyTypedFields") {
  auto r = Load("phases:\n  A:\n    agent: x\n    phase_type: spec\n    produces: a.md\n    critical: maybe\n    priority: high\n");
  std::string t = AllText(r);
  CHECK_FALSE(r.ok());
  CHECK(t.find("phase 'A': missing required field 'description'") != std::string::npos);
  CHECK(t.find("'produces' must be a list") != std::string::npos);
  CHECK(t.find("'critical' must be true or false") != std::string::npos);
  CHECK(t.find("'priority' must be a whole number") != std::string::npos);
  CHECK(t.find("w.yml:5:") != std::string::npos);  // produces is on line 5
}

TEST_CASE("SpecLoader.UnknownFieldSuggestsName") {
  std::string y = kTwoPhases;
  y.replace(y.find("depends_on"), 10, "depend_on");
  auto t = AllText(Load(y));
  CHECK(t.find("unknown field 'depend_on' (did you mean 'depends_on'?)") != std::string::npos);
}

TEST_CASE("SpecLoader.UnknownAndSelfDependency") {
  std::string y = kTwoPhases;
  y.replace(y.find("[A]"), 3, "[AA, B]");
  auto t = AllText(Load(y));
  CHECK(t.find("phase 'B': unknown dependency 'AA' (did you mean 'A'?)") != std::string::npos);
  CHECK(t.find("phase 'B': depends on itself") != std::string::npos);
}

TEST_CASE("SpecLoader.CycleIsPrinted") {
  auto r = Load(R"(phases:
  P1: {description: d, agent: a, phase_type: t, produces: [p1.md], depends_on: [P3]}
  P2: {description: d, agent: a, phase_type: t, produces: [p2.md], depends_on: [P1]}
  P3: {description: d, agent: a, phase_type: t, produces: [p3.md], depends_on: [P2]}
  P4: {description: d, agent: a, phase_type: t, produces: [p4.md]}
)");
  REQUIRE_FALSE(r.ok());
  auto t = AllText(r);
  INFO(t);
  CHECK(t.find("dependency cycle: P1 -> P2 -> P3 -> P1") != std::string::npos);
}

TEST_CASE("SpecLoader.ArtifactProducedTwice") {
  std::string y = kTwoPhases;
  y.replace(y.find("[b.md]"), 6, "[a.md]");
  auto t = AllText(Load(y));
  CHECK(t.find("phase 'B': artifact 'a.md' is also produced by phase 'A'") != std::string::npos);
}

TEST_CASE("SpecLoader.ArtifactNameMustBeAFileName") {
  std::string y = kTwoPhases;
  y.replace(y.find("[b.md]"), 6, "[../etc/passwd]");
  CHECK(AllText(Load(y)).find("plain file name") != std::string::npos);
}

TEST_CASE("SpecLoader.UnknownValidator") {
  std::string y = std::string(kTwoPhases) + "    validators: [presence, anti_slop]\n";
  auto t = AllText(Load(y));
  CHECK(t.find("unknown validator 'anti_slop' (did you mean 'anti_ai_slop'?)") != std::string::npos);
}

TEST_CASE("SpecLoader.DuplicatePhaseName") {
  std::string y = std::string(kTwoPhases) + "  A:\n    description: again\n";
  auto t = AllText(Load(y));
  CHECK(t.find("phase 'A': defined twice (first at line 2)") != std::string::npos);
}

TEST_CASE("SpecLoader.FanOutMustReadFromADependency") {
  std::string y = std::string(kTwoPhases) + "    fan_out: {over: a.md, items: \"### headings\"}\n";
  auto r = Load(y);
  INFO(AllText(r));
  REQUIRE(r.ok());
  CHECK(r.spec->phases[1].fan_out->heading_level == 3);
  std::string bad = std::string(kTwoPhases) + "    fan_out: {over: b.md, items: \"## headings\"}\n";
  CHECK(AllText(Load(bad)).find("must be listed in depends_on") != std::string::npos);
  std::string badi = std::string(kTwoPhases) + "    fan_out: {over: a.md, items: bullets}\n";
  CHECK(AllText(Load(badi)).find("fan_out.items must be") != std::string::npos);
}

TEST_CASE("SpecLoader.RequiresStackNeedsStackUpstream") {
  std::string y = std::string(kTwoPhases) + "    requires_stack: true\n";
  CHECK(AllText(Load(y)).find("no phase has 'phase_type: stack'") != std::string::npos);
  std::string ok = y;
  ok.replace(ok.find("phase_type: analysis"), 20, "phase_type: stack");
  CHECK(Load(ok).ok());
}

TEST_CASE("SpecLoader.NeverThrowsOnOddInput") {
  const char* inputs[] = {"\t\t", "phases:\n  ? [a, b]\n  : x\n", "phases: !!binary aGVsbG8=\n", "{{{{", "phases:\n  A: ~\n",
                          "phases:\n  A:\n    produces: [[x]]\n", "\xff\xfe\x00", "phases:\n  *alias\n", "&a [*a]"};
  for (const char* in : inputs) {
    CHECK_NOTHROW({
      auto r = Load(in);
      (void)r;
    });
  }
}

TEST_CASE("SpecLoader.ConsumesNamesSectionsOfADependency") {
  std::string y = std::string(kTwoPhases) + "    consumes: {a.md: [Features, \"Users > Personas\"]}\n";
  auto r = Load(y);
  INFO(AllText(r));
  REQUIRE(r.ok());
  const auto& b = r.spec->phases[1];
  CHECK(b.Consumes("a.md", "PRD: X > Features > F1: Tides"));
  CHECK(b.Consumes("a.md", "Features"));
  CHECK(b.Consumes("a.md", "Doc > users > personas > Kayaker"));
  CHECK_FALSE(b.Consumes("a.md", "Doc > Users"));
  CHECK_FALSE(b.Consumes("a.md", "(frontmatter)"));
  CHECK(b.Consumes("other.md", "anything"));  // not declared: read whole
  std::string bad = std::string(kTwoPhases) + "    consumes: {b.md: [X]}\n";
  CHECK(AllText(Load(bad)).find("consumes 'b.md', which no phase in its depends_on produces") != std::string::npos);
}

// Issue #14.9: every problem in one pass — a missing field, an unknown
// validator and a cycle are all reported, the cycle not hidden by the rest.
TEST_CASE("SpecLoader.ReportsEveryProblemInOnePass") {
  auto r = Load(R"(phases:
  P1: {agent: a, phase_type: t, produces: [p1.md], depends_on: [P2]}
  P2: {description: d, agent: a, produces: [p2.md], depends_on: [P1], validators: [presense]}
)");
  REQUIRE_FALSE(r.ok());
  auto t = AllText(r);
  INFO(t);
  CHECK(t.find("phase 'P1': missing required field 'description'") != std::string::npos);
  CHECK(t.find("unknown validator 'presense'") != std::string::npos);
  CHECK(t.find("dependency cycle: P1 -> P2 -> P1") != std::string::npos);
}

TEST_CASE("SpecLoader.PhaseTypeIsOptionalAndDefaultsToSpec") {
  auto r = Load("phases:\n  A: {description: d, agent: product_manager, produces: [a.md]}\n");
  REQUIRE_MESSAGE(r.ok(), AllText(r));
  CHECK(r.spec->phases[0].phase_type == "spec");
  CHECK(r.spec->phases[0].type == PhaseType::kGenerate);
}

TEST_CASE("SpecLoader.RepairAttemptsDefaultsToOneAndIsChecked") {
  auto r = Load(kTwoPhases);
  REQUIRE(r.ok());
  CHECK(r.spec->RepairAttempts(0) == 1);
  auto w = Load(std::string("repair_attempts: 2\n") + kTwoPhases);
  REQUIRE_MESSAGE(w.ok(), AllText(w));
  CHECK(w.spec->RepairAttempts(1) == 2);
  auto p = Load("phases:\n  A: {description: d, agent: a, produces: [a.md], repair_attempts: 0}\n");
  REQUIRE_MESSAGE(p.ok(), AllText(p));
  CHECK(p.spec->RepairAttempts(0) == 0);
  auto bad = Load("repair_attempts: 9\nphases:\n  A: {description: d, agent: a, produces: [a.md]}\n");
  CHECK_FALSE(bad.ok());
  CHECK(AllText(bad).find("repair_attempts must be a whole number from 0 to 5, not 9") != std::string::npos);
}

TEST_CASE("SpecLoader.GraphProblemsPointAtTheFieldsLine") {
  // The workflow editor marks this line: the depends_on or produces line,
  // not the phase's first line.
  std::string yaml = kTwoPhases;
  yaml.replace(yaml.find("depends_on: [A]"), 15, "depends_on: [AA]");
  auto r = Load(yaml);
  REQUIRE_FALSE(r.errors.empty());
  CHECK(r.errors[0].line == 12);
  yaml = kTwoPhases;
  yaml.replace(yaml.find("produces: [b.md]"), 16, "produces: [a.md]");
  r = Load(yaml);
  REQUIRE_FALSE(r.errors.empty());
  CHECK(r.errors[0].message.find("also produced by phase 'A'") != std::string::npos);
  CHECK(r.errors[0].line == 11);
}
