// OfflineProvider: the built-in generator that lets a workflow run end to end
// with no API key and no network. It is NOT a language model and never claims
// to be one (IsLanguageModel() is false, Model() is "rules", every artifact
// says `generator: offline-rules`): it builds each artifact from the brief and
// the upstream artifacts with templates and rules (src/offline/).
//
//   OfflineProvider offline;                          // no simulated latency
//   OfflineProvider timed(SimLatency(...), spec);     // per-phase latency from --sim-latency
//   WorkflowRunner runner(spec, store, offline, SystemClock::Instance());
//
// Complete() reads only request.context (phase, brief, inputs, fan-out item),
// never the rendered prompt text; the same context gives byte-identical text.
// Usage is an estimate: characters / 4 for the prompt it was sent (or, when
// the prompt is empty, the context it read) and for the text it wrote.
// Simulated latency is a timer on the calling thread that wakes every few
// milliseconds to honour the CancelToken — never a busy loop.
//
// Thread-safety: Complete() may be called from several threads at once; the
// provider holds no mutable state.
#pragma once

#include <map>
#include <string>

#include "engine/llm_port.hpp"

namespace specwave {
class SimLatency;
struct WorkflowSpec;
}  // namespace specwave

namespace specwave::offline {

struct OfflineOptions {
  std::map<std::string, double> latency_ms;  // phase name -> milliseconds per call (per item for fan-out)
  double default_latency_ms = 0;             // phases not in the map
  int stream_chunks = 4;                     // pieces the text is handed to on_text in

  // From the engine's --sim-latency table (indexed by phase) and its workflow.
  static OfflineOptions FromSimLatency(const SimLatency& latency, const WorkflowSpec& spec);
};

class OfflineProvider final : public LlmProvider {
 public:
  OfflineProvider() = default;
  explicit OfflineProvider(OfflineOptions options) : options_(std::move(options)) {}
  OfflineProvider(const SimLatency& latency, const WorkflowSpec& spec);

  ProviderKind Kind() const override { return ProviderKind::kOffline; }
  std::string Model() const override { return "rules"; }
  bool IsLanguageModel() const override { return false; }
  LlmResponse Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) override;

  const OfflineOptions& options() const { return options_; }

 private:
  double LatencyFor(const std::string& phase) const;

  OfflineOptions options_;
};

}  // namespace specwave::offline
