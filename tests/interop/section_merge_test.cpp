// Section operations on a person's text: only the named sections change.
#include <doctest/doctest.h>

#include "interop/section_merge.hpp"

using namespace specwave::interop;

namespace {
const char* kText =
    "---\ntitle: T\n---\n\n# PRD\n\nIntro.\n\n## Features\n\n### F1: One\n\nFirst.\n\n### F2: Two\n\nSecond.\n\n"
    "## User stories\n\n- A story.\n";
}

TEST_CASE("SectionMerge.ReplacesOneSectionAndLeavesTheRest") {
  std::string out = ApplySectionOps(kText, {{"Features > F2: Two", std::string("Second, changed.\n"), "", ""}});
  CHECK(out == std::string(kText).replace(std::string(kText).find("Second."), 7, "Second, changed."));
}

TEST_CASE("SectionMerge.InsertsAfterTheSectionBeforeIt") {
  std::string out = ApplySectionOps(kText, {{"Features > F3: Three", std::string("Third.\n"), "### F3: Three", "Features > F2: Two"}});
  CHECK(out.find("Second.\n\n### F3: Three\n\nThird.\n\n## User stories") != std::string::npos);
}

TEST_CASE("SectionMerge.DeletesASection") {
  std::string out = ApplySectionOps(kText, {{"Features > F1: One", std::nullopt, "", ""}});
  CHECK(out.find("F1") == std::string::npos);
  CHECK(out.find("## Features\n\n### F2: Two") != std::string::npos);
}
