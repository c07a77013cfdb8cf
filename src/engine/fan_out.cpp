#include "engine/fan_out.hpp"

#include "core/text.hpp"

namespace specwave {

namespace {

// Number of '#' of an ATX heading line (0 if the line is not one).
int AtxLevel(std::string_view line) {
  size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent >= 4) return 0;
  size_t hashes = 0;
  while (indent + hashes < line.size() && line[indent + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  size_t next = indent + hashes;
  return (next == line.size() || line[next] == ' ' || line[next] == '\t') ? static_cast<int>(hashes) : 0;
}

std::string HeadingText(std::string_view line) {
  std::string_view t = Trim(line);
  while (!t.empty() && t.front() == '#') t.remove_prefix(1);
  t = Trim(t);
  // Optional closing sequence: "## Title ##".
  while (!t.empty() && t.back() == '#') t.remove_suffix(1);
  return std::string(Trim(t));
}

}  // namespace

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
        items.push_back({HeadingText(line), ""});
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
