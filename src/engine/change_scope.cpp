#include "engine/change_scope.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "markdown/section_diff.hpp"

namespace specwave {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Heading {
  int level = 0;
  std::string title;
  size_t begin = 0;  // offset of the heading line
};

// ATX headings outside code fences, with their offsets.
std::vector<Heading> Headings(const std::string& text) {
  std::vector<Heading> out;
  bool fence = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    std::string_view t = Trim(line);
    if (StartsWith(t, "```") || StartsWith(t, "~~~")) fence = !fence;
    if (!fence && !line.empty() && line[0] == '#') {
      size_t n = line.find_first_not_of('#');
      if (n != std::string_view::npos && n <= 6 && line[n] == ' ')
        out.push_back({static_cast<int>(n), std::string(Trim(line.substr(n))), pos});
    }
    pos = end + 1;
  }
  return out;
}

// The lines only one of the two texts has (a multiset difference both ways).
std::string ChangedLines(const std::string& before, const std::string& after) {
  auto lines = [](const std::string& t) {
    std::multiset<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= t.size(); ++i)
      if (i == t.size() || t[i] == '\n') {
        out.insert(std::string(Trim(std::string_view(t).substr(start, i - start))));
        start = i + 1;
      }
    return out;
  };
  std::multiset<std::string> a = lines(before), b = lines(after);
  std::string out;
  for (const auto& l : a)
    if (!b.count(l)) out += l + "\n";
  for (const auto& l : b)
    if (!a.count(l)) out += l + "\n";
  return out;
}

}  // namespace

std::string HeadingId(std::string_view h) {
  size_t i = 0;
  while (i < h.size() && (h[i] == '*' || h[i] == '`' || h[i] == '_' || h[i] == ' ')) ++i;
  size_t start = i;
  while (i < h.size() && IsUpper(h[i]) && i - start < 5) ++i;
  if (i == start) return "";
  if (i < h.size() && (h[i] == '-' || h[i] == '_')) ++i;
  size_t digits = i;
  while (i < h.size() && IsDigit(h[i])) ++i;
  if (i == digits) return "";
  if (i + 1 < h.size() && h[i] == '.' && IsDigit(h[i + 1])) {
    ++i;
    while (i < h.size() && IsDigit(h[i])) ++i;
  }
  if (i < h.size() && IsAlnum(h[i])) return "";
  return std::string(h.substr(start, i - start));
}

std::vector<std::string> IdsInText(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsUpper(text[i]) || (i > 0 && IsAlnum(text[i - 1]))) continue;
    std::string id = HeadingId(text.substr(i, 16));
    if (id.empty()) continue;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    i += id.size() - 1;
  }
  return out;
}

std::string_view LastComponent(std::string_view path) {
  size_t gt = path.rfind(" > ");
  return gt == std::string_view::npos ? path : path.substr(gt + 3);
}

bool MentionsId(std::string_view text, std::string_view id) {
  if (id.empty()) return false;
  for (size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    const bool starts = at == 0 || !IsAlnum(text[at - 1]);
    const size_t end = at + id.size();
    // "E2" is not named by "E21" nor by "E2.1"'s prefix of a task id.
    const bool ends = end >= text.size() || !(IsAlnum(text[end]) || (text[end] == '.' && end + 1 < text.size() &&
                                                                      IsDigit(text[end + 1])));
    if (starts && ends) return true;
  }
  return false;
}

std::vector<ChangedSection> ChangedSectionsOf(const std::string& artifact, const std::string& old_text,
                                              const std::string& new_text) {
  std::vector<ChangedSection> out;
  const markdown::Outline before = markdown::ParseOutline(old_text), after = markdown::ParseOutline(new_text);
  for (const auto& d : markdown::DiffOutlines(before, after)) {
    if (d.section == markdown::kFrontmatterSection) continue;
    ChangedSection c{artifact, d.section, markdown::ChangeKindName(d.change), "", ""};
    if (d.change != markdown::ChangeKind::kAdded)
      if (const auto* s = before.Find(d.section)) c.before = s->text;
    if (d.change != markdown::ChangeKind::kDeleted)
      if (const auto* s = after.Find(d.section)) c.after = s->text;
    out.push_back(std::move(c));
  }
  return out;
}

bool SectionMatters(const PhaseSpec& p, const ChangedSection& c, std::string_view current_output) {
  if (p.Consumes(c.artifact, c.section)) return true;
  const std::string id = HeadingId(LastComponent(c.section));
  return !id.empty() && MentionsId(current_output, id);
}

bool ItemNeedsRerun(const std::string& source, const std::string& item_title, std::string_view item_body,
                    const std::optional<std::string>& previous, const std::vector<ChangedSection>& changes) {
  if (!previous) return true;  // a new item, or one the joined artifact no longer holds
  if (source.empty()) {        // items over artifacts: an item is its artifact
    for (const auto& c : changes)
      if (c.artifact == item_title) return true;
    return false;
  }
  const std::string item_id = HeadingId(item_title);
  for (const auto& c : changes) {
    if (c.artifact == source) {
      // Its own section (or one inside it) changed.
      for (std::string_view path = c.section;;) {
        std::string_view last = LastComponent(path);
        if (last == item_title || (!item_id.empty() && HeadingId(last) == item_id)) return true;
        if (last.size() == path.size()) break;
        path = path.substr(0, path.size() - last.size() - 3);
      }
      // A section outside every item (the source's preamble) names no item: it
      // concerns an item only through an id the item names.
    }
    const std::string id = HeadingId(LastComponent(c.section));
    if (!id.empty()) {
      if (MentionsId(item_body, id) || MentionsId(*previous, id)) return true;
      continue;
    }
    if (c.artifact == source) continue;
    // Another input's section without a heading id: follow the ids its
    // changed lines name ("the route planner serves F2"); naming none, it
    // concerns every item.
    std::vector<std::string> ids = IdsInText(ChangedLines(c.before, c.after));
    if (ids.empty()) return true;
    for (const auto& named : ids)
      if (MentionsId(item_body, named) || MentionsId(*previous, named)) return true;
  }
  return false;
}

std::optional<std::string> PreviousItemText(const std::string& joined, const std::string& title) {
  const std::string id = HeadingId(title);
  auto hs = Headings(joined);
  for (size_t i = 0; i < hs.size(); ++i) {
    if (!(hs[i].title == title || (!id.empty() && HeadingId(hs[i].title) == id))) continue;
    size_t end = joined.size();
    for (size_t j = i + 1; j < hs.size(); ++j)
      if (hs[j].level <= hs[i].level) {
        end = hs[j].begin;
        break;
      }
    return std::string(Trim(std::string_view(joined).substr(hs[i].begin, end - hs[i].begin)));
  }
  return std::nullopt;
}

}  // namespace specwave
