// Scheduler benchmark (issue #3). Prints, in one run, for several graph
// shapes with simulated latencies: the makespan of sequential, waves and
// as-soon-as-ready scheduling, each as a ratio to the critical-path bound
// (the makespan with unlimited parallelism) and to the finite-slot bound
// max(critical path, total work / slots). Then the engine's own overhead per
// phase on a 1,000-phase graph with zero latency, and the time to validate
// and plan a 10,000-phase spec. Not a test: no thresholds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "engine/plan.hpp"
#include "engine/scheduler.hpp"
#include "engine/sim_latency.hpp"

using namespace specwave;

namespace {

struct Shape {
  std::string name;
  std::string note;
  WorkflowSpec spec;
  std::vector<double> ms;   // per call
  std::vector<int> items;   // fan-out items per phase (0 = none)
};

// Sleeps for the simulated latency of each job (a timer, not a busy loop).
struct SleepHandler : SchedulerHandler {
  const Shape* shape;
  explicit SleepHandler(const Shape* s) : shape(s) {}
  JobOutcome RunJob(int phase, int item, const CancelToken&) override {
    if (item == kPrepareJob) return {true, false, "", shape->items[phase]};
    if (item == kJoinJob) return {true, false, "", 0};
    double ms = shape->ms[phase];
    if (ms > 0) std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(ms * 1000)));
    return {true, false, "", 0};
  }
  bool HasFanOut(int phase) const override { return shape->items[phase] > 0; }
};

WorkflowSpec Load(const std::string& yaml) {
  auto r = LoadWorkflowSpec(yaml, "bench");
  if (!r.ok()) {
    std::fprintf(stderr, "%s", JoinDiagnostics(r.errors).c_str());
    std::exit(1);
  }
  return *r.spec;
}

std::string Phase(const std::string& name, const std::vector<std::string>& deps) {
  std::string s = "  " + name + ": {description: d, agent: a, phase_type: t, produces: [" + name + ".md]";
  if (!deps.empty()) {
    s += ", depends_on: [";
    for (size_t i = 0; i < deps.size(); ++i) s += (i ? ", " : "") + deps[i];
    s += "]";
  }
  return s + "}\n";
}

Shape DefaultWorkflow() {
  Shape s;
  s.name = "default workflow (fan-out: 5 epics, 12 artifacts)";
  s.spec = *LoadWorkflowSpecFile(std::string(SPECWAVE_SOURCE_ROOT) + "/assets/workflows/default.yml").spec;
  auto lat = LoadSimLatencyFile(std::string(SPECWAVE_SOURCE_ROOT) + "/bench/latency/default.yml", s.spec);
  for (size_t i = 0; i < s.spec.phases.size(); ++i) {
    s.ms.push_back(lat.latency->PhaseMs(static_cast<int>(i)));
    const auto& p = s.spec.phases[i];
    int items = 0;
    if (p.fan_out) items = p.fan_out->items == FanOut::Items::kArtifacts ? 12 : 5;
    s.items.push_back(items);
  }
  return s;
}

Shape Layered(unsigned seed) {
  std::mt19937 rng(seed);
  std::string yaml = "phases:\n";
  std::vector<std::vector<std::string>> layers;
  int id = 0;
  for (int l = 0; l < 8; ++l) {
    int width = 2 + static_cast<int>(rng() % 5);  // 2..6 wide: fits 8 slots
    layers.emplace_back();
    for (int w = 0; w < width; ++w) {
      std::string name = "L" + std::to_string(l) + "_" + std::to_string(id++);
      std::vector<std::string> deps;
      if (l > 0)
        for (const auto& prev : layers[l - 1])
          if (rng() % 3 == 0 || deps.empty()) deps.push_back(prev);
      if (l > 1 && rng() % 4 == 0) deps.push_back(layers[l - 2][rng() % layers[l - 2].size()]);
      std::sort(deps.begin(), deps.end());
      deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
      yaml += Phase(name, deps);
      layers[l].push_back(name);
    }
  }
  Shape s;
  s.name = "layered random DAG (8 levels, 2-6 wide)";
  s.spec = Load(yaml);
  for (size_t i = 0; i < s.spec.phases.size(); ++i) {
    s.ms.push_back(20 + rng() % 120);
    s.items.push_back(0);
  }
  return s;
}

Shape TwoChains() {
  // A long chain and a short one that join at the end, with side tasks that
  // compete for slots: critical-path-first ordering matters here.
  std::string yaml = "phases:\n";
  std::vector<std::string> deps;
  for (int i = 0; i < 6; ++i) {
    yaml += Phase("LONG" + std::to_string(i), i ? std::vector<std::string>{"LONG" + std::to_string(i - 1)}
                                                 : std::vector<std::string>{});
  }
  for (int i = 0; i < 3; ++i)
    yaml += Phase("SHORT" + std::to_string(i), i ? std::vector<std::string>{"SHORT" + std::to_string(i - 1)}
                                                  : std::vector<std::string>{});
  for (int i = 0; i < 10; ++i) yaml += Phase("SIDE" + std::to_string(i), {});
  yaml += Phase("END", {"LONG5", "SHORT2"});
  Shape s;
  s.name = "two chains + 10 side tasks, 4 slots";
  s.spec = Load(yaml);
  for (const auto& p : s.spec.phases) {
    s.ms.push_back(p.name.rfind("LONG", 0) == 0 ? 60 : p.name.rfind("SIDE", 0) == 0 ? 50 : 40);
    s.items.push_back(0);
  }
  return s;
}

Shape Wide() {
  std::string yaml = "phases:\n" + Phase("START", {});
  std::vector<std::string> mids;
  for (int i = 0; i < 16; ++i) {
    mids.push_back("W" + std::to_string(i));
    yaml += Phase(mids.back(), {"START"});
  }
  yaml += Phase("END", mids);
  Shape s;
  s.name = "wide: 16 parallel phases";
  s.spec = Load(yaml);
  for (size_t i = 0; i < s.spec.phases.size(); ++i) {
    s.ms.push_back(i == 0 || i + 1 == s.spec.phases.size() ? 40 : 60 + 10 * (i % 4));
    s.items.push_back(0);
  }
  return s;
}

struct Measured {
  double makespan_ms, work_ms, cp_ms;
};

Measured RunShape(const Shape& shape, ScheduleMode mode, int slots) {
  Plan plan = MakePlan(shape.spec);
  SleepHandler handler(&shape);
  Scheduler scheduler(shape.spec, plan, handler, SystemClock::Instance());
  SchedulerOptions opt;
  opt.mode = mode;
  opt.max_in_flight = slots;
  opt.estimated_ms = shape.ms;
  for (size_t i = 0; i < shape.ms.size(); ++i)
    if (shape.items[i] > 0) opt.estimated_ms[i] = shape.ms[i];  // per item; the phase spans about one item
  ScheduleResult r = scheduler.Run(opt, CancelToken{});
  Measured m{r.makespan_us / 1000.0, 0, 0};
  std::vector<double> weights(shape.spec.phases.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    m.work_ms += r.timing[i].WorkUs() / 1000.0;
    weights[i] = r.timing[i].CriticalUs() / 1000.0;
  }
  m.cp_ms = CriticalPath(shape.spec, plan, weights).length_ms;
  return m;
}

// The bound from the simulated latencies themselves (no measurement noise).
void Bounds(const Shape& s, int slots, double* cp, double* finite) {
  std::vector<double> w(s.ms.size());
  double work = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    w[i] = s.ms[i];
    work += s.ms[i] * std::max(1, s.items[i]);
  }
  Plan plan = MakePlan(s.spec);
  *cp = CriticalPath(s.spec, plan, w).length_ms;
  *finite = std::max(*cp, work / slots);
}

}  // namespace

int main() {
  std::printf("Scheduler benchmark — simulated latencies (sleep timers), ratios measured in this run\n\n");
  Shape wide_scarce = Wide();
  wide_scarce.note =
      "more parallel phases than slots: two rounds are unavoidable, so no schedule reaches the bounds here; "
      "raise --max-in-flight to use the graph's width";
  std::vector<std::pair<Shape, int>> shapes = {
      {DefaultWorkflow(), 8}, {Layered(7), 8}, {TwoChains(), 4}, {Wide(), 16}, {wide_scarce, 8}};
  for (auto& [shape, slots] : shapes) {
    double cp, finite;
    Bounds(shape, slots, &cp, &finite);
    std::printf("%s — %zu phases, %d slots\n", shape.name.c_str(), shape.spec.phases.size(), slots);
    std::printf("  critical-path bound %.0f ms, finite-slot bound max(cp, work/slots) %.0f ms\n", cp, finite);
    std::printf("  %-12s %10s %12s %14s %14s\n", "mode", "makespan", "work", "/ cp bound", "/ slot bound");
    double seq = 0;
    for (ScheduleMode mode : {ScheduleMode::kSequential, ScheduleMode::kWaves, ScheduleMode::kReady}) {
      Measured m = RunShape(shape, mode, slots);
      if (mode == ScheduleMode::kSequential) seq = m.makespan_ms;
      std::printf("  %-12s %8.0f ms %9.0f ms %14.3f %14.3f", ScheduleModeName(mode), m.makespan_ms, m.work_ms,
                  m.makespan_ms / cp, m.makespan_ms / finite);
      if (mode != ScheduleMode::kSequential) std::printf("   saved vs sequential %.1f%%", 100 * (1 - m.makespan_ms / seq));
      std::printf("\n");
    }
    std::printf("  time saving the graph allows: 1 - cp/work = %.1f%%\n", 100 * (1 - cp * 1.0 / seq));
    if (!shape.note.empty()) std::printf("  note: %s\n", shape.note.c_str());
    std::printf("\n");
  }

  // Engine overhead: 1,000 phases, zero latency, as soon as ready, 8 slots.
  {
    std::mt19937 rng(11);
    std::string yaml = "phases:\n";
    for (int i = 0; i < 1000; ++i) {
      std::vector<std::string> deps;
      for (int k = 0; k < 3 && i > 0; ++k) deps.push_back("P" + std::to_string(rng() % i));
      std::sort(deps.begin(), deps.end());
      deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
      yaml += Phase("P" + std::to_string(i), deps);
    }
    Shape s;
    s.spec = Load(yaml);
    s.ms.assign(1000, 0);
    s.items.assign(1000, 0);
    double best = 1e18;
    for (int rep = 0; rep < 5; ++rep) best = std::min(best, RunShape(s, ScheduleMode::kReady, 8).makespan_ms);
    std::printf("engine overhead: 1,000-phase random DAG, zero latency, 8 slots: %.1f us per phase (best of 5)\n",
                best * 1000 / 1000);
  }
  // 10,000-phase spec: validate + plan + critical path.
  {
    std::string yaml = "phases:\n";
    for (int i = 0; i < 10000; ++i) {
      std::vector<std::string> deps;
      if (i > 0) deps.push_back("P" + std::to_string(i - 1 - (i * 7919) % std::min(i, 50)));
      if (i > 10) deps.push_back("P" + std::to_string((i * 104729) % (i - 5)));
      std::sort(deps.begin(), deps.end());
      deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
      yaml += Phase("P" + std::to_string(i), deps);
    }
    auto t0 = std::chrono::steady_clock::now();
    auto r = LoadWorkflowSpec(yaml, "10k.yml");
    auto t1 = std::chrono::steady_clock::now();
    Plan plan = MakePlan(*r.spec);
    auto cp = CriticalPath(*r.spec, plan, std::vector<double>(10000, 1.0));
    auto t2 = std::chrono::steady_clock::now();
    using ms = std::chrono::duration<double, std::milli>;
    std::printf("10,000-phase spec: validated in %.0f ms, planned (levels, topo order, critical path of %zu) in %.0f ms, "
                "total %.0f ms\n",
                ms(t1 - t0).count(), cp.phases.size(), ms(t2 - t1).count(), ms(t2 - t0).count());
  }
  return 0;
}
