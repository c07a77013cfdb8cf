#include "interop/specwave_model.hpp"

#include <cctype>

#include "core/text.hpp"

namespace specwave::interop {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Drops bold/code markers and spaces around an id-ish word.
std::string_view StripMarks(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    s = Trim(s);
    for (std::string_view m : {"**", "__", "`", "*", "_"}) {
      if (StartsWith(s, m)) s.remove_prefix(m.size()), again = true;
      if (EndsWith(s, m)) s.remove_suffix(m.size()), again = true;
    }
  }
  return s;
}

bool IsListItem(std::string_view line, size_t* marker_len) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && line[i + 1] == ' ') {
    *marker_len = i + 2;
    return true;
  }
  size_t d = i;
  while (d < line.size() && IsDigit(line[d])) ++d;
  if (d > i && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') {
    *marker_len = d + 2;
    return true;
  }
  return false;
}

}  // namespace

std::optional<IdHeading> ParseIdHeading(std::string_view heading, char prefix) {
  std::string_view s = Trim(heading);
  // Leading markup and an optional word: "**Feature F2** — ...", "Epic E1: ...".
  while (!s.empty() && (s[0] == '*' || s[0] == '_' || s[0] == '`')) s.remove_prefix(1);
  for (std::string_view word : {"feature ", "epic ", "task "})
    if (s.size() > word.size() && IEquals(s.substr(0, word.size()), word)) s.remove_prefix(word.size());
  if (s.empty() || std::toupper(static_cast<unsigned char>(s[0])) != prefix) return std::nullopt;
  s.remove_prefix(1);
  IdHeading out;
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) out.number = out.number * 10 + (s[i++] - '0');
  if (i == 0 || i > 6) return std::nullopt;
  if (prefix == 'T') {
    if (i >= s.size() || s[i] != '.') return std::nullopt;
    size_t j = ++i;
    while (i < s.size() && IsDigit(s[i])) out.sub = out.sub * 10 + (s[i++] - '0');
    if (i == j || i - j > 6) return std::nullopt;
  }
  if (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) return std::nullopt;
  if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) return std::nullopt;
  std::string_view rest = s.substr(i);
  while (!rest.empty() && (rest[0] == '*' || rest[0] == '_' || rest[0] == '`')) rest.remove_prefix(1);
  rest = Trim(rest);
  for (std::string_view sep : {":", "—", "–", "-", "."})
    if (StartsWith(rest, sep)) {
      rest.remove_prefix(sep.size());
      break;
    }
  out.title = std::string(Trim(rest));
  return out;
}

std::vector<int> IdNumbersIn(std::string_view text, char prefix) {
  std::vector<int> out;
  auto add = [&](int n) {
    for (int x : out)
      if (x == n) return;
    out.push_back(n);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != prefix || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) continue;
    size_t j = i + 1;
    int n = 0;
    while (j < text.size() && IsDigit(text[j]) && j - i <= 6) n = n * 10 + (text[j++] - '0');
    if (j == i + 1 || (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '.')))
      continue;
    // A range "F3-F5" / "F3–F5".
    size_t k = j;
    if (k < text.size() && text[k] == '-') ++k;
    else if (text.substr(k, 3) == "–") k += 3;
    if (k > j && k < text.size() && text[k] == prefix) {
      size_t m = k + 1;
      int hi = 0;
      while (m < text.size() && IsDigit(text[m])) hi = hi * 10 + (text[m++] - '0');
      if (m > k + 1 && hi > n && hi - n <= 50) {
        for (int x = n; x <= hi; ++x) add(x);
        i = m - 1;
        continue;
      }
    }
    add(n);
    i = j - 1;
  }
  return out;
}

std::optional<std::string> KeyValue(std::string_view line, std::initializer_list<std::string_view> keys) {
  std::string_view s = Trim(line);
  while (!s.empty() && (s[0] == '*' || s[0] == '_' || s[0] == '-' || s[0] == ' ')) s.remove_prefix(1);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view key = StripMarks(s.substr(0, colon));
  for (std::string_view k : keys)
    if (IEquals(key, k)) {
      std::string_view v = s.substr(colon + 1);
      while (!v.empty() && (v[0] == '*' || v[0] == '_')) v.remove_prefix(1);
      return std::string(Trim(v));
    }
  return std::nullopt;
}

std::vector<std::string> SplitNames(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && list[i] != ',' && list[i] != ';') continue;
    std::string_view item = StripMarks(list.substr(start, i - start));
    if (!item.empty()) out.emplace_back(item);
    start = i + 1;
  }
  return out;
}

std::pair<std::string, std::string> SplitFirstParagraph(std::string_view body) {
  std::string n = NormBody(body);
  size_t blank = n.find("\n\n");
  if (blank == std::string::npos) return {NormBody(n), ""};
  return {NormBody(n.substr(0, blank)), NormBody(n.substr(blank + 2))};
}

std::string UpperFirst(std::string_view s) {
  std::string out(s);
  if (!out.empty() && IsLower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string LowerFirst(std::string_view s) {
  std::string out(s);
  if (out.size() >= 2 && IsUpper(out[0]) && !IsUpper(out[1]) && !IsDigit(out[1]) && !(out[0] == 'I' && out[1] == ' '))
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

LabeledList SplitAtList(std::string_view body, std::initializer_list<std::string_view> labels) {
  LabeledList out;
  std::vector<std::string_view> lines = SplitLines(body);
  size_t label = lines.size();
  for (size_t i = 0; i < lines.size() && label == lines.size(); ++i) {
    std::string_view s = StripMarks(lines[i]);
    if (EndsWith(s, ":")) s.remove_suffix(1);
    s = StripMarks(s);
    for (std::string_view l : labels)
      if (IEquals(s, l)) label = i;
  }
  std::string before;
  for (size_t i = 0; i < label; ++i) before += std::string(lines[i]) + "\n";
  out.before = NormBody(before);
  if (label == lines.size()) return out;
  out.found = true;
  out.label = std::string(Trim(lines[label]));
  size_t i = label + 1;
  while (i < lines.size() && Trim(lines[i]).empty()) ++i;
  for (; i < lines.size(); ++i) {
    size_t marker = 0;
    if (IsListItem(lines[i], &marker)) {
      out.items.emplace_back(TrimRight(lines[i].substr(marker)));
    } else if (!Trim(lines[i]).empty() && !out.items.empty() && lines[i][0] == ' ') {
      out.items.back() += "\n" + std::string(TrimRight(lines[i]));
    } else if (Trim(lines[i]).empty()) {
      size_t next = i + 1, m = 0;
      while (next < lines.size() && Trim(lines[next]).empty()) ++next;
      if (next < lines.size() && IsListItem(lines[next], &m)) continue;
      break;
    } else {
      break;
    }
  }
  std::string after;
  for (; i < lines.size(); ++i) after += std::string(lines[i]) + "\n";
  out.after = NormBody(after);
  return out;
}

Feature ParseFeature(const MdNode& node) {
  Feature f;
  if (auto id = ParseIdHeading(node.heading, 'F')) {
    f.number = id->number;
    f.title = id->title;
  } else {
    f.title = node.heading;
  }
  f.children = node.children;
  LabeledList list = SplitAtList(node.body, {"acceptance", "acceptance criteria"});
  auto [statement, notes] = SplitFirstParagraph(list.before);
  f.statement = statement;
  f.notes = notes;
  f.acceptance_label = list.label;
  f.acceptance = list.items;
  f.after = list.after;
  return f;
}

MdNode FeatureNode(const Feature& f, int level) {
  std::string heading = "F" + std::to_string(f.number) + ": " + f.title;
  std::string list;
  for (const std::string& a : f.acceptance) list += "- " + a + "\n";
  std::string accept = f.acceptance_label.empty() && f.acceptance.empty()
                           ? ""
                           : (f.acceptance_label.empty() ? std::string("Acceptance:") : f.acceptance_label) + "\n" + list;
  MdNode n = MakeNode(level, heading, JoinBlocks({f.statement, f.notes, accept, f.after}));
  n.children = f.children;
  return n;
}

Epic ParseEpic(const MdNode& node) {
  Epic e;
  if (auto id = ParseIdHeading(node.heading, 'E')) {
    e.number = id->number;
    e.title = id->title;
  } else {
    e.title = node.heading;
  }
  e.children = node.children;
  std::string rest;
  bool found = false;
  for (std::string_view line : SplitLines(node.body)) {
    if (!found) {
      std::string_view key_end = Trim(line);
      if (auto v = KeyValue(line, {"covers", "features", "implements"})) {
        found = true;
        e.covers = IdNumbersIn(*v, 'F');
        size_t colon = key_end.find(':');
        e.covers_key = std::string(Trim(key_end.substr(0, colon)));
        while (!e.covers_key.empty() && (e.covers_key[0] == '*' || e.covers_key[0] == '-'))
          e.covers_key.erase(0, 1);
        while (!e.covers_key.empty() && e.covers_key.back() == '*') e.covers_key.pop_back();
        e.covers_key = std::string(Trim(e.covers_key));
        continue;
      }
    }
    rest += std::string(line) + "\n";
  }
  e.body = NormBody(rest);
  return e;
}

std::string CoversLine(const Epic& e) {
  std::string covers;
  for (int f : e.covers) covers += (covers.empty() ? "" : ", ") + std::string("F") + std::to_string(f);
  return e.covers.empty() ? "" : e.covers_key + ": " + covers;
}

MdNode EpicNode(const Epic& e, int level) {
  MdNode n = MakeNode(level, "E" + std::to_string(e.number) + ": " + e.title, JoinBlocks({CoversLine(e), e.body}));
  n.children = e.children;
  return n;
}

Task ParseTask(const MdNode& node, int section_epic) {
  Task t;
  t.epic = section_epic;
  if (auto id = ParseIdHeading(node.heading, 'T')) {
    t.epic = id->number;
    t.number = id->sub;
    t.title = id->title;
  } else {
    t.title = node.heading;
  }
  t.children = node.children;
  std::vector<std::string_view> lines = SplitLines(node.body);
  size_t i = 0;
  for (; i < lines.size(); ++i) {
    std::string_view line = Trim(lines[i]);
    if (line.empty()) break;
    size_t colon = line.find(':');
    std::string_view key = colon == std::string_view::npos ? "" : StripMarks(line.substr(0, colon));
    bool is_key = !key.empty() && key.size() <= 30 &&
                  key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -") == std::string_view::npos;
    if (!is_key) break;
    if (IEquals(key, "epic") || IEquals(key, "parent epic")) continue;
    if (IEquals(key, "touches")) t.touches = SplitNames(line.substr(colon + 1));
    t.key_lines.emplace_back(line);
  }
  std::string rest;
  for (; i < lines.size(); ++i) rest += std::string(lines[i]) + "\n";
  t.prose = NormBody(rest);
  return t;
}

std::string TaskBody(const Task& t) {
  std::string keys = "Epic: E" + std::to_string(t.epic) + "\n";
  for (const std::string& k : t.key_lines) keys += k + "\n";
  return JoinBlocks({keys, t.prose});
}

MdNode TaskNode(const Task& t, int level) {
  MdNode n = MakeNode(level, "T" + std::to_string(t.epic) + "." + std::to_string(t.number) + ": " + t.title, TaskBody(t));
  n.children = t.children;
  return n;
}

std::vector<TaskGroup> ReadTaskGroups(const MdDoc& doc) {
  std::vector<TaskGroup> groups;
  const MdNode* h1 = doc.H1();
  const MdNode& top = h1 ? *h1 : doc.root;
  for (const MdNode& g : top.children) {
    TaskGroup group;
    group.heading = g.heading;
    group.body = g.body;
    if (auto id = ParseIdHeading(g.heading, 'E')) group.epic = id->number;
    if (auto id = ParseIdHeading(g.heading, 'T')) {  // a task without an epic section
      group.epic = id->number;
      group.tasks.push_back(ParseTask(g, id->number));
      groups.push_back(group);
      continue;
    }
    for (const MdNode& t : g.children) group.tasks.push_back(ParseTask(t, group.epic));
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace specwave::interop
