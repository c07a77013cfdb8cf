#include "app/web/web_wiring.hpp"

#include "engine/artifact_diff.hpp"
#include "engine/validators/default_checks.hpp"
#include "llm/offline/offline_provider.hpp"
#include "store/project_bundle.hpp"

namespace specwave::app {

Session::Ports MakeWebSessionPorts(Store* store, bool threads) {
  Session::Ports ports;
  ports.store = store;
  ports.synchronous = !threads;
  ports.diff = MarkdownDiff();
  ports.checks = validators::MakeDefaultPhaseChecks();
  ports.export_bundle = ExportBundleToString;
  ports.import_bundle = ImportBundleFromString;
  ports.make_provider = [](const SessionSettings& s, const std::string&, std::string* error) -> std::unique_ptr<LlmProvider> {
    if (s.provider == "offline") {
      offline::OfflineOptions o;
      o.default_latency_ms = s.offline_latency_ms;
      return std::make_unique<offline::OfflineProvider>(o);
    }
    *error = "the '" + s.provider + "' provider is not built into this page yet";
    return nullptr;
  };
  return ports;
}

}  // namespace specwave::app
