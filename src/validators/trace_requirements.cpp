// Requirements as PRDs write them and epics with what they cover.
//
// A requirement is defined where its id starts a heading ("### FR-003:
// Export", "### Requirement 3: Export", "### F3 — Export"), a list item or
// line ("- FR3: A skipper can ...", "- **FR-003**: System MUST ...") or a
// table row's id cell ("| FR-003 | ... |"); on a list item or line a mark
// (":", "—", "-", ".", ")") must follow the id, so "F1, F2 ship first" is no
// definition. The first definition of an id counts. Under a requirement's
// heading, numbered items count as its acceptance criteria (Kiro's 3.1, 3.2).
//
// An epic is a heading "E1: ...", "Epic 1: ...", "Epic 1 Title" (BMAD v4
// writes no separator); a second heading for the same epic (an "Epic List"
// entry before the epic itself) is the same epic, defined at the shallower
// heading. Coverage lines anywhere in an epic's section count, and so do
// lines of a coverage map ("### FR Coverage Map": "FR3: Epic 2 - Booking",
// "| FR3 | Epic 2 |") wherever it sits.
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "design/text_scan.hpp"
#include "validators/trace_parse.hpp"

namespace specwave::validators {
namespace {

constexpr size_t kMaxTitle = 60;

struct ReqHead {
  ReqMatch match;
  std::string title;
};

// "FR-003: Export" -> FR3 / "Export". A heading needs no mark after the id;
// a line does (and some text after it).
std::optional<ReqHead> ReqDefinitionIn(std::string_view text, bool heading) {
  std::string t = UnmarkLine(text);
  auto m = ReqIdAt(t, 0);
  if (!m) return std::nullopt;
  bool mark = false;
  std::string_view rest = SkipTitleSeparator(std::string_view(t).substr(m->length), &mark);
  if (!heading && (!mark || rest.empty())) return std::nullopt;
  return ReqHead{*m, Excerpt(rest, kMaxTitle)};
}

bool IsIdHeader(std::string_view cell) {
  std::string h = ToLower(UnmarkLine(cell));
  for (std::string_view k : {"id", "#", "ref", "req id", "requirement id", "fr", "key", "no.", "number"})
    if (h == k) return true;
  return false;
}

// A numbered list item at the top level ("1. WHEN ..."): its number, else 0.
int NumberedItem(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i > 3) return 0;
  int v = 0;
  size_t d = 0;
  while (i + d < line.size() && line[i + d] >= '0' && line[i + d] <= '9' && d < 4) v = v * 10 + (line[i + d++] - '0');
  if (!d || i + d + 1 >= line.size() || (line[i + d] != '.' && line[i + d] != ')') || line[i + d + 1] != ' ') return 0;
  return v;
}

}  // namespace

std::vector<FeatureDef> ReadFeatures(std::string_view prd) {
  MarkdownLines md(prd);
  std::vector<FeatureDef> out;
  std::map<std::string, size_t> at;
  int criteria_of = -1, criteria_level = 0;  // the requirement whose numbered criteria are being counted
  int id_column = -1;                        // in a table: the column holding ids
  auto add = [&](const ReqHead& h, int line, const char* form) -> int {
    std::string key = ReqKey(h.match.id.family, h.match.id.number);
    if (at.count(key)) return -1;  // the first definition counts
    FeatureDef f;
    f.id = key;
    f.title = h.title;
    f.line = line;
    f.label = h.match.id.written;
    f.style = h.match.style;
    f.form = form;
    f.family = h.match.id.family;
    f.number = h.match.id.number;
    at.emplace(key, out.size());
    out.push_back(std::move(f));
    return static_cast<int>(out.size()) - 1;
  };
  const auto& lines = md.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    const MdLine& l = lines[i];
    if (l.in_frontmatter || l.in_code) continue;
    if (l.heading_level) {
      id_column = -1;
      if (criteria_of >= 0 && l.heading_level <= criteria_level) criteria_of = -1;
      if (l.heading_level < 2) continue;
      if (auto h = ReqDefinitionIn(l.heading, true)) {
        int idx = add(*h, l.number, "heading");
        if (idx >= 0) {
          criteria_of = idx;
          criteria_level = l.heading_level;
        }
      }
      continue;
    }
    auto cells = SplitTableRow(l.text);
    if (!cells.empty()) {
      if (i + 1 < lines.size() && IsTableSeparator(lines[i + 1].text) && !IsTableSeparator(l.text)) {
        id_column = 0;
        for (size_t c = 0; c < cells.size(); ++c)
          if (IsIdHeader(cells[c])) id_column = static_cast<int>(c);
        ++i;
        continue;
      }
      if (id_column < 0 || static_cast<size_t>(id_column) >= cells.size()) continue;
      std::string cell = UnmarkLine(cells[static_cast<size_t>(id_column)]);
      auto m = ReqIdAt(cell, 0);
      if (!m || m->length != Trim(cell).size()) continue;
      std::string title;
      for (size_t c = static_cast<size_t>(id_column) + 1; c < cells.size() && title.empty(); ++c)
        title = Excerpt(UnmarkLine(cells[c]), kMaxTitle);
      add({*m, title}, l.number, "table row");
      continue;
    }
    id_column = -1;
    if (criteria_of >= 0)
      if (int n = NumberedItem(l.text)) out[static_cast<size_t>(criteria_of)].criteria = std::max(out[static_cast<size_t>(criteria_of)].criteria, n);
    std::string_view t = StripListMarker(l.text);
    bool list = t.size() != Trim(l.text).size();
    if (auto h = ReqDefinitionIn(t, false)) add(*h, l.number, list ? "list item" : "line");
  }
  return out;
}

namespace {

struct EpicHead {
  int number = 0;
  std::string style, title, label;
};

std::optional<EpicHead> EpicHeading(std::string_view heading) {
  std::string t = UnmarkLine(heading);
  auto m = EpicIdAt(t, 0);
  if (!m) return std::nullopt;
  std::string_view rest = SkipTitleSeparator(std::string_view(t).substr(m->length));
  return EpicHead{m->number, m->style, std::string(Trim(rest)), t.substr(0, m->length)};
}

bool IsCoverageMapHeading(std::string_view heading) {
  std::string h = ToLower(heading);
  bool reqs = h.find("fr") != std::string::npos || h.find("requirement") != std::string::npos ||
              h.find("feature") != std::string::npos;
  return h.find("coverage") != std::string::npos || h.find("traceability") != std::string::npos ||
         (reqs && (h.find("map") != std::string::npos || h.find("matrix") != std::string::npos));
}

// "FR3: Epic 2 - Booking", "| FR3 | Epic 2 |": the requirements before the
// first epic mention, and every epic mentioned.
void ReadMapLine(std::string_view text, int line, std::vector<std::pair<int, ReqRef>>* out) {
  std::string t = UnmarkLine(text);
  size_t first = std::string::npos;
  std::vector<int> epics;
  for (size_t i = 0; i < t.size(); ++i)
    if (auto m = EpicIdAt(t, i)) {
      if (first == std::string::npos) first = i;
      epics.push_back(m->number);
      i += m->length - 1;
    }
  if (epics.empty() || first == 0) return;
  for (const auto& r : ReqIdsIn(std::string_view(t).substr(0, first)))
    if (!r.bare)
      for (int e : epics) out->push_back({e, {r, line}});
}

// "**FRs Addressed:** FR2" -> "FRs Addressed".
std::string KeyOf(std::string_view line) {
  std::string s = UnmarkLine(StripListMarker(line));
  return std::string(Trim(std::string_view(s).substr(0, s.find(':'))));
}

}  // namespace

std::vector<EpicDef> ReadEpics(std::string_view epics) {
  MarkdownLines md(epics);
  std::vector<EpicDef> out;
  std::map<std::string, size_t> at;
  std::vector<std::pair<int, ReqRef>> mapped;  // (epic number, requirement) from coverage maps
  int current = -1, epic_level = 0, map_level = 0;
  for (const auto& l : md.lines()) {
    if (l.in_frontmatter || l.in_code) continue;
    if (l.heading_level) {
      if (map_level && l.heading_level <= map_level) map_level = 0;
      if (auto e = EpicHeading(l.heading)) {
        std::string id = "E" + std::to_string(e->number);
        auto it = at.find(id);
        if (it == at.end()) {
          EpicDef d;
          d.id = id;
          d.title = e->title;
          d.line = l.number;
          d.label = e->label;
          d.style = e->style;
          d.level = l.heading_level;
          it = at.emplace(id, out.size()).first;
          out.push_back(std::move(d));
        } else if (l.heading_level < out[it->second].level) {
          EpicDef& d = out[it->second];  // the epic itself, after its entry in a list of epics
          d.line = l.number;
          d.level = l.heading_level;
          if (!e->title.empty()) d.title = e->title;
        }
        current = static_cast<int>(it->second);
        epic_level = l.heading_level;
        continue;
      }
      if (l.heading_level <= epic_level) {
        current = -1;  // a heading that closes the epic's section
        epic_level = 0;
      }
      if (current < 0 && IsCoverageMapHeading(l.heading)) map_level = l.heading_level;
      continue;
    }
    if (current >= 0) {
      if (auto v = KeyLineValue(l.text, CoverageKeys())) {
        EpicDef& e = out[static_cast<size_t>(current)];
        if (!e.covers_line) {
          e.covers_line = l.number;
          e.covers_key = KeyOf(l.text);
        }
        for (const auto& r : ReqIdsIn(*v)) e.covers.push_back({r, l.number});
      }
    } else if (map_level) {
      ReadMapLine(l.text, l.number, &mapped);
    }
  }
  for (const auto& [number, ref] : mapped) {
    auto it = at.find("E" + std::to_string(number));
    if (it == at.end()) continue;
    EpicDef& e = out[it->second];
    if (!e.covers_line) e.covers_key = "coverage map";
    e.covers.push_back(ref);
  }
  return out;
}

}  // namespace specwave::validators
