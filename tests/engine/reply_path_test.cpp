// The runner's reply path (issue #14): after the provider returns, every reply
// is cleaned and put in the engine's envelope, validator errors get a repair
// call, and nothing of a failed phase becomes a version (its raw reply and
// findings stay on its record). Over the in-memory store and a scripted
// provider; the corpus runs over HTTP are in tests/corpus (CTest corpus/…).
#include <doctest/doctest.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "engine/phase_notes.hpp"
#include "engine/phase_reply.hpp"
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

const char* kEpics = "# Epics\n\n## E1: Tides\nCovers: F1\n\n## E2: Routes\nCovers: F2\n\n## E3: Sharing\nCovers: F3\n";

int64_t NewProject(test::MemoryStore& store) {
  ProjectRecord p;
  p.name = "Tidewater";
  p.brief = "# Tidewater\nA brief.";
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

std::optional<PhaseRunRecord> RecordOf(test::MemoryStore& store, int64_t run, const std::string& phase) {
  std::optional<PhaseRunRecord> out;
  for (const auto& pr : store.ListPhaseRuns(run))
    if (pr.phase == phase) out = pr;
  return out;
}

bool HasRule(const std::vector<ArtifactFinding>& notes, const std::string& rule) {
  for (const auto& f : notes)
    if (f.rule == rule) return true;
  return false;
}

// Design tokens fail while they mention a purple gradient.
PhaseChecks PurpleChecks() {
  PhaseChecks checks;
  checks.validate_phase = [](const PhaseSpec& p, const NamedTexts& produced) {
    std::vector<ArtifactFinding> out;
    for (const auto& [name, text] : produced)
      if (name == "design-tokens.md")
        if (size_t at = text.find("purple"); at != std::string::npos) {
          int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
          out.push_back({name, "anti_ai_slop", "purple-gradient", Severity::kError, line, "a purple gradient", ""});
        }
    return out;
  };
  return checks;
}

}  // namespace

TEST_CASE("ReplyPath.RefusalIsNotStoredAndItsWordsAreKept") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SPEC_PM"] = "I'm sorry, but I can't help with that.";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(PhaseOf(r, "SPEC_PM").status == PhaseStatus::kFailed);
  CHECK(PhaseOf(r, "SPEC_PM").reason.find("I'm sorry, but I can't help with that.") != std::string::npos);
  CHECK_FALSE(store.LatestVersion(project, "prd.md").has_value());  // today: the refusal was prd.md v1
  CHECK(provider.Calls("SPEC_PM") == 1);                              // a refusal is not repaired
  CHECK(PhaseOf(r, "SPEC_PM").repair_calls == 0);
  auto rec = RecordOf(store, r.run_id, "SPEC_PM");
  REQUIRE(rec.has_value());
  CHECK(rec->outcome == PhaseOutcome::kReplyInvalid);
  CHECK(rec->raw_reply == "I'm sorry, but I can't help with that.");
  CHECK(HasRule(PhaseNotesFromJson(rec->findings_json), "refusal"));
}

TEST_CASE("ReplyPath.EngineWritesTheEnvelopeAndKeepsTheCleaningsOnSuccess") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  // A preamble, the document in a ~~~ fence with the model's own (wrong)
  // frontmatter and no agent, a closing remark, CRLF line ends.
  provider.overrides["SPEC_PM"] =
      "Sure! Here's the PRD you asked for:\r\n\r\n~~~markdown\r\n---\r\ntitle: PRD — Tidewater\r\nartifact: "
      "requirements.md\r\nowner: growth team\r\n---\r\n\r\n# Product requirements\r\n\r\n## Features\r\n\r\n### F1: "
      "Tides\r\n~~~\r\n\r\nLet me know if you'd like any changes!\r\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  REQUIRE(PhaseOf(r, "SPEC_PM").status == PhaseStatus::kSucceeded);
  std::string prd = store.LatestVersion(project, "prd.md")->content;
  CHECK(prd.find('\r') == std::string::npos);
  CHECK(prd.rfind("---\nartifact: prd.md\nphase: SPEC_PM\nagent: product_manager\nversion: 1\n"
                  "generator: offline-rules\ncreated: ",
                  0) == 0);
  CHECK(prd.find("title: PRD — Tidewater\nowner: growth team\n---\n\n# Product requirements\n") != std::string::npos);
  CHECK(prd.find("Sure!") == std::string::npos);
  CHECK(prd.find("Let me know") == std::string::npos);
  CHECK(prd.find("~~~") == std::string::npos);
  const auto& notes = PhaseOf(r, "SPEC_PM").notes;
  for (const char* rule : {"preamble-removed", "fence-removed", "closing-removed", "envelope-field-replaced"})
    CHECK_MESSAGE(HasRule(notes, rule), rule);
  CHECK(PhaseOf(r, "SPEC_PM").Cleanings() >= 4);
  // Kept in --json and on the phase's record, although the phase succeeded.
  auto j = nlohmann::json::parse(r.ToJson());
  bool in_json = false;
  for (const auto& p : j["phases"])
    if (p["name"] == "SPEC_PM") in_json = p["cleanings"].get<int>() >= 4 && p["notes"].size() >= 4;
  CHECK(in_json);
  CHECK(RunReport::FromJson(r.ToJson())->phases.size() == r.phases.size());
  auto rec = RecordOf(store, r.run_id, "SPEC_PM");
  REQUIRE(rec.has_value());
  CHECK(rec->raw_reply.empty());
  CHECK(HasRule(PhaseNotesFromJson(rec->findings_json), "closing-removed"));
  // The fan-out join is enveloped the same way, one frontmatter block.
  std::string tasks = store.LatestVersion(project, "tasks.md")->content;
  CHECK(tasks.rfind("---\nartifact: tasks.md\nphase: SOLUTIONING_TASKS\n", 0) == 0);
}

TEST_CASE("ReplyPath.FanOutItemsAreCleanedBeforeTheJoin") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  provider.label_overrides["SOLUTIONING_TASKS[1]"] =
      "=== FILE: tasks.md ===\n---\nartifact: tasks.md\nagent: scrum_master\n---\n\n## E2: Routes\n\n### T2.1: Draw "
      "the route\n\nDraw it on the chart.\n\nI hope this helps!\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  REQUIRE(PhaseOf(r, "SOLUTIONING_TASKS").status == PhaseStatus::kSucceeded);
  std::string tasks = store.LatestVersion(project, "tasks.md")->content;
  INFO(tasks);
  CHECK(tasks.find("=== FILE") == std::string::npos);
  CHECK(tasks.find("I hope this helps") == std::string::npos);
  CHECK(tasks.find("agent: scrum_master") == tasks.rfind("agent: scrum_master"));  // one frontmatter
  CHECK(tasks.find("## E1: Tides") < tasks.find("### T2.1: Draw the route"));
  CHECK(tasks.find("### T2.1: Draw the route") < tasks.find("## E3: Sharing"));
  CHECK(HasRule(PhaseOf(r, "SOLUTIONING_TASKS").notes, "nested-marker-removed"));
}

TEST_CASE("ReplyPath.FanOutItemRefusalFailsThePhaseNamingTheItem") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  provider.label_overrides["SOLUTIONING_TASKS[2]"] =
      "I'm sorry, but I can't help with breaking down this epic.\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(PhaseOf(r, "SOLUTIONING_TASKS").status == PhaseStatus::kFailed);
  CHECK(PhaseOf(r, "SOLUTIONING_TASKS").reason.find("E3: Sharing") != std::string::npos);
  CHECK(PhaseOf(r, "SOLUTIONING_TASKS").reason.find("can't help with breaking down") != std::string::npos);
  CHECK_FALSE(store.LatestVersion(project, "tasks.md").has_value());
  auto rec = RecordOf(store, r.run_id, "SOLUTIONING_TASKS");
  REQUIRE(rec.has_value());
  CHECK(rec->raw_reply.find("I'm sorry") == 0);
}

TEST_CASE("ReplyPath.ValidatorErrorsGetOneRepairCallCountedApart") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SOLUTIONING_EPICS"] = kEpics;
  provider.overrides["SPEC_DESIGN_TOKENS"] = "# Design tokens\n\nA soft purple gradient on the hero.\n";
  provider.label_overrides["SPEC_DESIGN_TOKENS#repair"] = "# Design tokens\n\nA flat deep-ocean hero.\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  runner.SetChecks(PurpleChecks());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  const PhaseReport& p = PhaseOf(r, "SPEC_DESIGN_TOKENS");
  CHECK(p.status == PhaseStatus::kSucceeded);
  CHECK(provider.LabelCalls("SPEC_DESIGN_TOKENS") == 1);
  CHECK(provider.LabelCalls("SPEC_DESIGN_TOKENS#repair") == 1);
  CHECK(p.calls == 2);
  CHECK(p.repair_calls == 1);
  CHECK(p.repair_usage.input_tokens > 0);
  CHECK(r.repair_calls == 1);
  CHECK(store.LatestVersion(project, "design-tokens.md")->content.find("deep-ocean") != std::string::npos);
  // The repair prompt names the finding with its line and holds the document.
  std::string repair_prompt;
  for (const auto& req : provider.requests)
    if (req.label == "SPEC_DESIGN_TOKENS#repair") repair_prompt = req.user;
  CHECK(repair_prompt.find("REPAIR:") != std::string::npos);
  CHECK(repair_prompt.find("design-tokens.md:13: [anti_ai_slop/purple-gradient] a purple gradient") !=
        std::string::npos);
  CHECK(repair_prompt.find("A soft purple gradient on the hero.") != std::string::npos);
  auto j = nlohmann::json::parse(r.ToJson());
  CHECK(j["repair"]["calls"] == 1);
}

TEST_CASE("ReplyPath.FailedRepairFailsWithTheFindingsAndStoresNothing") {
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["SPEC_DESIGN_TOKENS"] = "# Design tokens\n\nA soft purple gradient on the hero.\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  runner.SetChecks(PurpleChecks());
  RunReport r = runner.Run(project, RunOptions{}, nullptr, CancelToken{});
  INFO(r.ToJson());
  const PhaseReport& p = PhaseOf(r, "SPEC_DESIGN_TOKENS");
  CHECK(p.status == PhaseStatus::kFailed);
  CHECK(p.outcome == PhaseOutcome::kValidationFailed);
  CHECK(p.reason.find("design-tokens.md:13: a purple gradient") != std::string::npos);
  CHECK(p.repair_calls == 1);
  CHECK(provider.Calls("SPEC_DESIGN_TOKENS") == 2);
  CHECK_FALSE(store.LatestVersion(project, "design-tokens.md").has_value());  // today: stored as v1
  auto rec = RecordOf(store, r.run_id, "SPEC_DESIGN_TOKENS");
  REQUIRE(rec.has_value());
  CHECK(rec->repair_calls == 1);
  CHECK(rec->raw_reply.find("purple gradient") != std::string::npos);
  CHECK(HasRule(PhaseNotesFromJson(rec->findings_json), "purple-gradient"));
}

TEST_CASE("ReplyPath.RepairAttemptsZeroMakesNoRepairCall") {
  std::string yaml = "repair_attempts: 0\nphases:\n"
                     "  TOKENS: {description: d, agent: ux_designer, produces: [design-tokens.md]}\n";
  auto loaded = LoadWorkflowSpec(yaml, "t.yml");
  REQUIRE_MESSAGE(loaded.ok(), JoinDiagnostics(loaded.errors));
  CHECK(loaded.spec->RepairAttempts(0) == 0);
  test::MemoryStore store;
  test::ScriptedProvider provider;
  provider.overrides["TOKENS"] = "# Design tokens\n\nA purple gradient.\n";
  int64_t project = NewProject(store);
  WorkflowRunner runner(*loaded.spec, store, provider, SystemClock::Instance());
  runner.SetChecks(PurpleChecks());
  RunReport r = runner.Run(project, RunOptions{}, nullptr, CancelToken{});
  CHECK(PhaseOf(r, "TOKENS").status == PhaseStatus::kFailed);
  CHECK(provider.Calls("TOKENS") == 1);
}

namespace {

// EPICS answers at once; BAD (critical) waits until a TASKS item has started,
// then fails; the TASKS item waits until BAD has failed, so the other items
// are never launched.
class RaceProvider final : public LlmProvider {
 public:
  ProviderKind Kind() const override { return ProviderKind::kOffline; }
  std::string Model() const override { return "race"; }
  bool IsLanguageModel() const override { return false; }
  LlmResponse Complete(const LlmRequest& req, const TextSink&, const CancelToken&) override {
    const std::string& phase = req.context->phase->name;
    LlmResponse r;
    r.attempts = 1;
    r.usage.input_tokens = 10;
    if (phase == "BAD") {
      Wait([&] { return item_started_; });
      r.error = "scripted failure";
      Set([&] { bad_failed_ = true; });
      return r;
    }
    if (phase == "TASKS") {
      Set([&] { item_started_ = true; });
      Wait([&] { return bad_failed_; });
      std::this_thread::sleep_for(std::chrono::milliseconds(150));  // let the coordinator see BAD fail
    }
    r.ok = true;
    r.finish = FinishReason::kStop;
    r.text = phase == "EPICS" ? std::string(kEpics) + "\n## E4: More\n" : "## " + req.context->fan_out_item + "\n\nWork.\n";
    return r;
  }

 private:
  template <typename F>
  void Set(F f) {
    std::lock_guard<std::mutex> l(mu_);
    f();
    cv_.notify_all();
  }
  template <typename P>
  void Wait(P pred) {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait_for(l, std::chrono::seconds(5), pred);
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool item_started_ = false, bad_failed_ = false;
};

}  // namespace

TEST_CASE("ReplyPath.FanOutInFlightWhenACriticalPhaseFailsEndsCancelledWithItsCalls") {
  std::string yaml =
      "phases:\n"
      "  EPICS: {description: d, agent: product_manager, produces: [epics.md]}\n"
      "  TASKS: {description: d, agent: scrum_master, produces: [tasks.md], depends_on: [EPICS],\n"
      "          fan_out: {over: epics.md, items: \"## headings\"}}\n"
      "  BAD: {description: d, agent: tech_lead, produces: [bad.md], depends_on: [EPICS]}\n";
  auto loaded = LoadWorkflowSpec(yaml, "t.yml");
  REQUIRE_MESSAGE(loaded.ok(), JoinDiagnostics(loaded.errors));
  test::MemoryStore store;
  RaceProvider provider;
  int64_t project = NewProject(store);
  WorkflowRunner runner(*loaded.spec, store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.max_in_flight = 2;
  RunReport r = runner.Run(project, opt, nullptr, CancelToken{});
  INFO(r.ToJson());
  CHECK(PhaseOf(r, "BAD").status == PhaseStatus::kFailed);
  const PhaseReport& tasks = PhaseOf(r, "TASKS");
  CHECK(tasks.status == PhaseStatus::kCancelled);  // today: "running"
  CHECK(tasks.calls >= 1);
  CHECK(tasks.calls < 4);
  auto rec = RecordOf(store, r.run_id, "TASKS");
  REQUIRE(rec.has_value());  // today: no record
  CHECK(rec->status == PhaseStatus::kCancelled);
  CHECK(rec->calls == tasks.calls);
  CHECK_FALSE(store.LatestVersion(project, "tasks.md").has_value());
}

// The envelope's `created:` differs on every run; prompts must not, or the
// response cache and the providers' prompt caches never hit across runs.
TEST_CASE("ReplyPath.PromptsShowUpstreamDocumentsWithoutTheirCreatedLine") {
  CHECK(WithoutCreatedLine("---\nartifact: a.md\nversion: 1\ncreated: 2026-12-04T01:00:00Z\ntitle: A\n---\n\n# A\n") ==
        "---\nartifact: a.md\nversion: 1\ntitle: A\n---\n\n# A\n");
  CHECK(WithoutCreatedLine("# A\n\ncreated: in the body stays\n") == "# A\n\ncreated: in the body stays\n");
  test::MemoryStore store;
  test::ScriptedProvider provider;
  int64_t project = NewProject(store);
  WorkflowRunner runner(Default(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  runner.Run(project, opt, nullptr, CancelToken{});
  REQUIRE(store.LatestVersion(project, "analysis.md")->content.find("\ncreated: ") != std::string::npos);
  bool saw_spec_pm = false;
  for (const auto& req : provider.requests)
    if (req.label == "SPEC_PM") {
      saw_spec_pm = true;
      CHECK(req.user.find("artifact: analysis.md") != std::string::npos);
      CHECK(req.user.find("\ncreated: ") == std::string::npos);
    }
  CHECK(saw_spec_pm);
}
