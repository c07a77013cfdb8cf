#include "validators/trace_parse.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "design/text_scan.hpp"

namespace specwave::validators {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Bold, italics-by-asterisk and code marks removed: "**F1**" -> "F1".
std::string Unmark(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '*' && c != '`') out += c;
  return out;
}

// An identifier at the start of `s`: prefix (either case) + digits, for T also
// "." + digits. Returns its length, 0 if none; *canonical gets "T1.2".
size_t IdAt(std::string_view s, size_t i, char prefix, std::string* canonical) {
  if (i >= s.size() || std::toupper(static_cast<unsigned char>(s[i])) != prefix) return 0;
  if (i > 0 && (IsAsciiAlnum(s[i - 1]) || s[i - 1] == '_')) return 0;
  size_t j = i + 1, d = 0;
  while (j < s.size() && IsDigit(s[j]) && d < 6) ++j, ++d;
  if (!d) return 0;
  std::string id(1, prefix);
  id += std::string(s.substr(i + 1, d));
  if (prefix == 'T') {
    if (j + 1 >= s.size() || s[j] != '.' || !IsDigit(s[j + 1])) return 0;
    size_t k = j + 1;
    while (k < s.size() && IsDigit(s[k])) ++k;
    id += std::string(s.substr(j, k - j));
    j = k;
  }
  if (j < s.size() && (IsAsciiLetter(s[j]) || s[j] == '_')) return 0;  // "F1x", "E2E"
  // Drop leading zeros in numbers: "F01" -> "F1".
  std::string canon(1, prefix);
  for (size_t p = 1; p < id.size(); ++p) {
    bool lead_zero = id[p] == '0' && (p == 1 || id[p - 1] == '.') && p + 1 < id.size() && IsDigit(id[p + 1]);
    if (!lead_zero) canon += id[p];
  }
  *canonical = canon;
  return j - i;
}

// Walks a document's headings outside code and frontmatter.
template <typename F>
void ForEachHeading(const MarkdownLines& md, F f) {
  for (const auto& l : md.lines())
    if (l.heading_level && !l.in_code && !l.in_frontmatter) f(l);
}

}  // namespace

std::string_view StripListMarker(std::string_view t) {
  t = Trim(t);
  if (t.size() > 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') t = Trim(t.substr(2));
  else {
    size_t d = 0;
    while (d < t.size() && IsDigit(t[d])) ++d;
    if (d && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ') t = Trim(t.substr(d + 1));
  }
  // A checkbox: "- [ ] ...", "- [x] ...".
  if (t.size() >= 3 && t[0] == '[' && t[2] == ']' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X'))
    t = Trim(t.substr(3));
  return t;
}

const std::vector<std::string_view>& CoverageKeys() {
  static const std::vector<std::string_view> k = {
      "covers",           "features",          "implements",           "covered features",
      "feature",          "covers features",   "requirements",         "requirement",
      "reqs",             "requirements covered", "covers requirements", "requirements addressed",
      "addresses",        "frs addressed",     "frs covered",          "fr coverage",
      "frs",              "fr",                "functional requirements", "functional requirements covered",
      "fulfils",          "fulfills",          "satisfies",            "traces to",
      "prd requirements", "related requirements", "covered requirements", "requirements met"};
  return k;
}
const std::vector<std::string_view>& EpicKeys() {
  static const std::vector<std::string_view> k = {"epic", "parent epic", "parent", "belongs to", "epic id"};
  return k;
}
const std::vector<std::string_view>& TouchesKeys() {
  static const std::vector<std::string_view> k = {"touches", "touch", "affects", "touched"};
  return k;
}
const std::vector<std::string_view>& ResourceKeys() {
  static const std::vector<std::string_view> k = {"resources", "resource", "entities", "entity"};
  return k;
}

std::vector<std::string> ListItems(std::string_view value) {
  std::string v = Unmark(value);
  {
    // "none", "n/a", "-", "none (health check)": a line that says there is nothing.
    std::string_view t = Trim(v);
    while (!t.empty() && (t.back() == '.' || t.back() == '_')) t.remove_suffix(1);
    std::string lower = ToLower(t);
    for (std::string_view none : {"none", "n/a", "na", "-", "\xE2\x80\x94", "\xE2\x80\x93", "nothing", "(none)", "no entities"})
      if (lower == none || (StartsWith(lower, none) && none.size() > 2 && lower.size() > none.size() &&
                            (lower[none.size()] == ' ' || lower[none.size()] == '(')))
        return {};
  }
  for (size_t at; (at = ToLower(v).find(" and ")) != std::string::npos;) v.replace(at, 5, ",");
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&]() {
    std::string_view t = Trim(cur);
    // "Trip (read)" -> "Trip"
    if (size_t p = t.find('('); p != std::string_view::npos && p > 0 && !IEquals(t.substr(0, p), "var"))
      t = Trim(t.substr(0, p));
    while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == '_')) t.remove_suffix(1);
    while (!t.empty() && t.front() == '_') t.remove_prefix(1);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  int depth = 0;
  for (char c : v) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if ((c == ',' || c == ';') && depth == 0)
      flush();
    else
      cur += c;
  }
  flush();
  return out;
}

std::string EpicRefIn(std::string_view value) {
  std::string v = Unmark(value);
  for (size_t i = 0; i < v.size(); ++i)
    if (auto m = EpicIdAt(v, i)) return "E" + std::to_string(m->number);
  std::string_view t = Trim(v);
  size_t d = 0;
  while (d < t.size() && IsDigit(t[d])) ++d;
  if (d && d <= 6 && (d == t.size() || !IsAsciiAlnum(t[d]))) return "E" + std::to_string(std::atoi(std::string(t.substr(0, d)).c_str()));
  return std::string(t);
}

std::optional<std::pair<std::string, std::string>> ParseIdHeading(std::string_view heading, char prefix) {
  std::string h = Unmark(heading);
  std::string_view t = Trim(h);
  for (std::string_view word : {"feature", "epic", "task"}) {
    if (t.size() > word.size() + 1 && IEquals(t.substr(0, word.size()), word) && t[word.size()] == ' ') {
      t = Trim(t.substr(word.size()));
      break;
    }
  }
  std::string id;
  size_t n = IdAt(t, 0, prefix, &id);
  if (!n) return std::nullopt;
  std::string_view rest = t.substr(n);
  // Separators: ":", "—", "–", "-", ".", ")" and spaces.
  while (!rest.empty()) {
    if (rest[0] == ':' || rest[0] == '-' || rest[0] == '.' || rest[0] == ' ' || rest[0] == ')' || rest[0] == '\t') {
      rest.remove_prefix(1);
    } else if (StartsWith(rest, "\xE2\x80\x94") || StartsWith(rest, "\xE2\x80\x93")) {
      rest.remove_prefix(3);
    } else {
      break;
    }
  }
  return std::make_pair(id, std::string(Trim(rest)));
}

std::optional<std::string> KeyLineValue(std::string_view line, const std::vector<std::string_view>& keys) {
  std::string s = UnmarkLine(StripListMarker(line));  // "_Requirements: 1.1_" too
  std::string_view t = Trim(s);
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon > 32) return std::nullopt;
  std::string_view key = Trim(t.substr(0, colon));
  for (auto k : keys)
    if (IEquals(key, k)) return std::string(Trim(t.substr(colon + 1)));
  return std::nullopt;
}

std::vector<std::string> IdsIn(std::string_view text, char prefix) {
  std::vector<std::string> out;
  auto push = [&](const std::string& id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    std::string id;
    size_t n = IdAt(text, i, prefix, &id);
    if (!n) continue;
    push(id);
    // A range: F3-F5, F3–F5, F3..F5, F3 to F5.
    size_t j = i + n;
    size_t k = j;
    while (k < text.size() && text[k] == ' ') ++k;
    size_t sep = 0;
    if (k < text.size() && text[k] == '-')
      sep = 1;
    else if (StartsWith(text.substr(k), "\xE2\x80\x93") || StartsWith(text.substr(k), "\xE2\x80\x94"))
      sep = 3;
    else if (StartsWith(text.substr(k), ".."))
      sep = 2;
    else if (StartsWith(text.substr(k), "to "))
      sep = 3;
    if (sep && prefix != 'T') {
      size_t m = k + sep;
      while (m < text.size() && text[m] == ' ') ++m;
      std::string end_id;
      if (size_t en = IdAt(text, m, prefix, &end_id)) {
        int a = std::atoi(id.c_str() + 1), b = std::atoi(end_id.c_str() + 1);
        if (b > a && b - a <= 50)
          for (int x = a + 1; x <= b; ++x) push(std::string(1, prefix) + std::to_string(x));
        i = m + en - 1;
        continue;
      }
    }
    i = j - 1;
  }
  return out;
}

std::string EntityKey(std::string_view name) {
  std::string k;
  for (char c : Unmark(name))
    if (IsAsciiAlnum(c)) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

bool SameEntity(std::string_view a, std::string_view b) {
  std::string x = EntityKey(a), y = EntityKey(b);
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  if (x.size() > y.size()) std::swap(x, y);  // y is the longer: maybe the plural
  std::string_view tail = std::string_view(y).substr(x.size());
  if (StartsWith(y, x) && (tail == "s" || tail == "es")) return true;
  // category / categories
  return EndsWith(x, "y") && EndsWith(y, "ies") && x.substr(0, x.size() - 1) == y.substr(0, y.size() - 3);
}

namespace {

// A heading that names one thing: "Trip", "`Trip`", "Entity: Trip",
// "TideChart (view)" -> its first identifier; "" for section headings.
std::string NamedHeading(std::string_view heading) {
  static const std::vector<std::string_view> kSections = {
      "entities",    "relationships", "overview",    "notes",      "enums",      "enumerations", "indexes", "indices",
      "constraints", "summary",       "conventions", "glossary",   "components", "shared",       "states",  "tokens",
      "data",        "model",         "migrations",  "validation", "open",       "introduction"};
  std::string h = Unmark(heading);
  std::string_view t = Trim(h);
  for (std::string_view p : {"entity:", "entity ", "component:", "component "})
    if (t.size() > p.size() && IEquals(t.substr(0, p.size()), p)) t = Trim(t.substr(p.size()));
  size_t n = 0;
  while (n < t.size() && (IsAsciiAlnum(t[n]) || t[n] == '_')) ++n;
  if (n == 0 || !IsAsciiLetter(t[0])) return "";
  std::string name(t.substr(0, n));
  std::string lower = ToLower(name);
  for (auto s : kSections)
    if (lower == s) return "";
  return name;
}

}  // namespace

std::vector<NamedDef> ReadEntities(std::string_view data_model) {
  MarkdownLines md(data_model);
  std::vector<NamedDef> out;
  ForEachHeading(md, [&](const MdLine& l) {
    if (l.heading_level < 2) return;
    std::string name = NamedHeading(l.heading);
    // An entity's name is one word; "Data flow" and "Open questions" are sections.
    if (name.empty()) return;
    std::string whole = Unmark(l.heading);
    if (l.heading_level == 2 && Trim(whole).size() > name.size() + 12) return;
    out.push_back({name, l.number});
  });
  return out;
}

std::vector<ComponentDef> ReadComponents(std::string_view mapping) {
  MarkdownLines md(mapping);
  std::vector<ComponentDef> out;
  int level = 0;
  for (const auto& l : md.lines()) {
    if (l.in_frontmatter || l.in_code) continue;
    if (l.heading_level) {
      std::string name = l.heading_level >= 2 ? NamedHeading(l.heading) : "";
      if (!name.empty()) {
        out.push_back({name, l.number, {}, false});
        level = l.heading_level;
      } else if (l.heading_level <= level) {
        level = 0;
      }
      continue;
    }
    if (!level || out.empty()) continue;
    static const std::vector<std::string_view> kTokenKeys = {"tokens", "token", "design tokens", "uses tokens"};
    if (auto v = KeyLineValue(l.text, kTokenKeys)) {
      out.back().has_tokens_line = true;
      for (const auto& name : ListItems(*v)) out.back().tokens.push_back({name, l.number});
    }
  }
  return out;
}

}  // namespace specwave::validators
