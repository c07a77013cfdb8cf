// RunContext: what every piece of one run shares and never changes while it
// runs — the workflow, its plan, the ports, the project, the run record and
// its options — plus the reads they all make: a phase's inputs from the
// store, the frontmatter the engine writes, the base of a phase record.
// Immutable after construction, so the pieces can read it from any thread.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "engine/llm_port.hpp"
#include "engine/phase_accounts.hpp"
#include "engine/phase_checks.hpp"
#include "engine/plan.hpp"
#include "engine/run_observer.hpp"
#include "engine/run_options.hpp"
#include "engine/spec.hpp"
#include "engine/store_port.hpp"

namespace specwave {

struct RunContext {
  const WorkflowSpec& spec;
  const Plan& plan;
  Store& store;
  LlmProvider& provider;
  const Clock& clock;
  const PhaseChecks& checks;
  const ProjectRecord project;
  const WorkflowRunRecord run;
  const RunOptions options;
  RunObserver* const observer;
  const int64_t start_us;  // monotonic

  int64_t SinceStartUs() const { return clock.NowMonotonicUs() - start_us; }

  // A phase's direct dependencies' artifacts, latest versions, in graph
  // order; "" or what is missing from the store.
  std::string GatherInputs(int phase, NamedTexts* out) const;
  // The frontmatter (YAML, no fences) the engine writes for an artifact it
  // builds itself (joins, reports).
  std::string Frontmatter(int phase, const std::string& artifact) const;
  // A phase record with what the accounts say of the phase so far.
  PhaseRunRecord BaseRecord(int phase, const PhaseAccount& account) const;

 private:
  int TopoPos(int phase) const;
};

}  // namespace specwave
