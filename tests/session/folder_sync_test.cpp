// The browser's "Save to folder…" / "Sync from folder…" over plain data: the
// open project exported as a FileTree, an edited tree synced back as the
// person's edit (a new user version with only that section changed), a
// section changed on both sides shown as a conflict and nothing recorded,
// and a tree with a path leaving the folder refused.
#include <doctest/doctest.h>

#include "core/files.hpp"
#include "engine/artifact_diff.hpp"
#include "session/artifact_viewer.hpp"
#include "session/editor.hpp"
#include "session/folder_sync.hpp"
#include "session/projects.hpp"
#include "session/run_controller.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"

using namespace specwave;

namespace {

const char* kPrd =
    "---\ntitle: PRD\n---\n# Product Requirements\n\n## Introduction\n\nA tide planner for small boats.\n\n"
    "## Features\n\n### F1: Tide table\n\nShow the tides of a harbour for a week.\n\n- Acceptance: the table shows "
    "high and low water\n\n### F2: Route sketch\n\nDraw a route on a chart by tapping waypoints.\n\n- Acceptance: the "
    "route shows its length\n";

struct Fixture {
  test::MemoryStore store;
  SessionPorts ports;
  SessionModel model;
  CommandQueue commands{true, nullptr};
  ArtifactViewer viewer{Core()};
  Editor editor{Core(), viewer};
  RunController runs{Core(), viewer, editor};
  Projects projects{Core(), viewer, editor, runs};
  FolderSync sync{Core(), editor};
  int64_t id = 0;

  Fixture() : ports(Ports(&store)) {
    ProjectRecord p;
    p.name = "Tidewater";
    p.brief = "# Tidewater\nbrief";
    p.workflow_yaml = *ReadFile(test::SourcePath("assets/workflows/default.yml"), nullptr);
    p.workflow_name = "default.yml";
    REQUIRE_FALSE(store.CreateProject(p));
    id = p.id;
    ArtifactVersion v;
    v.project_id = id;
    v.artifact = "prd.md";
    v.content = kPrd;
    v.author = "agent:pm";
    REQUIRE_FALSE(store.AddVersion(v));
    projects.Open(id);
  }
  ~Fixture() {
    commands.Stop();
    commands.Join();
    runs.Join();
  }
  SessionCore Core() { return SessionCore{ports, model, commands}; }
  static SessionPorts Ports(Store* s) {
    SessionPorts p;
    p.store = s;
    p.diff = MarkdownDiff();
    return p;
  }
  std::vector<ArtifactVersion> Versions() { return store.ListVersions(id, "prd.md"); }
};

std::string Replaced(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

const std::string kSpec = "specs/001-tidewater/spec.md";

}  // namespace

TEST_CASE("FolderSync.AnEditedFileComesBackAsTheUsersVersionOfThatSection") {
  Fixture t;
  FolderExport e = t.sync.Export(interop::Format::kSpecKit, "browser");
  REQUIRE(e.error.empty());
  REQUIRE(e.files.count(kSpec));
  CHECK(e.files.count(".specwave/manifest.json"));
  interop::FileTree folder = e.files;
  folder[kSpec] = Replaced(folder[kSpec], "Draw a route on a chart", "Sketch a route on a chart");

  FolderSyncResult r = t.sync.Sync(folder, "browser");
  REQUIRE_MESSAGE(r.error.empty(), r.error);
  REQUIRE(r.conflicts.empty());
  CHECK(r.changed_files == std::vector<std::string>{kSpec});
  CHECK(r.recorded == std::vector<std::string>{"prd.md"});
  auto versions = t.Versions();
  REQUIRE(versions.size() == 2);
  CHECK(versions.back().author == "user");
  CHECK(versions.back().content.find("Sketch a route on a chart") != std::string::npos);
  CHECK(versions.back().content.find("Draw a route") == std::string::npos);
  CHECK(t.model.Snapshot()->edit->impact.has_value());  // shown as for an edit made in the app
  CHECK(r.to_write.count(".specwave/manifest.json"));
  CHECK_FALSE(r.to_write.count(kSpec));  // the person's file is never overwritten

  // Synced again with the written-back base: nothing changed.
  for (auto& [path, text] : r.to_write) folder[path] = text;
  FolderSyncResult again = t.sync.Sync(folder, "browser");
  CHECK(again.error.empty());
  CHECK(again.recorded.empty());
  CHECK(t.Versions().size() == 2);
}

TEST_CASE("FolderSync.ASectionChangedOnBothSidesIsShownAndNothingIsRecorded") {
  Fixture t;
  FolderExport e = t.sync.Export(interop::Format::kSpecKit, "browser");
  REQUIRE(e.error.empty());
  interop::FileTree folder = e.files;
  folder[kSpec] = Replaced(folder[kSpec], "Draw a route on a chart", "Sketch a route on a chart");
  t.editor.Save("prd.md", Replaced(kPrd, "Draw a route on a chart", "Plot a route on a chart"));
  const size_t before = t.Versions().size();

  FolderSyncResult r = t.sync.Sync(folder, "browser");
  CHECK(r.error.empty());
  REQUIRE(r.conflicts.size() == 1);
  CHECK(r.conflicts[0].artifact == "prd.md");
  CHECK(r.conflicts[0].section.find("F2") != std::string::npos);
  CHECK(r.recorded.empty());
  CHECK(r.to_write.empty());
  CHECK(t.Versions().size() == before);
}

TEST_CASE("FolderSync.APathLeavingTheFolderIsRefusedAndChangesNothing") {
  Fixture t;
  FolderExport e = t.sync.Export(interop::Format::kKiro, "browser");
  REQUIRE(e.error.empty());
  interop::FileTree folder = e.files;
  folder["../outside.md"] = "# Outside\n";
  FolderSyncResult r = t.sync.Sync(folder, "browser");
  CHECK(r.error.find("..") != std::string::npos);
  CHECK(t.Versions().size() == 1);
}

TEST_CASE("FolderSync.AFolderWithoutAManifestSaysWhatToDo") {
  Fixture t;
  FolderSyncResult r = t.sync.Sync({{"notes.md", "# Notes\n"}}, "browser");
  CHECK(r.error.find("save the project to it first") != std::string::npos);
}
