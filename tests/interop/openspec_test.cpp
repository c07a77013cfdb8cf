// OpenSpec: capabilities from the epics, the round trip, change folders from
// the PRD's history (ADDED / MODIFIED / REMOVED from the section diff), and
// the import of capabilities written the way OpenSpec writes them
// (tests/data/interop/openspec).
#include <doctest/doctest.h>

#include "core/text.hpp"
#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

namespace {

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("OpenSpec.ExportsACapabilityPerEpic") {
  ExportResult ex = ExportPack(Format::kOpenSpec, test::Tidewater(), {});
  const std::string& spec = ex.files.at("openspec/specs/route-sketch-current-check/spec.md");
  CHECK(StartsWith(spec, "# Route sketch, current check and float plan Specification\n\n## Purpose\n"));
  CHECK(spec.find("## Requirements\n\n### Requirement: Route sketch\n\nThe system SHALL draw a route") != std::string::npos);
  CHECK(spec.find("#### Scenario: Each tap adds a point\n\n- **WHEN** Route sketch is used\n- **THEN** each tap adds a point;") !=
        std::string::npos);
  CHECK(ex.files.count("openspec/specs/tide-windows/spec.md"));
  CHECK(ex.files.count("openspec/specs/trip-log/spec.md"));
}

TEST_CASE("OpenSpec.RoundTripKeepsEveryIdAndTheSectionsItCarries") {
  // OpenSpec specs hold requirements and scenarios: the PRD's other sections have no place.
  test::CheckRoundTrip(Format::kOpenSpec, {"prd.md > (top)", "prd.md > User stories", "prd.md > Non-goals",
                                           "prd.md > Success metrics", "epics.md > (top)"});
}

TEST_CASE("OpenSpec.ChangeFoldersComeFromTheSectionDiffOfTwoVersions") {
  Pack pack = test::Tidewater();
  std::string v1 = pack.artifacts.at("prd.md");
  std::string v2 = Replace(v1, "Draw a route on a chart by tapping waypoints;", "Draw a route by tapping waypoints;");
  size_t f5 = v2.find("### F5: Trip log");
  size_t next = v2.find("## User stories");
  v2 = v2.substr(0, f5) +
       "### F6: Weather window\n\nShow the wind forecast along the route.\n\nAcceptance:\n- Wind speed is shown per "
       "leg.\n\n" +
       v2.substr(next);
  pack.artifacts["prd.md"] = v2;
  pack.history["prd.md"] = {{1, v1, "agent:product_manager", "", 1700000000000},
                            {2, v2, "user", "", 1700086400000}};
  ExportResult ex = ExportPack(Format::kOpenSpec, pack, {});
  const std::string dir = "openspec/changes/archive/2023-11-15-prd-v2/";
  REQUIRE(ex.files.count(dir + "proposal.md"));
  const std::string& proposal = ex.files.at(dir + "proposal.md");
  CHECK(proposal.find("## Why\n\nA person edited prd.md; Specwave recorded it as prd.md version 2") != std::string::npos);
  CHECK(proposal.find("- **MODIFIED** Route sketch (F2)") != std::string::npos);
  CHECK(proposal.find("- **REMOVED** Trip log (F5)") != std::string::npos);
  CHECK(proposal.find("- **ADDED** Weather window (F6)") != std::string::npos);
  CHECK(ex.files.at(dir + "specs/route-sketch-current-check/spec.md")
            .find("## MODIFIED Requirements\n\n### Requirement: Route sketch\n\nThe system SHALL draw a route by tapping") !=
        std::string::npos);
  CHECK(ex.files.at(dir + "specs/trip-log/spec.md").find("## REMOVED Requirements\n\n### Requirement: Trip log\n\n**Reason**:") !=
        std::string::npos);
  CHECK(ex.files.at(dir + "specs/tidewater/spec.md").find("## ADDED Requirements\n\n### Requirement: Weather window") !=
        std::string::npos);
  CHECK(ex.files.at(dir + "tasks.md").find("- [x] 1.1 ") != std::string::npos);
  CHECK(ex.files.at(dir + ".openspec.yaml") == "schema: spec-driven\ncreated: 2023-11-15\n");
  // Unchanged features are in no delta.
  for (const auto& [path, text] : ex.files)
    if (StartsWith(path, dir)) CHECK_MESSAGE(text.find("Requirement: Current check") == std::string::npos, path);
}

TEST_CASE("OpenSpec.ImportsCapabilitiesOpenSpecWrote") {
  ImportResult in = test::ImportFixture("openspec", Format::kOpenSpec);
  const std::string& prd = in.pack.artifacts.at("prd.md");
  CHECK(prd.find("### F1: Staff login\n\nThe system SHALL issue a session") != std::string::npos);
  CHECK(prd.find("- Valid credentials: When a staff member submits a valid email and password, then a session is issued; "
                 "and the staff member lands on the queue screen") != std::string::npos);
  CHECK(prd.find("- Wrong password: Given an existing account, when the password is wrong") != std::string::npos);
  CHECK(prd.find("### F3: Turn is near") != std::string::npos);
  CHECK(prd.find("Two-factor") == std::string::npos);  // changes are history, not the specs
  const std::string& epics = in.pack.artifacts.at("epics.md");
  CHECK(epics.find("## E1: auth\n\nCovers: F1, F2\n\nAuthentication and session management") != std::string::npos);
  CHECK(epics.find("## E2: notifications\n\nCovers: F3") != std::string::npos);
}
