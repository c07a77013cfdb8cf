// markdown_frontmatter: parses, is a map, has every required non-empty field,
// `artifact:` names the file; YAML errors point at the file's line.
#include <doctest/doctest.h>

#include "validators/validator_test_util.hpp"

using namespace specwave;
using specwave::test::CountRule;
using specwave::test::Dump;
using specwave::test::FindRule;

namespace {

validators::ValidationResult Fm(const std::string& text, const std::string& artifact = "prd.md",
                                std::vector<std::string> fields = {}) {
  validators::ValidationContext ctx;
  ctx.artifact = artifact;
  ctx.content = text;
  ctx.frontmatter_fields = std::move(fields);
  return validators::FindValidator("markdown_frontmatter")->Run(ctx);
}

const char* kGood =
    "---\ntitle: PRD\nartifact: prd.md\nphase: SPEC_PM\nagent: product_manager\nversion: 1\n---\n# PRD\n";

}  // namespace

TEST_CASE("Frontmatter.GoodAndEveryOfflineArtifact") {
  CHECK(Fm(kGood).findings.empty());
  CHECK(Fm(std::string("\xEF\xBB\xBF") + kGood).findings.empty());  // a byte-order mark
  std::string crlf;
  for (char c : std::string(kGood)) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(Fm(crlf).findings.empty());
  for (const char* a : {"analysis.md", "prd.md", "design-tokens.md", "tasks.md", "validation-report.md"}) {
    auto r = Fm(test::ReadData(std::string("validators/tidewater/") + a), a);
    INFO(Dump(r));
    CHECK(r.findings.empty());
  }
}

TEST_CASE("Frontmatter.MissingUnclosedBrokenAndNotAMap") {
  auto none = Fm("# PRD\n\ntext\n");
  CHECK(CountRule(none, "no-frontmatter", 1) == 1);
  CHECK(FindRule(none, "no-frontmatter")->excerpt == "# PRD");
  CHECK(CountRule(Fm("---\ntitle: x\n# PRD\n"), "unclosed-frontmatter", 1) == 1);
  // The YAML error is on file line 4 (the third YAML line).
  auto bad = Fm("---\ntitle: PRD\nartifact: prd.md\nphase: [SPEC_PM\nagent: pm\n---\n");
  INFO(Dump(bad));
  REQUIRE(CountRule(bad, "yaml-syntax") == 1);
  CHECK(FindRule(bad, "yaml-syntax")->line >= 4);
  CHECK(FindRule(bad, "yaml-syntax")->line <= 5);
  auto tab = Fm("---\ntitle: PRD\n\tartifact: prd.md\n---\n");
  CHECK(CountRule(tab, "yaml-syntax") == 1);
  CHECK(CountRule(Fm("---\n- a\n- b\n---\n"), "not-a-map", 2) == 1);
  CHECK(CountRule(Fm("---\n---\n# x\n"), "empty-frontmatter") == 1);
  CHECK(CountRule(Fm("---\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n"),
                  "frontmatter-too-complex") == 1);
  CHECK(CountRule(Fm("---\n&a [*a]\n---\n"), "yaml-syntax") + CountRule(Fm("---\n&a [*a]\n---\n"), "not-a-map") >= 1);
}

TEST_CASE("Frontmatter.RequiredFieldsAndArtifactName") {
  auto r = Fm("---\ntitle: \"\"\nartifact: epics.md\nphase:\nversion: [1]\n---\n# PRD\n");
  INFO(Dump(r));
  CHECK(CountRule(r, "empty-field", 2) == 1);        // title
  CHECK(CountRule(r, "artifact-mismatch", 3) == 1);  // epics.md in prd.md
  CHECK(CountRule(r, "empty-field", 4) == 1);        // phase
  CHECK(CountRule(r, "missing-field") == 1);         // agent
  CHECK(FindRule(r, "missing-field")->message.find("'agent'") != std::string::npos);
  CHECK(CountRule(r, "field-not-scalar", 5) == 1);  // version
  CHECK_FALSE(r.passed());
  // A path prefix on the artifact name does not matter.
  CHECK(Fm(kGood, "out/run-1/prd.md").findings.empty());
  // Custom required fields replace the default list.
  auto custom = Fm(kGood, "prd.md", {"title", "owner"});
  CHECK(CountRule(custom, "missing-field") == 1);
  CHECK(FindRule(custom, "missing-field")->message.find("'owner'") != std::string::npos);
  // Keys in another case and versions that are not whole numbers are warnings.
  auto warn = Fm("---\nTitle: PRD\nartifact: prd.md\nphase: SPEC_PM\nagent: pm\nversion: one\nartifact: prd.md\n---\n");
  INFO(Dump(warn));
  CHECK(warn.passed());
  CHECK(CountRule(warn, "key-case", 2) == 1);
  CHECK(CountRule(warn, "version-not-integer", 6) == 1);
  CHECK(CountRule(warn, "duplicate-key", 7) == 1);
}

TEST_CASE("Frontmatter.NeverThrowsOnJunk") {
  std::string junk = "---\n";
  const char* pieces[] = {"{",  "}", "[",  "]",  ": ", "- ",        "&x ", "*x ", "!!binary ",
                          "\"", "'", "\t", "\n", "? ", "%YAML 9\n", "|\n", ">-\n"};
  for (int i = 0; i < 400; ++i) junk += pieces[(i * 7 + i / 3) % 17];
  junk += "\n---\n";
  auto r = Fm(junk);
  CHECK_FALSE(r.passed());
  CHECK(CountRule(Fm(""), "no-frontmatter") == 1);
  validators::ValidationContext missing;
  missing.artifact = "prd.md";
  CHECK(CountRule(validators::FindValidator("markdown_frontmatter")->Run(missing), "missing") == 1);
}
