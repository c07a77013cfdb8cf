// The parts of the CLI that come from other layers: the SQLite store, the
// providers, the default validators and the section differ. One place, so the
// commands stay about the command line.
#pragma once

#include <memory>
#include <string>

#include "cli/args.hpp"
#include "cli/cli.hpp"
#include "engine/llm_port.hpp"
#include "engine/phase_checks.hpp"
#include "engine/regeneration.hpp"
#include "engine/sim_latency.hpp"
#include "engine/store_port.hpp"
#include "engine/run_options.hpp"
#include "wiring/default_checks.hpp"

namespace specwave::cli {

// Options every command that calls a model accepts.
void AddProviderOptions(ArgSpec* spec);

// Opens (creating if needed) the database; ":memory:" for none. Null on error.
std::unique_ptr<Store> OpenStore(const std::string& path, bool read_only, std::string* error);

// The provider named by --provider (default offline), with --model,
// --base-url, keys from OPENAI_API_KEY / ANTHROPIC_API_KEY, the response
// cache over `store`, and simulated latency for the offline generator.
std::unique_ptr<LlmProvider> MakeProvider(const Args& args, const Environment& env, Store* store,
                                          const WorkflowSpec& spec, std::string* error);

// Cost per call from the price table (--pricing FILE, else the built-in copy
// of assets/pricing.yml). Empty with *error set when the file is bad.
CostFunction DefaultCost(const Args& args, std::string* error);
// The context windows of the same table (--pricing FILE or the compiled-in one); empty if it cannot be read.
ContextWindowFunction DefaultContextWindow(const Args& args);
PhaseChecks DefaultChecks();

}  // namespace specwave::cli
