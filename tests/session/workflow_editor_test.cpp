// The workflow editor in the session: drafts checked by the spec loader on
// the command thread, invalid drafts never replacing the working spec, a
// valid one drawn at once, applied changes versioned and marking stale.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "core/files.hpp"
#include "engine/artifact_diff.hpp"
#include "session/session.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

std::string Asset(const std::string& name) { return *ReadFile(test::SourcePath("assets/workflows/" + name), nullptr); }

struct Fixture {
  test::MemoryStore store;
  std::unique_ptr<Session> session;
  explicit Fixture(const std::string& workflow = "one-feature.yml") {
    Session::Ports ports;
    ports.store = &store;
    ports.diff = MarkdownDiff();
    ports.make_provider = [](const SessionSettings&, const std::string&, std::string*) -> std::unique_ptr<LlmProvider> {
      auto p = std::make_unique<test::ScriptedProvider>();
      // ACCEPTANCE fans out over the PRD's "## " sections.
      p->overrides["FEATURE_SPEC"] = "---\ntitle: PRD\n---\n# PRD\n\n## R1: Sign in\nText.\n\n## R2: Sign out\nText.\n";
      return p;
    };
    session = std::make_unique<Session>(ports);
    session->CreateProject("P", "# P\nbrief", Asset(workflow), workflow);
    session->Drain();
    REQUIRE(session->Snapshot()->project->spec);
  }
  std::shared_ptr<const SessionSnapshot> WaitFor(const std::function<bool(const SessionSnapshot&)>& pred) {
    for (int i = 0; i < 1000; ++i) {
      auto s = session->Snapshot();
      if (pred(*s)) return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("condition not reached");
    return session->Snapshot();
  }
  int64_t Id() { return session->Snapshot()->project->project_id; }
  void RunToTheEnd() {
    session->StartRun();
    auto s = WaitFor([](const SessionSnapshot& x) { return !x.run->running && x.run->run_status.has_value(); });
    INFO(s->status->banner);
    REQUIRE(s->run->run_status == RunStatus::kSucceeded);
    session->Drain();
  }
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

int LineOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

TEST_CASE("WorkflowEditor.OpensWithTheProjectsWorkflow") {
  Fixture f;
  auto w = f.session->Snapshot()->workflow;
  CHECK(w->project_id == f.Id());
  CHECK(w->text == Asset("one-feature.yml"));
  CHECK(w->valid);
  CHECK_FALSE(w->dirty);
  REQUIRE(w->spec);
  CHECK(w->spec->phases.size() == 4);
  CHECK(w->versions.empty());
  // What a check costs (on the command thread, never the render thread).
  Fixture d("default.yml");
  auto dw = d.session->Snapshot()->workflow;
  CHECK(dw->valid);
  CHECK(dw->check_ms > 0);
  MESSAGE("spec loader + plan + layout, default.yml: " << dw->check_ms << " ms; one-feature.yml: " << w->check_ms << " ms");
}

TEST_CASE("WorkflowEditor.InvalidDraftShowsLineAndColumnAndNeverReplacesTheWorkingSpec") {
  Fixture f;
  const std::string good = Asset("one-feature.yml");
  const std::string bad = Replace(good, "    depends_on: [FEATURE_SPEC]\n", "    depends_on: [FEATURE_SPECS]\n");
  auto before = f.session->Snapshot()->project->spec;
  f.session->OfferWorkflow(bad);
  f.session->Drain();
  auto s = f.session->Snapshot();
  CHECK_FALSE(s->workflow->valid);
  CHECK(s->workflow->dirty);
  REQUIRE_FALSE(s->workflow->problems.empty());
  const Diagnostic& d = s->workflow->problems.front();
  CHECK(d.message.find("unknown dependency 'FEATURE_SPECS'") != std::string::npos);
  CHECK(d.line == LineOf(bad, "    depends_on: [FEATURE_SPECS]"));  // the offending line
  // The last valid graph stays drawn; the project keeps its spec.
  REQUIRE(s->workflow->spec);
  CHECK(s->workflow->spec->phases.size() == 4);
  CHECK(s->project->spec == before);
  // A YAML syntax error carries a column.
  const std::string broken = Replace(good, "    produces: [prd.md]\n", "    produces: [prd.md\n");
  f.session->OfferWorkflow(broken);
  f.session->Drain();
  s = f.session->Snapshot();
  REQUIRE_FALSE(s->workflow->problems.empty());
  CHECK(s->workflow->problems.front().line > 0);
  CHECK(s->workflow->problems.front().column > 0);
  // Applying it is refused: nothing recorded, nothing replaced.
  f.session->ApplyWorkflow();
  f.session->Drain();
  s = f.session->Snapshot();
  CHECK(s->project->spec == before);
  CHECK(f.store.GetProject(f.Id())->workflow_yaml == good);
  CHECK(f.store.ListWorkflowVersions(f.Id()).empty());
  CHECK(s->status->banner.find("problems") != std::string::npos);
}

TEST_CASE("WorkflowEditor.ValidDraftIsDrawnAtOnceAndAppliedAsAVersion") {
  Fixture f;
  const std::string good = Asset("one-feature.yml");
  const std::string more = Replace(good, "  DONE:\n", R"(  RISKS:
    description: What could go wrong with the feature.
    agent: risk_officer
    phase_type: spec
    produces: [risks.md]
    depends_on: [FEATURE_SPEC]
    prompt: "List the risks of {{phase}}."

  DONE:
)");
  f.session->OfferWorkflow(more);
  f.session->Drain();
  auto s = f.session->Snapshot();
  CHECK(s->workflow->valid);
  CHECK(s->workflow->dirty);
  REQUIRE(s->workflow->layout);
  CHECK(s->workflow->spec->phases.size() == 5);
  CHECK(s->workflow->changed_phases == std::vector<std::string>{"RISKS: new phase"});
  CHECK(s->project->spec->phases.size() == 4);  // not applied yet
  MESSAGE("spec loader on the command thread, one-feature.yml + a phase: " << s->workflow->check_ms << " ms");

  const uint64_t revision = s->workflow->revision;
  f.session->ApplyWorkflow();
  f.session->Drain();
  s = f.session->Snapshot();
  CHECK(s->project->spec->phases.size() == 5);
  CHECK(s->run->phases.size() == 5);
  CHECK(s->workflow->revision > revision);
  CHECK_FALSE(s->workflow->dirty);
  REQUIRE(s->workflow->versions.size() == 2);
  CHECK(s->workflow->versions[0].author == "created");
  CHECK(s->workflow->versions[1].summary == "RISKS: new phase");
  CHECK(s->workflow->last_diff->inserted > 0);
  CHECK(f.store.GetProject(f.Id())->workflow_yaml == more);
}

TEST_CASE("WorkflowEditor.OnlyTheLatestOfferIsChecked") {
  Fixture f;
  const std::string good = Asset("one-feature.yml");
  f.session->Post([] { std::this_thread::sleep_for(std::chrono::milliseconds(50)); });  // the queue is busy
  for (int i = 0; i < 20; ++i) f.session->OfferWorkflow(good + "# edit " + std::to_string(i) + "\n");
  f.session->Drain();
  auto w = f.session->Snapshot()->workflow;
  CHECK(w->text == good + "# edit 19\n");
  CHECK(w->checked_seq == 20);
}

TEST_CASE("WorkflowEditor.PhasePromptEditMarksThePhaseAndItsDependentsStale") {
  Fixture f;
  f.RunToTheEnd();
  PhaseSetting s{"FEATURE_SPEC", PhaseSetting::Field::kPrompt};
  s.text = "Write {{produces}} as a one-page PRD.\n";
  f.session->SetPhaseSetting(s);
  f.session->Drain();
  auto snap = f.session->Snapshot();
  const auto& spec = *snap->project->spec;
  CHECK(spec.phases[spec.IndexOf("FEATURE_SPEC")].prompt == s.text);
  auto stale = [&](const char* phase) { return snap->run->phases[spec.IndexOf(phase)].stale; };
  CHECK(stale("FEATURE_SPEC"));
  CHECK(stale("ACCEPTANCE"));
  CHECK(stale("DONE"));
  CHECK_FALSE(stale("FEATURE_ANALYSIS"));
  CHECK(snap->run->phases[spec.IndexOf("FEATURE_SPEC")].stale_reason.find("prompt changed in workflow v2") !=
        std::string::npos);
  REQUIRE(snap->edit->impact);
  CHECK(snap->edit->impact->change.artifact == "workflow");
  // The YAML kept its comments.
  const std::string yaml = f.store.GetProject(f.Id())->workflow_yaml;
  CHECK(yaml.find("# One feature, specified") != std::string::npos);
  CHECK(yaml.find("agent: qa_engineer           # not a built-in agent") != std::string::npos);

  // Regeneration treats them as an edited artifact's dependents.
  f.session->Regenerate(Strategy::kRegenerateAll, {}, false);
  snap = f.WaitFor([](const SessionSnapshot& x) { return x.edit->last_regeneration && !x.run->running; });
  f.session->Drain();
  snap = f.session->Snapshot();
  CHECK(snap->edit->last_regeneration->success);
  for (const auto& p : snap->run->phases) CHECK_FALSE(p.stale);
}

TEST_CASE("WorkflowEditor.PhaseSettingWaitsForAnUnappliedDraft") {
  Fixture f;
  f.session->OfferWorkflow(Asset("one-feature.yml") + "# not applied\n");
  PhaseSetting s{"FEATURE_SPEC", PhaseSetting::Field::kCritical};
  s.flag = false;
  f.session->SetPhaseSetting(s);
  f.session->Drain();
  CHECK(f.store.ListWorkflowVersions(f.Id()).empty());
  CHECK(f.session->Snapshot()->status->banner.find("apply or discard") != std::string::npos);
  f.session->DiscardWorkflow();
  f.session->SetPhaseSetting(s);
  f.session->Drain();
  CHECK(f.store.ListWorkflowVersions(f.Id()).size() == 2);
  CHECK_FALSE(f.session->Snapshot()->project->spec->phases[1].critical);
}

TEST_CASE("WorkflowEditor.NewProjectFromAnotherProjectsWorkflow") {
  Fixture f("landing-page.yml");
  const int64_t source = f.Id();
  f.session->CreateProjectFromWorkflowOf(source, "Second", "# Second\nbrief");
  f.session->Drain();
  auto s = f.session->Snapshot();
  CHECK(s->project->project_id != source);
  CHECK(s->project->workflow_name == "landing-page.yml");
  CHECK(s->project->spec->IndexOf("SECTIONS") >= 0);
  CHECK(s->workflow->project_id == s->project->project_id);
  CHECK(s->workflow->text == Asset("landing-page.yml"));
}

TEST_CASE("WorkflowEditor.TextTypedForAProjectNoLongerOpenIsDropped") {
  Fixture f;
  const int64_t first = f.Id();
  f.session->CreateProject("Second", "# S\nbrief", Asset("landing-page.yml"), "landing-page.yml");
  f.session->Drain();
  const int64_t second = f.Id();
  REQUIRE(second != first);
  // The person types into the first project's workflow while the second is
  // being opened; the check runs after the open.
  f.session->OpenProject(first);
  f.session->Drain();
  f.session->Post([] { std::this_thread::sleep_for(std::chrono::milliseconds(30)); });
  f.session->OpenProject(second);
  f.session->OfferWorkflow(Asset("one-feature.yml") + "# typed for the first project\n");
  f.session->Drain();
  auto w = f.session->Snapshot()->workflow;
  CHECK(w->project_id == second);
  CHECK(w->text == Asset("landing-page.yml"));
  CHECK_FALSE(w->dirty);
}
