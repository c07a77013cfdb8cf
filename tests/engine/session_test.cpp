#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "core/files.hpp"
#include "engine/artifact_diff.hpp"
#include "engine/session.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

std::string DefaultYaml() { return *ReadFile(test::SourcePath("assets/workflows/default.yml"), nullptr); }

struct Fixture {
  test::MemoryStore store;
  test::ScriptedProvider* last_provider = nullptr;
  std::unique_ptr<Session> session;
  Fixture() {
    Session::Ports ports;
    ports.store = &store;
    ports.diff = MarkdownDiff();
    ports.make_provider = [this](const SessionSettings& s, const std::string& key, std::string* error)
        -> std::unique_ptr<LlmProvider> {
      if (s.provider != "offline") {
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
  REQUIRE(s->project_id != 0);
  CHECK(s->project_name == "Tidewater");
  REQUIRE(s->spec);
  CHECK(s->phases.size() == s->spec->phases.size());
  CHECK(s->projects.size() == 1);
  CHECK(s->provider_label.find("not a language model") != std::string::npos);

  f.session->StartRun();
  s = f.WaitFor([](const SessionSnapshot& x) { return !x.pending_gates.empty() || x.run_status == "awaiting_approval" ||
                                                       (x.phases.size() > 4 && x.phases[4].status == PhaseStatus::kAwaitingApproval); });
  int arch = s->spec->IndexOf("SPEC_ARCHITECT");
  s = f.WaitFor([&](const SessionSnapshot& x) { return x.phases[arch].status == PhaseStatus::kAwaitingApproval; });
  CHECK(s->running);  // the UI run waits for the person
  f.session->Approve("SPEC_ARCHITECT", "architecture_approved");
  s = f.WaitFor([](const SessionSnapshot& x) { return !x.running && x.run_status != "running"; });
  CHECK(s->run_status == "succeeded");
  REQUIRE(s->last_report.has_value());
  CHECK(s->last_report->makespan_ms > 0);
  f.session->Drain();
  s = f.session->Snapshot();
  CHECK(s->artifacts.size() == 14);
}

TEST_CASE("Session.EditsBecomeUserVersions") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  f.session->SaveArtifact("prd.md", "# PRD\nmine\n");
  f.session->OpenArtifact("prd.md");
  f.session->Drain();
  auto s = f.session->Snapshot();
  REQUIRE(s->open_versions.size() == 1);
  CHECK(s->open_versions[0].author == "user");
  CHECK(s->open_versions[0].content == "# PRD\nmine\n");
}

TEST_CASE("Session.InterruptedRunResumesOnOpen") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  f.session->Drain();
  int64_t id = f.session->Snapshot()->project_id;
  // Simulate a tab closed mid-run: a run still marked running, ANALYSIS done.
  WorkflowRunRecord run;
  run.project_id = id;
  run.kind = "run";
  run.mode = "ready";
  run.status = "running";
  f.store.CreateRun(run);
  PhaseRunRecord pr;
  pr.workflow_run_id = run.id;
  pr.phase = "ANALYSIS";
  pr.status = PhaseStatus::kSucceeded;
  f.store.CommitPhase(pr, {{"analysis.md", "---\ntitle: a\n---\n# A\n"}}, "agent:analyst", id, "", 0);

  Fixture g;  // a new tab on the same store
  (void)g;
  f.session->OpenProject(id);
  auto s = f.WaitFor([](const SessionSnapshot& x) { return x.running || x.run_status == "awaiting_approval"; });
  CHECK(s->banner.find("interrupted") != std::string::npos);
  int arch = s->spec->IndexOf("SPEC_ARCHITECT");
  f.WaitFor([&](const SessionSnapshot& x) { return x.phases[arch].status == PhaseStatus::kAwaitingApproval; });
  REQUIRE(f.last_provider);
  CHECK(f.last_provider->Calls("ANALYSIS") == 0);  // finished before the interruption: not called again
  f.session->CancelRun();
  f.WaitFor([](const SessionSnapshot& x) { return !x.running; });
}

TEST_CASE("Session.SettingsNeverStoreTheKey") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  SessionSettings s;
  s.provider = "openai";
  s.model = "gpt-test";
  s.base_url = "http://127.0.0.1:9/v1";
  f.session->UpdateSettings(s, std::string("sk-secret-123"));
  f.session->Drain();
  auto snap = f.session->Snapshot();
  CHECK(snap->settings.has_key);
  auto project = f.store.GetProject(snap->project_id);
  CHECK(project->settings_json.find("sk-secret") == std::string::npos);
  CHECK(project->settings_json.find("gpt-test") != std::string::npos);
  f.session->StartRun();
  f.session->Drain();
  CHECK(f.session->Snapshot()->banner.find("only the offline provider") != std::string::npos);
  CHECK(f.session->Snapshot()->banner.find("sk-secret") == std::string::npos);
}

TEST_CASE("Session.EditShowsImpactThenRegenerates") {
  Fixture f;
  f.session->CreateProject("P", "brief", DefaultYaml(), "default.yml");
  f.session->Drain();
  f.session->StartRun();
  int arch = -1;
  f.WaitFor([&](const SessionSnapshot& x) {
    arch = x.spec ? x.spec->IndexOf("SPEC_ARCHITECT") : -1;
    return arch >= 0 && x.phases[arch].status == PhaseStatus::kAwaitingApproval;
  });
  f.session->Approve("SPEC_ARCHITECT", "architecture_approved");
  f.WaitFor([](const SessionSnapshot& x) { return !x.running && x.run_status == "succeeded"; });
  f.session->Drain();
  std::string prd = f.store.LatestVersion(f.session->Snapshot()->project_id, "prd.md")->content;
  f.session->SaveArtifact("prd.md", prd + "\n## Risks\nWeather.\n");
  f.session->Drain();
  auto s = f.session->Snapshot();
  REQUIRE(s->impact.has_value());
  CHECK(s->impact->change_level == ImpactLevel::kHigh);
  CHECK(s->impact->high > 0);
  bool stale = false;
  for (const auto& p : s->phases) stale |= p.stale;
  CHECK(stale);
  f.session->Regenerate(Strategy::kRegenerateAll, {}, false);
  s = f.WaitFor([](const SessionSnapshot& x) { return x.last_regeneration.has_value() && !x.running; });
  CHECK(s->last_regeneration->success);
  CHECK_FALSE(s->impact.has_value());
  f.session->Drain();
  s = f.session->Snapshot();
  for (const auto& p : s->phases) CHECK_MESSAGE(!p.stale, p.stale_reason);
  // Restoring the first version is itself a new version.
  f.session->RestoreVersion("prd.md", 1);
  f.session->OpenArtifact("prd.md");
  f.session->Drain();
  s = f.session->Snapshot();
  REQUIRE(s->open_versions.size() == 3);
  CHECK(s->open_versions.back().content == s->open_versions.front().content);
  CHECK(s->open_versions.back().author == "user");
  // Views are prepared off the UI thread: rendered blocks and a version diff.
  CHECK(s->shown_version == 3);
  CHECK_FALSE(s->blocks.empty());
  f.session->CompareVersions(1, 2);
  f.session->Drain();
  s = f.session->Snapshot();
  CHECK(s->diff.inserted > 0);
  REQUIRE(s->diff_sections.size() == 1);
  CHECK(s->diff_sections[0].section.find("Risks") != std::string::npos);
  CHECK(s->diff_sections[0].change == markdown::ChangeKind::kAdded);
}
