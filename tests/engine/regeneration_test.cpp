#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "engine/regeneration.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

const WorkflowSpec& Default() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

const char* kEpics = "---\ntitle: E\n---\n# Epics\n\n## E1: Tides\nCovers: F1\n\n## E2: Routes\nCovers: F2\n";

// Test diff: reports "PRD > Features > F9" added when the new text mentions F9,
// otherwise one modified section; equal texts are unchanged.
ArtifactChangeInput FakeDiff(const std::string& artifact, const std::string& a, const std::string& b) {
  ArtifactChangeInput c;
  c.artifact = artifact;
  c.old_sha256 = Sha256Hex(a);
  c.new_sha256 = Sha256Hex(b);
  c.changed = NormalizeText(a) != NormalizeText(b);
  if (c.changed) {
    if (b.find("F9") != std::string::npos && a.find("F9") == std::string::npos)
      c.sections.push_back({"PRD > Features > F9: Offline", "added", 0, 10});
    else
      c.sections.push_back({"PRD > Features > F1", "modified", 5, 5});
  }
  return c;
}

struct Fixture {
  test::MemoryStore store;
  test::ScriptedProvider first;
  int64_t project = 0;
  Fixture() {
    ProjectRecord p;
    p.name = "T";
    p.brief = "brief";
    store.CreateProject(p);
    project = p.id;
    first.overrides["SOLUTIONING_EPICS"] = kEpics;
    WorkflowRunner runner(Default(), store, first, SystemClock::Instance());
    RunOptions opt;
    opt.auto_approve = true;
    REQUIRE(runner.Run(project, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);
  }
  RunOptions Options() {
    RunOptions o;
    o.auto_approve = true;
    return o;
  }
};

}  // namespace

TEST_CASE("Regeneration.EditIsStoredAndAffectedMarkedStale") {
  Fixture f;
  Regenerator regen(Default(), f.store, FakeDiff);
  auto prd = f.store.LatestVersion(f.project, "prd.md")->content;
  auto edit = regen.RecordEdit(f.project, "prd.md", prd + "\n### F9: Offline\nNew.\n");
  REQUIRE(edit.ok);
  CHECK(edit.version_id != 0);
  CHECK(f.store.LatestVersion(f.project, "prd.md")->author == "user");
  CHECK(f.store.GetChange(edit.change_id)->impact_level == "HIGH");
  bool stale_arch = false;
  for (const auto& a : f.store.ListArtifacts(f.project))
    if (a.artifact == "architecture.md") stale_arch = a.stale_reason.find("SPEC_PM -> SPEC_ARCHITECT") != std::string::npos;
  CHECK(stale_arch);
  // The same text again is no change: no version, nothing affected.
  auto again = regen.RecordEdit(f.project, "prd.md", prd + "\n### F9: Offline\nNew.\n  \r\n");
  CHECK(again.ok);
  CHECK(again.version_id == 0);
  CHECK(again.impact.affected.empty());
}

TEST_CASE("Regeneration.EarlyCutoffMakesFewerCallsThanRegenerateAll") {
  // Baseline: how many calls a full regeneration of everything affected makes
  // without early cutoff (one run of every affected phase).
  Fixture f;
  Regenerator regen(Default(), f.store, FakeDiff);
  auto prd = f.store.LatestVersion(f.project, "prd.md")->content;
  auto edit = regen.RecordEdit(f.project, "prd.md", prd + "\n### F9: Offline\n");
  test::ScriptedProvider provider;  // answers exactly as before: outputs come out unchanged
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  RegenerationRequest req;
  req.strategy = Strategy::kRegenerateAll;
  auto r = regen.Regenerate(f.project, edit, req, provider, f.Options(), {}, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(r.success);
  CHECK(r.regeneration_run_id != 0);
  int full_calls = 0;  // what regenerate_all without cutoff would call: every affected phase once (fan-out: per item)
  for (const auto& a : edit.impact.affected) (void)a;
  for (const auto& name : ProducingPhases(Default(), r.to_regenerate)) {
    if (name == "SOLUTIONING_TASKS") full_calls += 2;
    else if (name == "VALIDATE") full_calls += 12;
    else if (name != "DONE") full_calls += 1;
  }
  CHECK(r.model_calls < full_calls);
  CHECK_FALSE(r.skipped_early_cutoff.empty());
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 0);  // its inputs came out unchanged
  // Cut-off and unchanged artifacts are current again; the runs are recorded.
  for (const auto& a : f.store.ListArtifacts(f.project))
    if (a.artifact == "tasks.md") CHECK(a.stale_reason.empty());
  auto runs = f.store.ListRegenerationRuns(f.project);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].success.value_or(false));
  CHECK(runs[0].strategy == "regenerate_all");
}

TEST_CASE("Regeneration.ChangedOutputsAreRegeneratedWithReason") {
  Fixture f;
  Regenerator regen(Default(), f.store, FakeDiff);
  auto prd = f.store.LatestVersion(f.project, "prd.md")->content;
  auto edit = regen.RecordEdit(f.project, "prd.md", prd + "\n### F9: Offline\n");
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = std::string(kEpics) + "\n## E3: Offline\nCovers: F9\n";
  RegenerationRequest req;
  auto r = regen.Regenerate(f.project, edit, req, provider, f.Options(), {}, nullptr, CancelToken{});
  CHECK(r.success);
  CHECK(std::find(r.regenerated.begin(), r.regenerated.end(), "epics.md") != r.regenerated.end());
  // epics gained E3: only its item is generated (issue #16.3); E1 and E2 keep their tasks.
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 1);
  CHECK(f.store.LatestVersion(f.project, "tasks.md")->content.find("## E3: Offline") != std::string::npos);
  auto epics = f.store.LatestVersion(f.project, "epics.md");
  CHECK(epics->regeneration_run_id == r.regeneration_run_id);
  CHECK(epics->regeneration_reason.find("prd.md edited") != std::string::npos);
}

TEST_CASE("Regeneration.NewerUserEditIsNeverOverwrittenSilently") {
  Fixture f;
  Regenerator regen(Default(), f.store, FakeDiff);
  ArtifactVersion mine;
  mine.project_id = f.project;
  mine.artifact = "epics.md";
  mine.content = "# my epics\n";
  mine.author = "user";
  f.store.AddVersion(mine);
  auto prd = f.store.LatestVersion(f.project, "prd.md")->content;
  auto edit = regen.RecordEdit(f.project, "prd.md", prd + "\n### F9: Offline\n");
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  RegenerationRequest req;
  auto r = regen.Regenerate(f.project, edit, req, provider, f.Options(), {}, nullptr, CancelToken{});
  CHECK(r.conflicts == std::vector<std::string>{"epics.md"});
  CHECK(provider.Calls("SOLUTIONING_EPICS") == 0);
  CHECK(f.store.LatestVersion(f.project, "epics.md")->content == "# my epics\n");
  req.overwrite_user_edits = true;
  auto edit2 = regen.RecordEdit(f.project, "prd.md", prd + "\n### F9: Offline\nmore\n");
  auto r2 = regen.Regenerate(f.project, edit2, req, provider, f.Options(), {}, nullptr, CancelToken{});
  CHECK(r2.conflicts.empty());
  CHECK(provider.Calls("SOLUTIONING_EPICS") == 1);
}

TEST_CASE("Regeneration.ManualSelectionRunsEvenFarDownstream") {
  Fixture f;
  Regenerator regen(Default(), f.store, FakeDiff);
  auto prd = f.store.LatestVersion(f.project, "prd.md")->content;
  auto edit = regen.RecordEdit(f.project, "prd.md", prd + "\nchanged line\n");
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  RegenerationRequest req;
  req.strategy = Strategy::kManualReview;
  req.selection = {"tasks.md"};
  auto r = regen.Regenerate(f.project, edit, req, provider, f.Options(), {}, nullptr, CancelToken{});
  CHECK(r.to_regenerate == std::vector<std::string>{"tasks.md"});
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 2);  // its inputs are stale, not known unchanged: it runs
  CHECK(provider.Calls("SPEC_ARCHITECT") == 0);
  // What was not selected stays stale until reviewed.
  std::string arch_stale;
  for (const auto& a : f.store.ListArtifacts(f.project))
    if (a.artifact == "architecture.md") arch_stale = a.stale_reason;
  CHECK_FALSE(arch_stale.empty());
  CHECK(regen.MarkReviewed(f.project, "architecture.md").kind == StoreError::Kind::kNone);
  for (const auto& a : f.store.ListArtifacts(f.project))
    if (a.artifact == "architecture.md") CHECK(a.stale_reason.empty());
}

TEST_CASE("Regeneration.IgnoreRunsNothing") {
  Fixture f;
  Regenerator regen(Default(), f.store, FakeDiff);
  auto edit = regen.RecordEdit(f.project, "prd.md", "# totally new\n");
  test::ScriptedProvider provider;
  RegenerationRequest req;
  req.strategy = Strategy::kIgnore;
  auto r = regen.Regenerate(f.project, edit, req, provider, f.Options(), {}, nullptr, CancelToken{});
  CHECK(r.success);
  CHECK(provider.TotalCalls() == 0);
  CHECK(r.to_regenerate.empty());
  auto j = nlohmann::json::parse(r.ToJson());
  CHECK(j["strategy"] == "ignore");
}

// Issue #16.7: the spec-pack index lists what the store holds after every
// regeneration, whatever the strategy (it used to keep listing prd.md v1).
TEST_CASE("Regeneration.SpecPackListsTheEditedVersionAfterEveryStrategy") {
  for (Strategy strategy : {Strategy::kRegenerateAll, Strategy::kHighImpactOnly, Strategy::kIgnore}) {
    CAPTURE(StrategyName(strategy));
    Fixture f;
    Regenerator regen(Default(), f.store, FakeDiff);
    auto prd = f.store.LatestVersion(f.project, "prd.md")->content;
    auto edit = regen.RecordEdit(f.project, "prd.md", prd + "\nOne more paragraph about F1.\n");
    REQUIRE(edit.ok);
    test::ScriptedProvider provider;  // the same answers as before: early cutoff fires everywhere it can
    provider.overrides["SOLUTIONING_EPICS"] = kEpics;
    RegenerationRequest req;
    req.strategy = strategy;
    auto r = regen.Regenerate(f.project, edit, req, provider, f.Options(), {}, nullptr, CancelToken{});
    INFO(r.ToJson());
    CHECK(r.success);
    auto now = f.store.LatestVersion(f.project, "prd.md");
    REQUIRE(now->version >= 2);
    auto pack = f.store.LatestVersion(f.project, "spec-pack.md");
    REQUIRE(pack);
    const std::string row = "| prd.md | " + std::to_string(now->version) + " | `" + now->sha256.substr(0, 12) + "` | user |";
    CHECK(pack->content.find(row) != std::string::npos);
  }
}
