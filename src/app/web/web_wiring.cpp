#include "app/web/web_wiring.hpp"

#include "llm/provider_factory.hpp"
#include "platform/web/fetch_transport.hpp"
#include "store/project_bundle.hpp"
#include "wiring/costs.hpp"
#include "wiring/default_checks.hpp"
#include "wiring/make_provider.hpp"

namespace specwave::app {

Session::Ports MakeWebSessionPorts(Store* store, bool threads, const std::string& pricing_yaml) {
  Session::Ports ports;
  ports.store = store;
  ports.synchronous = !threads;
  ports.diff = DefaultDiff();
  ports.trace = DefaultTrace();
  ports.checks = DefaultPhaseChecks();
  ports.export_bundle = ExportBundleToString;
  ports.import_bundle = ImportBundleFromString;
  for (ProviderKind k : {ProviderKind::kOpenAi, ProviderKind::kAnthropic})
    ports.provider_hints[k] = {DefaultModel(k), DefaultBaseUrl(k)};
  ports.make_provider = [store](const SessionSettings& s, const std::string& key,
                                std::string* error) -> std::unique_ptr<LlmProvider> {
    ProviderChoice c;
    c.kind = s.provider;
    c.model = s.model;
    c.base_url = s.base_url;
    c.api_key = key;
    c.key_hint = "(Settings)";
    c.browser = true;  // Anthropic's direct-browser-access opt-in header
    c.offline.default_latency_ms = s.offline_latency_ms;
    std::shared_ptr<HttpTransport> transport;
    if (c.kind != ProviderKind::kOffline) {
      transport = web::MakeFetchTransport();
      if (!transport) {
        *error = "this view is read-only and does not call models";
        return nullptr;
      }
    }
    return MakeProvider(c, std::move(transport), store, error);
  };
  // Prices: the site's assets/pricing.yml (editable where the app is hosted),
  // else the copy compiled in.
  std::string error;
  auto table = PriceTableFrom(pricing_yaml, "assets/pricing.yml", &error);
  if (!table) table = PriceTableFrom("", "", &error);
  ports.cost = MakeCostFunction(table);
  ports.context_tokens = MakeContextWindowFunction(table);
  return ports;
}

}  // namespace specwave::app
