// Reading upstream artifacts back: the offline generator builds each artifact
// from the ones before it (docs/artifact-formats.md), so it needs sections,
// `Key: value` lines, tables and identifiers. Lenient in the same ways the
// validators are: headings a level off, bold or code-span keys, any case.
//
//   for (const auto& s : SectionsAt(api_spec, 3)) {      // "### GET /trips"
//     auto resources = ListValue(FieldValue(s.body, "Resources"));
//   }
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave::offline {

struct MdSection {
  int level = 0;
  std::string heading;  // text after the hashes, trimmed, inline marks removed
  std::string body;     // lines after the heading up to the next heading of the same or a higher level
};

// The text after the frontmatter block (the whole text when there is none).
std::string BodyOf(std::string_view text);

// `key: value` from the frontmatter block; empty when absent. Quotes removed.
std::string FrontmatterValue(std::string_view text, std::string_view key);

// Sections whose heading has exactly `level` hashes, outside code fences.
std::vector<MdSection> SectionsAt(std::string_view text, int level);

// The body of the first section at `level` whose heading starts with `name`
// (case-insensitive); empty when absent.
std::string SectionBody(std::string_view text, int level, std::string_view name);

// The value of the first line "Key: value" (also "**Key:** value", "- Key: value").
std::string FieldValue(std::string_view body, std::string_view key);

// "Trip, `Route`, **Waypoint**" -> {"Trip", "Route", "Waypoint"}.
std::vector<std::string> ListValue(std::string_view value);

struct MdTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
std::vector<MdTable> Tables(std::string_view body);

// Numbers n of every "F<n>" (word-bounded) in order of first appearance.
std::vector<int> FeatureRefs(std::string_view text);

// Bullet items ("- x", "* x", "1. x") of a body.
std::vector<std::string> Bullets(std::string_view body);

// Removes **, __ and ` marks.
std::string StripMarks(std::string_view s);

}  // namespace specwave::offline
