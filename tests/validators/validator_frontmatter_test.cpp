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
  // No frontmatter is reported, but as an info: the engine writes the
  // envelope, so a document without one does not fail (issue 14). It is an
  // error when the phase requires a field only the model can write.
  auto none = Fm("# PRD\n\ntext\n");
  CHECK(CountRule(none, "no-frontmatter", 1) == 1);
  CHECK(FindRule(none, "no-frontmatter")->excerpt == "# PRD");
  CHECK(FindRule(none, "no-frontmatter")->severity == Severity::kInfo);
  CHECK(none.passed());
  auto owned = Fm("# PRD\n\ntext\n", "prd.md", {"title", "owner"});
  CHECK(CountRule(owned, "no-frontmatter", 1) == 1);
  CHECK_FALSE(owned.passed());
  CHECK(FindRule(owned, "no-frontmatter")->message.find("owner") != std::string::npos);
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
  CHECK(Fm("---\n---\n# x\n").passed());  // an info, as no-frontmatter
  CHECK_FALSE(Fm("---\n---\n# x\n", "prd.md", {"owner"}).passed());
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
  // `agent` is absent: the engine's envelope writes it, so it is no longer the
  // model's to write (issue 14); a missing model-owned field still fails below.
  CHECK(CountRule(r, "missing-field") == 0);
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

TEST_CASE("Frontmatter.EngineFieldsAreNotTheModelsToWrite") {
  // A good document whose model wrote only a title: nothing the engine writes
  // itself (artifact, phase, agent, version, generator, created) is missing.
  auto title_only = Fm("---\ntitle: PRD\n---\n# PRD\n");
  INFO(Dump(title_only));
  CHECK(title_only.findings.empty());
  CHECK(Fm("---\ntitle: PRD\nartifact: prd.md\nphase: SPEC_PM\nversion: 1\n---\n# PRD\n").findings.empty());
  // What is written must still be right: the envelope's own fields checked.
  auto wrong = Fm("---\nartifact: epics.md\nagent: \"\"\ngenerator: [a, b]\ncreated: yesterday\n---\n");
  INFO(Dump(wrong));
  CHECK(CountRule(wrong, "artifact-mismatch", 2) == 1);
  CHECK(CountRule(wrong, "empty-field", 3) == 1);
  CHECK(CountRule(wrong, "field-not-scalar", 4) == 1);
  CHECK(CountRule(wrong, "created-not-iso", 5) == 1);
  CHECK(Fm("---\ncreated: 2025-03-14T09:26:53Z\n---\n").findings.empty());
  // A field only the model can write is required as before.
  auto owner = Fm("---\ntitle: PRD\n---\n", "prd.md", {"title", "agent", "owner"});
  CHECK(CountRule(owner, "missing-field") == 1);
  CHECK(FindRule(owner, "missing-field")->message.find("'owner'") != std::string::npos);
}
