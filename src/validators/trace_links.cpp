// Links between the technical artifacts: an endpoint's Resources: are
// entities of data-model.md; a component's Tokens: are design tokens; a
// task's Touches: are entities, endpoints or components. Names compare
// case-insensitively with a plural allowed (SameEntity); endpoints compare
// by method and path, path parameters in any spelling ({id}, {tripId}, :id,
// <id>) being one, and a base prefix (/api/v1) on one side only ignored.
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "validators/trace_check.hpp"

namespace specwave::validators {

void CheckResources(const TraceInput& in, GapSink& gaps) {
  if (in.api.present && in.endpoints.empty())
    gaps.Add("no-endpoints", Severity::kWarning,
             "no endpoints recognised in " + in.api.name +
                 ": write each as a heading, a line or a table row starting \"METHOD /path\"",
             {{in.api.name, 0}}, in.api);
  if (!gaps.Pair(in.api, in.model, "API resources against the data model")) return;
  gaps.report().endpoints = static_cast<int>(in.endpoints.size());
  std::map<int, int> table_without_column;  // header line -> endpoints
  for (const auto& ep : in.endpoints) {
    std::string name = ep.method + " " + ep.path;
    if (!ep.has_resources_line) {
      if (ep.table_line) {
        table_without_column[ep.table_line]++;
        continue;
      }
      gaps.Add("endpoint-without-resources", Severity::kWarning,
               name + " has no Resources: line naming the data-model entities it reads or writes",
               {{in.api.name, ep.line}}, in.api);
      continue;
    }
    for (const auto& r : ep.resources)
      if (std::none_of(in.entities.begin(), in.entities.end(), [&](const NamedDef& e) { return SameEntity(e.name, r.id); }))
        gaps.Add("resource-not-in-model", Severity::kError,
                 name + " names resource " + r.id + ", which " + in.model.name + " does not define as an entity",
                 {{in.api.name, r.line}, {in.model.name, 0}}, in.api);
  }
  for (const auto& [line, n] : table_without_column)
    gaps.Add("endpoint-without-resources", Severity::kWarning,
             std::to_string(n) + " endpoint" + (n == 1 ? "" : "s") +
                 " in this table have no Resources column naming the data-model entities they read or write",
             {{in.api.name, line}}, in.api);
}

void CheckComponentTokens(const TraceInput& in, GapSink& gaps) {
  if (!gaps.Pair(in.components, in.tokens, "component tokens against the design tokens")) return;
  DesignTokens tokens = ParseDesignTokens(in.tokens.text);
  gaps.report().components = static_cast<int>(in.component_defs.size());
  for (const auto& c : in.component_defs) {
    std::vector<std::string> unknown;
    int line = 0;
    for (const auto& t : c.tokens)
      if (!tokens.Defines(t.id) && std::find(unknown.begin(), unknown.end(), t.id) == unknown.end()) {
        unknown.push_back(t.id);
        if (!line) line = t.line;
      }
    if (unknown.empty()) continue;
    gaps.Add("component-unknown-token", Severity::kError,
             c.name + " uses " + Join(unknown, ", ") + ", which " + in.tokens.name + " does not define",
             {{in.components.name, line}, {in.tokens.name, 0}}, in.components);
  }
}

namespace {

constexpr const char* kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

// "/Trips/{tripId}/" -> {"trips", "{}"}: lower case, parameters alike, no query.
std::vector<std::string> PathSegments(std::string_view path) {
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string> out;
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!seg.empty()) {
      bool param = seg[0] == '{' || seg[0] == ':' || seg[0] == '<' || seg[0] == '[';
      out.push_back(param ? "{}" : ToLower(seg));
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

// The same path, or one ending with the other at a segment boundary (/api/v1/trips and /trips).
bool SamePath(std::string_view a, std::string_view b) {
  auto x = PathSegments(a), y = PathSegments(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (x.empty()) return y.empty();
  return std::equal(x.rbegin(), x.rend(), y.rbegin());
}

struct Touch {
  std::string method, path, name;  // an endpoint (method may be empty: any), or a name
  bool file = false;
};

Touch Classify(std::string_view item) {
  Touch t;
  std::string_view s = Trim(item);
  for (const char* m : kMethods) {
    size_t n = std::char_traits<char>::length(m);
    if (s.size() > n + 1 && IEquals(s.substr(0, n), m) && s[n] == ' ') {
      std::string_view p = Trim(s.substr(n));
      t.method = m;
      t.path = std::string(p.substr(0, p.find(' ')));
      return t;
    }
  }
  if (StartsWith(s, "/")) {
    t.path = std::string(s.substr(0, s.find(' ')));
    return t;
  }
  // A file: "src/models/trip.ts", "apps/web/prices.tsx", "README.md".
  size_t dot = s.rfind('.');
  bool extension = dot != std::string_view::npos && dot + 1 < s.size() && s.size() - dot <= 5 &&
                   s.find(' ') == std::string_view::npos && IsAsciiLetter(s[dot + 1]);
  if (s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos || extension) {
    t.file = true;
    return t;
  }
  // "Trip entity", "TripCard component": the kind word is not part of the name.
  for (std::string_view kind : {" entity", " entities", " component", " components", " endpoint", " table", " model"})
    if (s.size() > kind.size() && IEquals(s.substr(s.size() - kind.size()), kind)) s = Trim(s.substr(0, s.size() - kind.size()));
  t.name = std::string(s);
  return t;
}

}  // namespace

void CheckTouches(const TraceInput& in, GapSink& gaps) {
  if (!in.tasks.present) return;
  // A name can only be called unknown when every document it could come from is here.
  const bool names = in.model.present && in.components.present;
  for (const auto& t : in.task_defs)
    for (const auto& item : t.touches) {
      Touch touch = Classify(item.id);
      if (touch.file) continue;
      if (!touch.path.empty()) {
        if (!in.api.present) continue;
        bool found = std::any_of(in.endpoints.begin(), in.endpoints.end(), [&](const EndpointDef& e) {
          return (touch.method.empty() || e.method == touch.method) && SamePath(e.path, touch.path);
        });
        if (!found)
          gaps.Add("task-touches-unknown", Severity::kError,
                   t.label + " touches " + item.id + ", which " + in.api.name + " does not define",
                   {{in.tasks.name, item.line}, {in.api.name, 0}}, in.tasks);
        continue;
      }
      bool found =
          std::any_of(in.entities.begin(), in.entities.end(),
                      [&](const NamedDef& e) { return SameEntity(e.name, touch.name); }) ||
          std::any_of(in.component_defs.begin(), in.component_defs.end(),
                      [&](const ComponentDef& c) { return SameEntity(c.name, touch.name); });
      if (found || !names) continue;
      gaps.Add("task-touches-unknown", Severity::kError,
               t.label + " touches " + item.id + ", which is no entity of " + in.model.name +
                   ", endpoint of " + in.api.name + " or component of " + in.components.name,
               {{in.tasks.name, item.line}, {in.model.name, 0}, {in.components.name, 0}}, in.tasks);
    }
}

}  // namespace specwave::validators
