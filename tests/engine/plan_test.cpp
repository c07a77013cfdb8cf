#include <doctest/doctest.h>

#include "engine/plan.hpp"
#include "support/paths.hpp"

using namespace specwave;

namespace {
WorkflowSpec Diamond() {
  auto r = LoadWorkflowSpec(R"(phases:
  A: {description: d, agent: a, phase_type: t, produces: [a.md]}
  B: {description: d, agent: a, phase_type: t, produces: [b.md], depends_on: [A]}
  C: {description: d, agent: a, phase_type: t, produces: [c.md], depends_on: [A]}
  D: {description: d, agent: a, phase_type: t, produces: [d.md], depends_on: [B, C]}
  E: {description: d, agent: a, phase_type: t, produces: [e.md]}
)",
                            "diamond.yml");
  REQUIRE(r.ok());
  return *r.spec;
}
}  // namespace

TEST_CASE("Plan.LevelsAndWaves") {
  auto s = Diamond();
  auto p = MakePlan(s);
  REQUIRE(p.waves.size() == 3);
  CHECK(p.waves[0] == std::vector<int>{0, 4});
  CHECK(p.waves[1] == std::vector<int>{1, 2});
  CHECK(p.waves[2] == std::vector<int>{3});
  CHECK(p.topo_order.size() == 5);
}

TEST_CASE("Plan.CriticalPathFollowsDurations") {
  auto s = Diamond();
  auto p = MakePlan(s);
  auto cp = CriticalPath(s, p, {10, 5, 30, 1, 100});
  CHECK(cp.length_ms == doctest::Approx(100));
  CHECK(cp.phases == std::vector<int>{4});
  cp = CriticalPath(s, p, {10, 5, 30, 1, 2});
  CHECK(cp.length_ms == doctest::Approx(41));
  CHECK(cp.phases == std::vector<int>{0, 2, 3});
}

TEST_CASE("Plan.JsonShape") {
  auto s = Diamond();
  auto p = MakePlan(s);
  std::vector<double> d(5, 1);
  auto json = PlanToJson(s, p, CriticalPath(s, p, d), d);
  CHECK(json.find("\"waves\"") != std::string::npos);
  CHECK(json.find("\"critical_path\"") != std::string::npos);
}
