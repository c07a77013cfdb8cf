// traceability over documents written the way real spec tools and models
// write them (tests/data/validators/real/: our own BMAD-, spec-kit- and
// Kiro-style packs): every identifier style is read into one form, the gaps
// each pack really has are found and nothing else, and the report says which
// style each artifact uses.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/text.hpp"
#include "validators/validator_test_util.hpp"
#include "validators/default_checks.hpp"
#include "validators/trace_ids.hpp"
#include "validators/traceability.hpp"

using namespace specwave;
using namespace specwave::validators;

namespace {

NamedTexts Pack(const std::string& dir) {
  NamedTexts all;
  for (const auto& e : std::filesystem::directory_iterator(test::DataPath("validators/real/" + dir)))
    all.push_back({e.path().filename().string(),
                   test::ReadData("validators/real/" + dir + "/" + e.path().filename().string())});
  std::sort(all.begin(), all.end());
  return all;
}

std::string& Text(NamedTexts& all, const std::string& name) {
  for (auto& [n, t] : all)
    if (n == name) return t;
  FAIL("no " << name);
  static std::string none;
  return none;
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
}

std::string Gaps(const TraceabilityReport& r) { return RenderGapsMarkdown(r) + RenderStylesMarkdown(r); }

int Count(const TraceabilityReport& r, const std::string& rule) {
  int n = 0;
  for (const auto& g : r.gaps) n += g.rule == rule;
  return n;
}

const Gap* FindGap(const TraceabilityReport& r, const std::string& rule, const std::string& words) {
  for (const auto& g : r.gaps)
    if (g.rule == rule && g.message.find(words) != std::string::npos) return &g;
  return nullptr;
}

bool HasStyle(const TraceabilityReport& r, const std::string& artifact, const std::string& style, int count) {
  for (const auto& s : r.styles)
    if (s.artifact == artifact && s.style == style && s.count == count) return true;
  return false;
}

}  // namespace

TEST_CASE("TraceabilityStyles.BmadPackIsCheckedAndItsRealGapsFound") {
  // FR1..FR14 as bullets, "## Epic 1: ..." with **FRs Addressed:**, stories
  // as tasks, endpoints in a table and as bold lines. The pack has four real
  // gaps: FR11 forgotten, FR15 invented, a resource and a touch that exist nowhere.
  NamedTexts all = Pack("bmad");
  all.push_back({"design-tokens.md", test::ReadData("validators/real/design/design-tokens.md")});
  TraceabilityReport r = CheckTraceability(all);
  INFO(Gaps(r));
  CHECK(r.features == 14);
  CHECK(r.epics == 3);
  CHECK(r.tasks == 8);
  CHECK(r.endpoints == 12);
  CHECK(r.components == 6);

  const Gap* fr11 = FindGap(r, "feature-not-covered", "FR11");
  REQUIRE(fr11);
  CHECK(fr11->where[0].line == 48);
  const Gap* fr15 = FindGap(r, "epic-unknown-feature", "Epic 2 covers FR15");
  REQUIRE(fr15);
  CHECK(fr15->where[0].line == 102);
  CHECK(FindGap(r, "resource-not-in-model", "PUT /bookings/{id}/crew names resource Crew"));
  const Gap* invoice = FindGap(r, "task-touches-unknown", "Story 2.3 touches Invoice");
  REQUIRE(invoice);
  CHECK(invoice->where[0].artifact == "tasks.md");
  CHECK(r.errors() == 4);
  CHECK(r.gaps.size() == 4);  // DELETE /bookings/{bookingId}, a .tsx file and "Resources: none" are no gaps

  CHECK(HasStyle(r, "prd.md", "FR<n>", 14));
  CHECK(HasStyle(r, "epics.md", "Epic <n>", 3));
  CHECK(HasStyle(r, "tasks.md", "Story <e>.<n>", 8));
  CHECK(HasStyle(r, "api-spec.md", "METHOD /path", 5));  // the table rows
  CHECK(RenderStylesMarkdown(r).find("- prd.md: 14 requirements as `FR<n>` (list items)\n") != std::string::npos);
  CHECK(RenderStylesMarkdown(r).find("- epics.md: coverage read from `FRs Addressed:`\n") != std::string::npos);
}

TEST_CASE("TraceabilityStyles.BmadCoverageMapCounts") {
  // The epics' own lines lose FR13; the FR Coverage Map still gives it to Epic 2.
  NamedTexts all = Pack("bmad");
  Replace(Text(all, "epics.md"), "FR3, FR4, FR5, FR12, FR13, FR15", "FR3, FR4, FR5, FR12");
  TraceabilityReport r = CheckTraceability(all);
  INFO(Gaps(r));
  CHECK_FALSE(FindGap(r, "feature-not-covered", "FR13"));
  CHECK(FindGap(r, "feature-not-covered", "FR11"));
  CHECK_FALSE(FindGap(r, "epic-unknown-feature", "FR15"));
}

TEST_CASE("TraceabilityStyles.SpecKitIdsMatchWhateverTheSpelling") {
  // PRD: **FR-001** ... **FR-010**; epics cite FR1, FR-004 and the range
  // FR-007–FR-009; tasks T001..T011 are checkboxes under their epic's heading.
  NamedTexts all = Pack("speckit");
  TraceabilityReport r = CheckTraceability(all);
  INFO(Gaps(r));
  CHECK(r.features == 10);
  CHECK(r.epics == 3);
  CHECK(r.tasks == 11);
  CHECK(r.gaps.empty());
  CHECK(HasStyle(r, "prd.md", "FR-<nnn>", 10));
  CHECK(HasStyle(r, "tasks.md", "T<nnn>", 11));

  // An uncovered requirement is named as the PRD writes it.
  NamedTexts less = all;
  Replace(Text(less, "epics.md"), "Covers: FR-007\xE2\x80\x93" "FR-009", "Covers: FR-007");
  TraceabilityReport r2 = CheckTraceability(less);
  INFO(Gaps(r2));
  CHECK(FindGap(r2, "feature-not-covered", "FR-009 (System MUST show season totals"));
  CHECK(Count(r2, "feature-not-covered") == 2);
}

TEST_CASE("TraceabilityStyles.CitationsInAnotherFamilyAreReadInThePrdsWithOneWarning") {
  // A spec-kit PRD (FR-001) and epics that cite F1..F10, as the default
  // prompts ask: today's "E1 covers F1, which prd.md does not define" ten times.
  NamedTexts all = Pack("speckit");
  std::string& epics = Text(all, "epics.md");
  Replace(epics, "Covers: FR1, FR2, FR3, FR10", "Covers: F1, F2, F3, F10");
  Replace(epics, "Covers: FR-004, FR-005, FR-006", "Covers: F4-F6");
  Replace(epics, "Covers: FR-007\xE2\x80\x93" "FR-009", "Covers: F7, F8, F9");
  TraceabilityReport r = CheckTraceability(all);
  INFO(Gaps(r));
  CHECK(r.errors() == 0);
  REQUIRE(Count(r, "id-style-mismatch") == 1);
  const Gap* w = FindGap(r, "id-style-mismatch", "epics.md cites requirements as F<n> (F1 and 9 more)");
  REQUIRE(w);
  CHECK(w->severity == Severity::kWarning);
  CHECK(w->message.find("numbers them FR<n>") != std::string::npos);
  CHECK(r.gaps.size() == 1);
}

TEST_CASE("TraceabilityStyles.KiroRequirementsCriteriaAndNumberedTasks") {
  // "### Requirement 1: ..." with numbered acceptance criteria, epics and
  // tasks citing `_Requirements: 1.1, 2.3_`, tasks as "- [ ] 1.2 ...".
  NamedTexts all = Pack("kiro");
  TraceabilityReport r = CheckTraceability(all);
  INFO(Gaps(r));
  CHECK(r.features == 4);
  CHECK(r.epics == 3);
  CHECK(r.tasks == 8);
  // Task 3.1 cites 3.5; Requirement 3 has three criteria.
  const Gap* g = FindGap(r, "task-unknown-requirement", "Task 3.1 cites 3.5, but Requirement 3 has 3 acceptance criteria");
  REQUIRE(g);
  CHECK(g->where[0].line == 38);
  CHECK(r.gaps.size() == 1);
  CHECK(HasStyle(r, "prd.md", "Requirement <n>", 4));
  CHECK(HasStyle(r, "tasks.md", "<n>.<m>", 8));

  // An epic whose tasks are all gone, and a criterion no requirement has.
  NamedTexts cut = all;
  std::string& tasks = Text(cut, "tasks.md");
  tasks = tasks.substr(0, tasks.find("## Epic 3: Car spaces"));
  Replace(Text(cut, "epics.md"), "_Requirements: 3.1, 3.2, 3.3_", "_Requirements: 3.1, 3.2, 3.3, 5.1_");
  TraceabilityReport r2 = CheckTraceability(cut);
  INFO(Gaps(r2));
  CHECK(FindGap(r2, "epic-without-tasks", "Epic 3 (Car spaces) has no tasks"));
  CHECK(FindGap(r2, "epic-unknown-feature", "Epic 3 covers 5.1, which prd.md does not define"));
}

TEST_CASE("TraceabilityStyles.NothingRecognisedIsAnError") {
  // A PRD whose requirements are plain prose, epics without ids, tasks without ids.
  const std::string prd = "# PRD\n\n## Requirements\n\n- Users can plan a trip.\n- Users can share it.\n";
  const std::string epics = "# Epics\n\n## Planning\n\nCovers: planning\n";
  const std::string tasks = "# Tasks\n\n## Planning\n\n- [ ] Build the planner\n";
  TraceabilityReport r = CheckTraceability({{"prd.md", prd}, {"epics.md", epics}, {"tasks.md", tasks}});
  INFO(Gaps(r));
  const Gap* none = FindGap(r, "no-requirements", "no requirements recognised in prd.md");
  REQUIRE(none);
  CHECK(none->severity == Severity::kError);
  CHECK(FindGap(r, "no-epics", "no epics recognised in epics.md"));
  CHECK(FindGap(r, "no-tasks", "no tasks recognised in tasks.md"));
  CHECK(r.errors() == 3);
  // The PRD alone: still an error, next to the missing epics.
  TraceabilityReport alone = CheckTraceability({{"prd.md", prd}});
  CHECK(Count(alone, "no-requirements") == 1);
  CHECK(Count(alone, "missing-artifact") == 1);
}

TEST_CASE("TraceabilityStyles.IdentifierForms") {
  struct Case {
    const char* text;
    ReqFamily family;
    int number, criterion;
    const char* style;
  };
  for (const Case& c : {Case{"F3: x", ReqFamily::kF, 3, 0, "F<n>"}, Case{"FR12 x", ReqFamily::kFR, 12, 0, "FR<n>"},
                        Case{"FR-003", ReqFamily::kFR, 3, 0, "FR-<nnn>"}, Case{"fr_7", ReqFamily::kFR, 7, 0, "FR_<n>"},
                        Case{"REQ-4", ReqFamily::kREQ, 4, 0, "REQ-<n>"}, Case{"REQ12", ReqFamily::kREQ, 12, 0, "REQ<n>"}, Case{"Req 7", ReqFamily::kREQ, 7, 0, "Req <n>"},
                        Case{"Requirement 2", ReqFamily::kREQ, 2, 0, "Requirement <n>"},
                        Case{"Feature 5", ReqFamily::kF, 5, 0, "Feature <n>"},
                        Case{"Feature F5", ReqFamily::kF, 5, 0, "F<n>"}, Case{"FR3.2", ReqFamily::kFR, 3, 2, "FR<n>"}}) {
    auto m = ReqIdAt(c.text, 0);
    REQUIRE_MESSAGE(m, c.text);
    CHECK_MESSAGE(m->id.family == c.family, c.text);
    CHECK_MESSAGE(m->id.number == c.number, c.text);
    CHECK_MESSAGE(m->id.criterion == c.criterion, c.text);
    CHECK_MESSAGE(m->style == c.style, c.text);
  }
  for (const char* no : {"NFR1", "SC-001", "US1", "Fresh", "F1x", "Features", "Requirements", "FR", "E2E"})
    CHECK_FALSE_MESSAGE(ReqIdAt(no, 0).has_value(), no);
  CHECK(ReqKey(ReqFamily::kFR, 3) == "FR3");

  auto keys = [](std::string_view v) {
    std::vector<std::string> out;
    for (const auto& r : ReqIdsIn(v))
      out.push_back((r.bare ? "#" : ReqKey(r.family, r.number)) + (r.bare ? std::to_string(r.number) : "") +
                    (r.criterion ? "." + std::to_string(r.criterion) : ""));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(keys("FR2, **FR4**, `FR-006`") == V{"FR2", "FR4", "FR6"});
  CHECK(keys("FR-007\xE2\x80\x93" "FR-009") == V{"FR7", "FR8", "FR9"});
  CHECK(keys("FR2-FR4 and F7") == V{"FR2", "FR3", "FR4", "F7"});
  CHECK(keys("FR2\xE2\x80\x93" "4") == V{"FR2", "FR3", "FR4"});
  CHECK(keys("F2 to F3") == V{"F2", "F3"});
  CHECK(keys("1.1, 2.3") == V{"#1.1", "#2.3"});
  CHECK(keys("1, 3 and 4") == V{"#1", "#3", "#4"});
  CHECK(keys("1.1-1.3") == V{"#1.1", "#1.2", "#1.3"});
  CHECK(keys("at least 2 users").empty());
  CHECK(keys("NFR1, NFR2").empty());

  for (const char* e : {"E2", "Epic 2", "EPIC-2", "Epic #2", "Epic E2", "epic 2"}) {
    auto m = EpicIdAt(e, 0);
    REQUIRE_MESSAGE(m, e);
    CHECK_MESSAGE(m->number == 2, e);
  }
  CHECK_FALSE(EpicIdAt("Epics", 0));
  CHECK_FALSE(EpicIdAt("Epic List", 0));
  CHECK_FALSE(EpicIdAt("E2E tests", 0));

  struct TaskCase {
    const char* text;
    bool bare;
    const char* id;
    const char* style;
    int epic;
  };
  for (const TaskCase& c :
       {TaskCase{"T1.2: x", false, "T1.2", "T<e>.<n>", 0}, TaskCase{"T014 [P] x", false, "T14", "T<nnn>", 0},
        TaskCase{"T7 x", false, "T7", "T<n>", 0}, TaskCase{"Story 2.3: x", false, "S2.3", "Story <e>.<n>", 2},
        TaskCase{"Task 1.2 x", false, "T1.2", "Task <e>.<n>", 1}, TaskCase{"1.2 Build", true, "K1.2", "<n>.<m>", 0},
        TaskCase{"3. Set up", true, "K3", "<n>.<m>", 0}}) {
    auto m = TaskIdAt(c.text, c.bare);
    REQUIRE_MESSAGE(m, c.text);
    CHECK_MESSAGE(m->id == c.id, c.text);
    CHECK_MESSAGE(m->style == c.style, c.text);
    CHECK_MESSAGE(m->implied_epic == c.epic, c.text);
  }
  CHECK(TaskIdAt("T1.2", false)->native);
  CHECK_FALSE(TaskIdAt("1.2 Build", false));
  CHECK_FALSE(TaskIdAt("Touches: x", false));
  CHECK_FALSE(TaskIdAt("3 apples", true));
}

TEST_CASE("TraceabilityStyles.EndpointsAsHeadingsLinesAndTableRows") {
  const std::string api =
      "# API\n\n## Summary\n\n"
      "| Method | Path | Purpose |\n|---|---|---|\n"  // 5: no resources column
      "| GET | /trips | list |\n| GET | /health | probe |\n\n"
      "## Trips\n\n"
      "**POST /trips**\n\nResources: Trip, Waypoints\n\n"   // 12, 14
      "- `DELETE /trips/{id}` \xE2\x80\x94 cancel\n\n"        // 16
      "Resources: none\n\n"
      "### GET /trips/{id}\n\n#### Response\n\nResources: Trip (read)\n\n"  // 20, 24
      "| Endpoint | Entities |\n|---|---|\n| `PATCH /trips/{id}` | Trip, Harbour |\n";  // 26, 28
  const std::string model = "# Model\n\n## Entities\n\n### Trip\n\n### Waypoint\n";
  TraceabilityReport r = CheckTraceability({{"api-spec.md", api}, {"data-model.md", model}});
  INFO(Gaps(r));
  CHECK(r.endpoints == 6);
  const Gap* table = FindGap(r, "endpoint-without-resources", "2 endpoints in this table have no Resources column");
  REQUIRE(table);
  CHECK(table->where[0].line == 5);
  const Gap* harbour = FindGap(r, "resource-not-in-model", "PATCH /trips/{id} names resource Harbour");
  REQUIRE(harbour);
  CHECK(harbour->where[0].line == 28);
  CHECK(r.gaps.size() == 2);  // DELETE's "Resources: none" is valid; the GET's line sits under #### Response
}

TEST_CASE("TraceabilityStyles.TouchesAreCheckedAgainstModelApiAndComponents") {
  const std::string epics = "## E1: Trips\n\nCovers: F1\n";
  const std::string tasks =
      "## E1: Trips\n\n### T1.1: Store\n\nEpic: E1\n"
      "Touches: Trip, Trips, TripCard component, GET /api/v1/trips/{tripId}, src/trips.ts, Harbour, POST /sync\n";
  const std::string api = "### GET /trips/:id\n\nResources: Trip\n";
  const std::string model = "### Trip\n";
  const std::string components = "## Components\n\n### TripCard\n\nTokens: color.ink\n";
  NamedTexts all = {{"epics.md", epics},       {"tasks.md", tasks},
                    {"api-spec.md", api},      {"data-model.md", model},
                    {"component-mapping.md", components}};
  TraceabilityReport r = CheckTraceability(all);
  INFO(Gaps(r));
  CHECK(Count(r, "task-touches-unknown") == 2);
  CHECK(FindGap(r, "task-touches-unknown", "T1.1 touches Harbour, which is no entity of data-model.md"));
  CHECK(FindGap(r, "task-touches-unknown", "T1.1 touches POST /sync, which api-spec.md does not define"));
  // Without the component mapping a name cannot be called unknown; endpoints still can.
  all.pop_back();
  TraceabilityReport r2 = CheckTraceability(all);
  INFO(Gaps(r2));
  CHECK(Count(r2, "task-touches-unknown") == 1);
  CHECK(FindGap(r2, "task-touches-unknown", "POST /sync"));
}

TEST_CASE("TraceabilityStyles.TheReportAndTheValidatorSayWhatWasRead") {
  NamedTexts all = Pack("kiro");
  CrossCheckResult cross = CrossCheckArtifacts(all);
  CHECK(cross.styles_markdown.find("- prd.md: 4 requirements as `Requirement <n>` (headings)\n") != std::string::npos);
  CHECK(cross.styles_markdown.find("- tasks.md: 8 tasks as `<n>.<m>` (checkboxes)\n") != std::string::npos);
  CHECK(cross.styles_markdown.find("- epics.md: coverage read from `Requirements:`\n") != std::string::npos);
  const Validator* v = FindValidator("traceability");
  REQUIRE(v);
  ValidationContext ctx;
  ctx.artifact = "validation-report.md";
  ctx.artifacts = &all;
  ValidationResult res = v->Run(ctx);
  int infos = 0;
  for (const auto& f : res.findings) infos += f.rule == "id-style" && f.severity == Severity::kInfo;
  CHECK(infos == 4);  // requirements, epics, coverage keys, tasks
  CHECK(res.Count(Severity::kError) == 1);  // Task 3.1's criterion 3.5
}
