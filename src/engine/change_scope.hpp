// What changed in a run, section by section, and whom it concerns: the rules
// behind early cutoff by section (issue #16.4) and item-level fan-out
// (#16.3). A whole-document hash never decides: a real model rewords every
// reply, so two versions of a document always differ somewhere.
//
//   ChangedSection c{"epics.md", "Epics > E2: Routes", "modified"};
//   SectionMatters(tasks_phase, c, current_tasks_md)   // true: tasks.md names E2 (or reads all of epics.md)
//   ItemNeedsRerun(item, previous_item_text, {c})       // true for E2's tasks, false for E1's
//   PreviousItemText(current_tasks_md, "E1: Tides")     // E1's section of the joined artifact, to keep as it is
//
// Rules:
//  * A dependent reruns if a section it consumes changed (`consumes`; a phase
//    that declares none reads all of an input), or a section whose heading
//    id ("E2", "F2", "T2.1") it names changed.
//  * A fan-out item reruns if its own section of the fan-out source changed
//    or is new, or a changed section's id is named in its section or in its
//    previous result. A changed section of another input without a heading id
//    concerns the items naming an id its text names, and every item when its
//    text names none (nothing to follow: the safe answer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/spec.hpp"

namespace specwave {

struct ChangedSection {
  std::string artifact;
  std::string section;  // heading path
  std::string change;   // added | modified | deleted
  std::string before, after;  // the section's own text in each version (empty when absent)
};

// The id a heading starts with: "E2: Routes" -> "E2", "T2.1 Route store" ->
// "T2.1", "FR-003 Export" -> "FR-003"; "" when it starts with none.
std::string HeadingId(std::string_view heading);
// Every id written in a text ("F2", "E3", "T2.1", "FR-003"), first use first.
std::vector<std::string> IdsInText(std::string_view text);
// The last component of a heading path.
std::string_view LastComponent(std::string_view path);
// `id` as a whole word in `text`.
bool MentionsId(std::string_view text, std::string_view id);

// Section changes between two versions (frontmatter left out: metadata).
std::vector<ChangedSection> ChangedSectionsOf(const std::string& artifact, const std::string& old_text,
                                              const std::string& new_text);

// Whether a changed section of an input concerns phase `p`, whose current
// output is `current_output` ("" when it has none yet).
bool SectionMatters(const PhaseSpec& p, const ChangedSection& c, std::string_view current_output);

// Whether a fan-out item must be generated again (rules above).
// `source`: the artifact the items come from ("" for items over artifacts).
bool ItemNeedsRerun(const std::string& source, const std::string& item_title, std::string_view item_body,
                    const std::optional<std::string>& previous, const std::vector<ChangedSection>& changes);

// The text of the item titled `title` in a joined artifact: from its heading
// (any level; the same title, or the same leading id) to the next heading of
// the same or a higher level. nullopt when there is none.
std::optional<std::string> PreviousItemText(const std::string& joined, const std::string& title);

}  // namespace specwave
