// Endpoints as API documents write them: a heading "### GET /trips/{id}"
// (any case), a line that starts with an upper-case method and a path
// ("**POST /trips**", "`DELETE /trips/{id}` — cancel", "- **GET** `/trips`"),
// or a table row with a method column and a path column ("| POST | /trips |
// ... |") or one "METHOD /path" cell. A Resources: line after a heading or
// line belongs to that endpoint; a table's resources come from its
// Resources (Entities, Models, Tables) column. The same endpoint written
// twice (a summary table, then a section) is one endpoint with the
// resources of both.
#include <map>

#include "core/text.hpp"
#include "design/text_scan.hpp"
#include "validators/trace_parse.hpp"

namespace specwave::validators {
namespace {

constexpr const char* kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

// "GET /trips/{id} — text" -> {"GET", "/trips/{id}"}; `any_case` for headings.
std::optional<std::pair<std::string, std::string>> EndpointAt(std::string_view text, bool any_case) {
  std::string s = UnmarkLine(text);
  std::string_view t = Trim(s);
  for (const char* m : kMethods) {
    size_t n = std::char_traits<char>::length(m);
    if (t.size() <= n + 1 || (t[n] != ' ' && t[n] != '\t')) continue;
    if (any_case ? !IEquals(t.substr(0, n), m) : t.substr(0, n) != m) continue;
    std::string_view path = Trim(t.substr(n));
    path = path.substr(0, path.find_first_of(" \t"));
    while (!path.empty() && (path.back() == ',' || path.back() == ':' || path.back() == '.')) path.remove_suffix(1);
    if (path.empty() || path[0] != '/') return std::nullopt;
    return std::make_pair(std::string(m), std::string(path));
  }
  return std::nullopt;
}

struct EndpointColumns {
  int method = -1, path = -1, both = -1, resources = -1;
};

EndpointColumns ReadEndpointHeader(const std::vector<std::string_view>& cells) {
  EndpointColumns c;
  for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
    std::string h = ToLower(UnmarkLine(cells[static_cast<size_t>(i)]));
    auto set = [&](int* slot) {
      if (*slot < 0) *slot = i;
    };
    if (h == "method" || h == "verb" || h == "http method")
      set(&c.method);
    else if (h == "path" || h == "route" || h == "url" || h == "uri" || h == "resource path")
      set(&c.path);
    else if (h == "endpoint" || h == "api" || h == "request" || h == "operation")
      set(&c.both);
    else if (h == "resources" || h == "resource" || h == "entities" || h == "entity" || h == "models" ||
             h == "tables" || h == "data")
      set(&c.resources);
  }
  return c;
}

}  // namespace

std::vector<EndpointDef> ReadEndpoints(std::string_view api) {
  MarkdownLines md(api);
  std::vector<EndpointDef> out;
  std::map<std::string, size_t> at;
  int current = -1, level = 0;  // the endpoint whose Resources: line may follow
  EndpointColumns cols;
  bool in_table = false;
  int table_line = 0;
  auto add = [&](std::pair<std::string, std::string> ep, int line, const char* form) -> size_t {
    std::string key = ep.first + " " + ep.second;
    auto it = at.find(key);
    if (it != at.end()) return it->second;
    EndpointDef d;
    d.method = ep.first;
    d.path = ep.second;
    d.line = line;
    d.form = form;
    at.emplace(key, out.size());
    out.push_back(std::move(d));
    return out.size() - 1;
  };
  const auto& lines = md.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    const MdLine& l = lines[i];
    if (l.in_frontmatter || l.in_code) continue;
    if (l.heading_level) {
      in_table = false;
      if (auto ep = EndpointAt(l.heading, true)) {
        current = static_cast<int>(add(*ep, l.number, "heading"));
        level = l.heading_level;
      } else if (level == 0 || l.heading_level <= level) {  // a line's endpoint ends at any heading
        current = -1;
        level = 0;
      }
      continue;
    }
    auto cells = SplitTableRow(l.text);
    if (!cells.empty()) {
      if (i + 1 < lines.size() && IsTableSeparator(lines[i + 1].text) && !IsTableSeparator(l.text)) {
        cols = ReadEndpointHeader(cells);
        in_table = (cols.method >= 0 && cols.path >= 0) || cols.both >= 0;
        table_line = l.number;
        ++i;
        continue;
      }
      if (!in_table) continue;
      auto cell = [&](int c) { return c >= 0 && static_cast<size_t>(c) < cells.size() ? cells[static_cast<size_t>(c)] : std::string_view{}; };
      auto ep = cols.both >= 0 ? EndpointAt(cell(cols.both), true)
                               : EndpointAt(UnmarkLine(cell(cols.method)) + " " + UnmarkLine(cell(cols.path)), true);
      if (!ep) continue;
      EndpointDef& d = out[add(*ep, l.number, "table row")];
      if (cols.resources >= 0) {
        d.has_resources_line = true;
        for (const auto& name : ListItems(cell(cols.resources))) d.resources.push_back({name, l.number});
      } else if (!d.has_resources_line && !d.table_line) {
        d.table_line = table_line;
      }
      continue;
    }
    in_table = false;
    if (auto ep = EndpointAt(StripListMarker(l.text), false)) {
      current = static_cast<int>(add(*ep, l.number, "line"));
      level = 0;
      continue;
    }
    if (current < 0) continue;
    if (auto v = KeyLineValue(l.text, ResourceKeys())) {
      EndpointDef& d = out[static_cast<size_t>(current)];
      d.has_resources_line = true;
      d.table_line = 0;
      for (const auto& name : ListItems(*v)) d.resources.push_back({name, l.number});
    }
  }
  return out;
}

}  // namespace specwave::validators
