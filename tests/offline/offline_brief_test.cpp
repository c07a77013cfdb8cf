// The offline generator's brief reader: frontmatter, sections by heading with
// synonyms, bullet items, and briefs with no sections at all.
#include <doctest/doctest.h>

#include "core/text.hpp"
#include "offline/input/brief_reader.hpp"
#include "offline/offline_test_helpers.hpp"

using namespace specwave;
using namespace specwave::offline;

TEST_CASE("Offline.BriefReadsFrontmatterAndSections") {
  Brief b = ReadBrief(test::SampleBrief("tidewater.md"));
  CHECK(b.name == "Tidewater");
  CHECK(b.tagline == "Tide-aware trip planning for sea kayakers");
  CHECK(b.brand_color == "oklch(0.52 0.09 215)");
  CHECK(b.platform == "web, offline-first");
  CHECK(b.tone == "calm, precise, outdoorsy");
  REQUIRE(b.users.size() == 3);
  CHECK(StartsWith(b.users[2], "Shore contacts"));
  REQUIRE(b.features.size() == 5);
  CHECK(b.features[0].title == "Tide windows");
  CHECK(StartsWith(b.features[0].description, "for a chosen launch site"));
  CHECK(b.features[3].title == "Float plan");
  CHECK(b.constraints.size() == 3);
  CHECK(b.success.size() == 2);
  CHECK(!b.features_inferred);
  CHECK(!b.users_inferred);
  CHECK(b.inferences.empty());
  CHECK(StartsWith(b.intro, "Sea kayakers plan"));
}

TEST_CASE("Offline.BriefHeadingSynonymsAnyCase") {
  Brief b = ReadBrief(
      "# Larder\n\nShared pantry lists.\n\n## PERSONAS\n* Households\n* Their guests\n\n"
      "## Key capabilities\n1. **Shared list** \xE2\x80\x94 everyone in a household edits one list.\n"
      "2. Expiry alerts: warn two days before food expires.\n\n"
      "## Non-functional requirements\n- Loads in under a second.\n\n## Metrics\n- Less food thrown away.\n");
  CHECK(b.name == "Larder");
  CHECK(b.users.size() == 2);
  REQUIRE(b.features.size() == 2);
  CHECK(b.features[0].title == "Shared list");
  CHECK(b.features[0].description == "everyone in a household edits one list.");
  CHECK(b.features[1].title == "Expiry alerts");
  REQUIRE(b.constraints.size() == 1);  // "Non-functional requirements" is a constraint section, not features
  CHECK(b.success.size() == 1);
}

TEST_CASE("Offline.FreeFormBriefInfersFeaturesAndUsers") {
  Brief b = ReadBrief(
      "Queueless lets a patient join the queue from their phone, see their place move, and come back when it is "
      "nearly their turn. Queueless also lets staff reorder urgent cases.");
  CHECK(b.name == "Queueless");
  CHECK(b.name_inferred);
  CHECK(b.features_inferred);
  REQUIRE(b.features.size() >= 3);
  CHECK(b.features[0].title == "Join the queue");
  CHECK(b.features[0].inferred);
  CHECK(b.users_inferred);
  REQUIRE(!b.users.empty());
  CHECK(b.users[0] == "Patients");
  CHECK(!b.inferences.empty());
}

TEST_CASE("Offline.EmptyAndOddBriefsStillGiveAWorkableBrief") {
  for (const char* text : {"", "   \n\n", "---\n", "---\nname: [unclosed\n---\n", "\xEF\xBB\xBF# \n## \n- \n",
                           "```\n# Not a title\n## Features\n- not a feature\n```\n"}) {
    Brief b = ReadBrief(text);
    INFO(text);
    CHECK(!b.name.empty());
    CHECK(b.features.size() >= 3);
    CHECK(!b.users.empty());
  }
  Brief broken = ReadBrief("---\nname: Tally\nbrand_color: '#123456'\ntags: [a, b\n---\n# Tally\n");
  CHECK(broken.name == "Tally");  // malformed YAML: the simple key: value lines still count
  CHECK(broken.brand_color == "#123456");
}

TEST_CASE("Offline.ShortTitleAndRoleName") {
  CHECK(ShortTitle("join the queue from their phone") == "Join the queue");
  CHECK(ShortTitle("the") == "Untitled capability");
  CHECK(RoleName("Patients who walk in or check in from home") == "Patients");
  CHECK(RoleName("Sea kayakers planning their own day trips") == "Sea kayakers");
  CHECK(RoleName("Front-desk staff who run the queue") == "Front-desk staff");
}
