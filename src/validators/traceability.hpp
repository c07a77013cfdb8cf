// traceability: the VALIDATE phase's deterministic cross-artifact checks.
//
//   NamedTexts all = {{"prd.md", prd}, {"epics.md", epics}, {"tasks.md", tasks}, ...};
//   TraceabilityReport report = CheckTraceability(all);
//   std::string gaps = RenderGapsMarkdown(report);   // body of validation-report.md's "## Gaps"
//   for (const Gap& g : report.gaps) ... g.where[0].artifact, g.where[0].line ...
//
// Checks (conventions: docs/artifact-formats.md, rules: docs/validators.md):
//   * prd.md defines requirements (in any style trace_ids.hpp reads) and
//     every one is covered by at least one epic (Covers:, FRs Addressed:,
//     _Requirements:_ lines, coverage maps, or a task of the epic citing it);
//     an epic or task citing an undefined requirement is a gap too;
//   * every epic has at least one task;
//   * every task names its epic (Epic: line, [E1] label, the epic heading it
//     sits under, or Story <e>.<n>) and that epic exists;
//   * every endpoint's Resources: are entities of data-model.md;
//   * every component's Tokens: are defined in design-tokens.md;
//   * every task's Touches: are entities, endpoints or components.
// The report also says which identifier style each artifact uses (styles).
// A check whose artifacts are all absent is skipped; one with only some of
// them present says which is missing. Artifacts are found by file name
// (a path prefix is ignored). Output order is fixed: check order, then
// document order, so the report is the same on every run.
#pragma once

#include <string>
#include <vector>

#include "validators/validator.hpp"

namespace specwave::validators {

struct TraceLocation {
  std::string artifact;
  int line = 0;  // 0: the artifact as a whole
};

struct Gap {
  std::string rule;  // "feature-not-covered", "epic-without-tasks", ... (docs/validators.md)
  Severity severity = Severity::kError;
  std::string message;
  std::vector<TraceLocation> where;  // where[0] is where to fix it
  std::string excerpt;
};

// How an artifact writes one kind of identifier: {"prd.md", "requirements",
// "FR<n>", "list items", 14}. A count of 0 is a note ("coverage read from").
struct IdStyle {
  std::string artifact, what, style, form;
  int count = 0;
};

struct TraceabilityReport {
  std::vector<Gap> gaps;
  std::vector<IdStyle> styles;  // in artifact order: prd, epics, tasks, api-spec
  int features = 0, epics = 0, tasks = 0, endpoints = 0, components = 0;  // what was checked
  int errors() const;
};

TraceabilityReport CheckTraceability(const NamedTexts& artifacts);

// One bullet per gap naming the artifacts and lines ("No gaps found." when
// there are none), deterministic, for validation-report.md's "## Gaps".
std::string RenderGapsMarkdown(const TraceabilityReport& report);

// One bullet per artifact saying how its identifiers were read ("" when
// nothing was), for validation-report.md:
//   - prd.md: 14 requirements as `FR<n>` (list items)
std::string RenderStylesMarkdown(const TraceabilityReport& report);

// Each gap as a Finding (artifact and line of where[0]).
std::vector<Finding> GapsToFindings(const TraceabilityReport& report);

}  // namespace specwave::validators
