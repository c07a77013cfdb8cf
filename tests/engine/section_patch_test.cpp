#include <doctest/doctest.h>

#include "engine/revision.hpp"
#include "engine/section_patch.hpp"

using namespace specwave;

namespace {

const char* kDoc =
    "---\ntitle: Architecture\nversion: 1\n---\n\n# Architecture\n\nIntro words.\n\n## Components\n\nA web app and an API.\n\n"
    "### Cache\n\nIn memory.\n\n## Risks\n\n- Tides data may lag.\n";

}  // namespace

TEST_CASE("SectionPatch.ReplaceKeepsEveryOtherByte") {
  auto parsed = ParseSectionPatches(
      "=== PATCH: architecture.md ===\n=== REPLACE: Architecture > Components ===\n## Components\n\nA web app, an API "
      "and a sync worker.\n=== END PATCH ===\n");
  REQUIRE(parsed.ok);
  PatchResult r = ApplySectionPatch(kDoc, parsed.patches[0]);
  REQUIRE(r.ok);
  const std::string want = std::string(kDoc).replace(std::string(kDoc).find("A web app and an API."),
                                                     std::string("A web app and an API.").size(),
                                                     "A web app, an API and a sync worker.");
  CHECK(r.text == want);  // the subsection, the intro and the risks are byte-identical
  CHECK(r.replaced == 1);
}

TEST_CASE("SectionPatch.InsertAfterAndDelete") {
  SectionPatch p{"architecture.md",
                 {{PatchOp::kInsertAfter, "Architecture > Components", "## Offline\n\nService worker.\n"},
                  {PatchOp::kDelete, "Architecture > Risks", ""}}};
  PatchResult r = ApplySectionPatch(kDoc, p);
  REQUIRE(r.ok);
  CHECK(r.text.find("### Cache\n\nIn memory.\n\n## Offline\n\nService worker.\n") != std::string::npos);
  CHECK(r.text.find("Risks") == std::string::npos);
}

TEST_CASE("SectionPatch.MissingSectionAndMalformedPatchesAreRefused") {
  SectionPatch missing{"architecture.md", {{PatchOp::kReplace, "Architecture > Nope", "## Nope\n"}}};
  PatchResult r = ApplySectionPatch(kDoc, missing);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "architecture.md has no section 'Architecture > Nope'");
  CHECK_FALSE(ParseSectionPatches("=== PATCH: a.md ===\n=== REPLACE: A ===\n## A\n").ok);  // not closed
  CHECK_FALSE(ParseSectionPatches("=== PATCH: a.md ===\n=== SWAP: A ===\n=== END PATCH ===\n").ok);
  CHECK_FALSE(ParseSectionPatches("=== PATCH: a.md ===\n=== REPLACE: A ===\nno heading\n=== END PATCH ===\n").ok);
  CHECK_FALSE(ParseSectionPatches("# A whole document\n\nText.\n").is_patch);
}

TEST_CASE("SectionPatch.MadeFromTwoVersionsTurnsOneIntoTheOther") {
  std::string target = std::string(kDoc);
  target.replace(target.find("In memory."), 10, "In memory, 5 minutes.");
  target += "\n## Open questions\n\n- Which tide source?\n";
  SectionPatch p = MakeSectionPatch("architecture.md", kDoc, target);
  CHECK(p.edits.size() == 2);
  auto parsed = ParseSectionPatches(FormatSectionPatch(p));
  REQUIRE(parsed.ok);
  PatchResult r = ApplySectionPatch(kDoc, parsed.patches[0]);
  REQUIRE(r.ok);
  CHECK(r.text == target);
  // The same text: an empty patch, which changes nothing.
  auto same = ParseSectionPatches(FormatSectionPatch(MakeSectionPatch("architecture.md", kDoc, kDoc)));
  REQUIRE(same.ok);
  CHECK(same.patches[0].edits.empty());
}

TEST_CASE("Revision.PatchReplyAppliesAndABadOneFallsBackWithAReason") {
  RevisionContext rev;
  rev.current = {{"architecture.md", kDoc}};
  auto good = ApplyRevisionReply(
      "=== PATCH: architecture.md ===\n=== REPLACE: Architecture > Risks ===\n## Risks\n\n- Tides data may lag.\n- "
      "Offline maps are large.\n=== END PATCH ===\n",
      rev, {"architecture.md"});
  REQUIRE(good.ok);
  CHECK(good.artifacts[0].second.find("Offline maps are large.") != std::string::npos);
  CHECK(good.artifacts[0].second.find("## Components\n\nA web app and an API.\n") != std::string::npos);
  auto bad = ApplyRevisionReply(
      "=== PATCH: architecture.md ===\n=== REPLACE: Architecture > Nope ===\n## Nope\n=== END PATCH ===\n", rev,
      {"architecture.md"});
  CHECK_FALSE(bad.ok);
  CHECK(bad.note.find("no section 'Architecture > Nope'") != std::string::npos);
  auto whole = ApplyRevisionReply("# Architecture\n\nAll new.\n", rev, {"architecture.md"});
  CHECK_FALSE(whole.ok);
  CHECK_FALSE(whole.was_patch);
  CHECK(RevisionPromptBlock(rev).find("=== CURRENT: architecture.md ===") != std::string::npos);
}
