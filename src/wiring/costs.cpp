#include "wiring/costs.hpp"

namespace specwave {

CostFunction MakeCostFunction(std::shared_ptr<const PriceTable> table) {
  return [table](ProviderKind provider, const std::string& model, const TokenUsage& usage) {
    if (provider == ProviderKind::kOffline) return 0.0;  // no model, no bill
    return table->Cost(ProviderKindName(provider), model, usage);
  };
}

ContextWindowFunction MakeContextWindowFunction(std::shared_ptr<const PriceTable> table) {
  return [table](ProviderKind provider, const std::string& model) -> int64_t {
    if (provider == ProviderKind::kOffline) return 0;
    const ModelPrice* row = table->Find(ProviderKindName(provider), model);
    return row ? row->context_tokens : 0;
  };
}

std::shared_ptr<const PriceTable> PriceTableFrom(const std::string& yaml, const std::string& file, std::string* error) {
  if (yaml.empty()) return std::shared_ptr<const PriceTable>(&DefaultPriceTable(), [](const PriceTable*) {});
  auto loaded = LoadPricing(yaml, file);
  if (!loaded.prices) {
    *error = JoinDiagnostics(loaded.errors);
    return nullptr;
  }
  return std::make_shared<PriceTable>(std::move(*loaded.prices));
}

}  // namespace specwave
