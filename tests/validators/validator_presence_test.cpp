// presence: declared artifacts exist and are not empty.
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"
#include "validators/presence.hpp"

using namespace specwave;
using specwave::test::CountRule;

TEST_CASE("Presence.MissingEmptyAndFrontmatterOnly") {
  NamedTexts produced = {{"a.md", "# A\n"}, {"b.md", " \n\t\n"}, {"c.md", "---\ntitle: C\n---\n\n"}, {"extra.md", ""}};
  auto results = validators::CheckPresence({"a.md", "b.md", "c.md", "d.md"}, produced);
  REQUIRE(results.size() == 4);
  CHECK(results[0].artifact == "a.md");
  CHECK(results[0].findings.empty());
  CHECK(CountRule(results[1], "empty") == 1);
  CHECK_FALSE(results[1].passed());
  CHECK(CountRule(results[2], "empty-body") == 1);
  CHECK(results[2].passed());
  CHECK(CountRule(results[3], "missing") == 1);
  CHECK(results[3].findings[0].message.find("d.md") != std::string::npos);
  // A byte-order mark alone is empty.
  CHECK(CountRule(test::RunValidator("presence", "x.md", "\xEF\xBB\xBF\n"), "empty") == 1);
}
