#include "engine/review_scope.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "engine/reply_text.hpp"

namespace specwave {

namespace {

// Labels of the lines that tie one artifact to another (docs/artifact-formats.md
// and the variations the traceability check reads).
bool IsTraceLine(std::string_view line) {
  static const std::set<std::string> kLabels = {
      "covers",   "epic",         "parent epic", "touches", "resources",     "tokens", "stack",
      "features", "implements",   "requirements", "frs addressed", "feature", "uses",   "exercises"};
  std::string_view t = Trim(line);
  if (t.size() > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') t = Trim(t.substr(2));
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon > 24) return false;
  std::string label;
  for (char c : t.substr(0, colon))
    if (c != '*' && c != '_' && c != '`') label += c;
  return kLabels.count(ToLower(std::string(Trim(label)))) > 0;
}

// The first cell of a table row — the name the row defines (a token, a
// field, a package) — or "" for a separator row or a line that is no row.
std::string FirstCell(std::string_view t) {
  if (t.size() < 2 || t[0] != '|') return "";
  t.remove_prefix(1);
  std::string_view cell = Trim(t.substr(0, t.find('|')));
  const bool separator = !cell.empty() && cell.find_first_not_of(":- ") == std::string_view::npos;
  return separator ? "" : std::string(cell);
}

std::set<std::string> ArtifactsOf(const WorkflowSpec& spec, int phase) {
  const auto& p = spec.phases[phase].produces;
  return {p.begin(), p.end()};
}

}  // namespace

std::string TraceOutline(const std::string& markdown) {
  std::string out;
  reply::BodyLines kinds;
  for (auto line : SplitLines(markdown)) {
    if (kinds.Next(line) != reply::BodyLines::Kind::kText) continue;
    std::string_view t = Trim(line);
    if (reply::AtxLevel(line) > 0 || IsTraceLine(line)) {
      out.append(TrimRight(line));
      out += '\n';
    } else if (std::string name = FirstCell(t); !name.empty()) {
      out += "| " + name + " |\n";
    }
  }
  return out;
}

bool IsReviewFanOut(const PhaseSpec& phase) {
  return phase.type == PhaseType::kValidate && phase.fan_out && phase.fan_out->items == FanOut::Items::kArtifacts;
}

NamedTexts ReviewRelated(const WorkflowSpec& spec, int review_phase, const std::string& artifact,
                         const NamedTexts& all) {
  const int producer = spec.ProducerOf(artifact);
  std::set<std::string> wanted;
  if (producer >= 0) {
    for (const auto& a : ArtifactsOf(spec, producer)) wanted.insert(a);  // written with it, in the same call
    for (int d : spec.phases[producer].deps)
      for (const auto& a : ArtifactsOf(spec, d)) wanted.insert(a);
    for (int q = 0; q < static_cast<int>(spec.phases.size()); ++q) {
      if (q == review_phase) continue;
      const auto& deps = spec.phases[q].deps;
      if (std::find(deps.begin(), deps.end(), producer) != deps.end())
        for (const auto& a : ArtifactsOf(spec, q)) wanted.insert(a);
    }
  }
  wanted.erase(artifact);
  NamedTexts out;
  for (const auto& [name, content] : all)
    if (wanted.count(name)) out.push_back({name, TraceOutline(content)});
  return out;
}

bool ReviewReadsBrief(const WorkflowSpec& spec, const std::string& artifact) {
  const int producer = spec.ProducerOf(artifact);
  return producer < 0 || spec.phases[producer].deps.empty();
}

std::string ReviewFindings(const std::vector<ArtifactFinding>& findings, const std::string& artifact) {
  std::string out;
  for (const auto& f : findings) {
    if (f.artifact != artifact && f.message.find(artifact) == std::string::npos) continue;
    out += std::string("- ") + SeverityName(f.severity) + " " + f.rule + " (" + f.artifact;
    if (f.line > 0) out += ":" + std::to_string(f.line);
    out += "): " + f.message + "\n";
  }
  return out.empty() ? "None: the deterministic checks found no gap in or about " + artifact + ".\n" : out;
}

}  // namespace specwave
