#include <doctest/doctest.h>

#include "engine/fan_out.hpp"

using namespace specwave;

TEST_CASE("FanOut.HeadingItemsInDocumentOrder") {
  std::string md =
      "---\ntitle: Epics\n## not a heading in frontmatter\n---\n# Epics\nintro\n## E1: Tides\nCovers: F1\n"
      "### detail\nmore\n```\n## E9: inside a fence\n```\n## E2: Routes ##\nCovers: F2\n# Appendix\n## E3: after\n";
  auto items = HeadingItems(md, 2);
  REQUIRE(items.size() == 3);
  CHECK(items[0].title == "E1: Tides");
  CHECK(items[0].body.find("### detail") != std::string::npos);
  CHECK(items[0].body.find("E9: inside a fence") != std::string::npos);  // fenced text stays in its item
  CHECK(items[1].title == "E2: Routes");
  CHECK(items[1].body.find("Appendix") == std::string::npos);  // a shallower heading ends the item
  CHECK(items[2].title == "E3: after");
  CHECK(HeadingItems("no headings", 2).empty());
  CHECK(HeadingItems("#hashtag\n####### seven\n", 1).empty());
}

TEST_CASE("FanOut.JoinKeepsItemOrder") {
  auto out = JoinItems("title: Tasks\n", TitleFromArtifactName("tasks.md"), {"## E1\nA\n", "  \n", "## E2\nB"});
  CHECK(out == "---\ntitle: Tasks\n---\n\n# Tasks\n\n## E1\nA\n\n## E2\nB\n");
  CHECK(TitleFromArtifactName("api-spec.md") == "Api spec");
  CHECK(JoinItemBodies("Tasks", {"## E1\nA\n", "", "## E2\nB"}) == "# Tasks\n\n## E1\nA\n\n## E2\nB\n");
}
