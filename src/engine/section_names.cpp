#include "engine/section_names.hpp"

#include <cctype>
#include <vector>

#include "core/text.hpp"

namespace specwave {
namespace {

struct Group {
  const char* key;
  std::vector<std::string_view> names;
};

// Each group's first name is its key. Keep docs/workflow-spec.md in step.
const std::vector<Group>& Groups() {
  static const std::vector<Group> k = {
      {"features",
       {"features", "feature list", "key features", "product features", "core features", "mvp features",
        "functional requirements", "requirements", "functional", "feature requirements", "capabilities",
        "product requirements"}},
      {"user stories",
       {"user stories", "stories", "user scenarios", "user scenarios & testing", "user scenarios and testing",
        "user journeys", "use cases", "scenarios", "user flows"}},
      {"non-goals", {"non-goals", "non goals", "nongoals", "out of scope", "out-of-scope", "not in scope"}},
      {"success metrics",
       {"success metrics", "success criteria", "metrics", "kpis", "measurable outcomes", "success measures"}},
      {"non-functional requirements",
       {"non-functional requirements", "nonfunctional requirements", "non functional requirements", "non-functional",
        "non functional", "nfrs", "quality attributes"}},
      {"components", {"components", "system components", "component architecture", "architecture components"}},
      {"entities", {"entities", "data models", "key entities", "data model", "models"}},
      {"endpoints", {"endpoints", "api endpoints", "rest api", "api", "routes"}},
  };
  return k;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Clean(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '*' && c != '_' && c != '`') out += c;
  std::string_view t = Trim(out);
  // A leading emoji or symbol (UTF-8 bytes >= 0x80) and a leading number.
  while (!t.empty() && (static_cast<unsigned char>(t[0]) >= 0x80 || t[0] == '#')) t.remove_prefix(1);
  t = Trim(t);
  if (t.size() > 8 && IEquals(t.substr(0, 8), "section ")) t = Trim(t.substr(8));
  size_t d = 0;
  while (d < t.size() && (IsDigit(t[d]) || (t[d] == '.' && d > 0))) ++d;
  if (d && d < t.size() && (t[d] == ' ' || t[d] == ')' || t[d] == ':')) t = Trim(t.substr(t[d] == ' ' ? d : d + 1));
  // A trailing note: "Requirements (mandatory)", "Features (MVP)".
  if (size_t p = t.rfind('('); p != std::string_view::npos && p > 0 && t.back() == ')') t = Trim(t.substr(0, p));
  while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.remove_suffix(1);
  return ToLower(Trim(t));
}

}  // namespace

std::string SectionKey(std::string_view component) {
  std::string c = Clean(component);
  for (const auto& g : Groups())
    for (auto name : g.names)
      if (c == name) return g.key;
  return c;
}

}  // namespace specwave
