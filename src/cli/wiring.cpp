#include "cli/wiring.hpp"

#include <cstdlib>

#include "engine/artifact_diff.hpp"
#include "engine/validators/default_checks.hpp"
#include "cli/recording_provider.hpp"
#include "llm/offline/offline_provider.hpp"
#include "llm/pricing.hpp"
#include "llm/provider_factory.hpp"
#include "store/sqlite_store.hpp"

namespace specwave::cli {

void AddProviderOptions(ArgSpec* spec) {
  for (const char* o : {"provider", "model", "base-url", "sim-latency", "timeout-ms", "idle-timeout-ms",
                        "max-attempts", "retry-base-ms", "pricing", "record-replies"})
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

namespace {

bool ParseInt(const Args& args, const char* name, int lo, int hi, int* out, std::string* error) {
  auto v = args.Get(name);
  if (!v) return true;
  char* end = nullptr;
  long n = std::strtol(v->c_str(), &end, 10);
  if (v->empty() || *end || n < lo || n > hi) {
    *error = std::string("--") + name + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

std::unique_ptr<LlmProvider> MakeUnrecorded(const Args& args, const Environment& env, Store* store,
                                            const WorkflowSpec& spec, std::string* error) {
  const std::string name = args.GetOr("provider", "offline");
  if (name == "offline") {
    for (const char* o : {"model", "base-url"})
      if (args.Get(o)) {
        *error = std::string("--") + o + " does not apply to the offline generator (it is not a language model)";
        return nullptr;
      }
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
  if (!IsHostedProvider(name)) {
    *error = "unknown provider '" + name + "' (use openai, anthropic or offline)";
    return nullptr;
  }
  if (args.Get("sim-latency")) {
    *error = "--sim-latency applies to the offline generator only";
    return nullptr;
  }
  ProviderSettings s;
  s.provider = name;
  s.model = args.GetOr("model", "");
  s.base_url = args.GetOr("base-url", "");
  s.api_key = env.getenv ? env.getenv(KeyEnvironmentVariable(name)) : "";
  s.use_cache = !args.Has("no-cache");
  if (!ParseInt(args, "timeout-ms", 100, 3600000, &s.timeout_ms, error) ||
      !ParseInt(args, "idle-timeout-ms", 100, 3600000, &s.idle_timeout_ms, error) ||
      !ParseInt(args, "max-attempts", 1, 20, &s.max_attempts, error) ||
      !ParseInt(args, "retry-base-ms", 0, 60000, &s.base_delay_ms, error))
    return nullptr;
  if (s.api_key.empty() && s.base_url.empty()) {
    *error = "--provider " + std::string(name) + " needs an API key in " + KeyEnvironmentVariable(name) +
             " (or --base-url for a local server that needs none)";
    return nullptr;
  }
  std::shared_ptr<HttpTransport> transport(env.make_http ? env.make_http() : nullptr);
  return MakeHostedProvider(s, std::move(transport), store, error);
}

}  // namespace

std::unique_ptr<LlmProvider> MakeProvider(const Args& args, const Environment& env, Store* store,
                                          const WorkflowSpec& spec, std::string* error) {
  auto provider = MakeUnrecorded(args, env, store, spec, error);
  if (provider)
    if (auto file = args.Get("record-replies")) provider = MakeRecordingProvider(std::move(provider), *file);
  return provider;
}

CostFunction DefaultCost(const Args& args, std::string* error) {
  std::shared_ptr<const PriceTable> table;
  if (auto file = args.Get("pricing")) {
    auto loaded = LoadPricingFile(*file);
    if (!loaded.prices) {
      *error = JoinDiagnostics(loaded.errors);
      return {};
    }
    table = std::make_shared<PriceTable>(std::move(*loaded.prices));
  } else {
    table = std::shared_ptr<const PriceTable>(&DefaultPriceTable(), [](const PriceTable*) {});
  }
  return [table](const std::string& provider, const std::string& model, const TokenUsage& usage) {
    if (provider == "offline") return 0.0;  // no model, no bill
    return table->Cost(provider, model, usage);
  };
}

PhaseChecks DefaultChecks() { return validators::MakeDefaultPhaseChecks(); }

DiffFunction DefaultDiff() { return MarkdownDiff(); }

}  // namespace specwave::cli
