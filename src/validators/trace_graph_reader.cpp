#include "validators/trace_graph_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "design/text_scan.hpp"
#include "validators/trace_parse.hpp"

namespace specwave::validators {
namespace {

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

const std::string* Find(const NamedTexts& all, std::string_view name) {
  for (const auto& [n, text] : all)
    if (IEquals(BaseName(n), name)) return &text;
  return nullptr;
}

std::vector<std::string_view> Lines(const std::string& text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      std::string_view l(text.data() + start, i - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      out.push_back(l);
      start = i + 1;
    }
  return out;
}

bool IsHeadingLine(const std::vector<std::string_view>& lines, int line) {
  if (line < 1 || line > static_cast<int>(lines.size())) return false;
  std::string_view l = Trim(lines[line - 1]);
  return !l.empty() && l[0] == '#';
}

std::string ReqRefKey(const ReqRef& r) { return r.id.bare ? "" : ReqKey(r.id.family, r.id.number); }

// Requirement ids written anywhere in a line (at word starts).
std::vector<std::string> RequirementsInLine(std::string_view line) {
  std::vector<std::string> out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && (IsAsciiAlnum(line[i - 1]) || line[i - 1] == '_' || line[i - 1] == '-')) continue;
    if (auto m = ReqIdAt(line, i)) {
      std::string key = ReqKey(m->id.family, m->id.number);
      if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
      i += m->length > 0 ? m->length - 1 : 0;
    }
  }
  return out;
}

struct Builder {
  TraceGraph graph;
  std::set<std::string> traced;

  TraceNode& Add(TraceKind kind, std::string key, std::string label, const std::string& artifact, int line,
                 bool heading) {
    TraceNode n;
    n.kind = kind;
    n.key = std::move(key);
    n.label = std::move(label);
    n.artifact = artifact;
    n.line = line;
    n.heading = heading;
    graph.nodes.push_back(std::move(n));
    traced.insert(artifact);
    return graph.nodes.back();
  }
};

void AddRef(TraceNode& n, const std::string& key, std::string_view written = {}) {
  if (!key.empty() && key != n.key && std::find(n.refs.begin(), n.refs.end(), key) == n.refs.end()) {
    n.refs.push_back(key);
    n.ref_names.emplace_back(written.empty() ? std::string_view(key) : written);
  }
}

}  // namespace

TraceGraph ReadTraceGraph(const NamedTexts& all) {
  Builder b;
  if (const std::string* prd = Find(all, "prd.md")) {
    auto lines = Lines(*prd);
    for (const auto& f : ReadFeatures(*prd))
      b.Add(TraceKind::kRequirement, f.id, f.label.empty() ? f.id : f.label, "prd.md", f.line,
            IsHeadingLine(lines, f.line));
  }
  if (const std::string* epics = Find(all, "epics.md")) {
    auto lines = Lines(*epics);
    for (const auto& e : ReadEpics(*epics)) {
      TraceNode& n = b.Add(TraceKind::kEpic, e.id, e.id, "epics.md", e.line, IsHeadingLine(lines, e.line));
      for (const auto& r : e.covers) AddRef(n, ReqRefKey(r));
    }
  }
  // Entities, endpoints and components first, so that a task's Touches: can
  // be told apart (a name is an endpoint, an entity or a component).
  std::map<std::string, std::string> entity_keys, component_keys;  // EntityKey -> node key
  if (const std::string* model = Find(all, "data-model.md")) {
    auto lines = Lines(*model);
    for (const auto& e : ReadEntities(*model)) {
      std::string key = "entity:" + EntityKey(e.name);
      entity_keys[EntityKey(e.name)] = key;
      b.Add(TraceKind::kEntity, key, "entity " + e.name, "data-model.md", e.line, IsHeadingLine(lines, e.line));
    }
  }
  auto entity_for = [&](const std::string& name) -> std::string {
    for (const auto& [k, key] : entity_keys)
      if (SameEntity(k, EntityKey(name))) return key;
    return "";
  };
  if (const std::string* api = Find(all, "api-spec.md")) {
    auto lines = Lines(*api);
    for (const auto& e : ReadEndpoints(*api)) {
      std::string name = e.method + " " + e.path;
      TraceNode& n = b.Add(TraceKind::kEndpoint, "endpoint:" + name, "endpoint " + name, "api-spec.md", e.line,
                           IsHeadingLine(lines, e.line));
      for (const auto& r : e.resources) AddRef(n, entity_for(r.id));
    }
  }
  if (const std::string* comps = Find(all, "component-mapping.md")) {
    auto lines = Lines(*comps);
    for (const auto& c : ReadComponents(*comps)) {
      std::string key = "component:" + EntityKey(c.name);
      component_keys[EntityKey(c.name)] = key;
      b.Add(TraceKind::kComponent, key, "component " + c.name, "component-mapping.md", c.line,
            IsHeadingLine(lines, c.line));
    }
  }
  if (const std::string* tasks = Find(all, "tasks.md")) {
    auto lines = Lines(*tasks);
    for (const auto& t : ReadTasks(*tasks)) {
      TraceNode& n = b.Add(TraceKind::kTask, t.id, t.label.empty() ? t.id : t.label, "tasks.md", t.line,
                           IsHeadingLine(lines, t.line));
      if (t.epic) AddRef(n, EpicRefIn(t.epic->id));
      else if (!t.section_epic.empty()) AddRef(n, t.section_epic);
      else if (t.implied_epic > 0) AddRef(n, "E" + std::to_string(t.implied_epic));
      for (const auto& r : t.requirements) AddRef(n, ReqRefKey(r));
      for (const auto& touch : t.touches) {
        std::string_view name = Trim(touch.id);
        size_t space = name.find(' ');
        if (space != std::string_view::npos && space <= 7 && name.find('/') != std::string_view::npos) {
          AddRef(n, "endpoint:" + std::string(name), name);
          continue;
        }
        if (auto it = component_keys.find(EntityKey(name)); it != component_keys.end()) {
          AddRef(n, it->second, name);
          continue;
        }
        // Neither a component nor a known entity: kept as an entity nobody
        // defines, so an upward flag can name it (regeneration.hpp).
        std::string entity = entity_for(std::string(name));
        AddRef(n, entity.empty() ? "entity:" + EntityKey(name) : entity, name);
      }
    }
  }
  // Journey steps: every line of journey-maps.md that names a requirement,
  // labelled by its journey (the nearest heading) and its step number.
  if (const std::string* journeys = Find(all, "journey-maps.md")) {
    auto lines = Lines(*journeys);
    std::string journey;
    int step = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view l = Trim(lines[i]);
      if (!l.empty() && l[0] == '#') {
        journey = std::string(Trim(l.substr(l.find_first_not_of('#'))));
        if (StartsWith(journey, "Journey:")) journey = std::string(Trim(std::string_view(journey).substr(8)));
        step = 0;
        continue;
      }
      std::string_view item = StripListMarker(l);
      if (item.size() != l.size()) ++step;
      auto reqs = RequirementsInLine(l);
      if (reqs.empty()) continue;
      std::string label = "journey '" + journey + "'" + (step > 0 ? ", step " + std::to_string(step) : "");
      TraceNode& n = b.Add(TraceKind::kJourneyStep, "journey:" + journey + "#" + std::to_string(i + 1), label,
                           "journey-maps.md", static_cast<int>(i + 1), false);
      for (const auto& r : reqs) AddRef(n, r);
    }
  }
  b.graph.traced_artifacts.assign(b.traced.begin(), b.traced.end());
  return b.graph;
}

}  // namespace specwave::validators
