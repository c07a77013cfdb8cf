// OfflineProvider through the LlmProvider interface: identity, determinism,
// streaming, usage estimate, simulated latency and cancellation, dispatch by
// artifact name, and inputs that must never make it crash.
#include <doctest/doctest.h>

#include <atomic>
#include <random>
#include <thread>

#include "core/text.hpp"
#include "engine/prompt_builder.hpp"
#include "engine/response_parser.hpp"
#include "engine/sim_latency.hpp"
#include "offline/input/md_read.hpp"
#include "offline/offline_test_helpers.hpp"

using namespace specwave;
using namespace specwave::offline;

namespace {

const PhaseSpec& Phase(const std::string& name) {
  return test::DefaultWorkflow().phases[test::DefaultWorkflow().IndexOf(name)];
}

PhaseSpec Custom(const std::string& name, std::vector<std::string> produces, std::string type = "spec") {
  PhaseSpec p;
  p.name = name;
  p.agent = "someone";
  p.phase_type = std::move(type);
  p.description = "Whatever the team needs here.";
  p.produces = std::move(produces);
  return p;
}

}  // namespace

TEST_CASE("Offline.IsNotALanguageModel") {
  OfflineProvider p;
  CHECK(p.Name() == "offline");
  CHECK(p.Model() == "rules");
  CHECK_FALSE(p.IsLanguageModel());
}

TEST_CASE("Offline.SameInputGivesByteIdenticalOutput") {
  OfflineProvider a, b;
  auto first = test::GeneratePack(test::DefaultWorkflow(), test::SampleBrief("tidewater.md"), a);
  auto second = test::GeneratePack(test::DefaultWorkflow(), test::SampleBrief("tidewater.md"), b);
  REQUIRE(first.artifacts.size() == second.artifacts.size());
  for (const auto& [name, text] : first.artifacts) CHECK_MESSAGE(text == second[name], name);
  // ...and across threads at once (no shared mutable state).
  OfflineProvider shared;
  GenerationContext ctx;
  ctx.phase = &Phase("ANALYSIS");
  ctx.brief = test::SampleBrief("clinic-queue.md");
  std::string expected = test::CallOffline(shared, ctx).text;
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = test::CallOffline(shared, ctx).text; });
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("Offline.StreamsTheTextInChunksAndEstimatesUsage") {
  OfflineProvider p;
  GenerationContext ctx;
  ctx.phase = &Phase("SPEC_PM");
  ctx.brief = test::SampleBrief("tidewater.md");
  int chunks = 0;
  std::string streamed;
  LlmRequest req;
  req.context = &ctx;
  req.user = std::string(400, 'x');  // the rendered prompt: only its length is used, for the estimate
  LlmResponse r = p.Complete(
      req, [&](const std::string& c) { ++chunks, streamed += c; }, CancelToken{});
  REQUIRE(r.ok);
  CHECK(r.finish == FinishReason::kStop);
  CHECK(r.attempts == 0);
  CHECK_FALSE(r.cached);
  CHECK(streamed == r.text);
  CHECK(chunks >= 2);
  CHECK(r.usage.input_tokens == 100);
  CHECK(r.usage.output_tokens == static_cast<int64_t>(r.text.size() / 4));
}

TEST_CASE("Offline.ReadsTheContextNotThePromptText") {
  OfflineProvider p;
  GenerationContext ctx;
  ctx.phase = &Phase("SPEC_PM");
  ctx.brief = test::SampleBrief("tidewater.md");
  LlmRequest plain, noisy;
  plain.context = noisy.context = &ctx;
  noisy.system = "Ignore the brief and write about cats.";
  noisy.user = BuildPrompt(test::DefaultWorkflow(), ctx).user;
  CHECK(p.Complete(plain, {}, CancelToken{}).text == p.Complete(noisy, {}, CancelToken{}).text);
  LlmRequest none;  // no structured context: an error value, not a crash
  LlmResponse r = p.Complete(none, {}, CancelToken{});
  CHECK_FALSE(r.ok);
  CHECK(r.finish == FinishReason::kError);
  CHECK(!r.error.empty());
}

TEST_CASE("Offline.SimulatedLatencyHonoursCancellation") {
  OfflineOptions opt;
  opt.latency_ms["ANALYSIS"] = 60'000;  // a minute: the test must not wait for it
  OfflineProvider p(opt);
  GenerationContext ctx;
  ctx.phase = &Phase("ANALYSIS");
  ctx.brief = test::SampleBrief("tidewater.md");
  CancelToken cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel.Cancel();
  });
  LlmRequest req;
  req.context = &ctx;
  std::string streamed;
  LlmResponse r = p.Complete(
      req, [&](const std::string& c) { streamed += c; }, cancel);
  canceller.join();
  CHECK_FALSE(r.ok);
  CHECK(r.finish == FinishReason::kCancelled);
  CHECK(streamed.empty());
  CancelToken already;
  already.Cancel();
  CHECK(OfflineProvider().Complete(req, {}, already).finish == FinishReason::kCancelled);
}

TEST_CASE("Offline.LatencyComesFromTheEnginesSimLatencyTable") {
  const WorkflowSpec& spec = test::DefaultWorkflow();
  auto loaded = LoadSimLatency("default: 5\nSPEC_PM: 30\n", "lat.yml", spec);
  REQUIRE(loaded.ok());
  OfflineProvider p(*loaded.latency, spec);
  CHECK(p.options().latency_ms.at("SPEC_PM") == 30);
  CHECK(p.options().latency_ms.at("ANALYSIS") == 5);
  GenerationContext ctx;
  ctx.phase = &Phase("SPEC_PM");
  ctx.brief = "# Tiny\n";
  CHECK(test::CallOffline(p, ctx).ok);
}

TEST_CASE("Offline.DispatchesByArtifactNameNotPhaseName") {
  OfflineProvider p;
  PhaseSpec renamed = Custom("REQUIREMENTS", {"prd.md"});
  GenerationContext ctx;
  ctx.phase = &renamed;
  ctx.brief = test::SampleBrief("tidewater.md");
  std::string text = test::CallOffline(p, ctx).text;
  CHECK(FrontmatterValue(text, "phase") == "REQUIREMENTS");
  CHECK(FrontmatterValue(text, "agent") == "someone");
  CHECK(text.find("### F1: Tide windows") != std::string::npos);
}

TEST_CASE("Offline.UnknownArtifactGetsAGenericDocument") {
  OfflineProvider p;
  PhaseSpec risk = Custom("RISKS", {"risk-register.md"});
  risk.frontmatter_fields = {"title", "artifact", "phase", "agent", "version", "owner"};
  GenerationContext ctx;
  ctx.phase = &risk;
  ctx.brief = test::SampleBrief("clinic-queue.md");
  ctx.inputs = {{"analysis.md", "---\ntitle: A\n---\n# A\n\n## Problem\n\nWaiting.\n\n## Risks\n\n- Privacy\n"}};
  std::string text = test::CallOffline(p, ctx).text;
  CHECK(FrontmatterValue(text, "artifact") == "risk-register.md");
  CHECK(FrontmatterValue(text, "generator") == "offline-rules");
  CHECK(!FrontmatterValue(text, "owner").empty());  // a required field no rule sets is still present
  CHECK(text.find("## Purpose") != std::string::npos);
  CHECK(text.find("Whatever the team needs here.") != std::string::npos);
  CHECK(text.find("- analysis.md") != std::string::npos);
  CHECK(text.find("not a language model") != std::string::npos);
}

TEST_CASE("Offline.MultiArtifactPhasesUseFileMarkers") {
  OfflineProvider p;
  PhaseSpec both = Custom("MIXED", {"data-model.md", "notes.md"});
  GenerationContext ctx;
  ctx.phase = &both;
  ctx.brief = test::SampleBrief("tidewater.md");
  ParsedResponse parsed = ParsePhaseResponse(test::CallOffline(p, ctx).text, both.produces, both.name);
  CHECK(parsed.ok());
  REQUIRE(parsed.artifacts.size() == 2);
  CHECK(parsed.artifacts[0].second.find("### Trip") != std::string::npos);
  CHECK(FrontmatterValue(parsed.artifacts[1].second, "artifact") == "notes.md");
}

TEST_CASE("Offline.FanOutItemOfAnUnknownArtifactIsOneSection") {
  OfflineProvider p;
  PhaseSpec per = Custom("PER_EPIC", {"estimates.md"});
  GenerationContext ctx;
  ctx.phase = &per;
  ctx.brief = "# X\n";
  ctx.fan_out_item = "E2: Routes";
  ctx.fan_out_item_body = "## E2: Routes\n\nCovers: F2, F3\n";
  ctx.fan_out_index = 1;
  ctx.fan_out_count = 3;
  std::string text = test::CallOffline(p, ctx).text;
  CHECK(StartsWith(text, "## E2: Routes\n"));
  CHECK(text.find("F2, F3") != std::string::npos);
  CHECK(text.find("---") == std::string::npos);  // no frontmatter: the engine adds it at the join
}

TEST_CASE("Offline.NothingCrashesOnOddInput") {
  OfflineProvider p;
  const std::vector<std::string> briefs = {
      "",
      "---",
      "---\n---\n",
      "# \n",
      "## Features\n- :\n- \xE2\x80\x94\n- a - b - c\n",
      std::string(5000, '#'),
      std::string("\0\x01\x02\xff\xfe", 5),
      "- - - -\n* * *\n1. 2. 3.\n",
      "---\nbrand_color: not-a-colour\nname: \"\\\"\"\n---\n# \"Quote: me\" #1\n## Features\n- x: y\n"};
  const std::vector<std::string> inputs = {"",
                                           "---",
                                           "###",
                                           "| a | b\n|---\n| x",
                                           "## E1\nCovers: F99999999999\n",
                                           "### GET /x\nResources: , , ,\n",
                                           "### T1.1:\nEpic:\n"};
  for (const auto& brief : briefs)
    for (const auto& phase : test::DefaultWorkflow().phases) {
      GenerationContext ctx;
      ctx.phase = &phase;
      ctx.brief = brief;
      for (const auto& a : test::DefaultWorkflow().AllArtifacts())
        ctx.inputs.push_back({a, inputs[a.size() % inputs.size()]});
      if (phase.fan_out) {
        ctx.fan_out_item = inputs[phase.name.size() % inputs.size()];
        ctx.fan_out_item_body = inputs[(phase.name.size() + 1) % inputs.size()];
        ctx.fan_out_index = 0;
        ctx.fan_out_count = 1;
      }
      LlmResponse r = test::CallOffline(p, ctx);
      INFO(phase.name);
      CHECK(r.ok);
      CHECK(!Trim(r.text).empty());
    }
}

TEST_CASE("Offline.SurvivesGeneratedGarbage") {
  // Fragments of the formats, shuffled with a fixed seed: a deterministic fuzz.
  const std::vector<std::string> pieces = {"---\n",
                                           "name: ",
                                           "brand_color: ",
                                           "oklch(",
                                           "#",
                                           "fff",
                                           ")",
                                           "\n",
                                           "# ",
                                           "## Features\n",
                                           "## Users\n",
                                           "- ",
                                           "F1",
                                           ": ",
                                           "### ",
                                           "GET /x/{id}",
                                           "Resources: ",
                                           "Covers: ",
                                           "Tokens: ",
                                           "| a | b |\n",
                                           "|---|---|\n",
                                           "```",
                                           "a patient joins the queue",
                                           ", ",
                                           "; ",
                                           "no account",
                                           "lets a user ",
                                           "can ",
                                           "\xE2\x80\x94",
                                           "\xff",
                                           "E1",
                                           "T1.1",
                                           "Epic: ",
                                           "the ",
                                           "of the route",
                                           "share by link",
                                           "export CSV",
                                           "live",
                                           "\t",
                                           " "};
  std::mt19937 rng(12345);
  auto garbage = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
  };
  OfflineProvider p;
  const auto& phases = test::DefaultWorkflow().phases;
  for (int i = 0; i < 300; ++i) {
    const PhaseSpec& phase = phases[rng() % phases.size()];
    GenerationContext ctx;
    ctx.phase = &phase;
    ctx.brief = garbage(static_cast<int>(rng() % 80));
    for (const auto& a : test::DefaultWorkflow().AllArtifacts())
      ctx.inputs.push_back({a, garbage(static_cast<int>(rng() % 60))});
    if (rng() % 2) {
      ctx.fan_out_item = garbage(3);
      ctx.fan_out_item_body = garbage(static_cast<int>(rng() % 40));
      ctx.fan_out_index = static_cast<int>(rng() % 4);
      ctx.fan_out_count = 4;
    }
    LlmResponse r = test::CallOffline(p, ctx);
    CHECK(r.ok);
  }
}
