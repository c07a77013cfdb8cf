#include "offline/input/md_read.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::offline {

std::string StripMarks(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] == s[i]) {
      ++i;
      continue;
    }
    if (s[i] == '`') continue;
    out += s[i];
  }
  return std::string(Trim(out));
}

std::string BodyOf(std::string_view text) {
  auto split = markdown::SplitFrontmatter(text);
  return std::string(split.present && split.closed ? split.body : text);
}

std::string FrontmatterValue(std::string_view text, std::string_view key) {
  auto split = markdown::SplitFrontmatter(text);
  if (!split.present) return "";
  for (auto line : SplitLines(split.yaml)) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IEquals(Trim(line.substr(0, colon)), key)) continue;
    std::string_view v = Trim(line.substr(colon + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
      v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return "";
}

std::vector<MdSection> SectionsAt(std::string_view text, int level) {
  std::vector<MdSection> out;
  std::string body = BodyOf(text);
  bool in_fence = false, open = false;
  for (auto line : SplitLines(body)) {
    std::string_view t = Trim(line);
    if (StartsWith(t, "```") || StartsWith(t, "~~~")) in_fence = !in_fence;
    int hashes = 0;
    while (!in_fence && hashes < static_cast<int>(t.size()) && t[hashes] == '#') ++hashes;
    bool heading = hashes >= 1 && hashes <= 6 && hashes < static_cast<int>(t.size()) && t[hashes] == ' ';
    if (heading && hashes <= level) {
      open = hashes == level;
      if (open) out.push_back({level, StripMarks(t.substr(hashes + 1)), ""});
      continue;
    }
    if (open) out.back().body += std::string(line) + "\n";
  }
  return out;
}

std::string SectionBody(std::string_view text, int level, std::string_view name) {
  for (const auto& s : SectionsAt(text, level))
    if (s.heading.size() >= name.size() && IEquals(std::string_view(s.heading).substr(0, name.size()), name))
      return s.body;
  return "";
}

std::string FieldValue(std::string_view body, std::string_view key) {
  for (auto line : SplitLines(body)) {
    std::string t = StripMarks(line);
    std::string_view v = t;
    if (StartsWith(v, "- ") || StartsWith(v, "* ")) v = Trim(v.substr(2));
    if (v.size() <= key.size() || !IEquals(v.substr(0, key.size()), key) || v[key.size()] != ':') continue;
    return std::string(Trim(v.substr(key.size() + 1)));
  }
  return "";
}

std::vector<std::string> ListValue(std::string_view value) {
  std::vector<std::string> out;
  std::string cur;
  auto push = [&]() {
    std::string item = StripMarks(cur);
    if (!item.empty()) out.push_back(item);
    cur.clear();
  };
  for (char c : value) {
    if (c == ',' || c == ';')
      push();
    else
      cur += c;
  }
  push();
  return out;
}

std::vector<MdTable> Tables(std::string_view body) {
  std::vector<MdTable> out;
  bool in_table = false;
  auto cells = [](std::string_view row) {
    std::vector<std::string> v;
    row = Trim(row);
    if (StartsWith(row, "|")) row.remove_prefix(1);
    if (EndsWith(row, "|")) row.remove_suffix(1);
    size_t start = 0;
    while (start <= row.size()) {
      size_t bar = row.find('|', start);
      v.push_back(StripMarks(row.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    return v;
  };
  auto is_rule = [](std::string_view row) {
    return row.find("---") != std::string_view::npos && row.find_first_not_of("|-: \t") == std::string_view::npos;
  };
  for (auto line : SplitLines(body)) {
    std::string_view t = Trim(line);
    if (!StartsWith(t, "|")) {
      in_table = false;
      continue;
    }
    if (!in_table) {
      out.push_back({cells(t), {}});
      in_table = true;
    } else if (!is_rule(t)) {
      out.back().rows.push_back(cells(t));
    }
  }
  return out;
}

std::vector<int> FeatureRefs(std::string_view text) {
  std::vector<int> out;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != 'F' || !std::isdigit(static_cast<unsigned char>(text[i + 1]))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_')) continue;
    size_t j = i + 1;
    int n = 0;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && n < 100000)
      n = n * 10 + (text[j++] - '0');
    if (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '_')) continue;
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::vector<std::string> Bullets(std::string_view body) {
  std::vector<std::string> out;
  for (auto line : SplitLines(body)) {
    std::string_view t = Trim(line);
    if (StartsWith(t, "- ") || StartsWith(t, "* ") || StartsWith(t, "+ ")) {
      out.push_back(StripMarks(t.substr(2)));
      continue;
    }
    size_t d = 0;
    while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
    if (d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ')
      out.push_back(StripMarks(t.substr(d + 2)));
  }
  return out;
}

}  // namespace specwave::offline
