// The session's threading contract (session/session.hpp): every command a
// front end sends runs on the command thread, so no store call happens on
// the caller's thread — in the browser the render thread, which must never
// block on the database thread (issue #13: Approve used to call the store
// from the phase panel).
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/files.hpp"
#include "engine/artifact_diff.hpp"
#include "session/session.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"
#include "support/thread_recording_store.hpp"

using namespace specwave;

namespace {

std::string DefaultYaml() { return *ReadFile(test::SourcePath("assets/workflows/default.yml"), nullptr); }

std::shared_ptr<const SessionSnapshot> WaitFor(Session& s, const std::function<bool(const SessionSnapshot&)>& pred) {
  for (int i = 0; i < 1000; ++i) {
    auto snap = s.Snapshot();
    if (pred(*snap)) return snap;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  FAIL("condition not reached");
  return s.Snapshot();
}

}  // namespace

TEST_CASE("Session.NoCommandCallsTheStoreOnTheCallersThread") {
  test::ThreadRecordingStore store;
  Session::Ports ports;
  ports.store = &store;
  ports.diff = MarkdownDiff();
  ports.export_bundle = [](Store& st, int64_t project, std::string* name, std::string* content, std::string*) {
    *name = "p.json";
    *content = st.GetProject(project)->name;
    return true;
  };
  ports.make_provider = [](const SessionSettings&, const std::string&, std::string*) -> std::unique_ptr<LlmProvider> {
    auto p = std::make_unique<test::ScriptedProvider>();
    p->overrides["SOLUTIONING_EPICS"] = "---\ntitle: E\n---\n# Epics\n## E1: One\nCovers: F1\n";
    return p;
  };
  const auto caller = std::this_thread::get_id();
  Session session(ports);
  session.CreateProject("Tidewater", "# Tidewater\nbrief", DefaultYaml(), "default.yml");
  session.UpdateSettings(SessionSettings{}, std::string("key"));
  session.StartRun();
  auto s = WaitFor(session, [](const SessionSnapshot& x) { return !x.run->pending_gates.empty(); });
  session.Approve("SPEC_ARCHITECT", "architecture_approved");  // from the "render thread"
  s = WaitFor(session,
              [](const SessionSnapshot& x) { return !x.run->running && x.run->run_status == RunStatus::kSucceeded; });
  session.OpenArtifact("prd.md");
  session.Drain();
  std::string prd = (*session.Snapshot()->viewer->versions).back().content;
  session.SaveArtifact("prd.md", prd + "\n## Risks\nWeather.\n");
  session.ShowVersion(1);
  session.CompareVersions(1, 2);
  session.RestoreVersion("prd.md", 1);
  session.MarkReviewed("architecture.md");
  session.DismissImpact();
  // The workflow editor: drafts are checked, applied and phase settings
  // written on the command thread too.
  session.OfferWorkflow(DefaultYaml() + "\n# a comment\n");
  session.ApplyWorkflow();
  PhaseSetting prompt{"SPEC_PM", PhaseSetting::Field::kPrompt};
  prompt.text = "Write {{produces}}.";
  session.SetPhaseSetting(prompt);
  session.CreateProjectFromWorkflowOf(s->project->project_id, "Copy", "brief");
  session.OpenProject(s->project->project_id);
  session.RenameProject(s->project->project_id, "Renamed");
  bool exported = false;
  session.ExportProject([&](const std::string&, const std::string& content) { exported = content == "Renamed"; });
  session.Refresh();
  session.OpenLatestProject();
  session.Drain();
  CHECK(exported);
  CHECK(store.Calls() > 100);            // the commands did their work…
  CHECK(store.CallsOn(caller).empty());  // …and none of it on the caller's thread
  for (const auto& name : store.CallsOn(caller)) MESSAGE("store call on the caller's thread: " << name);
}

TEST_CASE("Session.SnapshotIsCheapAndOnlyChangedPartsAreNew") {
  test::ThreadRecordingStore store;
  Session::Ports ports;
  ports.store = &store;
  Session session(ports);
  session.CreateProject("P", "brief", DefaultYaml(), "default.yml");
  session.Drain();
  auto a = session.Snapshot();
  auto b = session.Snapshot();
  CHECK(a == b);  // nothing changed: the same snapshot
  session.SetStorageNote("OPFS, persistent");
  auto c = session.Snapshot();
  CHECK(c != a);
  CHECK(c->seq > a->seq);
  CHECK(c->status != a->status);
  CHECK(c->status->storage_note == "OPFS, persistent");
  // Every other part is the very same object.
  CHECK(c->project == a->project);
  CHECK(c->run == a->run);
  CHECK(c->viewer == a->viewer);
  CHECK(c->artifacts == a->artifacts);
  CHECK(c->settings == a->settings);
}
