// What a session needs from the rest of the program, given by the
// composition root (the web app's wiring, tests): the store, the clock, how
// to build a provider, the checks, prices, the differ, single-file
// export/import, and the hints the settings form shows.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "engine/llm_port.hpp"
#include "engine/phase_checks.hpp"
#include "engine/regeneration.hpp"
#include "engine/run_options.hpp"
#include "engine/store_port.hpp"
#include "session/session_settings.hpp"
#include "session/snapshot.hpp"

namespace specwave {

struct SessionPorts {
  Store* store = nullptr;
  const Clock* clock = &SystemClock::Instance();
  // Builds a provider for the settings; on failure returns null and says why.
  std::function<std::unique_ptr<LlmProvider>(const SessionSettings&, const std::string& api_key, std::string* error)>
      make_provider;
  std::map<ProviderKind, ProviderHints> provider_hints;
  PhaseChecks checks;
  CostFunction cost;
  ContextWindowFunction context_tokens;  // the price table's context windows; may be empty
  DiffFunction diff;  // section-level change between versions (engine/artifact_diff.hpp)
  TraceReader trace;  // ids and their links, for trace-level impact (engine/trace_graph.hpp); may be empty
  // Single-file export/import (the store's bundle format); may be empty.
  std::function<bool(Store&, int64_t project, std::string* file_name, std::string* content, std::string* error)>
      export_bundle;
  std::function<bool(Store&, const std::string& content, int64_t* project, std::string* error)> import_bundle;
  // No threads (the single-threaded embed viewer): commands run inline on
  // the caller's thread and runs are refused.
  bool synchronous = false;
};

}  // namespace specwave
