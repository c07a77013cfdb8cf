#include <doctest/doctest.h>

#include "engine/fan_out_items.hpp"

using namespace specwave;

TEST_CASE("FanOutItems.IdsInTheStylesRealDocumentsUse") {
  for (const char* yes : {"E2: Routes", "Epic 2: Route Sketch", "Story 1.1 — Import", "FR-001 Tides", "US-3 Share",
                          "T1.2 Golden tests", "2. Routes", "Phase 3: Polish", "**E4** Float plan"})
    CHECK_MESSAGE(StartsWithItemId(yes), yes);
  for (const char* no : {"Overview", "FR Coverage Map", "Epic List", "Requirements Inventory", "3D maps", "2nd pass"})
    CHECK_FALSE_MESSAGE(StartsWithItemId(no), no);
}

TEST_CASE("FanOutItems.OnlyNumberedHeadingsWhenSomeAreNumbered") {
  auto items = HeadingItems(
      "# Epics\n\n## Overview\nx\n\n## FR Coverage Map\n| a |\n\n## Epic 1: Tides\ny\n\n## Epic 2: Routes\nz\n", 2);
  REQUIRE(items.size() == 4);
  std::vector<std::string> dropped;
  auto kept = NumberedItemsOnly(items, &dropped);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].title == "Epic 1: Tides");
  CHECK(dropped == std::vector<std::string>{"Overview", "FR Coverage Map"});
  // None numbered (a custom workflow's plain sections): every heading is an item.
  auto plain = HeadingItems("## Intro\na\n\n## Body\nb\n", 2);
  CHECK(NumberedItemsOnly(plain, nullptr).size() == 2);
}
