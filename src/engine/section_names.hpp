// Section names as real documents write them, for `consumes` (a phase that
// reads only prd.md's Features must also match a PRD whose section is
// "Functional Requirements", spec-kit's "Requirements *(mandatory)*" or
// "2. Features (MVP)"). The table of synonyms is in section_names.cpp and
// docs/workflow-spec.md.
//
//   SectionKey("Requirements *(mandatory)*") == SectionKey("Features")   // "features"
//   SectionKey("User Scenarios & Testing") == SectionKey("User stories")  // "user stories"
#pragma once

#include <string>
#include <string_view>

namespace specwave {

// One heading component, compared: lower case, without markdown marks, a
// leading number ("2.", "2)", "Section 2:"), a trailing note in parentheses
// or an emoji; then the name of its synonym group if it has one.
std::string SectionKey(std::string_view component);

}  // namespace specwave
