#include "engine/fan_out.hpp"

#include <cctype>

#include "core/text.hpp"
#include "engine/fan_out_items.hpp"
#include "engine/reply_text.hpp"

namespace specwave {

using reply::AtxLevel;
using reply::HeadingText;

std::vector<FanOutItem> HeadingItems(const std::string& markdown, int level) {
  std::vector<FanOutItem> items;
  int current = -1;  // index of the item collecting lines, or -1
  reply::BodyLines kinds;
  for (auto line : SplitLines(markdown)) {
    const reply::BodyLines::Kind kind = kinds.Next(line);
    if (kind == reply::BodyLines::Kind::kFrontmatter) continue;
    if (kind == reply::BodyLines::Kind::kText) {
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

// One rule for what an item heading is, shared with the runner's fan-out
// (engine/fan_out_items.hpp: StartsWithItemId, NumberedItemsOnly).
bool IsItemHeading(std::string_view title) { return StartsWithItemId(title); }

std::vector<FanOutItem> FanOutItems(const std::string& markdown, int level) {
  return NumberedItemsOnly(HeadingItems(markdown, level), nullptr);
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
