// `specwave plan` and `specwave validate-spec`.
#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "core/files.hpp"
#include "engine/plan.hpp"
#include "engine/sim_latency.hpp"

namespace specwave::cli {
namespace {

// Loads the spec named by the single positional argument; prints diagnostics.
std::optional<WorkflowSpec> LoadSpecArg(const Args& args, const char* cmd, int* exit_code) {
  if (args.positionals().size() != 1) {
    *exit_code = UsageError(std::string(cmd) + " needs exactly one SPEC.yml argument");
    return std::nullopt;
  }
  auto loaded = LoadWorkflowSpecFile(args.positionals()[0]);
  for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (!loaded.ok()) {
    *exit_code = kExitBadInput;
    return std::nullopt;
  }
  return std::move(loaded.spec);
}

}  // namespace

int CmdValidateSpec(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"quiet"}, {}}, &err)) return UsageError(err);
  int code = kExitOk;
  auto spec = LoadSpecArg(args, "validate-spec", &code);
  if (!spec) return code;
  if (!args.Has("quiet"))
    std::printf("%s: ok — %zu phases, %zu artifacts\n", args.positionals()[0].c_str(), spec->phases.size(),
                spec->AllArtifacts().size());
  return kExitOk;
}

int CmdPlan(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"json"}, {"durations"}}, &err)) return UsageError(err);
  int code = kExitOk;
  auto spec = LoadSpecArg(args, "plan", &code);
  if (!spec) return code;

  // Durations for the critical path: from --durations (YAML map PHASE: ms),
  // otherwise every phase counts 1 (the path with the most phases).
  std::vector<double> durations(spec->phases.size(), 1.0);
  if (auto file = args.Get("durations")) {
    auto lat = LoadSimLatencyFile(*file, *spec);
    if (!lat.ok()) {
      for (const auto& d : lat.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
      return kExitBadInput;
    }
    for (size_t i = 0; i < spec->phases.size(); ++i) durations[i] = lat.latency->PhaseMs(static_cast<int>(i));
  }
  Plan plan = MakePlan(*spec);
  auto cp = CriticalPath(*spec, plan, durations);
  if (args.Has("json")) {
    std::printf("%s\n", PlanToJson(*spec, plan, cp, durations).c_str());
    return kExitOk;
  }
  std::printf("%s — %zu phases in %zu dependency levels\n\n", spec->name.empty() ? spec->file.c_str() : spec->name.c_str(),
              spec->phases.size(), plan.waves.size());
  for (size_t l = 0; l < plan.waves.size(); ++l) {
    std::printf("level %zu:", l);
    for (int v : plan.waves[l]) std::printf(" %s", spec->phases[v].name.c_str());
    std::printf("\n");
  }
  std::printf("\ncritical path (%g %s):", cp.length_ms, args.Get("durations") ? "ms" : "phases");
  for (size_t i = 0; i < cp.phases.size(); ++i)
    std::printf("%s%s", i ? " -> " : " ", spec->phases[cp.phases[i]].name.c_str());
  std::printf("\n");
  return kExitOk;
}

}  // namespace specwave::cli
