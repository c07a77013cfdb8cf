// Fan-out items and joins (docs/workflow-spec.md, "fan_out").
//
//   auto items = HeadingItems(epics_md, 2);  // one item per "## " section
//   // ... one model call per item, in parallel ...
//   std::string tasks = JoinItems(frontmatter, "Tasks", item_texts);  // in item order
//
// Items are taken in document order, so the joined artifact does not depend
// on which call finished first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specwave {

struct FanOutItem {
  std::string title;  // heading text, e.g. "E2: Route sketch" (or an artifact name)
  std::string body;   // the section's text including its heading line
  std::string notes;  // what the engine found about it before the call (a review's check findings), or ""
};

// Sections whose heading has exactly `level` '#' (ATX), outside code fences.
// Text before the first such heading is not an item.
std::vector<FanOutItem> HeadingItems(const std::string& markdown, int level);

// The items a `fan_out: {items: "## headings"}` phase calls the model for
// (issue 15.4): the sections whose heading is an item heading — one that
// starts with an identifier (IsItemHeading) — so a real epics.md's
// "## Overview" and "## FR Coverage Map" are not epics. A document with no
// item heading at that level has every section as an item (a landing page's
// "## Hero", "## Pricing"). A non-item heading ends the item before it.
std::vector<FanOutItem> FanOutItems(const std::string& markdown, int level);
bool IsItemHeading(std::string_view heading_text);

// "tasks.md" -> "Tasks"; "api-spec.md" -> "Api spec".
std::string TitleFromArtifactName(const std::string& artifact);

// Frontmatter + "# Title" + each item's text in order, separated by blank lines.
std::string JoinItems(const std::string& frontmatter_yaml, const std::string& title,
                      const std::vector<std::string>& item_texts);
// The same without frontmatter, for the engine's envelope (envelope.hpp):
//   WrapInEnvelope(JoinItemBodies("Tasks", cleaned_items), facts)
std::string JoinItemBodies(const std::string& title, const std::vector<std::string>& item_texts);

}  // namespace specwave
