#include "interop/kiro_layout.hpp"

#include <cctype>

#include "core/text.hpp"

namespace specwave::interop::kiro {
namespace {

bool ReadInt(std::string_view s, size_t* i, int* out) {
  size_t start = *i;
  int n = 0;
  while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i])) && *i - start < 9) n = n * 10 + (s[(*i)++] - '0');
  if (*i == start) return false;
  *out = n;
  return true;
}

}  // namespace

std::string RequirementHeading(int n, const std::string& title) {
  return "Requirement " + std::to_string(n) + (title.empty() ? "" : ": " + title);
}

std::optional<Numbered> ParseRequirementHeading(std::string_view heading) {
  std::string_view s = Trim(heading);
  if (s.size() < 12 || !IEquals(s.substr(0, 12), "requirement ")) return std::nullopt;
  size_t i = 12;
  Numbered out;
  if (!ReadInt(s, &i, &out.number)) return std::nullopt;
  std::string_view rest = Trim(s.substr(i));
  for (std::string_view sep : {":", "—", "–", "-", "."})
    if (StartsWith(rest, sep)) {
      rest = Trim(rest.substr(sep.size()));
      break;
    }
  out.title = std::string(rest);
  return out;
}

std::optional<std::vector<int>> ParseRequirementsLine(std::string_view line) {
  std::string_view s = Trim(line);
  if (StartsWith(s, "- ")) s = Trim(s.substr(2));
  while (!s.empty() && (s[0] == '_' || s[0] == '*')) s.remove_prefix(1);
  if (s.size() < 13 || !IEquals(s.substr(0, 13), "requirements:")) return std::nullopt;
  s.remove_prefix(13);
  std::vector<int> out;
  for (size_t i = 0; i < s.size();) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    int n = 0;
    ReadInt(s, &i, &n);
    bool seen = false;
    for (int x : out) seen = seen || x == n;
    if (!seen) out.push_back(n);
    // Skip the criterion part ".3" and any range "–1.5".
    if (i < s.size() && s[i] == '.') {
      ++i;
      int skip = 0;
      ReadInt(s, &i, &skip);
    }
  }
  return out;
}

std::optional<TaskLine> ParseTaskLine(std::string_view line) {
  TaskLine t;
  while (t.indent < line.size() && line[t.indent] == ' ') ++t.indent;
  std::string_view s = line.substr(t.indent);
  if (!StartsWith(s, "- [") || s.size() < 6 || s[4] != ']') return std::nullopt;
  s.remove_prefix(5);
  if (StartsWith(s, "*")) t.optional = true, s.remove_prefix(1);
  s = Trim(s);
  size_t i = 0;
  if (!ReadInt(s, &i, &t.major)) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    ++i;
    ReadInt(s, &i, &t.minor);
  }
  if (i < s.size() && s[i] == '*') t.optional = true, ++i;
  if (i < s.size() && s[i] != ' ') return std::nullopt;
  t.title = std::string(Trim(s.substr(i)));
  return t;
}

}  // namespace specwave::interop::kiro
