// Acceptance criteria in the shapes other tools want, and back. Specwave's
// PRD writes a feature's acceptance as plain bullets; Spec Kit wants
// Given/When/Then scenarios, Kiro EARS statements, OpenSpec WHEN/THEN
// scenarios. The engine does not invent conditions it does not know, so a
// plain bullet goes into a fixed frame around the feature's title:
//
//   "Every number on screen shows its unit."
//   spec-kit: **Given** Tide windows is available, **When** a person uses it, **Then** every number ...
//   kiro:     WHEN Tide windows is used THEN THE SYSTEM SHALL ensure that every number ...
//   openspec: - **WHEN** Tide windows is used / - **THEN** every number ...
//
// Reading back, a criterion still in its frame becomes the bullet again
// (exactly); one a person wrote in the tool's own words is kept as they wrote
// it, so nothing they said is lost.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::interop {

std::string GivenWhenThen(std::string_view title, std::string_view criterion);
std::string FromGivenWhenThen(std::string_view title, std::string_view scenario);

std::string Ears(std::string_view title, std::string_view criterion);
std::string FromEars(std::string_view title, std::string_view statement);

struct WhenThen {
  std::string name;                 // scenario name
  std::string given;                // may be empty
  std::string when;
  std::vector<std::string> then;    // THEN line and AND lines
};
WhenThen ToWhenThen(std::string_view title, std::string_view criterion);
std::string FromWhenThen(std::string_view title, const WhenThen& s);

// OpenSpec wants SHALL or MUST in a requirement's text.
std::string Shall(std::string_view statement);
std::string FromShall(std::string_view text);

// Removes **bold** and __bold__ markers.
std::string Unbold(std::string_view s);

}  // namespace specwave::interop
