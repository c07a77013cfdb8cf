#include "markdown/section_diff.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/files.hpp"
#include "core/sha256.hpp"
#include "markdown/string_list.hpp"
#include "support/paths.hpp"

using namespace specwave;
using namespace specwave::markdown;

namespace {

// "modified PRD > Features" per delta, in order.
std::vector<std::string> Deltas(const ChangeSummary& c) {
  std::vector<std::string> out;
  for (const auto& d : c.sections) out.push_back(std::string(ChangeKindName(d.change)) + " " + d.section);
  return out;
}

std::string Fixture(const std::string& name) {
  std::string err;
  auto text = ReadFile(test::DataPath("markdown/" + name), &err);
  REQUIRE_MESSAGE(text, err);
  return *text;
}

const std::string kPrd = "Product requirements — Tidewater";

// A PRD-like document with `n` features; feature `edited` gets an extra sentence.
std::string FeatureDoc(int n, int edited) {
  std::string s = "# PRD\n\nIntro.\n\n## Features\n\n";
  for (int i = 1; i <= n; ++i) {
    s += "### F" + std::to_string(i) + ": Feature " + std::to_string(i) + "\n\nWhat feature " + std::to_string(i) +
         " does.\n";
    if (i == edited) s += "An added sentence.\n";
    s += "\nAcceptance:\n- It works.\n\n";
  }
  return s + "## Non-goals\n\n- None.\n";
}

}  // namespace

TEST_CASE("SectionDiff.IdenticalTextsAreUnchanged") {
  const std::string prd = Fixture("prd_v1.md");
  ChangeSummary c = DiffSections(prd, prd);
  CHECK_FALSE(c.changed);
  CHECK(c.sections.empty());
  CHECK(c.impact_level == Impact::kLow);
  CHECK(c.old_sha256 == Sha256Hex(prd));
  CHECK(c.old_sha256 == c.new_sha256);
}

TEST_CASE("SectionDiff.LineEndingsAndTrailingWhitespaceAreNotChanges") {
  const std::string lf = Fixture("prd_v1.md");
  const std::string crlf = Fixture("prd_v1_crlf.md");
  REQUIRE(lf != crlf);
  ChangeSummary c = DiffSections(lf, crlf);
  CHECK_FALSE(c.changed);
  CHECK(c.sections.empty());
  CHECK(c.impact_level == Impact::kLow);
  CHECK(c.old_sha256 == Sha256Hex(lf));  // hashes are of the raw texts, so they differ
  CHECK(c.new_sha256 == Sha256Hex(crlf));
  CHECK(c.old_sha256 != c.new_sha256);
  CHECK_FALSE(DiffSections("# A\ntext", "# A   \r\ntext\t\r\n\r\n\n").changed);
  CHECK_FALSE(DiffSections("# A\rtext\r", "# A\ntext\n").changed);
}

TEST_CASE("SectionDiff.OneSectionEditReportsExactlyThatSection") {
  ChangeSummary c = DiffSections(Fixture("prd_v1.md"), Fixture("prd_v2_f2_edit.md"));
  CHECK(c.changed);
  CHECK(Deltas(c) == std::vector<std::string>{"modified " + kPrd + " > Features > F2: Route sketch"});
  CHECK(c.impact_level == Impact::kMedium);
  REQUIRE(c.sections.size() == 1);
  CHECK(c.sections[0].old_line == 24);
  CHECK(c.sections[0].new_line == 24);
}

TEST_CASE("SectionDiff.LaterSectionsAreNotReportedForAnEarlierEdit") {
  // The implementation this replaces compared each section's text up to the
  // end of the document, so an edit in F1 marked F1..F20 and Non-goals (and
  // every ancestor) "modified". Only F1 changed.
  ChangeSummary first = DiffSections(FeatureDoc(20, 0), FeatureDoc(20, 1));
  CHECK(Deltas(first) == std::vector<std::string>{"modified PRD > Features > F1: Feature 1"});
  ChangeSummary middle = DiffSections(FeatureDoc(20, 0), FeatureDoc(20, 10));
  CHECK(Deltas(middle) == std::vector<std::string>{"modified PRD > Features > F10: Feature 10"});
}

TEST_CASE("SectionDiff.ChangeIsReportedOnTheDeepestSectionOnly") {
  const std::string old_text = "# PRD\nintro\n## Features\nlist\n### Auth\nlog in\n### Billing\npay\n## Other\no\n";
  const std::string new_text =
      "# PRD\nintro\n## Features\nlist\n### Auth\nlog in with SSO\n### Billing\npay\n## Other\no\n";
  CHECK(Deltas(DiffSections(old_text, new_text)) == std::vector<std::string>{"modified PRD > Features > Auth"});
  // An edit to the parent's own text is the parent's, not its children's.
  const std::string parent_edit = "# PRD\nintro\n## Features\nlist!\n### Auth\nlog in\n### Billing\npay\n## Other\no\n";
  CHECK(Deltas(DiffSections(old_text, parent_edit)) == std::vector<std::string>{"modified PRD > Features"});
}

TEST_CASE("SectionDiff.AddedAndDeletedSectionsAreHigh") {
  const std::string base = "# PRD\n## Features\n### Auth\na\n## Other\no\n";
  ChangeSummary added = DiffSections(base, "# PRD\n## Features\n### Auth\na\n### Billing\nb\n## Other\no\n");
  CHECK(Deltas(added) == std::vector<std::string>{"added PRD > Features > Billing"});
  CHECK(added.impact_level == Impact::kHigh);
  CHECK(added.sections[0].old_line == 0);
  CHECK(added.sections[0].new_line == 5);

  ChangeSummary deleted = DiffSections(base, "# PRD\n## Features\n## Other\no\n");
  CHECK(Deltas(deleted) == std::vector<std::string>{"deleted PRD > Features > Auth"});
  CHECK(deleted.impact_level == Impact::kHigh);
  CHECK(deleted.sections[0].old_line == 3);
  CHECK(deleted.sections[0].new_line == 0);

  // A deleted subtree reports each of its sections; the rest is untouched.
  ChangeSummary subtree = DiffSections(base, "# PRD\n## Other\no\n");
  CHECK(Deltas(subtree) == std::vector<std::string>{"deleted PRD > Features", "deleted PRD > Features > Auth"});
}

TEST_CASE("SectionDiff.RenamedHeadingIsDeletedAndAdded") {
  ChangeSummary c = DiffSections("# A\n## Old name\ntext\n### Child\nc\n", "# A\n## New name\ntext\n### Child\nc\n");
  CHECK(Deltas(c) == std::vector<std::string>{"deleted A > Old name", "deleted A > Old name > Child",
                                              "added A > New name", "added A > New name > Child"});
  CHECK(c.impact_level == Impact::kHigh);
}

TEST_CASE("SectionDiff.MarkupOnlyTitleChangeKeepsThePath") {
  // `**Auth**` and `Auth` name the same section; the heading line is not body text.
  CHECK(DiffSections("# A\n## Auth\nx\n", "# A\n## **Auth**\nx\n").sections.empty());
}

TEST_CASE("SectionDiff.HeadingLevelChangeIsAModification") {
  ChangeSummary c = DiffSections("# A\n## B\nx\n", "# A\n### B\nx\n");
  CHECK(Deltas(c) == std::vector<std::string>{"modified A > B"});
}

TEST_CASE("SectionDiff.FrontmatterOnlyChangeIsLow") {
  ChangeSummary c = DiffSections("---\nversion: 1\n---\n# A\nx\n", "---\nversion: 2\n---\n# A\nx\n");
  CHECK(Deltas(c) == std::vector<std::string>{"modified (frontmatter)"});
  CHECK(c.impact_level == Impact::kLow);  // as the engine's impact rule 1
  ChangeSummary both = DiffSections("---\nversion: 1\n---\n# A\nx\n", "---\nversion: 2\n---\n# A\ny\n");
  CHECK(both.impact_level == Impact::kMedium);
}

TEST_CASE("SectionDiff.PreambleChanges") {
  CHECK(Deltas(DiffSections("# A\nx\n", "Intro\n# A\nx\n")) == std::vector<std::string>{"added (preamble)"});
  CHECK(Deltas(DiffSections("Intro\n# A\nx\n", "Intro, longer\n# A\nx\n")) ==
        std::vector<std::string>{"modified (preamble)"});
}

TEST_CASE("SectionDiff.InsertedDuplicateDoesNotModifyTheFollowingOnes") {
  const std::string old_text = "# Log\n## Notes\none\n## Notes\ntwo\n## Notes\nthree\n## End\ne\n";
  const std::string new_text = "# Log\n## Notes\nzero\n## Notes\none\n## Notes\ntwo\n## Notes\nthree\n## End\ne\n";
  ChangeSummary c = DiffSections(old_text, new_text);
  REQUIRE(c.sections.size() == 1);
  CHECK(c.sections[0].change == ChangeKind::kAdded);
  CHECK(c.sections[0].section == "Log > Notes");  // the new first one
  CHECK(c.sections[0].new_line == 2);
  CHECK(c.impact_level == Impact::kHigh);
}

TEST_CASE("SectionDiff.EditedDuplicateIsModifiedInPlace") {
  const std::string old_text = "## Notes\none\n## Notes\ntwo\n## Notes\nthree\n";
  const std::string new_text = "## Notes\none\n## Notes\ntwo, edited\n## Notes\nthree\n";
  CHECK(Deltas(DiffSections(old_text, new_text)) == std::vector<std::string>{"modified Notes (2)"});
  // Deleting the middle one reports it deleted, under its old name.
  ChangeSummary del = DiffSections(old_text, "## Notes\none\n## Notes\nthree\n");
  CHECK(Deltas(del) == std::vector<std::string>{"deleted Notes (2)"});
  CHECK(del.sections[0].old_line == 3);
}

TEST_CASE("SectionDiff.MovedSectionUnderAnotherParentIsDeletedAndAdded") {
  ChangeSummary c = DiffSections("# A\n## X\nx\n# B\n", "# A\n# B\n## X\nx\n");
  CHECK(Deltas(c) == std::vector<std::string>{"deleted A > X", "added B > X"});
}

TEST_CASE("SectionDiff.CodeLinesThatLookLikeHeadingsAreBodyEdits") {
  const std::string old_text = "# A\n```\n# one\n```\n# B\nb\n";
  const std::string new_text = "# A\n```\n# one\n# two\n```\n# B\nb\n";
  CHECK(Deltas(DiffSections(old_text, new_text)) == std::vector<std::string>{"modified A"});
}

TEST_CASE("SectionDiff.BlankLinesBetweenSectionsChangeNoSection") {
  ChangeSummary c = DiffSections("# A\nx\n# B\ny\n", "# A\n\nx\n\n\n# B\ny\n");
  CHECK(c.changed);           // the text did change...
  CHECK(c.sections.empty());  // ...but no section's content did
  CHECK(c.impact_level == Impact::kLow);
}

TEST_CASE("SectionDiff.EmptyDocuments") {
  CHECK_FALSE(DiffSections("", "").changed);
  CHECK_FALSE(DiffSections("", "\n\n").changed);
  ChangeSummary added = DiffSections("", "# A\n");
  CHECK(Deltas(added) == std::vector<std::string>{"added A"});
  CHECK(added.old_sha256 == Sha256Hex(""));
  CHECK(Deltas(DiffSections("# A\n## B\n", "")) == std::vector<std::string>{"deleted A", "deleted A > B"});
}

TEST_CASE("SectionDiff.DeltasFollowDocumentOrder") {
  const std::string old_text = "# A\na\n# B\nb\n# C\nc\n# D\nd\n";
  const std::string new_text = "# A\na!\n# C\nc\n# New\nn\n# D\nd!\n";
  CHECK(Deltas(DiffSections(old_text, new_text)) ==
        std::vector<std::string>{"modified A", "deleted B", "added New", "modified D"});
  // A deleted chapter follows everything now in the chapter before it; a
  // deleted child follows its parent.
  CHECK(Deltas(DiffSections("# A\n## X\nx\n# Gone\ng\n# B\n", "# A\n## X\nx\n## New\nn\n# B\n")) ==
        std::vector<std::string>{"added A > New", "deleted Gone"});
  CHECK(Deltas(DiffSections("# A\n## X\nx\n## Y\ny\n# B\n", "# A\n## Z\nz\n# B\n")) ==
        std::vector<std::string>{"deleted A > X", "deleted A > Y", "added A > Z"});
}

TEST_CASE("SectionDiff.UnicodeAndDeepNesting") {
  const std::string old_text = "# Überblick 🚀\n## 1\n### 2\n#### 3\n##### 4\n###### 5\nalt\n";
  const std::string new_text = "# Überblick 🚀\n## 1\n### 2\n#### 3\n##### 4\n###### 5\nneu — ✓\n";
  CHECK(Deltas(DiffSections(old_text, new_text)) ==
        std::vector<std::string>{"modified Überblick 🚀 > 1 > 2 > 3 > 4 > 5"});
}

TEST_CASE("SectionDiff.ImpactOfDeltas") {
  CHECK(ImpactOf({}) == Impact::kLow);
  CHECK(ImpactOf({{"A", ChangeKind::kModified, 1, 1}}) == Impact::kMedium);
  CHECK(ImpactOf({{"A", ChangeKind::kModified, 1, 1}, {"B", ChangeKind::kDeleted, 3, 0}}) == Impact::kHigh);
  CHECK(ImpactOf({{"(frontmatter)", ChangeKind::kAdded, 0, 1}}) == Impact::kLow);
  CHECK(std::string(ImpactName(Impact::kHigh)) == "HIGH");
  CHECK(std::string(ChangeKindName(ChangeKind::kDeleted)) == "deleted");
}
