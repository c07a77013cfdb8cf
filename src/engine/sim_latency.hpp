// Simulated latency for the offline generator (`--sim-latency FILE`): a YAML
// map PHASE: milliseconds, with an optional `default:`. For a fan-out phase
// the value applies to each item's call. The wait is a timer on the calling
// thread (a sleep), never a busy loop, so the scheduler can be measured
// without a language model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/spec.hpp"

namespace specwave {

class SimLatency {
 public:
  SimLatency() = default;
  explicit SimLatency(std::vector<double> per_phase_ms) : ms_(std::move(per_phase_ms)) {}
  double PhaseMs(int phase) const { return phase >= 0 && phase < static_cast<int>(ms_.size()) ? ms_[phase] : 0; }
  bool empty() const { return ms_.empty(); }

 private:
  std::vector<double> ms_;
};

struct SimLatencyLoadResult {
  std::optional<SimLatency> latency;
  std::vector<Diagnostic> errors;
  bool ok() const { return latency.has_value(); }
};

SimLatencyLoadResult LoadSimLatency(const std::string& yaml_text, const std::string& file, const WorkflowSpec& spec);
SimLatencyLoadResult LoadSimLatencyFile(const std::string& path, const WorkflowSpec& spec);

}  // namespace specwave
