// What DESIGN.md's export and import agree on (internal to the design-md
// codec). Format: google-labs-code/design.md docs/spec.md — YAML front matter
// (version, name, colors, typography, rounded, spacing, components whose
// values may reference tokens as "{colors.primary}") and "##" sections in a
// fixed order: Overview, Colors, Typography, Layout, Elevation & Depth,
// Shapes, Components, Do's and Don'ts. Unknown sections are kept by readers,
// duplicate headings are an error.
#pragma once

#include <string>
#include <string_view>

namespace specwave::interop::designmd {

inline constexpr const char* kFile = "DESIGN.md";
// Component-mapping sections other than Components travel as "## Component <title>".
inline constexpr const char* kComponentPrefix = "Component ";

// design-tokens.md name <-> DESIGN.md key: "color.accent" <-> "accent",
// "space.2" <-> "2", "type.body" <-> "body", "radius.md" <-> "md".
std::string ColorKey(std::string_view token);
std::string SpacingKey(std::string_view token);
std::string TypeKey(std::string_view token);
std::string RadiusKey(std::string_view token);
inline std::string ColorToken(std::string_view key) { return "color." + std::string(key); }
inline std::string SpacingToken(std::string_view key) { return "space." + std::string(key); }
inline std::string TypeToken(std::string_view key) { return "type." + std::string(key); }
inline std::string RadiusToken(std::string_view key) { return "radius." + std::string(key); }
bool IsRadiusName(std::string_view token);

// "AppShell" <-> "app-shell".
std::string ComponentKey(std::string_view name);

// A YAML scalar: numbers and plain dimensions bare, everything else quoted.
std::string YamlScalar(std::string_view value);
// A YAML mapping key: bare when it is a word ("text-muted"), quoted otherwise ("1").
std::string YamlKey(std::string_view key);

}  // namespace specwave::interop::designmd
