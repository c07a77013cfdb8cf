// Identifiers in the styles real spec documents use, each read into one
// canonical form so that cross-references match whatever style each file
// was written in (docs/artifact-formats.md, "Identifier styles"):
//
//   requirements  F3, Feature 3          -> family F,   key "F3"
//                 FR3, FR-003, FR_3      -> family FR,  key "FR3"
//                 REQ-3, Requirement 3   -> family REQ, key "REQ3"
//                 "3.2" (Kiro's acceptance criterion 2 of requirement 3, only
//                 in a coverage line that holds nothing but such numbers)
//   epics         E2, Epic 2, EPIC-2, Epic E2          -> "E2"
//   tasks         T1.2, T014, Story 1.1, Task 1.2, and Kiro's numbered
//                 checkboxes "- [ ] 1.2 Do X"
//
// NFR<n>, SC-<n>, US<n> and the like are other families and are never read
// as requirements ("NFR1" does not contain "FR1").
//
//   if (auto m = ReqIdAt("FR-003: Export", 0)) m->id.family == ReqFamily::kFR, m->id.number == 3
//   for (const ReqId& r : ReqIdsIn("FR1, FR-004\xE2\x80\x93" "FR-006")) ...   // FR1 FR4 FR5 FR6
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::validators {

enum class ReqFamily { kF, kFR, kREQ };
const char* ReqFamilyPattern(ReqFamily family);  // "F<n>", "FR<n>", "REQ-<n>"

struct ReqId {
  ReqFamily family = ReqFamily::kF;
  int number = 0;
  int criterion = 0;  // "3.2", "FR3.2": 2; 0 when none
  bool bare = false;  // written as a plain number ("3.2"), family unknown until matched
  std::string written;
};
// The canonical key of a requirement: "F3", "FR3", "REQ3".
std::string ReqKey(ReqFamily family, int number);

struct ReqMatch {
  ReqId id;
  size_t length = 0;
  std::string style;  // how it was written: "F<n>", "FR-<nnn>", "Requirement <n>", ...
};
// A requirement id starting at s[i] (at a word start), nullopt if none.
std::optional<ReqMatch> ReqIdAt(std::string_view s, size_t i);

// Every requirement id in a coverage value, ranges expanded ("FR2-FR5",
// "FR-007\xE2\x80\x93" "FR-009", "F2 to F4", up to 50 apart). A value made only of numbers
// ("1.1, 2.3", "1, 3 and 4") gives bare ids.
std::vector<ReqId> ReqIdsIn(std::string_view value);

struct EpicMatch {
  int number = 0;
  size_t length = 0;
  std::string style;  // "E<n>" or "Epic <n>"
};
// "E2", "Epic 2", "EPIC-2", "Epic #2", "Epic E2" at s[i].
std::optional<EpicMatch> EpicIdAt(std::string_view s, size_t i);

struct TaskMatch {
  std::string id;       // canonical: "T1.2", "T14", "S1.1", "K1.2"
  std::string written;  // "T1.2", "T014", "Story 1.1", "1.2"
  std::string style;    // "T<e>.<n>", "T<nnn>", "Story <e>.<n>", "Task <e>.<n>", "<n>.<m>" (Kiro)
  int implied_epic = 0;  // Story 1.1 and Task 1.2 name their epic by their first number
  bool native = false;   // T<e>.<n>: the form the prompts ask for (with an Epic: line)
  size_t length = 0;
};
// A task id at s[0]; `bare_numbers` also takes "1.2" and "2." (Kiro's
// numbered checkboxes; only asked for on a checkbox line).
std::optional<TaskMatch> TaskIdAt(std::string_view s, bool bare_numbers);

// After an id: the separators models put before a title (":", "—", "–",
// "-", ".", ")" and spaces). `needs_mark` says whether one of the marks
// (not only spaces) was there.
std::string_view SkipTitleSeparator(std::string_view rest, bool* had_mark = nullptr);

// Bold, italics and code marks removed: "**FR1**" -> "FR1", "_Requirements: 1.1_" -> "Requirements: 1.1".
std::string UnmarkLine(std::string_view s);

}  // namespace specwave::validators
