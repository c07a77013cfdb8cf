#include "engine/fan_out.hpp"

#include <cctype>

#include "core/text.hpp"
#include "engine/reply_text.hpp"

namespace specwave {

using reply::AtxLevel;
using reply::HeadingText;

std::vector<FanOutItem> HeadingItems(const std::string& markdown, int level) {
  std::vector<FanOutItem> items;
  int current = -1;  // index of the item collecting lines, or -1
  std::string fence;  // the open fence marker ("```" or "~~~"), empty if none
  bool in_frontmatter = false;
  int line_no = 0;
  for (auto line : SplitLines(markdown)) {
    ++line_no;
    std::string_view t = Trim(line);
    if (line_no == 1 && t == "---") {
      in_frontmatter = true;
      continue;
    }
    if (in_frontmatter) {
      if (t == "---" || t == "...") in_frontmatter = false;
      continue;
    }
    if (StartsWith(t, "```") || StartsWith(t, "~~~")) {
      std::string marker(t.substr(0, 3));
      if (fence.empty()) fence = marker;
      else if (marker == fence) fence.clear();
    } else if (fence.empty()) {
      int l = AtxLevel(line);
      if (l == level) {
        items.push_back({HeadingText(line), "", ""});
        current = static_cast<int>(items.size()) - 1;
      } else if (l > 0 && l < level) {
        current = -1;  // a shallower heading ends the item
      }
    }
    if (current >= 0) {
      items[current].body.append(line);
      items[current].body += '\n';
    }
  }
  return items;
}

// "E1 Tides", "E1: Tides", "Epic 1: Tides", "EPIC-01 — Tides", "Story 2.1",
// "1. Tides", "**E1**: Tides": an optional word of letters, an optional
// space, '-', '_' or '#', then a number (dots allowed), then the end or
// something that is not a letter or digit. "Overview", "FR Coverage Map",
// "Epic list" and "E2E tests" are not items.
bool IsItemHeading(std::string_view title) {
  std::string t;
  for (char c : title)
    if (c != '*' && c != '_' && c != '`') t += c;
  std::string_view v = Trim(t);
  size_t i = 0;
  while (i < v.size() && i < 16 && std::isalpha(static_cast<unsigned char>(v[i]))) ++i;
  if (i < v.size() && (v[i] == ' ' || v[i] == '-' || v[i] == '#') && i > 0) ++i;
  size_t digits = i;
  while (i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || (i > digits && v[i] == '.'))) ++i;
  if (i == digits) return false;
  return i == v.size() || !std::isalnum(static_cast<unsigned char>(v[i]));
}

std::vector<FanOutItem> FanOutItems(const std::string& markdown, int level) {
  std::vector<FanOutItem> all = HeadingItems(markdown, level);
  std::vector<FanOutItem> items;
  for (auto& it : all)
    if (IsItemHeading(it.title)) items.push_back(std::move(it));
  if (items.empty()) return HeadingItems(markdown, level);  // no identifiers at all: every section is an item
  return items;
}

std::string TitleFromArtifactName(const std::string& artifact) {
  std::string base = artifact;
  if (auto dot = base.rfind('.'); dot != std::string::npos) base = base.substr(0, dot);
  for (auto& c : base)
    if (c == '-' || c == '_') c = ' ';
  if (!base.empty() && base[0] >= 'a' && base[0] <= 'z') base[0] = static_cast<char>(base[0] - 'a' + 'A');
  return base;
}

std::string JoinItems(const std::string& frontmatter_yaml, const std::string& title,
                      const std::vector<std::string>& item_texts) {
  std::string out = "---\n" + frontmatter_yaml;
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out + "---\n\n" + JoinItemBodies(title, item_texts);
}

std::string JoinItemBodies(const std::string& title, const std::vector<std::string>& item_texts) {
  std::string out = "# " + title + "\n";
  for (const auto& t : item_texts) {
    std::string_view body = Trim(t);
    if (body.empty()) continue;
    out += "\n";
    out.append(body);
    out += "\n";
  }
  return out;
}

}  // namespace specwave
