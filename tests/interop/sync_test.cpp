// Folder sync over plain data: what changed in the folder since the copy's
// base becomes section edits; a section changed on both sides is a conflict;
// what only the project changed is kept and written back to the folder.
#include <doctest/doctest.h>

#include "interop/interop_test_util.hpp"
#include "interop/sync.hpp"
#include "markdown/section_diff.hpp"

using namespace specwave;
using namespace specwave::interop;

namespace {

std::string Replaced(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

const std::string kSpec = "specs/001-tidewater/spec.md";
const std::string kF2Statement = "- **FR-002**: Draw a route on a chart by tapping waypoints;";

struct Exported {
  Pack pack = test::Tidewater();
  ExportResult ex;
  Exported(Format f = Format::kSpecKit) { ex = ExportPack(f, pack, ExportOptions{"alice", "alice-1", std::nullopt}); }
};

std::vector<std::string> ChangedSections(const std::string& before, const std::string& after) {
  std::vector<std::string> out;
  for (const auto& d : markdown::DiffSections(before, after).sections)
    out.push_back(std::string(markdown::ChangeKindName(d.change)) + " " + d.section);
  return out;
}

}  // namespace

TEST_CASE("Sync.AnUnchangedFolderChangesNothing") {
  for (Format f : AllFormats()) {
    INFO(FormatName(f));
    Exported e(f);
    SyncPlan plan = PlanSync(f, e.ex.files, e.pack, e.ex.base, Prefer::kNone);
    CHECK(plan.errors.empty());
    CHECK(plan.conflicts.empty());
    CHECK(plan.edits.empty());
    CHECK(plan.changed_files.empty());
    SyncWrite w = FinishSync(f, e.ex.files, e.pack, e.ex.base, plan.ids, "alice", "alice-1", plan.changed_files);
    CHECK(w.refreshed.empty());
  }
}

TEST_CASE("Sync.AFolderEditBecomesAnEditOfThatSectionOnly") {
  Exported e;
  FileTree folder = e.ex.files;
  folder[kSpec] = Replaced(folder[kSpec], kF2Statement, "- **FR-002**: Sketch a route on a chart by tapping waypoints;");
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, e.pack, e.ex.base, Prefer::kNone);
  REQUIRE(plan.conflicts.empty());
  CHECK(plan.changed_files == std::vector<std::string>{kSpec});
  REQUIRE(plan.edits.size() == 1);
  const std::string& prd = plan.edits.at("prd.md");
  CHECK(ChangedSections(e.pack.artifacts.at("prd.md"), prd) ==
        std::vector<std::string>{"modified Product requirements — Tidewater > Features > F2: Route sketch"});
  CHECK(prd.find("Sketch a route on a chart by tapping waypoints;") != std::string::npos);
  // Every other byte of the project's text is as it was.
  std::string back = Replaced(prd, "Sketch a route on a chart", "Draw a route on a chart");
  CHECK(back == e.pack.artifacts.at("prd.md"));
}

TEST_CASE("Sync.AnEarsCriterionEditedInKiroChangesThatAcceptanceBullet") {
  Exported e(Format::kKiro);
  FileTree folder = e.ex.files;
  std::string& req = folder[".kiro/specs/tidewater/requirements.md"];
  req = Replaced(req, "ensure that each tap adds a point; the last point can be undone.",
                 "ensure that each tap adds a point; the last three points can be undone.");
  SyncPlan plan = PlanSync(Format::kKiro, folder, e.pack, e.ex.base, Prefer::kNone);
  REQUIRE(plan.edits.count("prd.md"));
  CHECK(plan.edits.at("prd.md").find("- Each tap adds a point; the last three points can be undone.") != std::string::npos);
  CHECK(ChangedSections(e.pack.artifacts.at("prd.md"), plan.edits.at("prd.md")).size() == 1);
}

TEST_CASE("Sync.TheSameSectionChangedOnBothSidesIsAConflict") {
  Exported e;
  FileTree folder = e.ex.files;
  folder[kSpec] = Replaced(folder[kSpec], kF2Statement, "- **FR-002**: Sketch a route by tapping;");
  Pack project = e.pack;
  project.artifacts["prd.md"] = Replaced(project.artifacts["prd.md"], "Draw a route on a chart by tapping waypoints;",
                                         "Draw a route on a nautical chart by tapping waypoints;");
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, project, e.ex.base, Prefer::kNone);
  REQUIRE(plan.conflicts.size() == 1);
  CHECK(plan.conflicts[0].artifact == "prd.md");
  CHECK(plan.conflicts[0].section == "Features > F2: Route sketch");
  CHECK(plan.edits.empty());

  SyncPlan folder_wins = PlanSync(Format::kSpecKit, folder, project, e.ex.base, Prefer::kFolder);
  CHECK(folder_wins.conflicts.empty());
  CHECK(folder_wins.edits.at("prd.md").find("Sketch a route by tapping;") != std::string::npos);
  SyncPlan project_wins = PlanSync(Format::kSpecKit, folder, project, e.ex.base, Prefer::kProject);
  CHECK(project_wins.conflicts.empty());
  CHECK(project_wins.edits.empty());
}

TEST_CASE("Sync.BothSidesChangingTheSameWayIsNoConflict") {
  Exported e;
  FileTree folder = e.ex.files;
  folder[kSpec] = Replaced(folder[kSpec], kF2Statement, "- **FR-002**: Sketch a route on a chart by tapping waypoints;");
  Pack project = e.pack;
  project.artifacts["prd.md"] = Replaced(project.artifacts["prd.md"], "Draw a route on a chart by tapping waypoints;",
                                         "Sketch a route on a chart by tapping waypoints;");
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, project, e.ex.base, Prefer::kNone);
  CHECK(plan.conflicts.empty());
  CHECK(plan.edits.empty());
}

TEST_CASE("Sync.DifferentSectionsChangedOnBothSidesMerge") {
  Exported e;
  FileTree folder = e.ex.files;
  folder[kSpec] = Replaced(folder[kSpec], kF2Statement, "- **FR-002**: Sketch a route on a chart by tapping waypoints;");
  Pack project = e.pack;
  project.artifacts["prd.md"] = Replaced(project.artifacts["prd.md"], "warn when the predicted current runs against",
                                         "warn loudly when the predicted current runs against");
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, project, e.ex.base, Prefer::kNone);
  REQUIRE(plan.conflicts.empty());
  const std::string& prd = plan.edits.at("prd.md");
  CHECK(prd.find("Sketch a route on a chart") != std::string::npos);
  CHECK(prd.find("warn loudly when the predicted current") != std::string::npos);
  // The project's change goes back into the folder, which the person did not touch there... but spec.md they did:
  SyncWrite w = FinishSync(Format::kSpecKit, folder, project, e.ex.base, plan.ids, "alice", "alice-1", plan.changed_files);
  CHECK_FALSE(w.files.count(kSpec));  // a person's edit is never overwritten
}

TEST_CASE("Sync.WhatOnlyTheProjectChangedIsWrittenBackToTheFolder") {
  Exported e;
  Pack project = e.pack;
  project.artifacts["prd.md"] = Replaced(project.artifacts["prd.md"], "warn when the predicted current runs against",
                                         "warn loudly when the predicted current runs against");
  SyncPlan plan = PlanSync(Format::kSpecKit, e.ex.files, project, e.ex.base, Prefer::kNone);
  CHECK(plan.edits.empty());
  CHECK(plan.conflicts.empty());
  SyncWrite w = FinishSync(Format::kSpecKit, e.ex.files, project, e.ex.base, plan.ids, "alice", "alice-1", plan.changed_files);
  REQUIRE(w.files.count(kSpec));
  CHECK(w.files.at(kSpec).find("- **FR-003**: For each leg of the route, warn loudly") != std::string::npos);
  // The new base: syncing the written-back folder changes nothing.
  FileTree after = e.ex.files;
  for (const auto& [p, t] : w.files) after[p] = t;
  SyncPlan again = PlanSync(Format::kSpecKit, after, project, w.base, Prefer::kNone);
  CHECK(again.edits.empty());
  CHECK(again.conflicts.empty());
  CHECK(again.changed_files.empty());
}

TEST_CASE("Sync.WithoutABaseEveryDifferenceIsAConflict") {
  Exported e;
  FileTree folder = e.ex.files;
  folder[kSpec] = Replaced(folder[kSpec], kF2Statement, "- **FR-002**: Sketch a route on a chart by tapping waypoints;");
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, e.pack, std::nullopt, Prefer::kNone);
  REQUIRE(plan.conflicts.size() == 1);
  CHECK(plan.conflicts[0].section == "Features > F2: Route sketch");
}

TEST_CASE("Sync.AddedAndDeletedFeaturesBecomeAddedAndDeletedSections") {
  Exported e;
  FileTree folder = e.ex.files;
  std::string& spec = folder[kSpec];
  // Delete user story 5 and FR-005; add story 6 with FR-006.
  size_t s5 = spec.find("### User Story 5 - Trip log");
  size_t req = spec.find("## Requirements *(mandatory)*");
  spec = spec.substr(0, s5) +
         "### User Story 6 - Weather window (Priority: P3)\n\n**Acceptance Scenarios**:\n\n1. **Given** the route is "
         "drawn, **When** the forecast loads, **Then** wind speed is shown per leg.\n\n" +
         spec.substr(req);
  size_t fr5 = spec.find("- **FR-005**");
  size_t fr5_end = spec.find('\n', fr5);
  spec = spec.substr(0, fr5) + "- **FR-006**: Show the wind forecast along the route." + spec.substr(fr5_end);
  SyncPlan plan = PlanSync(Format::kSpecKit, folder, e.pack, e.ex.base, Prefer::kNone);
  REQUIRE(plan.conflicts.empty());
  const std::string& prd = plan.edits.at("prd.md");
  CHECK(ChangedSections(e.pack.artifacts.at("prd.md"), prd) ==
        std::vector<std::string>{"deleted Product requirements — Tidewater > Features > F5: Trip log",
                                 "added Product requirements — Tidewater > Features > F6: Weather window"});
  CHECK(prd.find("### F6: Weather window\n\nShow the wind forecast along the route.\n\nAcceptance:\n- Given the route is "
                 "drawn, when the forecast loads, then wind speed is shown per leg.") != std::string::npos);
  // F6 sits where the folder put it: after F4, before the user stories.
  CHECK(prd.find("### F4: Float plan") < prd.find("### F6: Weather window"));
  CHECK(prd.find("### F6: Weather window") < prd.find("## User stories"));
}

TEST_CASE("Sync.AFolderThatIsNotOfTheFormatIsAnErrorNamingWhy") {
  Exported e(Format::kKiro);
  SyncPlan plan = PlanSync(Format::kSpecKit, e.ex.files, e.pack, std::nullopt, Prefer::kNone);
  REQUIRE(plan.errors.size() == 1);
  CHECK(plan.errors[0].message.find("not a GitHub Spec Kit folder: no specs/<NNN-name>/spec.md") != std::string::npos);
  CHECK(plan.errors[0].message.find("try --format kiro") != std::string::npos);
  CHECK(plan.edits.empty());
}
