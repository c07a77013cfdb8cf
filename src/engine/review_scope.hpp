// What one VALIDATE review reads (issue 15.1). A review used to get every
// artifact of the pack, and the reviewed one a second time as its item: 77%
// of a run's prompt characters. The deterministic cross-artifact checks
// (traceability) already compare identifiers across the whole pack in code,
// so a model review now gets:
//
//   - the reviewed artifact, once: the item, its lines numbered;
//   - the artifacts it traces to in the workflow graph — those its producer
//     read (the artifacts of the producer's direct dependencies), those
//     written with it (its producer's other artifacts: api-spec.md names the
//     entities of data-model.md) and those written from it (the artifacts of
//     the phases that depend directly on its producer, except the reviewing
//     phase) — each as an outline: its headings, its trace lines (Covers:,
//     Epic:, Touches:, Resources:, Tokens:, Stack:, ...) and the first cell
//     of each table row (the names a table defines: tokens, fields,
//     packages), what a cross-artifact review compares;
//   - the brief only when the reviewed artifact was written from it alone
//     (its producer has no dependencies: analysis.md);
//   - the deterministic checks' findings that name it.
//
// Only for a language model: the offline generator reads no prompt, and its
// rules-based review parses the other artifacts whole (design tokens from
// their tables), so it keeps every artifact.
//
//   NamedTexts related = ReviewRelated(spec, validate_phase, "prd.md", all_artifacts);
//   std::string found = ReviewFindings(cross.findings, "prd.md");
#pragma once

#include <string>
#include <vector>

#include "engine/phase_checks.hpp"
#include "engine/spec.hpp"

namespace specwave {

// A validate phase fanned out over artifacts: one model review per artifact.
bool IsReviewFanOut(const PhaseSpec& phase);

// The outlines of the artifacts `artifact` traces to, in the order of `all`
// (graph order); artifacts not in `all` are left out.
NamedTexts ReviewRelated(const WorkflowSpec& spec, int review_phase, const std::string& artifact,
                         const NamedTexts& all);

// True when the review of `artifact` gets the brief: its producer read nothing else.
bool ReviewReadsBrief(const WorkflowSpec& spec, const std::string& artifact);

// The headings (outside code fences, after any frontmatter), trace lines and
// table rows' first cells ("| color.ink |") of a document.
std::string TraceOutline(const std::string& markdown);

// The findings about `artifact` (in it, or naming it), one line each, or a
// line saying there are none.
std::string ReviewFindings(const std::vector<ArtifactFinding>& findings, const std::string& artifact);

}  // namespace specwave
