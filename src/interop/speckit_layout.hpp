// What Spec Kit's export and import agree on: the fixed headings and lines
// they write and recognise, and the id forms (FR-002, User Story 2, T101).
// Internal to the speckit codec.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::interop::speckit {

inline constexpr const char* kSpecTitle = "Feature Specification: ";
inline constexpr const char* kPlanTitle = "Implementation Plan: ";
inline constexpr const char* kResearchTitle = "Research: ";
inline constexpr const char* kDataModelTitle = "Data Model: ";
inline constexpr const char* kContractTitle = "API Contract: ";
inline constexpr const char* kQuickstartTitle = "Quickstart: ";
inline constexpr const char* kTasksTitle = "Tasks: ";
inline constexpr const char* kConstitutionSuffix = " Constitution";
inline constexpr const char* kInputLine =
    "the prd.md of a Specwave project; ids map to Specwave's in `.specwave/manifest.json`";
inline constexpr const char* kScenariosHeading = "User Scenarios & Testing *(mandatory)*";
inline constexpr const char* kRequirementsHeading = "Requirements *(mandatory)*";
inline constexpr const char* kKeyEntitiesHeading = "Key Entities *(include if feature involves data)*";
inline constexpr const char* kSuccessHeading = "Success Criteria *(mandatory)*";
inline constexpr const char* kAssumptionsHeading = "Assumptions";
inline constexpr const char* kNonGoalsLead = "Out of scope (the PRD's non-goals):";
inline constexpr const char* kTechnicalContextHeading = "Technical Context";
inline constexpr const char* kConstitutionCheckHeading = "Constitution Check";
inline constexpr const char* kProjectStructureHeading = "Project Structure";
inline constexpr const char* kDecisionsHeading = "Decisions";
inline constexpr const char* kAlternativesHeading = "Alternatives Considered";
inline constexpr const char* kStackIdLabel = "**Stack id**:";
inline constexpr const char* kTaskFormatLine =
    "**Format**: `- [ ] T<epic><nn> [P?] [US#?] Title` — T101 is Specwave's T1.1; [P]: no other task of the phase "
    "touches what it touches before it";
inline constexpr const char* kGovernance =
    "These principles are the constraints of the Specwave project's analysis.md. Amend them there, or here and "
    "run `specwave sync`; a change is recorded as an edit of analysis.md and its impact shown.";

std::string FrId(int n);                     // "FR-002"
std::string TaskId(int epic, int number);    // T1.1 -> "T101", T12.3 -> "T1203"
std::string StoryHeading(int n, const std::string& title, int priority);  // "User Story 2 - Route sketch (Priority: P2)"
std::string PhaseHeading(int n, const std::string& title);               // "Phase 1: Tide windows"
std::string Roman(int n);

struct Story {
  int number = 0;
  std::string title;
};
std::optional<Story> ParseStoryHeading(std::string_view heading);
std::optional<Story> ParsePhaseHeading(std::string_view heading);

// "- **FR-002**: text" -> {2, "text"}.
std::optional<std::pair<int, std::string>> ParseFrLine(std::string_view line);

struct TaskLine {
  int number = 0;        // 101 for T101
  bool parallel = false;
  std::vector<int> stories;
  std::string title;
};
std::optional<TaskLine> ParseTaskLine(std::string_view line);

// "- x" -> "- **SC-001**: x" for each top-level bullet, and back.
std::string NumberBullets(std::string_view body, const std::string& prefix);
std::string UnnumberBullets(std::string_view body, const std::string& prefix);

// stack.md "- Layer: choice — reason".
struct StackChoice {
  std::string layer, choice, reason;
};
std::optional<StackChoice> ParseStackBullet(std::string_view line);

}  // namespace specwave::interop::speckit
