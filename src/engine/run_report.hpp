// RunReport: what one run measured — per phase, per wave and in total — as
// `specwave run --json` prints it and the run record keeps it
// (WorkflowRunRecord::metrics_json). Every number is measured in the run;
// none is estimated. The store and the CLI read reports through this header
// alone; building one from a schedule is engine/run_report_builder.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/llm_port.hpp"
#include "engine/outcomes.hpp"
#include "engine/phase_checks.hpp"
#include "engine/provider_kind.hpp"

namespace specwave {

struct PhaseReport {
  std::string name;
  PhaseStatus status = PhaseStatus::kPending;
  PhaseOutcome outcome = PhaseOutcome::kNone;
  std::string reason;
  bool done_earlier = false;                         // completed by an earlier run (resume): not run now
  bool early_cutoff = false;                         // not run: its inputs came out unchanged
  double start_ms = 0, end_ms = 0, duration_ms = 0;  // relative to this run's start; duration = end - start
  double work_ms = 0;                                // sum of its jobs' durations (fan-out items add up)
  double critical_ms = 0;  // what it contributes to the critical path (longest item for fan-out)
  int items = 0;
  int calls = 0, cached_calls = 0;
  TokenUsage usage;
  double cost_usd = 0;
  bool cost_known = true;
  int errors = 0, warnings = 0;  // validator findings
  int attempts = 0;  // HTTP attempts of its calls, retries included
  // Repair calls (issue #14.4): a part of calls, usage and cost, counted apart.
  int repair_calls = 0;
  TokenUsage repair_usage;
  double repair_cost_usd = 0;
  double repair_ms = 0;
  // What the phase said besides its artifacts: the reply cleaner's removals
  // and replaced envelope fields (validator "reply"), reply errors and the
  // validators' findings. Kept when the phase succeeds.
  std::vector<ArtifactFinding> notes;
  // Of the notes, the cleaner's removals and replacements (not errors).
  int Cleanings() const;
};

struct WaveReport {
  int level = 0;
  std::vector<std::string> phases;
  double start_ms = 0, end_ms = 0, span_ms = 0, work_ms = 0;
};

struct RunReport {
  int64_t run_id = 0;
  RunStatus status = RunStatus::kRunning;
  std::string mode;
  ProviderKind provider = ProviderKind::kOffline;
  std::string model;
  bool language_model = false;
  double makespan_ms = 0;         // measured wall time of this run
  double sequential_ms = 0;       // measured: sum of every job's duration (a one-at-a-time run's length)
  double critical_path_ms = 0;    // lower bound from the measured durations, infinite parallelism
  double time_saved_percent = 0;  // 100 * (sequential - makespan) / sequential
  std::vector<std::string> critical_path;
  std::vector<PhaseReport> phases;
  std::vector<WaveReport> waves;
  TokenUsage usage;
  double cost_usd = 0;
  bool cost_known = true;
  int calls = 0, cached_calls = 0, early_cutoff_phases = 0;
  int attempts = 0;      // HTTP attempts of the calls, retries included
  int repair_calls = 0;  // of calls
  TokenUsage repair_usage;
  double repair_cost_usd = 0, repair_ms = 0;
  int cleanings = 0;     // the phases' Cleanings() summed
  int max_in_flight_seen = 0;
  std::vector<std::string> pending_gates;  // "PHASE/gate" awaiting approval
  std::string stop_reason;
  bool fallback_used = false;

  // The first failed phase as "PHASE: reason", or "" when none failed.
  std::string FirstFailure() const;

  std::string ToJson() const;
  // Reads what ToJson wrote (stored run metrics); nullopt if it is not that.
  static std::optional<RunReport> FromJson(const std::string& json);

 private:
  static std::optional<RunReport> FromJsonUnchecked(const std::string& json);
};

// A report for a run that could not start (no project, the run could not be
// recorded): failed, with the reason.
RunReport FailedToStart(std::string reason);

}  // namespace specwave
