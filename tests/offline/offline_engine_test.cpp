// The offline generator driven by the real engine: the WorkflowRunner runs the
// default workflow over the in-memory store fake, so responses go through the
// engine's own response parser, fan-out and joins.
#include <doctest/doctest.h>

#include "core/clock.hpp"
#include "engine/workflow_runner.hpp"
#include "offline/input/md_read.hpp"
#include "offline/offline_test_helpers.hpp"
#include "support/memory_store.hpp"

using namespace specwave;
using namespace specwave::offline;

TEST_CASE("Offline.RunsTheDefaultWorkflowThroughTheEngine") {
  for (const char* brief : {"tidewater.md", "clinic-queue.md"}) {
    INFO(brief);
    test::MemoryStore store;
    ProjectRecord project;
    project.name = brief;
    project.brief = test::SampleBrief(brief);
    project.workflow_yaml = "(default)";
    store.CreateProject(project);
    OfflineProvider provider;
    WorkflowRunner runner(test::DefaultWorkflow(), store, provider, SystemClock::Instance());
    RunOptions opt;
    opt.auto_approve = true;
    RunReport report = runner.Run(project.id, opt, nullptr, CancelToken{});
    INFO(report.ToJson());
    CHECK(report.status == RunStatus::kSucceeded);
    CHECK_FALSE(report.language_model);
    for (const auto& a : test::DefaultWorkflow().AllArtifacts())
      CHECK_MESSAGE(store.LatestVersion(project.id, a).has_value(), a);
    std::string epics = store.LatestVersion(project.id, "epics.md")->content;
    std::string tasks = store.LatestVersion(project.id, "tasks.md")->content;
    auto epic_sections = SectionsAt(epics, 2);
    auto task_sections = SectionsAt(tasks, 2);
    REQUIRE(epic_sections.size() == task_sections.size());
    for (size_t i = 0; i < epic_sections.size(); ++i) CHECK(epic_sections[i].heading == task_sections[i].heading);
    std::string report_md = store.LatestVersion(project.id, "validation-report.md")->content;
    CHECK(report_md.find("Rules-based review (offline generator, not a language model).") != std::string::npos);
  }
}
