#include "interop/speckit_layout.hpp"

#include <cctype>
#include <cstdio>

#include "core/text.hpp"

namespace specwave::interop::speckit {
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

std::string FrId(int n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "FR-%03d", n);
  return buf;
}

std::string TaskId(int epic, int number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%03d", epic * 100 + number);
  return number < 100 ? std::string(buf) : "T" + std::to_string(epic) + "." + std::to_string(number);
}

std::string StoryHeading(int n, const std::string& title, int priority) {
  return "User Story " + std::to_string(n) + " - " + title + " (Priority: P" + std::to_string(priority) + ")";
}

std::string PhaseHeading(int n, const std::string& title) { return "Phase " + std::to_string(n) + ": " + title; }

std::string Roman(int n) {
  static const std::pair<int, const char*> kRoman[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                                                       {90, "XC"},  {50, "L"},   {40, "XL"},  {10, "X"},   {9, "IX"},
                                                       {5, "V"},    {4, "IV"},   {1, "I"}};
  std::string out;
  for (const auto& [v, s] : kRoman)
    while (n >= v) out += s, n -= v;
  return out;
}

std::optional<Story> ParseStoryHeading(std::string_view heading) {
  std::string_view s = Trim(heading);
  if (s.size() < 11 || !IEquals(s.substr(0, 11), "user story ")) return std::nullopt;
  size_t i = 11;
  Story out;
  if (!ReadInt(s, &i, &out.number)) return std::nullopt;
  std::string_view rest = Trim(s.substr(i));
  for (std::string_view sep : {"-", "—", "–", ":"})
    if (StartsWith(rest, sep)) {
      rest = Trim(rest.substr(sep.size()));
      break;
    }
  size_t p = rest.rfind("(Priority");
  if (p != std::string_view::npos) rest = Trim(rest.substr(0, p));
  // Spec Kit's template marks the first story "🎯 MVP" in tasks.md; ignore trailing markers.
  out.title = std::string(rest);
  return out;
}

std::optional<Story> ParsePhaseHeading(std::string_view heading) {
  std::string_view s = Trim(heading);
  if (s.size() < 6 || !IEquals(s.substr(0, 6), "phase ")) return std::nullopt;
  size_t i = 6;
  Story out;
  if (!ReadInt(s, &i, &out.number)) return std::nullopt;
  std::string_view rest = Trim(s.substr(i));
  if (StartsWith(rest, ":")) rest = Trim(rest.substr(1));
  out.title = std::string(rest);
  return out;
}

std::optional<std::pair<int, std::string>> ParseFrLine(std::string_view line) {
  std::string_view s = Trim(line);
  if (!StartsWith(s, "- ") && !StartsWith(s, "* ")) return std::nullopt;
  s = Trim(s.substr(2));
  while (!s.empty() && (s[0] == '*' || s[0] == '`')) s.remove_prefix(1);
  if (!StartsWith(s, "FR-")) return std::nullopt;
  size_t i = 3;
  int n = 0;
  if (!ReadInt(s, &i, &n)) return std::nullopt;
  std::string_view rest = s.substr(i);
  while (!rest.empty() && (rest[0] == '*' || rest[0] == '`')) rest.remove_prefix(1);
  if (StartsWith(rest, ":")) rest.remove_prefix(1);
  while (!rest.empty() && (rest[0] == '*' || rest[0] == '`')) rest.remove_prefix(1);
  return std::make_pair(n, std::string(Trim(rest)));
}

std::optional<TaskLine> ParseTaskLine(std::string_view line) {
  std::string_view s = line;
  if (!StartsWith(s, "- [")) return std::nullopt;
  size_t close = s.find(']');
  if (close == std::string_view::npos || close > 4) return std::nullopt;
  s = Trim(s.substr(close + 1));
  if (!StartsWith(s, "T")) return std::nullopt;
  size_t i = 1;
  TaskLine out;
  if (!ReadInt(s, &i, &out.number)) return std::nullopt;
  s = Trim(s.substr(i));
  while (StartsWith(s, "[")) {
    size_t end = s.find(']');
    if (end == std::string_view::npos) break;
    std::string_view label = s.substr(1, end - 1);
    if (label == "P") out.parallel = true;
    else if (StartsWith(label, "US")) {
      size_t j = 2;
      int n = 0;
      if (ReadInt(label, &j, &n)) out.stories.push_back(n);
    }
    s = Trim(s.substr(end + 1));
  }
  out.title = std::string(s);
  return out;
}

std::string NumberBullets(std::string_view body, const std::string& prefix) {
  std::string out;
  int n = 0;
  for (std::string_view l : SplitLines(body)) {
    if (StartsWith(l, "- ")) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s-%03d", prefix.c_str(), ++n);
      out += "- **" + std::string(buf) + "**: " + std::string(l.substr(2)) + "\n";
    } else {
      out += std::string(l) + "\n";
    }
  }
  return out;
}

std::string UnnumberBullets(std::string_view body, const std::string& prefix) {
  std::string out;
  std::string mark = "- **" + prefix + "-";
  for (std::string_view l : SplitLines(body)) {
    if (StartsWith(l, mark)) {
      size_t end = l.find("**:", mark.size());
      if (end != std::string_view::npos) {
        out += "- " + std::string(Trim(l.substr(end + 3))) + "\n";
        continue;
      }
    }
    out += std::string(l) + "\n";
  }
  return out;
}

std::optional<StackChoice> ParseStackBullet(std::string_view line) {
  std::string_view s = Trim(line);
  if (!StartsWith(s, "- ")) return std::nullopt;
  s = s.substr(2);
  size_t colon = s.find(": ");
  size_t dash = s.find(" — ");
  if (colon == std::string_view::npos || dash == std::string_view::npos || dash < colon || colon > 60)
    return std::nullopt;
  StackChoice c{std::string(Trim(s.substr(0, colon))), std::string(Trim(s.substr(colon + 2, dash - colon - 2))),
                std::string(Trim(s.substr(dash + 5)))};
  if (c.layer.empty() || c.choice.empty() || c.layer.find('*') != std::string::npos) return std::nullopt;
  return c;
}

}  // namespace specwave::interop::speckit
