// Helpers for the offline generator's tests: load the default workflow and the
// sample briefs, and generate every artifact of a workflow with the offline
// provider in dependency order — inputs are the direct dependencies'
// artifacts in graph order, fan-out items come from the engine's own
// HeadingItems, responses are split by the engine's own ParsePhaseResponse and
// joined with JoinItems, as the runner does (without a store). Phases of type
// `done` are built by the engine and skipped here.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/files.hpp"
#include "engine/fan_out.hpp"
#include "engine/response_parser.hpp"
#include "engine/spec.hpp"
#include "offline/offline_provider.hpp"
#include "support/paths.hpp"

namespace specwave::test {

inline const WorkflowSpec& DefaultWorkflow() {
  static WorkflowSpec spec = *LoadWorkflowSpecFile(SourcePath("assets/workflows/default.yml")).spec;
  return spec;
}

inline std::string SampleBrief(const std::string& file) {
  std::string err;
  auto text = ReadFile(SourcePath("assets/briefs/" + file), &err);
  REQUIRE_MESSAGE(text.has_value(), err);
  return *text;
}

struct GeneratedPack {
  std::map<std::string, std::string> artifacts;  // name -> text
  std::vector<std::string> problems;             // anything that went wrong, for CHECK messages
  const std::string& operator[](const std::string& name) const {
    static const std::string kEmpty;
    auto it = artifacts.find(name);
    return it == artifacts.end() ? kEmpty : it->second;
  }
};

// One call through the provider's public interface.
inline LlmResponse CallOffline(LlmProvider& provider, const GenerationContext& ctx, std::string* streamed = nullptr) {
  LlmRequest req;
  req.context = &ctx;
  req.label = ctx.phase ? ctx.phase->name : "";
  return provider.Complete(
      req,
      [&](const std::string& chunk) {
        if (streamed) *streamed += chunk;
      },
      CancelToken{});
}

inline std::vector<std::pair<std::string, std::string>> InputsOf(const WorkflowSpec& spec, int phase,
                                                                 const std::vector<int>& order,
                                                                 const GeneratedPack& pack) {
  std::vector<int> deps = spec.phases[phase].deps;
  auto pos = [&](int p) { return std::find(order.begin(), order.end(), p) - order.begin(); };
  std::sort(deps.begin(), deps.end(), [&](int a, int b) { return pos(a) < pos(b); });
  std::vector<std::pair<std::string, std::string>> inputs;
  for (int d : deps)
    for (const auto& a : spec.phases[d].produces) inputs.push_back({a, pack[a]});
  return inputs;
}

inline std::string EngineFrontmatter(const PhaseSpec& p, const std::string& artifact, const std::string& project) {
  return "title: " + TitleFromArtifactName(artifact) + " \xE2\x80\x94 " + project + "\nartifact: " + artifact +
         "\nphase: " + p.name + "\nagent: " + p.agent + "\nversion: 1\ngenerator: offline-rules\n";
}

inline GeneratedPack GeneratePack(const WorkflowSpec& spec, const std::string& brief, LlmProvider& provider,
                                  const std::string& project = "Project") {
  GeneratedPack pack;
  std::vector<int> order;
  std::vector<bool> done(spec.phases.size(), false);
  while (order.size() < spec.phases.size()) {
    size_t before = order.size();
    for (size_t i = 0; i < spec.phases.size(); ++i) {
      if (done[i]) continue;
      bool ready = true;
      for (int d : spec.phases[i].deps) ready = ready && done[d];
      if (!ready) continue;
      done[i] = true;
      order.push_back(static_cast<int>(i));
      const PhaseSpec& p = spec.phases[i];
      if (p.phase_type == "done") continue;
      GenerationContext ctx;
      ctx.phase = &p;
      ctx.brief = brief;
      ctx.inputs = InputsOf(spec, static_cast<int>(i), order, pack);
      if (!p.fan_out) {
        LlmResponse r = CallOffline(provider, ctx);
        if (!r.ok) pack.problems.push_back(p.name + ": " + r.error);
        ParsedResponse parsed = ParsePhaseResponse(r.text, p.produces, p.name);
        for (const auto& d : parsed.problems) pack.problems.push_back(d.ToString());
        for (const auto& [name, text] : parsed.artifacts) pack.artifacts[name] = text;
        continue;
      }
      std::vector<FanOutItem> items;
      if (p.fan_out->items == FanOut::Items::kHeadings)
        items = HeadingItems(pack[p.fan_out->over], p.fan_out->heading_level);
      else
        for (const auto& [name, text] : ctx.inputs) items.push_back({name, text});
      std::vector<std::string> parts;
      for (size_t k = 0; k < items.size(); ++k) {
        GenerationContext item = ctx;
        item.fan_out_item = items[k].title;
        item.fan_out_item_body = items[k].body;
        item.fan_out_index = static_cast<int>(k);
        item.fan_out_count = static_cast<int>(items.size());
        LlmResponse r = CallOffline(provider, item);
        if (!r.ok) pack.problems.push_back(p.name + "[" + std::to_string(k) + "]: " + r.error);
        parts.push_back(r.text);
      }
      const std::string& artifact = p.produces[0];
      pack.artifacts[artifact] =
          JoinItems(EngineFrontmatter(p, artifact, project), TitleFromArtifactName(artifact), parts);
    }
    if (order.size() == before) break;  // a cycle: the loader rules this out
  }
  return pack;
}

}  // namespace specwave::test
