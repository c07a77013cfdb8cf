#include "app/web/web_wiring.hpp"

#include "engine/artifact_diff.hpp"
#include "engine/validators/default_checks.hpp"
#include "llm/offline/offline_provider.hpp"
#include "llm/pricing.hpp"
#include "llm/provider_factory.hpp"
#include "platform/web/fetch_transport.hpp"
#include "store/project_bundle.hpp"

namespace specwave::app {

Session::Ports MakeWebSessionPorts(Store* store, bool threads, const std::string& pricing_yaml) {
  Session::Ports ports;
  ports.store = store;
  ports.synchronous = !threads;
  ports.diff = MarkdownDiff();
  ports.checks = validators::MakeDefaultPhaseChecks();
  ports.export_bundle = ExportBundleToString;
  ports.import_bundle = ImportBundleFromString;
  ports.make_provider = [store](const SessionSettings& s, const std::string& key,
                                std::string* error) -> std::unique_ptr<LlmProvider> {
    if (s.provider == "offline") {
      offline::OfflineOptions o;
      o.default_latency_ms = s.offline_latency_ms;
      return std::make_unique<offline::OfflineProvider>(o);
    }
    std::shared_ptr<HttpTransport> transport(web::MakeFetchTransport());
    if (!transport) {
      *error = "this view is read-only and does not call models";
      return nullptr;
    }
    ProviderSettings p;
    p.provider = s.provider;
    p.model = s.model;
    p.base_url = s.base_url;
    p.api_key = key;
    p.browser = true;  // Anthropic's direct-browser-access opt-in header
    if (key.empty() && s.base_url.empty()) {
      *error = "the " + s.provider + " provider needs an API key (Settings), or a base URL for a local server";
      return nullptr;
    }
    return MakeHostedProvider(p, std::move(transport), store, error);
  };
  // Prices: the site's assets/pricing.yml (editable where the app is hosted),
  // else the copy compiled in.
  std::shared_ptr<const PriceTable> table;
  if (!pricing_yaml.empty())
    if (auto loaded = LoadPricing(pricing_yaml, "assets/pricing.yml"); loaded.prices)
      table = std::make_shared<PriceTable>(std::move(*loaded.prices));
  if (!table) table = std::shared_ptr<const PriceTable>(&DefaultPriceTable(), [](const PriceTable*) {});
  ports.cost = [table](const std::string& provider, const std::string& model, const TokenUsage& usage) {
    return provider == "offline" ? 0.0 : table->Cost(provider, model, usage);
  };
  return ports;
}

}  // namespace specwave::app
