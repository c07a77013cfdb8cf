// Prices per model, from a small YAML table the user may edit
// (assets/pricing.yml, compiled in as the default), and the cost of a call.
//
//   auto table = LoadPricing(yaml, "pricing.yml");     // diagnostics name file and line
//   double usd = table.prices->Cost("openai", "gpt-4o-mini-2024-07-18", usage);  // -1: unknown
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/llm_port.hpp"

namespace specwave {

// USD per million tokens. The input prices split TokenUsage::input_tokens
// (every prompt token, llm_port.hpp): cached_input_tokens at the cached price,
// cache_write_tokens at the cache-write price, the rest at the input price.
struct ModelPrice {
  std::string provider;
  std::string model;  // exact id, or a prefix ending in '*'
  double input_per_mtok = 0;
  double cached_input_per_mtok = 0;  // read from the provider's prompt cache (defaults to input)
  double cache_write_per_mtok = 0;   // written to it: Anthropic bills 1.25x input (defaults to input)
  double output_per_mtok = 0;
  int64_t context_tokens = 0;        // the model's context window (prompt + output); 0 = not known
};

class PriceTable {
 public:
  std::vector<ModelPrice> rows;
  // The row for this model (longest matching pattern), or null.
  const ModelPrice* Find(const std::string& provider, const std::string& model) const;
  // USD for one call; -1 when the model has no price.
  double Cost(const std::string& provider, const std::string& model, const TokenUsage& usage) const;
};

struct PricingLoadResult {
  std::optional<PriceTable> prices;
  std::vector<Diagnostic> errors;
};

PricingLoadResult LoadPricing(const std::string& yaml_text, const std::string& file);
PricingLoadResult LoadPricingFile(const std::string& path);

// The table compiled in from assets/pricing.yml.
const std::string& DefaultPricingYaml();
const PriceTable& DefaultPriceTable();

}  // namespace specwave
