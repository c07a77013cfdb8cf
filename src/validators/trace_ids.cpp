#include "validators/trace_ids.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "core/text.hpp"
#include "design/text_scan.hpp"

namespace specwave::validators {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// Digits at s[i] (at most 6): their value and count.
size_t DigitsAt(std::string_view s, size_t i, int* value) {
  size_t n = 0;
  int v = 0;
  while (i + n < s.size() && IsDigit(s[i + n]) && n < 6) v = v * 10 + (s[i + n++] - '0');
  if (i + n < s.size() && IsDigit(s[i + n])) return 0;  // too long to be an id
  *value = v;
  return n;
}

// s[i..] starts with `word` (any case) followed by a non-letter.
bool WordAt(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size() || !IEquals(s.substr(i, word.size()), word)) return false;
  return i + word.size() == s.size() || !IsAsciiLetter(s[i + word.size()]);
}

bool WordStart(std::string_view s, size_t i) { return i == 0 || !(IsAsciiAlnum(s[i - 1]) || s[i - 1] == '_'); }

// The end of an id: no letter, digit or underscore may follow ("F1x", "E2E").
bool IdEnds(std::string_view s, size_t j) { return j >= s.size() || !(IsAsciiAlnum(s[j]) || s[j] == '_'); }

// ".<digits>" at s[j] that is a criterion or sub-number (not a sentence end).
size_t SubNumberAt(std::string_view s, size_t j, int* value) {
  if (j + 1 >= s.size() || s[j] != '.' || !IsDigit(s[j + 1])) return 0;
  size_t n = DigitsAt(s, j + 1, value);
  return n ? n + 1 : 0;
}

}  // namespace

const char* ReqFamilyPattern(ReqFamily family) {
  switch (family) {
    case ReqFamily::kF:
      return "F<n>";
    case ReqFamily::kFR:
      return "FR<n>";
    case ReqFamily::kREQ:
      return "REQ-<n>";
  }
  return "F<n>";
}

std::string ReqKey(ReqFamily family, int number) {
  const char* p = family == ReqFamily::kF ? "F" : family == ReqFamily::kFR ? "FR" : "REQ";
  return p + std::to_string(number);
}

std::optional<ReqMatch> ReqIdAt(std::string_view s, size_t i) {
  if (i >= s.size() || !WordStart(s, i)) return std::nullopt;
  ReqMatch m;
  size_t j = i;
  // Words: "Requirement 3", "Req 3", "Feature 3" (a space, then the number or a lettered id).
  for (auto [word, family, style] : {std::tuple{"requirement", ReqFamily::kREQ, "Requirement <n>"},
                                     std::tuple{"req", ReqFamily::kREQ, "Req <n>"},
                                     std::tuple{"feature", ReqFamily::kF, "Feature <n>"}}) {
    std::string_view w = word;
    if (!WordAt(s, i, w)) continue;
    size_t k = i + w.size();
    if (k < s.size() && s[k] == '.') ++k;  // "Req. 3"
    // The word, a space, the number ("Requirement 3", "Req #3"); "REQ-3" is read as a lettered id below.
    if (k >= s.size() || (s[k] != ' ' && s[k] != '#')) break;
    while (k < s.size() && (s[k] == ' ' || s[k] == '#')) ++k;
    if (k < s.size() && IsDigit(s[k])) {
      int v = 0;
      size_t n = DigitsAt(s, k, &v);
      if (!n) return std::nullopt;
      j = k + n;
      m.id.family = family;
      m.id.number = v;
      m.style = style;
      break;
    }
    // "Feature F1", "Requirement FR-2": the lettered id after the word.
    if (auto inner = ReqIdAt(s, k)) {
      inner->length += k - i;  // written stays the id itself: "F1"
      return inner;
    }
    return std::nullopt;
  }
  if (j == i) {
    // Lettered ids: REQ, FR, F; then an optional '-' or '_', then digits.
    size_t p = 0;
    if (i + 3 <= s.size() && Upper(s[i]) == 'R' && Upper(s[i + 1]) == 'E' && Upper(s[i + 2]) == 'Q') {
      m.id.family = ReqFamily::kREQ;
      p = 3;
    } else if (i + 2 <= s.size() && Upper(s[i]) == 'F' && Upper(s[i + 1]) == 'R') {
      m.id.family = ReqFamily::kFR;
      p = 2;
    } else if (Upper(s[i]) == 'F') {
      m.id.family = ReqFamily::kF;
      p = 1;
    } else {
      return std::nullopt;
    }
    size_t k = i + p;
    const char dash = k < s.size() && (s[k] == '-' || s[k] == '_') ? s[k] : 0;
    if (dash) ++k;
    int v = 0;
    size_t n = DigitsAt(s, k, &v);
    if (!n) return std::nullopt;
    j = k + n;
    m.id.number = v;
    const char* prefix = m.id.family == ReqFamily::kREQ ? "REQ" : m.id.family == ReqFamily::kFR ? "FR" : "F";
    bool padded = n > 1 && s[k] == '0';
    m.style = std::string(prefix) + (dash ? std::string(1, dash) : "") + "<" + (padded ? std::string(n, 'n') : "n") + ">";
  }
  int sub = 0;
  if (size_t n = SubNumberAt(s, j, &sub); n && IdEnds(s, j + n)) {
    m.id.criterion = sub;
    j += n;
  }
  if (!IdEnds(s, j)) return std::nullopt;
  m.length = j - i;
  m.id.written = std::string(s.substr(i, m.length));
  return m;
}

namespace {

// "1.1, 2.3", "1, 3 and 4", "1.2-1.4": nothing but numbers and separators.
bool OnlyNumbers(std::string_view v) {
  bool digit = false;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (IsDigit(c)) {
      digit = true;
      continue;
    }
    if (c == '.' || c == ',' || c == ';' || c == ' ' || c == '-' || c == '(' || c == ')') continue;
    if (StartsWith(v.substr(i), "\xE2\x80\x93") || StartsWith(v.substr(i), "\xE2\x80\x94")) {
      i += 2;
      continue;
    }
    if (WordAt(v, i, "and") || WordAt(v, i, "to")) {
      i += WordAt(v, i, "and") ? 2 : 1;
      continue;
    }
    return false;
  }
  return digit;
}

// A range separator at v[k] after optional spaces: "-", "–", "—", "..", "to". Its end, or 0.
size_t RangeSeparator(std::string_view v, size_t k) {
  while (k < v.size() && v[k] == ' ') ++k;
  size_t sep = 0;
  if (k < v.size() && v[k] == '-')
    sep = 1;
  else if (StartsWith(v.substr(k), "\xE2\x80\x93") || StartsWith(v.substr(k), "\xE2\x80\x94"))
    sep = 3;
  else if (StartsWith(v.substr(k), ".."))
    sep = 2;
  else if (WordAt(v, k, "to") || WordAt(v, k, "through") || WordAt(v, k, "thru"))
    sep = WordAt(v, k, "to") ? 2 : WordAt(v, k, "through") ? 7 : 4;
  if (!sep) return 0;
  k += sep;
  while (k < v.size() && v[k] == ' ') ++k;
  return k;
}

void Push(std::vector<ReqId>* out, const ReqId& id) {
  for (const auto& r : *out)
    if (r.family == id.family && r.number == id.number && r.criterion == id.criterion && r.bare == id.bare) return;
  out->push_back(id);
}

}  // namespace

std::vector<ReqId> ReqIdsIn(std::string_view v) {
  std::vector<ReqId> out;
  if (OnlyNumbers(v)) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (!IsDigit(v[i]) || (i > 0 && (IsDigit(v[i - 1]) || v[i - 1] == '.'))) continue;
      ReqId r;
      r.bare = true;
      size_t n = DigitsAt(v, i, &r.number);
      if (!n) continue;
      size_t j = i + n;
      if (size_t m = SubNumberAt(v, j, &r.criterion)) j += m;
      r.written = std::string(v.substr(i, j - i));
      Push(&out, r);
      // "1-3": requirements 1 to 3 (only for whole numbers; "1.1-1.3" criteria 1 to 3 of 1).
      if (size_t k = RangeSeparator(v, j); k && k < v.size() && IsDigit(v[k])) {
        ReqId e;
        size_t en = DigitsAt(v, k, &e.number);
        size_t ej = k + en;
        if (size_t m = SubNumberAt(v, ej, &e.criterion)) ej += m;
        bool criteria = r.criterion && e.criterion && e.number == r.number;
        int a = criteria ? r.criterion : r.number, b = criteria ? e.criterion : e.number;
        if (en && (criteria || (!r.criterion && !e.criterion)) && b > a && b - a <= 50)
          for (int x = a + 1; x <= b; ++x) {
            ReqId step = r;
            (criteria ? step.criterion : step.number) = x;
            step.written = criteria ? std::to_string(r.number) + "." + std::to_string(x) : std::to_string(x);
            Push(&out, step);
          }
        i = ej - 1;
        continue;
      }
      i = j - 1;
    }
    return out;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    auto m = ReqIdAt(v, i);
    if (!m) continue;
    Push(&out, m->id);
    size_t j = i + m->length;
    if (size_t k = RangeSeparator(v, j); k && !m->id.criterion) {
      int end = 0;
      size_t en = 0;
      if (auto e = ReqIdAt(v, k); e && e->id.family == m->id.family && !e->id.criterion) {
        end = e->id.number;
        en = e->length;
      } else if (k < v.size() && IsDigit(v[k]) && v[k - 1] != '-') {
        en = DigitsAt(v, k, &end);  // "FR2–5"
        if (en && !IdEnds(v, k + en)) en = 0;
      }
      if (en && end > m->id.number && end - m->id.number <= 50) {
        for (int x = m->id.number + 1; x <= end; ++x) {
          ReqId step = m->id;
          step.number = x;
          step.written = ReqKey(step.family, x);
          Push(&out, step);
        }
        i = k + en - 1;
        continue;
      }
    }
    i = j - 1;
  }
  return out;
}

std::optional<EpicMatch> EpicIdAt(std::string_view s, size_t i) {
  if (i >= s.size() || !WordStart(s, i)) return std::nullopt;
  EpicMatch m;
  if (WordAt(s, i, "epic")) {
    size_t k = i + 4;
    if (k >= s.size() || (s[k] != ' ' && s[k] != '-' && s[k] != '#' && s[k] != '_')) return std::nullopt;
    while (k < s.size() && (s[k] == ' ' || s[k] == '-' || s[k] == '#' || s[k] == '_')) ++k;
    if (k < s.size() && Upper(s[k]) == 'E' && k + 1 < s.size() && IsDigit(s[k + 1])) ++k;  // "Epic E2"
    int v = 0;
    size_t n = DigitsAt(s, k, &v);
    if (!n || !IdEnds(s, k + n)) return std::nullopt;
    m.number = v;
    m.length = k + n - i;
    m.style = "Epic <n>";
    return m;
  }
  if (Upper(s[i]) != 'E') return std::nullopt;
  size_t k = i + 1;
  if (k < s.size() && s[k] == '-') ++k;
  int v = 0;
  size_t n = DigitsAt(s, k, &v);
  if (!n || !IdEnds(s, k + n)) return std::nullopt;
  m.number = v;
  m.length = k + n - i;
  m.style = "E<n>";
  return m;
}

std::optional<TaskMatch> TaskIdAt(std::string_view s, bool bare_numbers) {
  TaskMatch m;
  auto dotted = [&](size_t k, int* a, int* b) -> size_t {  // "1.2" at s[k]: its length
    size_t n = DigitsAt(s, k, a);
    if (!n) return 0;
    size_t sub = SubNumberAt(s, k + n, b);
    return sub ? n + sub : 0;
  };
  int a = 0, b = 0;
  for (auto [word, prefix, style] : {std::tuple{"story", "S", "Story <e>.<n>"}, std::tuple{"task", "T", "Task <e>.<n>"}}) {
    std::string_view w = word;
    if (!WordAt(s, 0, w) || w.size() >= s.size() || s[w.size()] != ' ') continue;
    size_t k = w.size();
    while (k < s.size() && s[k] == ' ') ++k;
    if (size_t n = dotted(k, &a, &b); n && IdEnds(s, k + n)) {
      m.id = std::string(prefix) + std::to_string(a) + "." + std::to_string(b);
      m.style = style;
      m.implied_epic = a;
      m.length = k + n;
    } else if (size_t d = DigitsAt(s, k, &a); d && IdEnds(s, k + d) && w == "task") {
      m.id = "T" + std::to_string(a);
      m.style = "Task <n>";
      m.length = k + d;
    } else if (k < s.size() && Upper(s[k]) == 'T' && w == "task") {
      auto inner = TaskIdAt(s.substr(k), false);  // "Task T1.2"
      if (!inner) return std::nullopt;
      inner->length += k;
      inner->written = std::string(s.substr(0, inner->length));
      return inner;
    } else {
      return std::nullopt;
    }
    m.written = std::string(s.substr(0, m.length));
    return m;
  }
  if (!s.empty() && Upper(s[0]) == 'T') {
    size_t k = 1;
    if (k < s.size() && s[k] == '-') ++k;
    size_t n = DigitsAt(s, k, &a);
    if (!n) return std::nullopt;
    if (size_t sub = SubNumberAt(s, k + n, &b)) {
      if (!IdEnds(s, k + n + sub)) return std::nullopt;
      m.id = "T" + std::to_string(a) + "." + std::to_string(b);
      m.style = "T<e>.<n>";
      m.native = true;
      m.length = k + n + sub;
    } else {
      if (!IdEnds(s, k + n)) return std::nullopt;
      m.id = "T" + std::to_string(a);
      m.style = "T<" + (n > 1 && s[k] == '0' ? std::string(n, 'n') : "n") + ">";
      m.length = k + n;
    }
    m.written = std::string(s.substr(0, m.length));
    return m;
  }
  if (!bare_numbers) return std::nullopt;
  size_t n = DigitsAt(s, 0, &a);
  if (!n) return std::nullopt;
  size_t sub = SubNumberAt(s, n, &b);
  size_t end = n + sub;
  if (!sub && (end >= s.size() || (s[end] != '.' && s[end] != ')'))) return std::nullopt;  // "2. Title"
  if (end < s.size() && IsAsciiLetter(s[end])) return std::nullopt;
  m.id = "K" + std::to_string(a) + (sub ? "." + std::to_string(b) : "");
  m.written = std::string(s.substr(0, end));
  m.style = "<n>.<m>";
  m.length = end;
  return m;
}

std::string_view SkipTitleSeparator(std::string_view rest, bool* had_mark) {
  bool mark = false;
  while (!rest.empty()) {
    char c = rest[0];
    if (c == ':' || c == '-' || c == '.' || c == ')' || c == '|') {
      mark = true;
      rest.remove_prefix(1);
    } else if (c == ' ' || c == '\t') {
      rest.remove_prefix(1);
    } else if (StartsWith(rest, "\xE2\x80\x94") || StartsWith(rest, "\xE2\x80\x93")) {
      mark = true;
      rest.remove_prefix(3);
    } else {
      break;
    }
  }
  if (had_mark) *had_mark = mark;
  return rest;
}

std::string UnmarkLine(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '*' && c != '`') out += c;
  std::string_view t = Trim(out);
  while (!t.empty() && t.front() == '_') t.remove_prefix(1);
  while (!t.empty() && t.back() == '_') t.remove_suffix(1);
  return std::string(t);
}

}  // namespace specwave::validators
