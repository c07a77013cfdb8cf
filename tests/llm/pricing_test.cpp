#include <doctest/doctest.h>

#include "llm/pricing.hpp"

using namespace specwave;

TEST_CASE("Pricing.BuiltInTableLoads") {
  auto r = LoadPricing(DefaultPricingYaml(), "assets/pricing.yml");
  REQUIRE_MESSAGE(r.prices, JoinDiagnostics(r.errors));
  CHECK(r.prices->rows.size() >= 10);
  CHECK(DefaultPriceTable().Find("openai", "gpt-4o-mini-2024-07-18") != nullptr);
}

TEST_CASE("Pricing.LongestPatternWinsAndCostAddsUp") {
  auto r = LoadPricing(
      "models:\n"
      "  - {provider: openai, model: \"gpt-4o*\", input: 2.5, cached_input: 1.25, output: 10}\n"
      "  - {provider: openai, model: \"gpt-4o-mini*\", input: 0.15, output: 0.6}\n"
      "  - {provider: openai, model: gpt-4o-mini, input: 1, output: 1}\n",
      "p.yml");
  REQUIRE(r.prices);
  CHECK(r.prices->Find("openai", "gpt-4o-2024")->input_per_mtok == 2.5);
  CHECK(r.prices->Find("openai", "gpt-4o-mini-x")->input_per_mtok == 0.15);
  CHECK(r.prices->Find("openai", "gpt-4o-mini")->input_per_mtok == 1);  // exact beats prefix
  CHECK(r.prices->Find("anthropic", "gpt-4o") == nullptr);
  TokenUsage u;
  u.input_tokens = 1000000;
  u.cached_input_tokens = 400000;
  u.output_tokens = 100000;
  // 600k * 2.5 + 400k * 1.25 + 100k * 10, per million.
  CHECK(r.prices->Cost("openai", "gpt-4o", u) == doctest::Approx(1.5 + 0.5 + 1.0));
  CHECK(r.prices->Cost("openai", "unknown-model", u) == -1);
  // cached_input defaults to input.
  CHECK(r.prices->Find("openai", "gpt-4o-mini-x")->cached_input_per_mtok == 0.15);
}

TEST_CASE("Pricing.BadTablesNameFileAndLine") {
  auto r = LoadPricing("models:\n  - {provider: openai, model: x, input: cheap, output: 1}\n", "my.yml");
  REQUIRE_FALSE(r.prices);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ToString().find("my.yml:2") == 0);
  r = LoadPricing("models:\n  - {provider: openai, model: x, input: -1, output: 1}\n", "my.yml");
  REQUIRE_FALSE(r.prices);
  CHECK(r.errors[0].message.find("negative") != std::string::npos);
  r = LoadPricing("models: [\n", "my.yml");
  REQUIRE_FALSE(r.prices);
  CHECK(r.errors[0].message.find("not valid YAML") != std::string::npos);
  r = LoadPricing("", "my.yml");
  CHECK_FALSE(r.prices);
}
