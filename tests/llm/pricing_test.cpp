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

TEST_CASE("Pricing.CacheReadsAndWritesHaveTheirOwnPrices") {
  auto r = LoadPricing(
      "models:\n"
      "  - {provider: anthropic, model: \"claude-sonnet-4*\", input: 3, cached_input: 0.3, cache_write: 3.75, "
      "output: 15, context_tokens: 200000}\n"
      "  - {provider: openai, model: gpt-4o, input: 2.5, cached_input: 1.25, output: 10}\n",
      "p.yml");
  REQUIRE_MESSAGE(r.prices, JoinDiagnostics(r.errors));
  const ModelPrice* sonnet = r.prices->Find("anthropic", "claude-sonnet-4-5");
  REQUIRE(sonnet);
  CHECK(sonnet->context_tokens == 200000);
  CHECK(r.prices->Find("openai", "gpt-4o")->context_tokens == 0);               // not known
  CHECK(r.prices->Find("openai", "gpt-4o")->cache_write_per_mtok == 2.5);       // defaults to input
  TokenUsage u;  // 1M prompt tokens: 600k read from the cache, 100k written to it, 300k plain
  u.input_tokens = 1000000;
  u.cached_input_tokens = 600000;
  u.cache_write_tokens = 100000;
  u.output_tokens = 10000;
  CHECK(r.prices->Cost("anthropic", "claude-sonnet-4-5", u) ==
        doctest::Approx(0.3 * 3 + 0.6 * 0.3 + 0.1 * 3.75 + 0.01 * 15));
  // Counts a provider got wrong (more cached than sent) are capped, never priced below zero.
  TokenUsage odd;
  odd.input_tokens = 100;
  odd.cached_input_tokens = 80;
  odd.cache_write_tokens = 80;
  CHECK(r.prices->Cost("anthropic", "claude-sonnet-4-5", odd) == doctest::Approx((80 * 0.3 + 20 * 3.75) / 1e6));
  auto bad = LoadPricing("models:\n  - {provider: a, model: b, input: 1, output: 1, context_tokens: lots}\n", "p.yml");
  REQUIRE_FALSE(bad.prices);
  CHECK(bad.errors[0].message.find("context_tokens") != std::string::npos);
}

TEST_CASE("Pricing.BuiltInTableHasCachePricesAndContextWindows") {
  const PriceTable& t = DefaultPriceTable();
  const ModelPrice* sonnet = t.Find("anthropic", "claude-sonnet-4-5-20250929");
  REQUIRE(sonnet);
  CHECK(sonnet->cached_input_per_mtok == doctest::Approx(sonnet->input_per_mtok * 0.1));
  CHECK(sonnet->cache_write_per_mtok == doctest::Approx(sonnet->input_per_mtok * 1.25));
  for (const auto& row : t.rows) {
    CAPTURE(row.model);
    CHECK(row.context_tokens > 0);
    CHECK(row.cached_input_per_mtok < row.input_per_mtok);
    if (row.provider == "anthropic") CHECK(row.cache_write_per_mtok == doctest::Approx(row.input_per_mtok * 1.25));
    if (row.provider == "openai") CHECK(row.cache_write_per_mtok == row.input_per_mtok);
  }
}
