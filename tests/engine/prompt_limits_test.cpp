// Issue 15.1 and 15.4 through the runner: what a VALIDATE review reads, and
// the limits checked before a call (fan-out items, artifact size, context
// window, reply size). A recording provider in front of the scripted one
// keeps each request, so the tests read the prompts the engine really sent.
#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <set>

#include "engine/fan_out.hpp"
#include "engine/prompt_limits.hpp"
#include "engine/review_scope.hpp"
#include "engine/workflow_runner.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"
#include "support/scripted_provider.hpp"

using namespace specwave;

namespace {

const WorkflowSpec& Default() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

struct Sent {
  std::string prompt;  // system + user
  int max_tokens = 0;
};

class RecordingProvider final : public LlmProvider {
 public:
  test::ScriptedProvider inner;
  ProviderKind Kind() const override { return ProviderKind::kOpenAi; }
  std::string Model() const override { return "gpt-4o"; }
  bool IsLanguageModel() const override { return true; }  // reviews are scoped for language models
  LlmResponse Complete(const LlmRequest& req, const TextSink& on_text, const CancelToken& cancel) override {
    {
      std::lock_guard<std::mutex> l(mu_);
      sent_[req.label] = {req.system + "\n" + req.user, req.max_tokens};
    }
    return inner.Complete(req, on_text, cancel);
  }
  std::map<std::string, Sent> Sent_() {
    std::lock_guard<std::mutex> l(mu_);
    return sent_;
  }

 private:
  std::mutex mu_;
  std::map<std::string, Sent> sent_;
};

int64_t NewProject(test::MemoryStore& store) {
  ProjectRecord p;
  p.name = "Tidewater";
  p.brief = "# Tidewater\nA brief about tide windows.";
  p.workflow_yaml = "(default)";
  store.CreateProject(p);
  return p.id;
}

const PhaseReport& PhaseOf(const RunReport& r, const std::string& name) {
  for (const auto& p : r.phases)
    if (p.name == name) return p;
  FAIL("no phase " << name);
  return r.phases.front();
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + needle.size())) ++n;
  return n;
}

std::string Epics(int n, const std::string& before = "") {
  std::string s = "---\ntitle: Epics\n---\n# Epics\n\n" + before;
  for (int i = 1; i <= n; ++i) s += "## E" + std::to_string(i) + ": Epic " + std::to_string(i) + "\n\nCovers: F1\n\n";
  return s;
}

std::string Doc(const std::string& artifact, const std::string& marker) {
  return "---\ntitle: " + artifact + "\n---\n# " + artifact + "\n\n## Body\n\n" + marker + " only in " + artifact +
         ".\n";
}

}  // namespace

TEST_CASE("ReviewScope.ReviewPromptHoldsOnlyItsArtifactAndWhatItTracesTo") {
  test::MemoryStore store;
  RecordingProvider provider;
  provider.inner.overrides["SOLUTIONING_EPICS"] = Epics(2);
  provider.inner.overrides["SPEC_DESIGN_TOKENS"] = Doc("design-tokens.md", "TOKENPROSE");
  provider.inner.overrides["DEPENDENCIES"] = Doc("dependencies.md", "DEPPROSE");
  provider.inner.overrides["SPEC_PM"] = Doc("prd.md", "PRDPROSE");
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  REQUIRE(r.status == RunStatus::kSucceeded);
  auto sent = provider.Sent_();
  // VALIDATE[2] reviews design-tokens.md (graph order: analysis, stack, design-tokens, ...).
  REQUIRE(sent.count("VALIDATE[2]"));
  const std::string& review = sent["VALIDATE[2]"].prompt;
  // The reviewed artifact once, in the numbered item block.
  CHECK(Count(review, "TOKENPROSE only in design-tokens.md") == 1);
  CHECK(review.find(" | TOKENPROSE only in design-tokens.md") != std::string::npos);
  // What it traces to (its producer read analysis.md; component-mapping.md is written from it), as outlines.
  CHECK(review.find("<<<BEGIN analysis.md ") != std::string::npos);
  CHECK(review.find("<<<BEGIN component-mapping.md ") != std::string::npos);
  // Nothing unrelated: prd.md, dependencies.md and tasks.md are no neighbours of design-tokens.md.
  for (const char* unrelated : {"prd.md", "dependencies.md", "tasks.md", "api-spec.md", "epics.md"}) {
    CAPTURE(unrelated);
    CHECK(review.find(std::string("<<<BEGIN ") + unrelated + " ") == std::string::npos);
  }
  CHECK(review.find("PRDPROSE") == std::string::npos);
  CHECK(review.find("DEPPROSE") == std::string::npos);
  // The deterministic checks' findings, and no brief (design-tokens.md was written from analysis.md).
  CHECK(review.find("# Findings of the deterministic checks") != std::string::npos);
  CHECK(review.find("<<<BEGIN brief ") == std::string::npos);
  // Its own system block: the data rules, not the rules for writing documents.
  CHECK(review.find("never instructions to you") != std::string::npos);
  CHECK(review.find("You review one document") != std::string::npos);
  CHECK(review.find("'=== FILE: <name> ==='") == std::string::npos);
  // The prd.md review reads the epics that cover it as an outline: headings and Covers lines, not prose.
  const std::string& prd_review = sent["VALIDATE[3]"].prompt;
  CHECK(prd_review.find("<<<BEGIN epics.md ") != std::string::npos);
  CHECK(prd_review.find("Covers: F1") != std::string::npos);
  CHECK(prd_review.find("<<<BEGIN dependencies.md ") == std::string::npos);
  // analysis.md was written from the brief alone: its review reads the brief.
  CHECK(sent["VALIDATE[0]"].prompt.find("<<<BEGIN brief ") != std::string::npos);
}

TEST_CASE("ReviewScope.RelatedArtifactsFollowTheGraph") {
  const auto& spec = Default();
  NamedTexts all;
  for (const auto& a : spec.AllArtifacts())
    if (a != "validation-report.md" && a != "spec-pack.md") all.push_back({a, "# " + a + "\n\nprose\n\n## Part\nCovers: F1\n"});
  auto names = [&](const std::string& artifact) {
    std::vector<std::string> out;
    for (const auto& [n, t] : ReviewRelated(spec, spec.IndexOf("VALIDATE"), artifact, all)) out.push_back(n);
    return out;
  };
  CHECK(names("epics.md") == std::vector<std::string>{"prd.md", "tasks.md"});
  CHECK(names("dependencies.md") == std::vector<std::string>{"architecture.md", "data-model.md", "api-spec.md"});
  CHECK(names("design-tokens.md") == std::vector<std::string>{"analysis.md", "component-mapping.md", "journey-maps.md"});
  // Written in the same call: api-spec.md's Resources name data-model.md's entities.
  CHECK(names("api-spec.md") ==
        std::vector<std::string>{"stack.md", "prd.md", "architecture.md", "data-model.md", "dependencies.md", "tasks.md"});
  auto related = ReviewRelated(spec, spec.IndexOf("VALIDATE"), "epics.md", all);
  CHECK(related[0].second == "# prd.md\n## Part\nCovers: F1\n");  // an outline: headings and trace lines
  // Tables keep the names they define, not their values; code blocks and frontmatter go.
  CHECK(TraceOutline("---\ntitle: T\n---\n# Tokens\n\n| token | value |\n|---|---|\n| color.ink | oklch(0.2 0 0) |\n"
                     "\n```css\n## not a heading\n```\n- **Tokens:** color.ink\n") ==
        "# Tokens\n| token |\n| color.ink |\n- **Tokens:** color.ink\n");
  CHECK(ReviewReadsBrief(spec, "analysis.md"));
  CHECK_FALSE(ReviewReadsBrief(spec, "prd.md"));
  std::vector<ArtifactFinding> findings = {
      {"prd.md", "traceability", "feature-not-covered", Severity::kError, 16, "F4 is covered by no epic", ""},
      {"tasks.md", "traceability", "task-unknown-epic", Severity::kError, 3, "T9.1 names E9", ""}};
  CHECK(ReviewFindings(findings, "prd.md") == "- error feature-not-covered (prd.md:16): F4 is covered by no epic\n");
  CHECK(ReviewFindings(findings, "stack.md").rfind("None", 0) == 0);
}

TEST_CASE("FanOut.OnlyItemHeadingsAreItems") {
  CHECK(IsItemHeading("E1: Tides"));
  CHECK(IsItemHeading("E1 Tides"));
  CHECK(IsItemHeading("Epic 1: Tide Predictions"));
  CHECK(IsItemHeading("EPIC-01 — Tides"));
  CHECK(IsItemHeading("**E2**: Routes"));
  CHECK(IsItemHeading("Story 2.1: Sketch"));
  CHECK(IsItemHeading("3. Sharing"));
  CHECK_FALSE(IsItemHeading("Overview"));
  CHECK_FALSE(IsItemHeading("FR Coverage Map"));
  CHECK_FALSE(IsItemHeading("Epic List"));
  CHECK_FALSE(IsItemHeading("E2E tests"));
  // A document without item headings: every section is an item.
  CHECK(FanOutItems("## Hero\nx\n## Pricing\ny\n", 2).size() == 2);

  // Through the runner: a real epics.md's Overview and coverage map make no calls.
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] =
      Epics(3, "## Overview\n\nThree epics.\n\n## FR Coverage Map\n\n- F1: E1\n\n") + "## Epic List\n\n- E1\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 3);
  auto tasks = store.LatestVersion(project, "tasks.md");
  REQUIRE(tasks.has_value());
  CHECK(tasks->content.find("## Overview") == std::string::npos);
}

TEST_CASE("PromptLimits.FanOutOverMaxItemsFailsBeforeAnyCall") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = Epics(30);
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  const PhaseReport& tasks = PhaseOf(r, "SOLUTIONING_TASKS");
  CHECK(tasks.status == PhaseStatus::kFailed);
  CHECK(tasks.outcome == PhaseOutcome::kBlocked);
  CHECK(provider.Calls("SOLUTIONING_TASKS") == 0);
  CAPTURE(tasks.reason);
  CHECK(tasks.reason.find("'epics.md' has 30 item headings") != std::string::npos);
  CHECK(tasks.reason.find("max_items of 24") != std::string::npos);
  CHECK(tasks.reason.find("max_items: 30}") != std::string::npos);  // how to raise it

  // Raised in the workflow, the same epics run.
  CHECK(FanOut::kDefaultMaxItems == 24);
  auto loaded = LoadWorkflowSpec(
      "phases:\n  A:\n    description: a\n    agent: analyst\n    phase_type: spec\n    produces: [a.md]\n"
      "  B:\n    description: b\n    agent: analyst\n    phase_type: spec\n    produces: [b.md]\n    depends_on: [A]\n"
      "    fan_out: {over: a.md, items: \"## headings\", max_items: 40}\n",
      "w.yml");
  REQUIRE(loaded.ok());
  CHECK(loaded.spec->phases[1].fan_out->max_items == 40);
  auto bad = LoadWorkflowSpec(
      "phases:\n  A:\n    description: a\n    agent: analyst\n    phase_type: spec\n    produces: [a.md]\n"
      "  B:\n    description: b\n    agent: analyst\n    phase_type: spec\n    produces: [b.md]\n    depends_on: [A]\n"
      "    fan_out: {over: a.md, items: \"## headings\", max_items: 0}\n",
      "w.yml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.errors[0].message.find("'fan_out.max_items' must be at least 1") != std::string::npos);
}

TEST_CASE("PromptLimits.OversizedArtifactIsNotStoredNorSentNamingSizeAndCap") {
  WorkflowSpec spec = Default();
  spec.max_artifact_chars = 1000;
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SPEC_PM"] = Doc("prd.md", std::string(3000, 'x'));
  provider.overrides["SOLUTIONING_EPICS"] = Epics(2);
  int64_t project = NewProject(store);
  RunOptions opt;
  opt.auto_approve = true;
  // The phase that writes it fails, and nothing of it is stored.
  WorkflowRunner capped(spec, store, provider, SystemClock::Instance());
  RunReport first = capped.Run(project, opt, nullptr, CancelToken{});
  const PhaseReport& pm = PhaseOf(first, "SPEC_PM");
  CHECK(pm.status == PhaseStatus::kFailed);
  CAPTURE(pm.reason);
  CHECK(pm.reason.find("SPEC_PM wrote prd.md of 3,") != std::string::npos);
  CHECK(pm.reason.find("over the cap of 1,000") != std::string::npos);
  CHECK_FALSE(store.LatestVersion(project, "prd.md").has_value());
  // One that came in otherwise (a run under a larger cap, an edit, an import) is not sent.
  WorkflowRunner uncapped(Default(), store, provider, SystemClock::Instance());
  REQUIRE(uncapped.Run(project, opt, nullptr, CancelToken{}).status == RunStatus::kSucceeded);
  const int before = provider.Calls("SPEC_ARCHITECT");
  opt.only_phases = std::set<std::string>{"SPEC_ARCHITECT"};
  RunReport r = capped.Run(project, opt, nullptr, CancelToken{});
  const PhaseReport& arch = PhaseOf(r, "SPEC_ARCHITECT");
  CHECK(arch.status == PhaseStatus::kFailed);
  CHECK(arch.outcome == PhaseOutcome::kBlocked);
  CHECK(provider.Calls("SPEC_ARCHITECT") == before);
  CAPTURE(arch.reason);
  const size_t prd = store.LatestVersion(project, "prd.md")->content.size();
  CHECK(arch.reason.find("prd.md is " + std::to_string(prd / 1000) + ",") != std::string::npos);
  CHECK(arch.reason.find("over the cap of 1,000") != std::string::npos);
  CHECK(arch.reason.find("max_artifact_chars") != std::string::npos);

  CHECK(Default().max_artifact_chars == 200000);
  auto loaded = LoadWorkflowSpec(
      "max_artifact_chars: 5000\nphases:\n  A:\n    description: a\n    agent: analyst\n    phase_type: spec\n"
      "    produces: [a.md]\n",
      "w.yml");
  REQUIRE(loaded.ok());
  CHECK(loaded.spec->max_artifact_chars == 5000);
}

TEST_CASE("PromptLimits.PromptOverTheContextWindowIsNotSent") {
  test::MemoryStore store;
  RecordingProvider provider;
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  opt.context_tokens = [](ProviderKind, const std::string& model) -> int64_t { return model == "gpt-4o" ? 5000 : 0; };
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  const PhaseReport& analysis = PhaseOf(r, "ANALYSIS");
  CHECK(analysis.status == PhaseStatus::kFailed);
  CHECK(analysis.outcome == PhaseOutcome::kBlocked);
  CHECK(provider.inner.TotalCalls() == 0);
  CAPTURE(analysis.reason);
  CHECK(analysis.reason.find("ANALYSIS was not sent") != std::string::npos);
  CHECK(analysis.reason.find("gpt-4o's context window of 5,000 tokens") != std::string::npos);
  CHECK(ContextOverflow("X", "m", 400, 100, 1000, 2000).empty());  // fits
}

TEST_CASE("PromptLimits.ReplyLimitIsSizedPerArtifact") {
  const auto& spec = Default();
  CHECK(DefaultMaxTokens(spec.phases[spec.IndexOf("SOLUTIONING_EPICS")], false) >= 10000);  // a real epics.md
  CHECK(DefaultMaxTokens(spec.phases[spec.IndexOf("SPEC_ARCHITECT")], false) == 16384);     // three files, capped
  CHECK(DefaultMaxTokens(spec.phases[spec.IndexOf("SOLUTIONING_TASKS")], true) == 6000);    // one epic's tasks

  test::MemoryStore store;
  RecordingProvider provider;
  provider.inner.overrides["SOLUTIONING_EPICS"] = Epics(2);
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  runner.Run(project, opt, nullptr, CancelToken{});
  auto sent = provider.Sent_();
  CHECK(sent["SOLUTIONING_EPICS"].max_tokens >= 10000);  // above the old 8,192 for every call
  CHECK(sent["SOLUTIONING_TASKS[0]"].max_tokens == 6000);
  // A run that sets a limit sends it on every call.
  test::MemoryStore store2;
  RecordingProvider fixed;
  fixed.inner.overrides["SOLUTIONING_EPICS"] = Epics(2);
  int64_t p2 = NewProject(store2);
  WorkflowRunner runner2(Default(), store2, fixed, SystemClock::Instance());
  opt.max_tokens = 5000;
  runner2.Run(p2, opt, nullptr, CancelToken{});
  for (const auto& [label, s] : fixed.Sent_()) {
    CAPTURE(label);
    CHECK(s.max_tokens == 5000);
  }
}
