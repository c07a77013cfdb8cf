// tasks.md: for one epic (the fan-out item: its `## E<n>: Title` section of
// epics.md), the tasks that build it, each with `Epic: E<n>` and `Touches:`
// naming only endpoints, entities and components found in the inputs
// (api-spec.md, data-model.md, component-mapping.md). Endpoints and
// components are matched to the epic by their `Serves:` features; an input
// without them is matched by the entity names the epic's text contains.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text.hpp"
#include "engine/fan_out.hpp"
#include "offline/writers/generators.hpp"
#include "offline/input/md_read.hpp"
#include "offline/domain/stack_catalog.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

struct Named {
  std::string name;
  std::vector<std::string> resources;
  std::vector<int> serves;
};

std::vector<Named> Read(const std::string* text, int level) {
  std::vector<Named> out;
  if (!text) return out;
  for (const auto& s : SectionsAt(*text, level))
    out.push_back({s.heading, ListValue(FieldValue(s.body, "Resources")), FeatureRefs(FieldValue(s.body, "Serves"))});
  return out;
}

bool Serves(const Named& n, const std::vector<int>& features) {
  for (int f : n.serves)
    if (std::count(features.begin(), features.end(), f)) return true;
  return false;
}

void Task(std::string* out, int epic, int* k, const std::string& title, const std::vector<std::string>& touches,
          const std::string& text) {
  *out += "\n### T" + std::to_string(epic) + "." + std::to_string(++*k) + ": " + title + "\n\nEpic: E" +
          std::to_string(epic) + "\n";
  if (!touches.empty()) *out += "Touches: " + Join(touches, ", ") + "\n";
  *out += "\n" + text + "\n";
}

}  // namespace

std::string GenerateTaskSection(const GenInput& in) {
  if (!in.ctx) return "## E1: Tasks\n\n### T1.1: Plan the work\n\nEpic: E1\n";
  const GenerationContext& ctx = *in.ctx;
  std::string heading = ctx.fan_out_item.empty() ? "E" + std::to_string(ctx.fan_out_index + 1) : ctx.fan_out_item;
  int epic = ctx.fan_out_index + 1;
  if (heading.size() > 1 && heading[0] == 'E' && std::isdigit(static_cast<unsigned char>(heading[1])))
    epic = std::atoi(heading.c_str() + 1);
  std::string covers = FieldValue(ctx.fan_out_item_body, "Covers");
  if (covers.empty()) covers = FieldValue(ctx.fan_out_item_body, "Features");
  if (covers.empty()) covers = FieldValue(ctx.fan_out_item_body, "Implements");
  std::vector<int> features = FeatureRefs(covers.empty() ? ctx.fan_out_item_body : covers);

  auto endpoints = Read(in.Input("api-spec.md"), 3);
  auto components = Read(in.Input("component-mapping.md"), 3);
  std::vector<std::string> entities;
  for (const auto& e : Read(in.Input("data-model.md"), 3)) entities.push_back(e.name);
  auto is_entity = [&](const std::string& n) { return std::count(entities.begin(), entities.end(), n) > 0; };

  // Each endpoint and entity is built once, in the first epic (epics.md order) whose features use it.
  std::map<int, int> epic_of;  // feature -> first epic covering it
  if (const std::string* all = in.Input("epics.md"))
    for (const auto& e : SectionsAt(*all, 2)) {
      int n = e.heading.size() > 1 && e.heading[0] == 'E' ? std::atoi(e.heading.c_str() + 1) : 0;
      for (int f : FeatureRefs(FieldValue(e.body, "Covers"))) epic_of.try_emplace(f, n);
    }
  auto owner = [&](const std::vector<int>& serves) {
    int best = 0;
    for (int f : serves)
      if (epic_of.count(f) && (best == 0 || epic_of[f] < best)) best = epic_of[f];
    return best == 0 ? epic : best;
  };
  std::vector<Named> mine_ep, mine_co;
  for (const auto& e : endpoints)
    if (Serves(e, features) && owner(e.serves) == epic) mine_ep.push_back(e);
  for (const auto& c : components)
    if (Serves(c, features)) mine_co.push_back(c);
  std::map<std::string, int> entity_owner;  // an entity is stored by the first epic with an endpoint about it
  for (const auto& e : endpoints)
    if (!e.resources.empty() && is_entity(e.resources[0]) && e.name != "POST /sync" && !e.serves.empty()) {
      int o = owner(e.serves);
      auto [it, fresh] = entity_owner.try_emplace(e.resources[0], o);
      if (!fresh && o < it->second) it->second = o;
    }
  std::vector<std::string> mine_en;
  for (const auto& e : mine_ep)
    if (!e.resources.empty() && entity_owner.count(e.resources[0]) && entity_owner[e.resources[0]] == epic &&
        !std::count(mine_en.begin(), mine_en.end(), e.resources[0]))
      mine_en.push_back(e.resources[0]);
  if (mine_en.empty() && endpoints.empty())  // upstream without endpoints: match entity names in the epic's text
    for (const auto& n : entities)
      if (IContains(ctx.fan_out_item_body, n)) mine_en.push_back(n);

  std::string out = "## " + heading + "\n";
  int k = 0;
  if (epic == 1) {
    std::vector<std::string> shell;
    for (const auto& c : components)
      if (c.serves.empty() && shell.size() < 4) shell.push_back(c.name);
    Task(&out, epic, &k, "Project skeleton on " + StackIdFor(in), shell,
         "Set up the repository, CI, the app shell and the shared components; done when an empty app deploys to "
         "staging.");
  }
  if (!mine_en.empty())
    Task(&out, epic, &k, "Store " + JoinList(mine_en), mine_en,
         "Create the tables and migrations with the fields in data-model.md, with tests for each constraint.");
  // One API task per entity the endpoints are about (their first resource).
  std::vector<std::string> groups;
  for (const auto& e : mine_ep) {
    std::string g = e.resources.empty() ? "" : e.resources[0];
    if (!std::count(groups.begin(), groups.end(), g)) groups.push_back(g);
  }
  for (const auto& g : groups) {
    std::vector<std::string> touches;
    std::set<std::string> res;
    for (const auto& e : mine_ep)
      if ((e.resources.empty() ? "" : e.resources[0]) == g) {
        touches.push_back(e.name);
        for (const auto& r : e.resources)
          if (is_entity(r)) res.insert(r);
      }
    for (const auto& r : res) touches.push_back(r);
    Task(&out, epic, &k,
         "API for " + (g.empty() ? std::string("the epic") : g) + " (" + std::to_string(touches.size() - res.size()) +
             " endpoint" + (touches.size() - res.size() == 1 ? "" : "s") + ")",
         touches, "Implement the endpoints as specified in api-spec.md, with request validation and contract tests.");
  }
  for (const auto& c : mine_co) {
    std::vector<std::string> touches = {c.name};
    for (const auto& e : endpoints)  // what the screen reads, whichever epic builds it
      if (Serves(e, c.serves) && StartsWith(e.name, "GET ") && touches.size() < 4) touches.push_back(e.name);
    Task(&out, epic, &k, "UI: " + c.name, touches,
         "Build the component from component-mapping.md with its tokens and all four states; done when it passes its "
         "story in the journey map.");
  }
  std::vector<std::string> test_touches;
  for (const auto& c : mine_co) test_touches.push_back(c.name);
  Task(&out, epic, &k, "Acceptance tests for " + (features.empty() ? std::string("the epic") : FeatureList(features)),
       test_touches, "Automate every acceptance criterion of the covered features as an end-to-end test.");
  return out;
}

std::string GenerateTasks(const GenInput& in) {
  std::string out = Header(in, "Tasks");
  const std::string* epics = in.Input("epics.md");
  auto items = epics ? HeadingItems(*epics, 2) : std::vector<FanOutItem>{};
  if (items.empty()) out += "\nNo epics.md among the inputs, so there are no epics to break into tasks.\n";
  for (size_t i = 0; i < items.size(); ++i) {
    GenerationContext item = *in.ctx;
    item.fan_out_item = items[i].title;
    item.fan_out_item_body = items[i].body;
    item.fan_out_index = static_cast<int>(i);
    item.fan_out_count = static_cast<int>(items.size());
    GenInput sub = in;
    sub.ctx = &item;
    out += "\n" + GenerateTaskSection(sub);
  }
  return out;
}

}  // namespace specwave::offline
