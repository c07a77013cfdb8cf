// Task Master: tasks.json from the epics and tasks with dependencies from the
// trace, the round trip, and a tasks.json Task Master wrote
// (tests/data/interop/taskmaster).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "interop/interop_test_util.hpp"

using namespace specwave;
using namespace specwave::interop;

TEST_CASE("Taskmaster.ExportsTasksWithDependenciesFromTheTrace") {
  ExportResult ex = ExportPack(Format::kTaskmaster, test::Tidewater(), {});
  auto j = nlohmann::json::parse(ex.files.at(".taskmaster/tasks/tasks.json"));
  const auto& tasks = j["master"]["tasks"];
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0]["id"] == 1);
  CHECK(tasks[0]["title"] == "Tide windows");
  CHECK(tasks[0]["status"] == "pending");
  CHECK(tasks[0]["priority"] == "high");
  CHECK(tasks[1]["priority"] == "medium");
  CHECK(tasks[2]["priority"] == "low");
  CHECK(tasks[0]["details"].get<std::string>().rfind("Covers: F1", 0) == 0);
  CHECK(tasks[0]["testStrategy"].get<std::string>().rfind("Done when every acceptance criterion of F1", 0) == 0);
  const auto& sub = tasks[0]["subtasks"];
  CHECK(sub[1]["title"] == "Store TideWindow and LaunchSite");
  CHECK(sub[2]["dependencies"] == nlohmann::json::array({2}));  // T1.3 touches TideWindow and LaunchSite, as T1.2 did
  CHECK(sub[0]["dependencies"] == nlohmann::json::array());
  CHECK(sub[2]["details"].get<std::string>().rfind("Touches: GET /tide-windows", 0) == 0);
  // A task of epic 2 that depends on one of epic 1 names it "1.n"; its epic depends on epic 1.
  bool cross = false;
  for (const auto& s : tasks[1]["subtasks"])
    for (const auto& d : s["dependencies"]) cross |= d.is_string() && d.get<std::string>().rfind("1.", 0) == 0;
  CHECK(cross);
  CHECK(tasks[1]["dependencies"] == nlohmann::json::array({1}));
  CHECK(ex.files.count(".taskmaster/docs/prd.txt"));
}

TEST_CASE("Taskmaster.RoundTripKeepsEveryIdAndSection") { test::CheckRoundTrip(Format::kTaskmaster, {}); }

TEST_CASE("Taskmaster.ImportsATasksJsonTaskMasterWrote") {
  ImportResult in = test::ImportFixture("taskmaster", Format::kTaskmaster);
  const std::string& epics = in.pack.artifacts.at("epics.md");
  CHECK(epics.find("Tasks for the booking service") != std::string::npos);
  CHECK(epics.find("## E1: Set up the booking service\n\nExpress app with CORS") != std::string::npos);
  CHECK(epics.find("Start the server and call the health endpoint.") != std::string::npos);
  const std::string& tasks = in.pack.artifacts.at("tasks.md");
  CHECK(tasks.find("### T1.2: Add JWT sessions\n\nEpic: E1\n\nSign and verify session tokens\n\nUse a 15 minute expiry") !=
        std::string::npos);
  CHECK(tasks.find("### T2.1: List free slots\n\nEpic: E2\nTouches: GET /slots, Slot\n\nGET /slots?date=") != std::string::npos);
  CHECK(in.pack.artifacts.at("prd.md").find("Customers book a 30-minute slot") != std::string::npos);
}

TEST_CASE("Taskmaster.BadFieldsNameTheTaskAndField") {
  FileTree files = {{".taskmaster/tasks/tasks.json", R"({"master": {"tasks": [{"id": 1, "title": "A"}, {"id": "x", "title": "B"}]}})"}};
  ImportResult in = ImportPack(Format::kTaskmaster, files, {}, Pack{}, IdSpace{});
  REQUIRE(in.errors.size() == 1);
  CHECK(in.errors[0].ToString().find("master.tasks[1]") != std::string::npos);
  CHECK(in.errors[0].ToString().find("\"id\" must be a positive number") != std::string::npos);
}
