// Small helpers the codecs share for carrying sections from one document to
// another unchanged: find a section by title or title prefix, take the
// sections an exporter has no special place for, indent a body under a list
// item and take it back.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "interop/md_tree.hpp"

namespace specwave::interop {

// The artifact's container: its H1 if it has one, else the document root.
const MdNode& Top(const MdDoc& doc);

// The first child whose title starts with `prefix` (case-insensitive), or null.
const MdNode* ChildWithPrefix(const MdNode& parent, std::string_view prefix);

// The children of `parent` whose titles are none of `except` (case-insensitive
// prefixes), in order.
std::vector<MdNode> OtherSections(const MdNode& parent, std::initializer_list<std::string_view> except);

// Every heading level in `node` and below moved by `delta` (clamped to 1..6).
void ShiftLevels(MdNode* node, int delta);

// Each non-empty line indented by `spaces`; blank lines stay blank.
std::string Indent(std::string_view text, int spaces);
// Removes up to `spaces` leading spaces from each line.
std::string Dedent(std::string_view text, int spaces);

// "001-tidewater"-style folder names: "%03d-slug".
std::string Numbered(int n, const std::string& slug);

// A heading shorter than its text: the first clause, at most `max_words` words.
std::string ShortName(std::string_view text, size_t max_words);

// Body text split into its lines (no trailing newline handling needed).
std::vector<std::string> Lines(std::string_view text);

}  // namespace specwave::interop
