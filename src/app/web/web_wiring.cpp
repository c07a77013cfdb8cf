#include "app/web/web_wiring.hpp"

#include "store/project_bundle.hpp"

namespace specwave::app {

Session::Ports MakeWebSessionPorts(Store* store, bool threads) {
  Session::Ports ports;
  ports.store = store;
  ports.synchronous = !threads;
  ports.export_bundle = ExportBundleToString;
  ports.import_bundle = ImportBundleFromString;
  ports.make_provider = [](const SessionSettings& s, const std::string&, std::string* error) -> std::unique_ptr<LlmProvider> {
    *error = "the '" + s.provider + "' provider is not built into this page yet";
    return nullptr;
  };
  return ports;
}

}  // namespace specwave::app
