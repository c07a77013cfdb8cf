// `consumes` section names match the names real PRDs give the same sections
// (engine/section_names.hpp): a phase that reads only the PRD's Features
// also reads a BMAD "Requirements > Functional" or a spec-kit
// "Requirements *(mandatory)* > Functional Requirements".
#include <doctest/doctest.h>

#include "engine/impact.hpp"
#include "engine/section_names.hpp"
#include "engine/spec.hpp"
#include "support/paths.hpp"

using namespace specwave;

TEST_CASE("SectionNames.SynonymsShareAKey") {
  for (const char* s : {"Features", "features", "Functional Requirements", "Requirements *(mandatory)*",
                        "2. Features (MVP)", "Key Features", "**Requirements**", "Functional", "Section 3: Features"})
    CHECK_MESSAGE(SectionKey(s) == "features", s);
  for (const char* s : {"User stories", "User Scenarios & Testing *(mandatory)*", "Use cases", "User Journeys"})
    CHECK_MESSAGE(SectionKey(s) == "user stories", s);
  CHECK(SectionKey("Non-Functional Requirements") == "non-functional requirements");
  CHECK(SectionKey("Non Functional") == "non-functional requirements");
  CHECK(SectionKey("Out of scope") == "non-goals");
  CHECK(SectionKey("Success Criteria *(mandatory)*") == "success metrics");
  CHECK(SectionKey("Open questions") == "open questions");  // no group: itself, cleaned
  CHECK(SectionKey("F1: Tides") == "f1: tides");
}

TEST_CASE("SectionNames.ConsumesMatchesRealPrdSections") {
  PhaseSpec p;
  p.name = "SOLUTIONING_EPICS";
  p.consumes = {{"prd.md", {"Features"}}};
  CHECK(p.Consumes("prd.md", "PRD: Tidewater > Features > F1: Tides"));
  CHECK(p.Consumes("prd.md", "Shoreline PRD > Requirements > Functional"));
  CHECK(p.Consumes("prd.md", "Feature Specification: Tidepool > Requirements *(mandatory)* > Functional Requirements"));
  CHECK(p.Consumes("prd.md", "Shoreline PRD > Functional Requirements > Booking"));
  CHECK_FALSE(p.Consumes("prd.md", "Shoreline PRD > Goals and Background Context > Goals"));
  CHECK_FALSE(p.Consumes("prd.md", "Shoreline PRD > Non-Functional Requirements"));
  CHECK(p.Consumes("architecture.md", "Anything"));  // not declared: read whole
  PhaseSpec q;
  q.consumes = {{"prd.md", {"Features", "User stories"}}};
  CHECK(q.Consumes("prd.md", "Tidepool > User Scenarios & Testing *(mandatory)* > User Story 1 - Find and join"));
}

TEST_CASE("SectionNames.ImpactOfAnEditToABmadPrdReachesTheEpics") {
  // The default workflow's SOLUTIONING_EPICS consumes {prd.md: [Features]}.
  // A BMAD PRD keeps its features under "Requirements > Functional": an edit
  // there is not "a section it does not read".
  const WorkflowSpec spec = *LoadWorkflowSpecFile(test::SourcePath("assets/workflows/default.yml")).spec;
  ArtifactChangeInput c;
  c.artifact = "prd.md";
  c.changed = true;
  c.sections = {{"Shoreline PRD > Requirements > Functional", "modified"}};
  ImpactAnalysis a = AnalyzeImpact(spec, c, {});
  const AffectedArtifact* epics = nullptr;
  for (const auto& x : a.affected)
    if (x.artifact == "epics.md") epics = &x;
  REQUIRE(epics);
  INFO(epics->reason);
  CHECK(epics->level == ImpactLevel::kMedium);
  CHECK(epics->reason.find("reads only") == std::string::npos);
  // A section outside Features still is one it does not read.
  c.sections = {{"Shoreline PRD > Goals and Background Context", "modified"}};
  ImpactAnalysis b = AnalyzeImpact(spec, c, {});
  for (const auto& x : b.affected)
    if (x.artifact == "epics.md") CHECK(x.level == ImpactLevel::kLow);
}
