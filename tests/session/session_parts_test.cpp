// The session's parts on their own: each over a SessionCore with an
// in-memory store and a synchronous command queue (the test thread is the
// command thread), except the run controller, which needs its run thread.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/files.hpp"
#include "engine/artifact_diff.hpp"
#include "session/artifact_viewer.hpp"
#include "session/editor.hpp"
#include "session/projects.hpp"
#include "session/run_controller.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

std::string DefaultYaml() { return *ReadFile(test::SourcePath("assets/workflows/default.yml"), nullptr); }

struct Parts {
  test::MemoryStore store;
  SessionPorts ports;
  SessionModel model;
  CommandQueue commands;
  ArtifactViewer viewer;
  Editor editor;
  RunController runs;
  Projects projects;
  explicit Parts(bool synchronous = true)
      : ports(MakePorts(&store)),
        commands(synchronous, nullptr),
        viewer(Core()),
        editor(Core(), viewer),
        runs(Core(), viewer, editor),
        projects(Core(), viewer, editor, runs) {}
  ~Parts() {
    runs.Cancel();
    commands.Stop();
    commands.Join();
    runs.Join();
  }
  SessionCore Core() { return SessionCore{ports, model, commands}; }
  static SessionPorts MakePorts(Store* store) {
    SessionPorts p;
    p.store = store;
    p.diff = MarkdownDiff();
    p.make_provider = [](const SessionSettings&, const std::string&, std::string*) -> std::unique_ptr<LlmProvider> {
      auto s = std::make_unique<test::ScriptedProvider>();
      s->overrides["SOLUTIONING_EPICS"] = "---\ntitle: E\n---\n# Epics\n## E1: One\nCovers: F1\n";
      return s;
    };
    return p;
  }
  int64_t CreateProject() {
    ProjectRecord p;
    p.name = "P";
    p.brief = "# P\nbrief";
    p.workflow_yaml = DefaultYaml();
    p.workflow_name = "default.yml";
    REQUIRE_FALSE(store.CreateProject(p));
    return p.id;
  }
};

}  // namespace

TEST_CASE("Projects.OpenFillsProjectRunAndSettingsTogether") {
  Parts t;
  int64_t id = t.CreateProject();
  t.projects.Refresh();
  CHECK(t.model.Snapshot()->projects->projects.size() == 1);
  t.projects.Open(id);
  auto s = t.model.Snapshot();
  CHECK(s->project->project_id == id);
  REQUIRE(s->project->spec);
  CHECK(s->run->phases.size() == s->project->spec->phases.size());
  CHECK(s->stream->tails.size() == s->project->spec->phases.size());
  CHECK(s->project->layout);
  CHECK(s->settings->settings.provider == ProviderKind::kOffline);
  t.projects.Rename(id, "Renamed");
  CHECK(t.model.Snapshot()->project->project_name == "Renamed");
  t.projects.Delete(id);
  CHECK(t.model.Snapshot()->project->project_id == 0);
  CHECK(t.store.ListProjects().empty());
}

TEST_CASE("Projects.AnInvalidWorkflowIsRefusedWithItsProblems") {
  Parts t;
  t.projects.Create("Bad", "brief", "phases: {A: {agent: x}}\n", "bad.yml");
  auto s = t.model.Snapshot();
  CHECK(s->status->banner_kind == BannerKind::kError);
  CHECK(s->status->banner.find("The workflow is not valid") != std::string::npos);
  CHECK(t.store.ListProjects().empty());
}

TEST_CASE("ArtifactViewer.RendersTheShownVersionAndDiffsTwo") {
  Parts t;
  int64_t id = t.CreateProject();
  t.projects.Open(id);
  for (const char* text : {"# Notes\n\nOne.\n", "# Notes\n\nOne.\n\n## More\n\nTwo.\n"}) {
    ArtifactVersion v;
    v.project_id = id;
    v.artifact = "notes.md";
    v.content = text;
    v.author = "user";
    REQUIRE_FALSE(t.store.AddVersion(v));
  }
  t.viewer.Open("notes.md");
  auto s = t.model.Snapshot();
  CHECK(s->viewer->open_artifact == "notes.md");
  CHECK(s->viewer->versions->size() == 2);
  CHECK(s->viewer->shown_version == 2);  // the latest
  CHECK_FALSE(s->viewer->blocks->empty());
  t.viewer.Compare(1, 2);
  s = t.model.Snapshot();
  REQUIRE(s->viewer->diff_sections->size() == 1);
  CHECK((*s->viewer->diff_sections)[0].change == markdown::ChangeKind::kAdded);
  auto versions = s->viewer->versions;
  t.viewer.ShowVersion(1);
  s = t.model.Snapshot();
  CHECK(s->viewer->shown_version == 1);
  CHECK(s->viewer->versions == versions);  // showing another version copies no version text
}

TEST_CASE("Editor.AnEditOfAWorkflowArtifactShowsItsImpact") {
  Parts t;
  int64_t id = t.CreateProject();
  t.projects.Open(id);
  t.editor.Save("prd.md", "# PRD\n\n## Features\n\n### F1: One\n");
  CHECK(t.editor.last_edit().has_value());
  auto s = t.model.Snapshot();
  REQUIRE(s->edit->impact.has_value());
  const auto seq = s->edit->impact_seq;
  t.editor.Save("prd.md", "# PRD\n\n## Features\n\n### F1: One\n\n### F2: Two\n");
  CHECK(t.model.Snapshot()->edit->impact_seq == seq + 1);
  CHECK(t.store.ListVersions(id, "prd.md").size() == 2);
  t.editor.Restore("prd.md", 1);
  CHECK(t.store.ListVersions(id, "prd.md").size() == 3);
  CHECK(t.store.LatestVersion(id, "prd.md")->content == t.store.ListVersions(id, "prd.md").front().content);
  t.editor.Restore("prd.md", 9);
  CHECK(t.model.Snapshot()->status->banner == "prd.md has no version 9");
  t.editor.DismissImpact();
  CHECK_FALSE(t.model.Snapshot()->edit->impact.has_value());
}

TEST_CASE("RunController.RunsApprovesAndRefusesASecondRun") {
  Parts t(false);
  int64_t id = t.CreateProject();
  t.commands.Post([&] { t.projects.Open(id); });
  t.commands.Post([&] { t.runs.Start(ScheduleMode::kReady); });
  t.commands.Post([&] { t.runs.Start(ScheduleMode::kReady); });  // while the first runs
  auto wait = [&](auto pred) {
    for (int i = 0; i < 1000 && !pred(*t.model.Snapshot()); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return t.model.Snapshot();
  };
  auto s = wait([](const SessionSnapshot& x) { return !x.run->pending_gates.empty(); });
  REQUIRE_FALSE(s->run->pending_gates.empty());
  CHECK(s->status->banner == "A run is in progress; wait for it or cancel it first.");
  t.commands.Post([&] { t.runs.Approve("SPEC_ARCHITECT", "architecture_approved"); });
  s = wait([](const SessionSnapshot& x) { return !x.run->running; });
  CHECK(s->run->run_status == RunStatus::kSucceeded);
  REQUIRE(s->run->last_report);
  CHECK(s->run->last_report->status == RunStatus::kSucceeded);
  CHECK(s->run->pending_gates.empty());
}

// Issue #14.1: a failed phase's reply and findings are on its record, and the
// phase panel reads them from the snapshot (never from an artifact version).
TEST_CASE("Projects.AFailedPhasesReplyAndFindingsReachTheSnapshot") {
  Parts t;
  int64_t id = t.CreateProject();
  WorkflowRunRecord run;
  run.project_id = id;
  run.status = RunStatus::kFailed;
  REQUIRE_FALSE(t.store.CreateRun(run));
  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = "SPEC_PM";
  pr.status = PhaseStatus::kFailed;
  pr.outcome = PhaseOutcome::kReplyInvalid;
  pr.error = "the reply for SPEC_PM cannot be used: the model refused";
  pr.raw_reply = "I'm sorry, but I can't help with that.";
  pr.findings_json = R"([{"artifact":"","severity":"error","validator":"reply","rule":"refusal","line":1,)"
                     R"("message":"the model refused","excerpt":"I'm sorry"}])";
  REQUIRE_FALSE(t.store.RecordPhaseRun(pr));
  t.projects.Open(id);
  auto s = t.model.Snapshot();
  REQUIRE(s->project->spec);
  const PhaseView& v = s->run->phases[static_cast<size_t>(s->project->spec->IndexOf("SPEC_PM"))];
  CHECK(v.status == PhaseStatus::kFailed);
  CHECK(v.raw_reply == "I'm sorry, but I can't help with that.");
  REQUIRE(v.notes.size() == 1);
  CHECK(v.notes[0].rule == "refusal");
  CHECK_FALSE(t.store.LatestVersion(id, "prd.md").has_value());
}

TEST_CASE("Projects.ABriefThatIsNotTextIsRefusedWithTheByteOffset") {
  Parts t;
  t.projects.Create("Bin", std::string("# Brief\n\x89PNG\r\n\x1a\n", 13), DefaultYaml(), "default.yml");
  auto s = t.model.Snapshot();
  CHECK(s->status->banner_kind == BannerKind::kError);
  CHECK(s->status->banner.find("The brief is not UTF-8 text: byte 8 (0x89)") != std::string::npos);
  CHECK(t.store.ListProjects().empty());
}
