// Helpers for the interop tests: a real spec pack (the offline generator run
// through the engine over the sample brief, as `specwave run` makes it),
// round-trip helpers and a printer for the numbers the report quotes.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/clock.hpp"
#include "core/files.hpp"
#include "engine/spec.hpp"
#include "engine/workflow_runner.hpp"
#include "interop/folder_io.hpp"
#include "interop/interop.hpp"
#include "offline/offline_provider.hpp"
#include "support/memory_store.hpp"
#include "support/paths.hpp"

namespace specwave::test {

inline const WorkflowSpec& InteropWorkflow() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

// The pack of a finished offline run over assets/briefs/<brief>.
inline interop::Pack GeneratedPack(const std::string& brief = "tidewater.md", const std::string& name = "Tidewater") {
  MemoryStore store;
  ProjectRecord project;
  project.name = name;
  std::string err;
  project.brief = *ReadFile(SourcePath("assets/briefs/" + brief), &err);
  project.workflow_yaml = "(default)";
  store.CreateProject(project);
  offline::OfflineProvider provider;
  WorkflowRunner runner(InteropWorkflow(), store, provider, SystemClock::Instance());
  RunOptions opt;
  opt.auto_approve = true;
  RunReport report = runner.Run(project.id, opt, nullptr, CancelToken{});
  REQUIRE(report.status == RunStatus::kSucceeded);
  interop::Pack pack;
  pack.project_name = name;
  for (const auto& a : store.ListArtifacts(project.id)) {
    auto v = store.LatestVersion(project.id, a.artifact);
    pack.artifacts[a.artifact] = v->content;
    pack.versions[a.artifact] = v->version;
  }
  return pack;
}

inline const interop::Pack& Tidewater() {
  static interop::Pack pack = GeneratedPack();
  return pack;
}

// Export then import through the same format, in the display ids of `pack`.
inline interop::Pack RoundTripped(interop::Format f, const interop::Pack& pack, interop::ExportResult* exported) {
  *exported = interop::ExportPack(f, pack, {});
  interop::ImportResult in = interop::ImportPack(f, exported->files, {}, interop::Pack{}, interop::IdSpace{});
  for (const auto& e : in.errors) FAIL_CHECK(e.ToString());
  return in.pack;
}

// The files of a fixture folder under tests/data/interop/.
inline interop::FileTree Fixture(const std::string& name, interop::Format f) {
  interop::FileTree files;
  std::string err;
  bool ok = interop::ReadFolder(DataPath("interop/" + name), interop::ReadRoots(f), &files, &err);
  INFO(err);
  REQUIRE(ok);
  return files;
}

inline interop::ImportResult ImportFixture(const std::string& name, interop::Format f) {
  interop::ImportResult in = interop::ImportPack(f, Fixture(name, f), {}, interop::Pack{}, interop::IdSpace{});
  for (const auto& e : in.errors) FAIL_CHECK(e.ToString());
  return in;
}

inline void PrintRoundTrip(const char* format, const interop::RoundTrip& r);

// Checks that a round trip lost exactly `expected` ("artifact > section"),
// kept every id, and prints the numbers.
inline void CheckRoundTrip(interop::Format f, const std::vector<std::string>& expected) {
  interop::ExportResult ex;
  interop::Pack back = RoundTripped(f, Tidewater(), &ex);
  interop::RoundTrip r = interop::CompareRoundTrip(Tidewater(), back, interop::CodecFor(f).held);
  std::vector<std::string> lost;
  for (const auto& a : r.artifacts)
    for (const auto& s : a.lost) lost.push_back(a.artifact + " > " + s);
  CHECK(lost == expected);
  CHECK(r.ids_kept == r.ids_total);
  CHECK(r.ids_total > 0);
  for (const auto& id : r.ids_lost) FAIL_CHECK("lost id " << id);
  // The exporter lists the same sections as dropped.
  size_t listed = 0;
  for (const auto& d : ex.dropped)
    if (!d.section.empty()) ++listed;
  CHECK(listed == expected.size());
  PrintRoundTrip(interop::FormatName(f), r);
}

inline void PrintRoundTrip(const char* format, const interop::RoundTrip& r) {
  std::printf("round trip %-10s ids %d/%d, sections %d/%d", format, r.ids_kept, r.ids_total, r.SectionsKept(),
              r.SectionsTotal());
  for (const auto& a : r.artifacts) std::printf(" | %s %d/%d", a.artifact.c_str(), a.sections_kept, a.sections_total);
  std::printf("\n");
}

}  // namespace specwave::test
