// Which headings of a document are fan-out items. Real epics documents put
// sections that are not epics at the epics' level — BMAD's "## Overview" and
// "## FR Coverage Map" before "## Epic 1: …" — and one call per such section
// would be paid for nothing and shift every later item (issue #14, the
// drifting corpus). So when some headings carry an item id and others do
// not, only the ones with an id are items; when none (or all) do, every
// heading is an item, as before.
//
//   std::vector<std::string> dropped;
//   items = NumberedItemsOnly(HeadingItems(epics, 2), &dropped);   // dropped: {"Overview", "FR Coverage Map"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/fan_out.hpp"

namespace specwave {

// "E2: Routes", "Epic 2 — Routes", "Story 1.1", "US-3 …", "F1", "FR-001", "2. Routes", "Phase 3: …"
// start with an item id; "Overview", "FR Coverage Map", "Epic List" do not.
bool StartsWithItemId(std::string_view heading_text);

std::vector<FanOutItem> NumberedItemsOnly(std::vector<FanOutItem> items, std::vector<std::string>* dropped);

}  // namespace specwave
