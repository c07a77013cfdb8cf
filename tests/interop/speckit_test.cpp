// Spec Kit: the export's layout, the round trip, and the import of a feature
// folder written the way Spec Kit's own commands write one
// (tests/data/interop/speckit, after github/spec-kit's templates).
#include <doctest/doctest.h>

#include "core/text.hpp"
#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("SpecKit.ExportsTheFeatureFolderLayout") {
  ExportResult ex = ExportPack(Format::kSpecKit, test::Tidewater(), {});
  const std::string dir = "specs/001-tidewater/";
  for (const char* f : {"spec.md", "plan.md", "research.md", "data-model.md", "quickstart.md", "contracts/api.md", "tasks.md"})
    CHECK_MESSAGE(ex.files.count(dir + f), f);
  CHECK(ex.files.count(".specify/memory/constitution.md"));
  CHECK(ex.files.count("AGENTS.md"));
  CHECK(ex.files.count(".specwave/manifest.json"));
  const std::string& spec = ex.files.at(dir + "spec.md");
  CHECK(spec.find("## User Scenarios & Testing *(mandatory)*") != std::string::npos);
  CHECK(spec.find("### User Story 2 - Route sketch (Priority: P2)") != std::string::npos);
  CHECK(spec.find("- **FR-002**: Draw a route on a chart by tapping waypoints;") != std::string::npos);
  CHECK(spec.find("1. **Given** Route sketch is available, **When** a person uses it, **Then** a sea kayaker") != std::string::npos);
  CHECK(spec.find("- **SC-001**: A trip planned in under five minutes.") != std::string::npos);
  const std::string& tasks = ex.files.at(dir + "tasks.md");
  CHECK(tasks.find("## Phase 1: Tide windows") != std::string::npos);
  CHECK(tasks.find("- [ ] T101 [P] [US1] Project skeleton on web-pwa-sqlite") != std::string::npos);
  CHECK(tasks.find("- [ ] T102 [US1] Store TideWindow and LaunchSite") != std::string::npos);  // T1.3 depends on it
  CHECK(ex.files.at(".specify/memory/constitution.md").find("### I. Must work with no signal on the water") != std::string::npos);
  // Diff-friendly: LF only, no timestamps or run ids in what the tool reads.
  for (const auto& [path, text] : ex.files) {
    CHECK_MESSAGE(text.find('\r') == std::string::npos, path);
    CHECK_MESSAGE(EndsWith(text, "\n"), path);
  }
  CHECK(spec.find("**Created**") == std::string::npos);
}

TEST_CASE("SpecKit.RoundTripKeepsEveryIdAndTheSectionsItCarries") {
  test::CheckRoundTrip(Format::kSpecKit, {"analysis.md > Problem", "analysis.md > Users", "analysis.md > Goals",
                                          "analysis.md > Risks", "analysis.md > Open questions"});
}

TEST_CASE("SpecKit.ExportIsTheSameTwice") {
  ExportResult a = ExportPack(Format::kSpecKit, test::Tidewater(), {});
  ExportResult b = ExportPack(Format::kSpecKit, test::Tidewater(), {});
  CHECK(a.files == b.files);
}

TEST_CASE("SpecKit.ImportsAFeatureFolderSpecKitWrote") {
  ImportResult in = test::ImportFixture("speckit", Format::kSpecKit);
  CHECK(in.pack.project_name == "Trail notes");
  const std::string& prd = in.pack.artifacts.at("prd.md");
  // Two user stories (the features), four FR lines kept as a section.
  CHECK(prd.find("### F1: Pin a note to the map") != std::string::npos);
  CHECK(prd.find("### F2: Read notes left by others") != std::string::npos);
  CHECK(prd.find("- Given the map is open, when the hiker long-presses a point and saves text, then a pin appears") !=
        std::string::npos);
  CHECK(prd.find("## Functional requirements") != std::string::npos);
  CHECK(prd.find("**FR-004**") != std::string::npos);
  CHECK(prd.find("**Why this priority**: Without pinned notes") != std::string::npos);
  CHECK(prd.find("## Edge cases") != std::string::npos);
  CHECK(prd.find("- A hiker pins a note in under 20 seconds.") != std::string::npos);
  CHECK(prd.find("Created") == std::string::npos);
  // Phases are epics; [US] labels say what they cover.
  const std::string& epics = in.pack.artifacts.at("epics.md");
  CHECK(epics.find("## E2: User Story 1 - Pin a note to the map (Priority: P1) 🎯 MVP") != std::string::npos);
  CHECK(epics.find("Covers: F1") != std::string::npos);
  const std::string& tasks = in.pack.artifacts.at("tasks.md");
  CHECK(tasks.find("### T2.1: Create Note model in frontend/src/models/note.ts") != std::string::npos);
  CHECK(tasks.find("### T3.2: Merge synced notes") != std::string::npos);
  CHECK(in.pack.artifacts.at("architecture.md").find("## Overview\n\nNotes are stored in SQLite") != std::string::npos);
  CHECK(in.pack.artifacts.at("architecture.md").find("**Language/Version**: TypeScript 5") != std::string::npos);
  CHECK(in.pack.artifacts.at("data-model.md").find("### Note") != std::string::npos);
  CHECK(in.pack.artifacts.at("api-spec.md").find("openapi: 3.0.3") != std::string::npos);
  CHECK(in.pack.artifacts.at("analysis.md").find("- Offline-First — Every feature works with no connection") !=
        std::string::npos);
  CHECK(in.pack.artifacts.at("stack.md").find("## Map rendering") != std::string::npos);
  // Every artifact is in Specwave's format: frontmatter naming its phase.
  for (const auto& [name, text] : in.pack.artifacts) {
    CHECK_MESSAGE(StartsWith(text, "---\ntitle: "), name);
    CHECK_MESSAGE(text.find("generator: import:speckit") != std::string::npos, name);
  }
  bool format_section_ignored = false;
  for (const auto& d : in.ignored) format_section_ignored |= d.section.find("Format") != std::string::npos;
  CHECK(format_section_ignored);
}
