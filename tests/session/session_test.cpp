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

std::string DefaultYaml() { return *ReadFile(test::SourcePath("assets/workflows/default.yml"), nullptr); }

struct Fixture {
  test::MemoryStore store;
  test::ScriptedProvider* last_provider = nullptr;
  bool accept_hosted = false;           // answer a hosted choice with the scripted provider
  std::vector<std::string> keys_given;  // the key each make_provider call received
  std::unique_ptr<Session> session;
  Fixture() {
    Session::Ports ports;
    ports.store = &store;
    ports.diff = MarkdownDiff();
    ports.make_provider = [this](const SessionSettings& s, const std::string& key, std::string* error)
        -> std::unique_ptr<LlmProvider> {
      keys_given.push_back(key);
      if (s.provider != ProviderKind::kOffline && !accept_hosted) {
        *error = "only the offline provider in this test";
        return nullptr;
      }
      auto p = std::make_unique<test::ScriptedProvider>();
      p->overrides["SOLUTIONING_EPICS"] = "---\ntitle: E\n---\n# Epics\n## E1: One\nCovers: F1\n## E2: Two\nCovers: F2\n";
      last_provider = p.get();
      return p;
    };
    session = std::make_unique<Session>(ports);
  }
  std::shared_ptr<const SessionSnapshot> WaitFor(const std::function<bool(const SessionSnapshot&)>& pred) {
    for (int i = 0; i < 500; ++i) {
      auto s = session->Snapshot();
      if (pred(*s)) return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("condition not reached");
    return session->Snapshot();
  }
};

}  // namespace

TEST_CASE("Session.CreateRunApproveFinish") {
  Fixture f;
  f.session->CreateProject("Tidewater", "# Tidewater\nbrief", DefaultYaml(), "default.yml");
  f.session->Drain();
  auto s = f.session->Snapshot();
  REQUIRE(s->project->project_id != 0);
  CHECK(s->project->project_name == "Tidewater");
  REQUIRE(s->project->spec);
  CHECK(s->run->phases.size() == s->project->spec->phases.size());
  CHECK(s->projects->projects.size() == 1);
  CHECK(s->settings->provider_label.find("not a language model") != std::string::npos);

  f.session->StartRun();
  s = f.WaitFor([](const SessionSnapshot& x) { return !x.run->pending_gates.empty() || x.run->run_status == RunStatus::kAwaitingApproval ||
                                                       (x.run->phases.size() > 4 && x.run->phases[4].status == PhaseStatus::kAwaitingApproval); });
  int arch = s->project->spec->IndexOf("SPEC_ARCHITECT");
  s = f.WaitFor([&](const SessionSnapshot& x) { return x.run->phases[arch].status == PhaseStatus::kAwaitingApproval; });
  CHECK(s->run->running);  // the UI run waits for the person
  f.session->Approve("SPEC_ARCHITECT", "architecture_approved");
  s = f.WaitFor([](const SessionSnapshot& x) { return !x.run->running && x.run->run_status != RunStatus::kRunning; });
  CHECK(s->run->run_status == RunStatus::kSucceeded);
  REQUIRE(s->run->last_report.has_value());
  CHECK(s->run->last_report->makespan_ms > 0);
  f.session->Drain();
  s = f.session->Snapshot();
  CHECK(s->artifacts->artifacts.size() == 14);
}

TEST_CASE("Session.EditsBecomeUserVersions") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  f.session->SaveArtifact("prd.md", "# PRD\nmine\n");
  f.session->OpenArtifact("prd.md");
  f.session->Drain();
  auto s = f.session->Snapshot();
  REQUIRE(s->viewer->versions->size() == 1);
  CHECK((*s->viewer->versions)[0].author == "user");
  CHECK((*s->viewer->versions)[0].content == "# PRD\nmine\n");
}

TEST_CASE("Session.InterruptedRunResumesOnOpen") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  f.session->Drain();
  int64_t id = f.session->Snapshot()->project->project_id;
  // Simulate a tab closed mid-run: a run still marked running, ANALYSIS done.
  WorkflowRunRecord run;
  run.project_id = id;
  run.kind = RunKind::kRun;
  run.mode = "ready";
  run.status = RunStatus::kRunning;
  f.store.CreateRun(run);
  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = "ANALYSIS";
  pr.status = PhaseStatus::kSucceeded;
  f.store.CommitPhase(pr, {{"analysis.md", "---\ntitle: a\n---\n# A\n"}}, "agent:analyst", id, "", 0);

  Fixture g;  // a new tab on the same store
  (void)g;
  f.session->OpenProject(id);
  auto s = f.WaitFor([](const SessionSnapshot& x) { return x.run->running || x.run->run_status == RunStatus::kAwaitingApproval; });
  CHECK(s->status->banner.find("interrupted") != std::string::npos);
  int arch = s->project->spec->IndexOf("SPEC_ARCHITECT");
  f.WaitFor([&](const SessionSnapshot& x) { return x.run->phases[arch].status == PhaseStatus::kAwaitingApproval; });
  REQUIRE(f.last_provider);
  CHECK(f.last_provider->Calls("ANALYSIS") == 0);  // finished before the interruption: not called again
  f.session->CancelRun();
  f.WaitFor([](const SessionSnapshot& x) { return !x.run->running; });
}

// The key reaches the provider (in memory) and nothing else: not the
// project's settings, not the run's records, not anything the UI shows.
TEST_CASE("Session.SettingsNeverStoreTheKey") {
  const std::string key = "sk-secret-123";
  Fixture f;
  f.accept_hosted = true;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  SessionSettings s;
  s.provider = ProviderKind::kOpenAi;
  s.model = "gpt-test";
  s.base_url = "http://127.0.0.1:9/v1";
  f.session->UpdateSettings(s, key);
  f.session->Drain();
  auto snap = f.session->Snapshot();
  CHECK(snap->settings->settings.has_key);
  const int64_t id = snap->project->project_id;
  CHECK(f.store.GetProject(id)->settings_json.find("gpt-test") != std::string::npos);

  f.session->StartRun();
  f.WaitFor([](const SessionSnapshot& x) { return !x.run->pending_gates.empty(); });
  f.session->Approve("SPEC_ARCHITECT", "architecture_approved");
  snap = f.WaitFor([](const SessionSnapshot& x) {
    return !x.run->running && x.run->run_status && *x.run->run_status != RunStatus::kRunning;
  });
  REQUIRE(f.keys_given.size() == 1);
  CHECK(f.keys_given[0] == key);  // the provider got it

  auto never_holds_key = [&](const std::string& where, const std::string& text) {
    CHECK_MESSAGE(text.find("sk-secret") == std::string::npos, where);
  };
  never_holds_key("project settings", f.store.GetProject(id)->settings_json);
  REQUIRE(snap->run->run_id != 0);
  auto run = f.store.GetRun(snap->run->run_id);
  REQUIRE(run);
  never_holds_key("run options", run->options_json);
  never_holds_key("run metrics", run->metrics_json);
  for (const auto& pr : f.store.ListPhaseRuns(run->id)) never_holds_key("phase record " + pr.phase, pr.error);
  for (const auto& a : f.store.ListArtifacts(id))
    never_holds_key(a.artifact, f.store.LatestVersion(id, a.artifact)->content);
  never_holds_key("snapshot settings", snap->settings->settings.ToJson());
  never_holds_key("provider label", snap->settings->provider_label);
  never_holds_key("banner", snap->status->banner);

  // Settings changed without a key keep it; an empty key forgets it.
  s.model = "gpt-other";
  f.session->UpdateSettings(s, std::nullopt);
  f.session->Drain();
  CHECK(f.session->Snapshot()->settings->settings.has_key);
  f.session->UpdateSettings(s, std::string());
  f.session->Drain();
  CHECK_FALSE(f.session->Snapshot()->settings->settings.has_key);
  f.session->StartRun();
  f.session->Drain();
  REQUIRE(f.keys_given.size() == 2);
  CHECK(f.keys_given[1].empty());
  f.session->CancelRun();
  f.WaitFor([](const SessionSnapshot& x) { return !x.run->running; });
}

TEST_CASE("Session.EditShowsImpactThenRegenerates") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  f.session->Drain();
  f.session->StartRun();
  int arch = -1;
  f.WaitFor([&](const SessionSnapshot& x) {
    arch = x.project->spec ? x.project->spec->IndexOf("SPEC_ARCHITECT") : -1;
    return arch >= 0 && x.run->phases[arch].status == PhaseStatus::kAwaitingApproval;
  });
  f.session->Approve("SPEC_ARCHITECT", "architecture_approved");
  f.WaitFor([](const SessionSnapshot& x) { return !x.run->running && x.run->run_status == RunStatus::kSucceeded; });
  f.session->Drain();
  std::string prd = f.store.LatestVersion(f.session->Snapshot()->project->project_id, "prd.md")->content;
  f.session->SaveArtifact("prd.md", prd + "\n## Risks\nWeather.\n");
  f.session->Drain();
  auto s = f.session->Snapshot();
  REQUIRE(s->edit->impact.has_value());
  CHECK(s->edit->impact->change_level == ImpactLevel::kHigh);
  CHECK(s->edit->impact->high > 0);
  bool stale = false;
  for (const auto& p : s->run->phases) stale |= p.stale;
  CHECK(stale);
  f.session->Regenerate(Strategy::kRegenerateAll, {}, false);
  s = f.WaitFor([](const SessionSnapshot& x) { return x.edit->last_regeneration.has_value() && !x.run->running; });
  CHECK(s->edit->last_regeneration->success);
  CHECK_FALSE(s->edit->impact.has_value());
  f.session->Drain();
  s = f.session->Snapshot();
  for (const auto& p : s->run->phases) CHECK_MESSAGE(!p.stale, p.stale_reason);
  // Restoring the first version is itself a new version.
  f.session->RestoreVersion("prd.md", 1);
  f.session->OpenArtifact("prd.md");
  f.session->Drain();
  s = f.session->Snapshot();
  REQUIRE(s->viewer->versions->size() == 3);
  CHECK(s->viewer->versions->back().content == s->viewer->versions->front().content);
  CHECK(s->viewer->versions->back().author == "user");
  // Views are prepared off the UI thread: rendered blocks and a version diff.
  CHECK(s->viewer->shown_version == 3);
  CHECK_FALSE(s->viewer->blocks->empty());
  f.session->CompareVersions(1, 2);
  f.session->Drain();
  s = f.session->Snapshot();
  CHECK(s->viewer->diff->inserted > 0);
  REQUIRE(s->viewer->diff_sections->size() == 1);
  CHECK((*s->viewer->diff_sections)[0].section.find("Risks") != std::string::npos);
  CHECK((*s->viewer->diff_sections)[0].change == markdown::ChangeKind::kAdded);
}
