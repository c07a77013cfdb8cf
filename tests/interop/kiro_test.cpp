// Kiro: the export's layout, the round trip, and the import of a spec folder
// written the way Kiro's spec workflow writes one (tests/data/interop/kiro).
#include <doctest/doctest.h>

#include "core/text.hpp"
#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("Kiro.ExportsRequirementsDesignTasksAndSteering") {
  ExportResult ex = ExportPack(Format::kKiro, test::Tidewater(), {});
  const std::string dir = ".kiro/specs/tidewater/";
  const std::string& req = ex.files.at(dir + "requirements.md");
  CHECK(StartsWith(req, "# Requirements Document\n\n## Introduction"));
  CHECK(req.find("### Requirement 2: Route sketch") != std::string::npos);
  CHECK(req.find("**User Story:** As a sea kayaker, I want to draw a route") != std::string::npos);
  CHECK(req.find("#### Acceptance Criteria\n\n1. WHEN Route sketch is used THEN THE SYSTEM SHALL ensure that a sea "
                 "kayaker can draw a route") != std::string::npos);
  const std::string& design = ex.files.at(dir + "design.md");
  std::vector<std::string> order = {"## Overview", "## Architecture", "## Components and Interfaces", "## Data Models",
                                    "## Error Handling", "## Testing Strategy"};
  size_t at = 0;
  for (const auto& h : order) {
    size_t found = design.find("\n" + h + "\n");
    CHECK_MESSAGE(found != std::string::npos, h);
    CHECK_MESSAGE(found >= at, h << " out of order");
    at = found;
  }
  const std::string& tasks = ex.files.at(dir + "tasks.md");
  CHECK(tasks.find("- [ ] 1. Tide windows\n  - _Requirements: 1.1, 1.2, 1.3, 1.4_") != std::string::npos);
  CHECK(tasks.find("  - [ ] 1.2 Store TideWindow and LaunchSite") != std::string::npos);
  CHECK(ex.files.count(".kiro/steering/product.md"));
  CHECK(ex.files.at(".kiro/steering/tech.md").find("Stack id: `web-pwa-sqlite`") != std::string::npos);
}

TEST_CASE("Kiro.RoundTripKeepsEveryIdAndTheSectionsItCarries") {
  // Kiro keeps each user story with its requirement: the PRD's list comes back grouped by feature.
  test::CheckRoundTrip(Format::kKiro, {"prd.md > User stories"});
}

TEST_CASE("Kiro.ImportsASpecKiroWrote") {
  ImportResult in = test::ImportFixture("kiro", Format::kKiro);
  CHECK(in.pack.project_name == "Photo upload");
  const std::string& prd = in.pack.artifacts.at("prd.md");
  CHECK(prd.find("### F1: Upload photos to my ride report") != std::string::npos);  // from the user story
  CHECK(prd.find("- WHEN a member selects up to 10 images THEN the system SHALL upload them") != std::string::npos);
  CHECK(prd.find("- WHILE an upload is in progress the system SHALL show its progress per image") != std::string::npos);
  CHECK(prd.find("- As a reader, I want to open a photo full screen") != std::string::npos);
  const std::string& arch = in.pack.artifacts.at("architecture.md");
  CHECK(arch.find("## Architecture\n\n```mermaid") != std::string::npos);
  CHECK(arch.find("### Upload API") != std::string::npos);
  CHECK(arch.find("## Error Handling\n\nAn upload that fails is retried") != std::string::npos);
  CHECK(in.pack.artifacts.at("data-model.md").find("## Entities\n\n### Photo") != std::string::npos);
  const std::string& epics = in.pack.artifacts.at("epics.md");
  CHECK(epics.find("## E1: Set up photo storage\n\nCovers: F1") != std::string::npos);
  CHECK(epics.find("## E2: Build the gallery\n\nCovers: F2") != std::string::npos);
  const std::string& tasks = in.pack.artifacts.at("tasks.md");
  CHECK(tasks.find("### T1.2: Add the size check") != std::string::npos);
  CHECK(tasks.find("### T2.2: Swipe between photos") != std::string::npos);
  CHECK(in.pack.artifacts.at("analysis.md").find("## Users") != std::string::npos);
  CHECK(in.pack.artifacts.at("stack.md").find("S3-compatible object storage") != std::string::npos);
  bool structure_listed = false;
  for (const auto& d : in.ignored) structure_listed |= d.artifact == ".kiro/steering/structure.md";
  CHECK(structure_listed);
}
