#include "cli/wiring.hpp"

#include <cstdlib>

#include "cli/recording_provider.hpp"
#include "core/files.hpp"
#include "llm/provider_factory.hpp"
#include "store/sqlite_store.hpp"
#include "wiring/costs.hpp"
#include "wiring/default_checks.hpp"
#include "wiring/make_provider.hpp"

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
  auto kind = ParseProviderKind(name);
  if (!kind) {
    *error = "unknown provider '" + name + "' (use openai, anthropic or offline)";
    return nullptr;
  }
  ProviderChoice c;
  c.kind = *kind;
  if (c.kind == ProviderKind::kOffline) {
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
      c.offline = offline::OfflineOptions::FromSimLatency(*lat.latency, spec);
    }
    return MakeProvider(c, nullptr, store, error);
  }
  if (args.Get("sim-latency")) {
    *error = "--sim-latency applies to the offline generator only";
    return nullptr;
  }
  c.model = args.GetOr("model", "");
  c.base_url = args.GetOr("base-url", "");
  c.api_key = env.getenv ? env.getenv(KeyEnvironmentVariable(c.kind)) : "";
  c.key_hint = "in " + KeyEnvironmentVariable(c.kind) + " (or --base-url)";
  c.use_cache = !args.Has("no-cache");
  if (!ParseInt(args, "timeout-ms", 100, 3600000, &c.timeout_ms, error) ||
      !ParseInt(args, "idle-timeout-ms", 100, 3600000, &c.idle_timeout_ms, error) ||
      !ParseInt(args, "max-attempts", 1, 20, &c.max_attempts, error) ||
      !ParseInt(args, "retry-base-ms", 0, 60000, &c.base_delay_ms, error))
    return nullptr;
  std::shared_ptr<HttpTransport> transport(env.make_http ? env.make_http() : nullptr);
  return MakeProvider(c, std::move(transport), store, error);
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
  std::string yaml, file = "assets/pricing.yml";
  if (auto path = args.Get("pricing")) {
    file = *path;
    auto text = ReadFile(*path, error);
    if (!text) return {};
    yaml = *text;
  }
  auto table = PriceTableFrom(yaml, file, error);
  return table ? MakeCostFunction(table) : CostFunction{};
}

ContextWindowFunction DefaultContextWindow(const Args& args) {
  std::string yaml, file = "assets/pricing.yml", error;
  if (auto path = args.Get("pricing")) {
    file = *path;
    auto text = ReadFile(*path, &error);
    if (!text) return {};
    yaml = *text;
  }
  auto table = PriceTableFrom(yaml, file, &error);
  return table ? MakeContextWindowFunction(table) : ContextWindowFunction{};
}

PhaseChecks DefaultChecks() { return DefaultPhaseChecks(); }

}  // namespace specwave::cli
