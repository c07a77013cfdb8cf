// Internal to src/markdown: what the md4c walkers (heading_scan.cpp,
// render_blocks.cpp) share. No md4c type appears here; md4c.h is included
// only by .cpp files of this folder.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace specwave::markdown::detail {

// md4c flags for the outline: GitHub tables, strikethrough and task lists
// (they change block structure or heading text), but not the permissive
// autolinks, which only add link spans yet made md4c's parse of a 1 MB
// document ~1.5x slower when measured.
unsigned OutlineParserFlags();
// md4c flags for rendering: the GitHub dialect.
unsigned RenderParserFlags();

// Appends what an entity as md4c reports it stands for: "&amp;" -> "&",
// "&#x41;" -> "A". Unknown named entities are kept as written; invalid code
// points become U+FFFD.
void AppendEntity(std::string* out, std::string_view entity);
void AppendUtf8(std::string* out, uint32_t code_point);

// Runs of spaces, tabs and line breaks become one space; ends are trimmed.
std::string CollapseSpaces(std::string_view s);

}  // namespace specwave::markdown::detail
