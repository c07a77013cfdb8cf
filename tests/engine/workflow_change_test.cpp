// Editing a project's workflow: what changed per phase, which phases are
// stale and why, and a regeneration that treats the changed phases as an
// edited artifact's dependents.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/regeneration.hpp"
#include "engine/workflow_change.hpp"
#include "engine/workflow_yaml_edit.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

std::string DefaultYaml() {
  std::ifstream f(test::SourcePath("assets/workflows/default.yml"));
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

WorkflowSpec Load(const std::string& yaml) {
  auto r = LoadWorkflowSpec(yaml, "w.yml");
  INFO(JoinDiagnostics(r.errors));
  REQUIRE(r.ok());
  return *r.spec;
}

std::string WithSetting(const std::string& yaml, PhaseSetting s) {
  YamlEdit e = SetPhaseSetting(yaml, s);
  INFO(e.error);
  REQUIRE(e.ok);
  return e.text;
}

std::string WithPrompt(const std::string& yaml, const std::string& phase, const std::string& prompt) {
  PhaseSetting s{phase, PhaseSetting::Field::kPrompt};
  s.text = prompt;
  return WithSetting(yaml, s);
}

std::string ReplaceOnce(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

const AffectedArtifact* Find(const ImpactAnalysis& i, const std::string& artifact) {
  for (const auto& a : i.affected)
    if (a.artifact == artifact) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("WorkflowChange.PromptChangeMarksThePhaseAndItsDependents") {
  const std::string yaml = DefaultYaml();
  WorkflowSpec before = Load(yaml), after = Load(WithPrompt(yaml, "SPEC_PM", "Write {{produces}} tersely.\n"));
  WorkflowChange c = CompareWorkflows(before, after);
  REQUIRE(c.phases.size() == 1);
  CHECK(c.phases[0].phase == "SPEC_PM");
  CHECK(c.phases[0].fields == std::vector<std::string>{"prompt"});
  CHECK(c.phases[0].stale);
  ImpactAnalysis i = AnalyzeWorkflowImpact(after, c, {}, "workflow v2");
  const AffectedArtifact* prd = Find(i, "prd.md");
  REQUIRE(prd);
  CHECK(prd->level == ImpactLevel::kHigh);
  CHECK(prd->distance == 0);
  CHECK(prd->reason == "prd.md: phase SPEC_PM's prompt changed in workflow v2");
  const AffectedArtifact* arch = Find(i, "architecture.md");
  REQUIRE(arch);
  CHECK(arch->level == ImpactLevel::kMedium);
  CHECK(arch->reason.find("via SPEC_PM -> SPEC_ARCHITECT") != std::string::npos);
  CHECK(Find(i, "validation-report.md")->level == ImpactLevel::kLow);
  // Not downstream of SPEC_PM: untouched.
  CHECK_FALSE(Find(i, "analysis.md"));
  CHECK_FALSE(Find(i, "design-tokens.md"));
  CHECK_FALSE(Find(i, "stack.md"));
  CHECK(i.recommended == Strategy::kRegenerateAll);
}

TEST_CASE("WorkflowChange.GatesAndCriticalAreRecordedButMarkNothingStale") {
  const std::string yaml = DefaultYaml();
  PhaseSetting gates{"SPEC_ARCHITECT", PhaseSetting::Field::kApprovalGates};
  gates.items = {};
  PhaseSetting critical{"SPEC_PM", PhaseSetting::Field::kCritical};
  critical.flag = false;
  WorkflowSpec after = Load(WithSetting(WithSetting(yaml, gates), critical));
  WorkflowChange c = CompareWorkflows(Load(yaml), after);
  REQUIRE(c.phases.size() == 2);
  for (const auto& p : c.phases) CHECK_FALSE(p.stale);
  CHECK(c.Describe().find("SPEC_ARCHITECT: approval_gates changed") != std::string::npos);
  ImpactAnalysis i = AnalyzeWorkflowImpact(after, c, {}, "workflow v2");
  CHECK(i.affected.empty());
  CHECK(i.recommended == Strategy::kIgnore);
}

TEST_CASE("WorkflowChange.ValidatorsInputsAndProducesAreDefinitionChanges") {
  const std::string yaml = DefaultYaml();
  PhaseSetting v{"SOLUTIONING_EPICS", PhaseSetting::Field::kValidators};
  v.items = {"presence"};
  std::string edited = WithSetting(yaml, v);
  edited = ReplaceOnce(edited, "    depends_on: [SPEC_ARCHITECT]\n", "    depends_on: [SPEC_ARCHITECT, SPEC_PM]\n");
  WorkflowChange c = CompareWorkflows(Load(yaml), Load(edited));
  REQUIRE(c.phases.size() == 2);
  CHECK(c.phases[0].phase == "DEPENDENCIES");
  CHECK(c.phases[0].fields == std::vector<std::string>{"inputs"});
  CHECK(c.phases[1].phase == "SOLUTIONING_EPICS");
  CHECK(c.phases[1].fields == std::vector<std::string>{"validators"});
  CHECK(c.phases[0].stale);
  CHECK(c.phases[1].stale);
}

TEST_CASE("WorkflowChange.AddedAndRemovedPhases") {
  const char* kOld = R"(phases:
  A: {description: a, agent: analyst, phase_type: analysis, produces: [a.md]}
  B: {description: b, agent: pm, phase_type: spec, produces: [b.md], depends_on: [A]}
)";
  const char* kNew = R"(phases:
  A: {description: a, agent: analyst, phase_type: analysis, produces: [a.md]}
  C: {description: c, agent: pm, phase_type: spec, produces: [c.md], depends_on: [A]}
)";
  WorkflowSpec after = Load(kNew);
  WorkflowChange c = CompareWorkflows(Load(kOld), after);
  REQUIRE(c.phases.size() == 2);
  CHECK(c.phases[0].kind == PhaseDefinitionChange::Kind::kAdded);
  CHECK(c.phases[0].phase == "C");
  CHECK(c.phases[1].kind == PhaseDefinitionChange::Kind::kRemoved);
  CHECK(c.phases[1].phase == "B");
  ImpactAnalysis i = AnalyzeWorkflowImpact(after, c, {}, "workflow v2");
  REQUIRE(i.affected.size() == 1);
  CHECK(i.affected[0].artifact == "c.md");
  CHECK(i.affected[0].reason == "c.md: phase C is new in workflow v2");
}

TEST_CASE("WorkflowChange.RecordedAsAVersionThenRegeneratedLikeAnEdit") {
  test::MemoryStore store;
  const std::string yaml = DefaultYaml();
  ProjectRecord p;
  p.name = "T";
  p.brief = "brief";
  p.workflow_yaml = yaml;
  store.CreateProject(p);
  WorkflowSpec old_spec = Load(yaml);
  // Epics with headings, so the tasks fan out (as in regeneration_test.cpp).
  const char* kEpics = "---\ntitle: E\n---\n# Epics\n\n## E1: Tides\nCovers: F1\n\n## E2: Routes\nCovers: F2\n";
  test::ScriptedProvider first;
  first.overrides["SOLUTIONING_EPICS"] = kEpics;
  RunOptions opt;
  opt.auto_approve = true;
  WorkflowRunner runner(old_spec, store, first, SystemClock::Instance());
  REQUIRE(runner.Run(p.id, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);

  const std::string edited = WithPrompt(yaml, "SOLUTIONING_EPICS", "Group {{produces}} by release.\n");
  WorkflowSpec new_spec = Load(edited);
  Regenerator regen(new_spec, store, nullptr);
  RecordedEdit edit = regen.RecordWorkflowEdit(p.id, old_spec, edited);
  REQUIRE_MESSAGE(edit.ok, edit.error);
  // Versioned: 1 as created, 2 the edit, with what changed; the project runs 2.
  auto versions = store.ListWorkflowVersions(p.id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].author == "created");
  CHECK(versions[0].yaml == yaml);
  CHECK(versions[1].version == 2);
  CHECK(versions[1].id == edit.version_id);
  CHECK(versions[1].change_json.find("SOLUTIONING_EPICS") != std::string::npos);
  CHECK(store.GetProject(p.id)->workflow_yaml == edited);
  // Stale with the reason: the phase itself and its dependents, nothing else.
  std::map<std::string, std::string> stale;
  for (const auto& a : store.ListArtifacts(p.id)) stale[a.artifact] = a.stale_reason;
  CHECK(stale["epics.md"] == "epics.md: phase SOLUTIONING_EPICS's prompt changed in workflow v2");
  CHECK(stale["tasks.md"].find("via SOLUTIONING_EPICS -> SOLUTIONING_TASKS") != std::string::npos);
  CHECK(stale["prd.md"].empty());
  CHECK(stale["architecture.md"].empty());

  // The changed phase runs (it is not cut off: its own definition changed);
  // its dependents follow the usual early cutoff.
  test::ScriptedProvider second;
  second.overrides["SOLUTIONING_EPICS"] = kEpics;
  RegenerationRequest req;
  auto r = regen.Regenerate(p.id, edit, req, second, opt, {}, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(r.success);
  CHECK(second.Calls("SOLUTIONING_EPICS") == 1);
  CHECK(second.Calls("SPEC_PM") == 0);
  CHECK(second.Calls("ANALYSIS") == 0);
  for (const auto& a : store.ListArtifacts(p.id)) CHECK_MESSAGE(a.stale_reason.empty(), a.artifact);
  auto runs = store.ListRegenerationRuns(p.id);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].trigger_artifact == kWorkflowTrigger);
}

TEST_CASE("WorkflowChange.SameTextRecordsNothing") {
  test::MemoryStore store;
  const std::string yaml = DefaultYaml();
  ProjectRecord p;
  p.name = "T";
  p.workflow_yaml = yaml;
  store.CreateProject(p);
  WorkflowSpec spec = Load(yaml);
  Regenerator regen(spec, store, nullptr);
  RecordedEdit edit = regen.RecordWorkflowEdit(p.id, spec, yaml);
  CHECK(edit.ok);
  CHECK(edit.version_id == 0);
  CHECK(store.ListWorkflowVersions(p.id).empty());
  CHECK(edit.impact.affected.empty());
}
