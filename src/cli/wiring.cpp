#include "cli/wiring.hpp"

#include "engine/artifact_diff.hpp"
#include "engine/validators/default_checks.hpp"
#include "llm/offline/offline_provider.hpp"
#include "store/sqlite_store.hpp"

namespace specwave::cli {

void AddProviderOptions(ArgSpec* spec) {
  for (const char* o : {"provider", "model", "base-url", "sim-latency", "timeout-ms", "max-attempts"})
    spec->options.insert(o);
  spec->flags.insert("no-cache");
}

std::unique_ptr<Store> OpenStore(const std::string& path, bool read_only, std::string* error) {
  SqliteOptions options;
  options.path = path;
  options.read_only = read_only;
  if (path == ":memory:") options.journal = JournalMode::kDelete;
  StoreError err;
  auto store = OpenSqliteStore(options, &err);
  if (!store) *error = path + ": " + err.message;
  return store;
}

std::unique_ptr<LlmProvider> MakeProvider(const Args& args, const Environment& env, Store* store,
                                          const WorkflowSpec& spec, std::string* error) {
  const std::string name = args.GetOr("provider", "offline");
  if (name == "offline") {
    if (auto file = args.Get("sim-latency")) {
      auto lat = LoadSimLatencyFile(*file, spec);
      if (!lat.ok()) {
        *error = JoinDiagnostics(lat.errors);
        return nullptr;
      }
      return std::make_unique<offline::OfflineProvider>(*lat.latency, spec);
    }
    return std::make_unique<offline::OfflineProvider>();
  }
  *error = "provider '" + name + "' is not available in this build yet (use --provider offline)";
  return nullptr;
}

CostFunction DefaultCost() { return {}; }

PhaseChecks DefaultChecks() { return validators::MakeDefaultPhaseChecks(); }

DiffFunction DefaultDiff() { return MarkdownDiff(); }

}  // namespace specwave::cli
