// Issue #16.4 (early cutoff by section) and #16.3 (item-level fan-out),
// through the real section differ and the scheduler.
#include <doctest/doctest.h>

#include "engine/artifact_diff.hpp"
#include "engine/change_scope.hpp"
#include "engine/envelope.hpp"
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
const char* kEpicsE2Revised =
    "---\ntitle: E\n---\n# Epics\n\n## E1: Tides\nCovers: F1\n\n## E2: Routes\nCovers: F2\nRoutes work offline too.\n";

struct Fixture {
  test::MemoryStore store;
  int64_t project = 0;
  Fixture() {
    ProjectRecord p;
    p.name = "T";
    p.brief = "brief";
    store.CreateProject(p);
    project = p.id;
    test::ScriptedProvider first;
    first.overrides["SOLUTIONING_EPICS"] = kEpics;
    WorkflowRunner runner(Default(), store, first, SystemClock::Instance());
    RunOptions opt;
    opt.auto_approve = true;
    REQUIRE(runner.Run(project, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);
  }
  std::string Latest(const std::string& a) { return store.LatestVersion(project, a)->content; }
  RegenerationResult Regenerate(const std::string& prd, LlmProvider& provider) {
    Regenerator regen(Default(), store, MarkdownDiff());
    auto edit = regen.RecordEdit(project, "prd.md", prd);
    REQUIRE(edit.ok);
    RunOptions o;
    o.auto_approve = true;
    RegenerationRequest req;  // regenerate_all
    return regen.Regenerate(project, edit, req, provider, o, {}, nullptr, CancelToken{});
  }
};

}  // namespace

TEST_CASE("RegenerationScope.DependentThatReadsNoChangedSectionIsCutOff") {
  Fixture f;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  // A section SOLUTIONING_EPICS (consumes Features) and SPEC_DESIGN_COMPONENTS
  // (Features, User stories) do not read: both are cut off although prd.md's
  // whole-document hash changed; SPEC_ARCHITECT reads all of prd.md and runs.
  auto r = f.Regenerate(f.Latest("prd.md") + "\n## Non-goals\n\n- No payments.\n", provider);
  INFO(r.ToJson());
  CHECK(r.success);
  CHECK(provider.Calls("SOLUTIONING_EPICS") == 0);
  CHECK(provider.Calls("SPEC_DESIGN_COMPONENTS") == 0);
  CHECK(provider.Calls("SPEC_ARCHITECT") == 1);
  CHECK(std::find(r.skipped_early_cutoff.begin(), r.skipped_early_cutoff.end(), "epics.md") !=
        r.skipped_early_cutoff.end());
}

TEST_CASE("RegenerationScope.FanOutRerunsOnlyTheItemsWhoseInputsChanged") {
  Fixture f;
  const std::string tasks_before = f.Latest("tasks.md");
  const std::string e1_before = *PreviousItemText(tasks_before, "E1: Tides");
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpicsE2Revised;  // only E2's section changes
  provider.overrides["SOLUTIONING_TASKS"] = "## E2: Routes\n\nRevised: offline routes.\n";
  auto r = f.Regenerate(f.Latest("prd.md") + "\n## Features\n\n### F2: Routes\n\nOffline.\n", provider);
  INFO(r.ToJson());
  CHECK(r.success);
  CHECK(provider.Calls("SOLUTIONING_EPICS") == 1);
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 1);  // E2's item only
  const std::string tasks_after = f.Latest("tasks.md");
  CHECK(*PreviousItemText(tasks_after, "E1: Tides") == e1_before);  // byte for byte
  CHECK(tasks_after.find(e1_before) != std::string::npos);
  CHECK(PreviousItemText(tasks_after, "E2: Routes")->find("Revised: offline routes.") != std::string::npos);
  // The validation reviews rerun only for the artifacts that changed: prd.md
  // (the edit), epics.md and tasks.md; the other nine are kept.
  CHECK(provider.Calls("VALIDATE") == 3);
}

TEST_CASE("ChangeScope.SectionMattersByConsumesOrByAnIdTheOutputNames") {
  PhaseSpec p;
  p.name = "X";
  p.consumes = {{"epics.md", {"Overview"}}};
  ChangedSection e2{"epics.md", "Epics > E2: Routes", "modified", "", ""};
  CHECK_FALSE(SectionMatters(p, e2, "T1.1 belongs to E1"));
  CHECK(SectionMatters(p, e2, "T2.1 belongs to E2"));
  CHECK_FALSE(SectionMatters(p, e2, "T2.1 belongs to E21"));
  CHECK(SectionMatters(p, {"epics.md", "Epics > Overview", "modified", "", ""}, ""));
  PhaseSpec all;  // no consumes: reads all of every input
  CHECK(SectionMatters(all, e2, ""));
  CHECK(HeadingId("E2: Routes") == "E2");
  CHECK(HeadingId("T2.1 Route store") == "T2.1");
  CHECK(HeadingId("FR-003 Export") == "FR-003");
  CHECK(HeadingId("Epics") == "");
}

TEST_CASE("ChangeScope.ItemRerunsForItsOwnSectionOrAnIdItNames") {
  std::vector<ChangedSection> changes = {{"epics.md", "Epics > E2: Routes", "modified", "", ""}};
  CHECK(ItemNeedsRerun("epics.md", "E2: Routes", "## E2: Routes\nCovers: F2\n", std::string("## E2 ..."), changes));
  CHECK_FALSE(ItemNeedsRerun("epics.md", "E1: Tides", "## E1: Tides\nCovers: F1\n", std::string("## E1"), changes));
  CHECK(ItemNeedsRerun("epics.md", "E1: Tides", "## E1: Tides\nCovers: F1\n", std::nullopt, changes));  // new item
  // Another input's section without an id: nothing to follow, every item reruns.
  CHECK(ItemNeedsRerun("epics.md", "E1: Tides", "", std::string("x"), {{"architecture.md", "Arch > Overview", "modified", "", ""}}));
  // ... but one whose text names ids concerns only the items naming them.
  std::vector<ChangedSection> arch = {{"architecture.md", "Arch > Planner", "modified", "Serves F2.", "Serves F2 offline."}};
  CHECK(ItemNeedsRerun("epics.md", "E2: Routes", "## E2: Routes\nCovers: F2\n", std::string("## E2"), arch));
  CHECK_FALSE(ItemNeedsRerun("epics.md", "E1: Tides", "## E1: Tides\nCovers: F1\n", std::string("## E1"), arch));
  CHECK(IdsInText("Serves F2, E3 and T2.1; not HTTP or F") == std::vector<std::string>{"F2", "E3", "T2.1"});
  // Items over artifacts: an item is its artifact.
  CHECK(ItemNeedsRerun("", "epics.md", "", std::string("x"), changes));
  CHECK_FALSE(ItemNeedsRerun("", "prd.md", "", std::string("x"), changes));
}

namespace {

// Answers SPEC_ARCHITECT's revision calls with `patch`, everything else (and
// a rewrite call) as the scripted provider does.
class PatchingProvider final : public LlmProvider {
 public:
  test::ScriptedProvider inner;
  std::string patch;
  int revision_calls = 0, rewrite_calls = 0;
  ProviderKind Kind() const override { return ProviderKind::kOffline; }
  std::string Model() const override { return "script-1"; }
  bool IsLanguageModel() const override { return false; }
  LlmResponse Complete(const LlmRequest& req, const TextSink& sink, const CancelToken& cancel) override {
    if (req.context->phase->name == "SPEC_ARCHITECT") {
      if (req.context->revision) {
        ++revision_calls;
        CHECK(req.user.find("=== CURRENT: data-model.md ===") != std::string::npos);  // it was sent what exists
        LlmResponse r;
        r.ok = true;
        r.finish = FinishReason::kStop;
        r.text = patch;
        return r;
      }
      ++rewrite_calls;
    }
    return inner.Complete(req, sink, cancel);
  }
};

}  // namespace

TEST_CASE("RegenerationScope.RevisionPatchKeepsUntouchedSectionsByteIdentical") {
  Fixture f;
  const std::string model_before = f.Latest("data-model.md"), api_before = f.Latest("api-spec.md");
  const std::string arch_before = f.Latest("architecture.md");
  PatchingProvider provider;
  provider.inner.overrides["SOLUTIONING_EPICS"] = kEpics;
  provider.patch =
      "=== PATCH: architecture.md ===\n=== INSERT AFTER: architecture.md ===\n## Offline\n\nRoutes are kept on the "
      "device.\n=== END PATCH ===\n";
  auto r = f.Regenerate(f.Latest("prd.md") + "\n## Notes\n\nOffline matters.\n", provider);
  INFO(r.ToJson());
  CHECK(r.success);
  CHECK(provider.revision_calls == 1);
  CHECK(provider.rewrite_calls == 0);
  const std::string arch_after = f.Latest("architecture.md");
  CHECK(arch_after.find("## Offline\n\nRoutes are kept on the device.") != std::string::npos);
  // Only appended: every byte before it is kept, the envelope's version and
  // created aside (they are this version's).
  const std::string stable_before = StableContent(arch_before), stable_after = StableContent(arch_after);
  CHECK(stable_after.substr(0, stable_before.size() - 1) == stable_before.substr(0, stable_before.size() - 1));
  CHECK(f.Latest("data-model.md") == model_before);
  CHECK(f.Latest("api-spec.md") == api_before);
}

TEST_CASE("RegenerationScope.PatchNamingAMissingSectionFallsBackToARewriteAndSaysSo") {
  Fixture f;
  PatchingProvider provider;
  provider.inner.overrides["SOLUTIONING_EPICS"] = kEpics;
  provider.patch =
      "=== PATCH: architecture.md ===\n=== REPLACE: architecture.md > Nowhere ===\n## Nowhere\n\nx\n=== END PATCH ===\n";
  auto r = f.Regenerate(f.Latest("prd.md") + "\n## Notes\n\nOffline matters.\n", provider);
  INFO(r.ToJson());
  CHECK(r.success);
  CHECK(provider.revision_calls == 1);
  CHECK(provider.rewrite_calls == 1);  // the whole rewrite
  bool said = false;
  for (const auto& v : f.store.LatestValidations(f.project))
    if (v.validator == "revision")
      said = v.findings_json.find("has no section 'architecture.md > Nowhere'; fell back to a whole rewrite") !=
             std::string::npos;
  CHECK(said);
}
