// What Kiro's export and import agree on (internal to the kiro codec). The
// layout is Kiro's spec folder, .kiro/specs/<feature>/ with requirements.md
// (user stories and numbered EARS acceptance criteria), design.md (Overview,
// Architecture, Components and Interfaces, Data Models, Error Handling,
// Testing Strategy) and tasks.md (checkbox tasks "1." / "1.2" with
// "_Requirements: 1.1, 2.3_"), plus steering files in .kiro/steering/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::interop::kiro {

inline constexpr const char* kRequirementsTitle = "Requirements Document";
inline constexpr const char* kDesignTitle = "Design Document";
inline constexpr const char* kTasksTitle = "Implementation Plan";
inline constexpr const char* kUserStory = "**User Story:**";
inline constexpr const char* kCriteria = "Acceptance Criteria";
inline constexpr const char* kApiHeading = "API";
inline constexpr const char* kErrorHandling =
    "Every endpoint's error responses are written with the endpoint under Components and Interfaces > API; the "
    "Specwave pack has no separate error-handling artifact.";
inline constexpr const char* kTestingLead = "Each epic (tasks.md, top-level task) is done when:";
inline constexpr const char* kStackIdLabel = "Stack id:";
inline constexpr const char* kSteeringFrontmatter = "---\ninclusion: always\n---\n\n";

std::string RequirementHeading(int n, const std::string& title);  // "Requirement 2: Route sketch"
struct Numbered {
  int number = 0;
  std::string title;
};
std::optional<Numbered> ParseRequirementHeading(std::string_view heading);

// "_Requirements: 1.1, 2.3_" (bulleted or not): the requirement numbers it names.
std::optional<std::vector<int>> ParseRequirementsLine(std::string_view line);

// "- [ ] 1. Title" / "  - [ ] 1.2 Title": indent, numbers and title.
struct TaskLine {
  size_t indent = 0;
  int major = 0, minor = 0;  // minor 0 for "1."
  bool optional = false;     // Kiro's "- [ ]*" optional tasks
  std::string title;
};
std::optional<TaskLine> ParseTaskLine(std::string_view line);

}  // namespace specwave::interop::kiro
