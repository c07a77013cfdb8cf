// Impact through the trace (issue #16.1): from the sections an edit changed
// to the identifiers it changed, then along the trace to every section and
// item that names them, each with a level and a reason a person can read:
//
//   epics.md   E2      HIGH    E2 covers F2, whose acceptance gained a bullet
//   tasks.md   T2.1    MEDIUM  T2.1 belongs to E2, which covers F2
//   data-model.md Trip LOW     entity Trip is touched by T2.1, which belongs to E2
//
// Rules (tests/engine/trace_impact_test.cpp):
//  1. A changed section belongs to the identifier whose heading owns it (its
//     own section or a parent's); a list item or table row that defines an
//     identifier changed if its line is new. The change is described from the
//     section's text: "whose acceptance gained a bullet", "was added", ...
//  2. An item that names a changed id is HIGH; one that names such an item
//     is MEDIUM; then LOW. What an affected task touches (endpoints,
//     entities, components) is one level lower than the task.
//  3. An artifact the trace reads is rated by its highest item; if no item is
//     reached it is NONE and leaves `affected` (no call for it).
//  4. An artifact the trace does not read keeps its phase-graph level, and
//     its reason says that this is the fallback. So does everything when the
//     edited artifact has no trace, or a changed section belongs to no id and
//     the phase reads that section.
//  5. Reports built by the engine (validate, done) stay LOW: rebuilt.
#pragma once

#include <string>

#include "engine/impact.hpp"
#include "engine/trace_graph.hpp"

namespace specwave {

struct TraceImpactInput {
  std::string old_text, new_text;  // the edited artifact before and after
  NamedTexts current;              // every other artifact's latest text (the edited one may be included: replaced)
};

// The refinement AnalyzeImpact applies (impact.hpp).
ImpactRefinement TraceRefinement(const WorkflowSpec& spec, TraceImpactInput input, TraceReader reader);

// The heading path of the section holding `line` of `text` ("" when none):
// where an item of the trace sits.
std::string SectionOfLine(const std::string& text, int line);

}  // namespace specwave
