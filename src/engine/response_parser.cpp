#include "engine/response_parser.hpp"

#include <map>

#include "core/text.hpp"

namespace specwave {
namespace {

// "=== FILE: name ===" (also tolerated: "=== name ===", extra '=' or spaces).
bool ParseMarker(std::string_view line, std::string* name) {
  std::string_view t = Trim(line);
  if (!StartsWith(t, "===") || !EndsWith(t, "===") || t.size() < 7) return false;
  t = Trim(t.substr(3, t.size() - 6));
  while (!t.empty() && t.front() == '=') t.remove_prefix(1);
  while (!t.empty() && t.back() == '=') t.remove_suffix(1);
  t = Trim(t);
  if (StartsWith(ToLower(t), "file:")) t = Trim(t.substr(5));
  if (t.empty() || t.find(' ') != std::string_view::npos) return false;
  *name = std::string(t);
  return true;
}

// Models sometimes wrap a whole document in ```markdown ... ```; unwrap it.
std::string Unfence(const std::string& text) {
  std::string_view t = Trim(text);
  if (!StartsWith(t, "```")) return std::string(t) + "\n";
  size_t first_nl = t.find('\n');
  if (first_nl == std::string_view::npos || !EndsWith(t, "```")) return std::string(t) + "\n";
  std::string_view lang = Trim(t.substr(3, first_nl - 3));
  if (!(lang.empty() || lang == "markdown" || lang == "md")) return std::string(t) + "\n";
  std::string_view inner = t.substr(first_nl + 1, t.size() - 3 - first_nl - 1);
  return std::string(Trim(inner)) + "\n";
}

}  // namespace

ParsedResponse ParsePhaseResponse(const std::string& text, const std::vector<std::string>& produces,
                                  const std::string& phase_name) {
  ParsedResponse out;
  auto problem = [&](Severity sev, const std::string& msg) {
    Diagnostic d;
    d.severity = sev;
    d.subject = "phase '" + phase_name + "'";
    d.message = msg;
    out.problems.push_back(d);
  };
  std::map<std::string, std::string> found;
  std::vector<std::string> order;
  std::string current;
  bool any_marker = false;
  std::string buffer;
  auto flush = [&] {
    if (!current.empty()) {
      if (found.count(current)) problem(Severity::kWarning, "file '" + current + "' given twice; the last one is kept");
      found[current] = buffer;
    }
    buffer.clear();
  };
  for (auto line : SplitLines(text)) {
    std::string name;
    if (ParseMarker(line, &name)) {
      flush();
      current = name;
      any_marker = true;
      continue;
    }
    buffer.append(line);
    buffer += '\n';
  }
  flush();
  if (!any_marker) {
    if (produces.size() == 1) {
      found[produces[0]] = text;
    } else {
      problem(Severity::kError, "the response has no '=== FILE: name ===' markers but the phase produces " +
                                    std::to_string(produces.size()) + " files");
      return out;
    }
  }
  for (const auto& [name, body] : found) {
    bool declared = false;
    for (const auto& p : produces) declared |= p == name;
    if (!declared) problem(Severity::kWarning, "ignored undeclared file '" + name + "' in the response");
  }
  for (const auto& p : produces) {
    auto it = found.find(p);
    if (it == found.end()) {
      problem(Severity::kError, "the response is missing '" + p + "'");
      continue;
    }
    std::string body = Unfence(it->second);
    if (Trim(body).empty()) {
      problem(Severity::kError, "'" + p + "' is empty in the response");
      continue;
    }
    out.artifacts.push_back({p, body});
  }
  if (!out.ok()) out.artifacts.clear();
  return out;
}

}  // namespace specwave
