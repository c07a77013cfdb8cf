// Section-level change detection between two versions of a markdown artifact:
// what changed, named by heading path, for impact analysis and `specwave diff`.
//
//   ChangeSummary c = DiffSections(old_text, new_text);
//   if (!c.changed) return;                        // only line endings / trailing blanks differ
//   for (const SectionDelta& d : c.sections)
//     std::printf("%s %s\n", ChangeKindName(d.change), d.section.c_str());   // "modified PRD > Features > Auth"
//   std::printf("%s\n", ImpactName(c.impact_level));                         // "MEDIUM"
//
// Guarantees:
//  * Texts that differ only in line endings, trailing whitespace or trailing
//    blank lines are not `changed` and report no sections.
//  * A change is reported on the deepest section holding it (each section owns
//    only its own text, see outline.hpp) — never on its ancestors, and never on
//    later sections that did not change.
//  * A renamed heading is its old section deleted and a new one added (with
//    its subsections, whose paths changed too).
//  * Repeated sibling titles are matched by content, then by order (see
//    section_diff.cpp), so inserting one "Notes" does not make every later
//    "Notes" look modified.
//
// Thread-safe (no shared state); never throws on any input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown/outline.hpp"

namespace specwave::markdown {

enum class ChangeKind { kAdded, kModified, kDeleted };
const char* ChangeKindName(ChangeKind kind);  // "added", "modified", "deleted"

// HIGH: a section was added or deleted; MEDIUM: sections were only modified;
// LOW: no section changed, or only the frontmatter did (the engine's impact
// rule 1: metadata does not change what dependents build on).
enum class Impact { kLow, kMedium, kHigh };
const char* ImpactName(Impact impact);  // "LOW", "MEDIUM", "HIGH"

struct SectionDelta {
  std::string section;  // heading path: the new one, or the old one when deleted
  ChangeKind change = ChangeKind::kModified;
  int old_line = 0;  // heading line in the old text; 0 when added
  int new_line = 0;  // heading line in the new text; 0 when deleted
};

struct ChangeSummary {
  bool changed = false;
  std::string old_sha256, new_sha256;  // of the raw texts
  std::vector<SectionDelta> sections;  // new-document order; deletions where they were
  Impact impact_level = Impact::kLow;
};

ChangeSummary DiffSections(std::string_view old_text, std::string_view new_text);

// The section changes between two outlines (DiffSections without the
// whole-text checks), for callers that already hold the outlines.
std::vector<SectionDelta> DiffOutlines(const Outline& old_outline, const Outline& new_outline);

Impact ImpactOf(const std::vector<SectionDelta>& deltas);

}  // namespace specwave::markdown
