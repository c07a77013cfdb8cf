#include "offline/writers/header.hpp"

#include <cctype>
#include <set>

#include "core/text.hpp"
#include "engine/fan_out.hpp"
#include "engine/spec.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

std::string YamlScalar(std::string_view s) {
  bool safe = !s.empty() && s.size() < 200;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '/')) safe = false;
  if (safe && (s.front() == '-' || s.front() == '.')) safe = false;
  return safe ? std::string(s) : YamlQuote(s);
}

std::string KindTitle(std::string_view artifact) {
  static const std::pair<std::string_view, std::string_view> kTitles[] = {
      {"analysis.md", "Analysis"},
      {"stack.md", "Technology stack"},
      {"design-tokens.md", "Design tokens"},
      {"prd.md", "Product requirements"},
      {"architecture.md", "Architecture"},
      {"data-model.md", "Data model"},
      {"api-spec.md", "API specification"},
      {"component-mapping.md", "Component mapping"},
      {"journey-maps.md", "Journey maps"},
      {"dependencies.md", "Dependencies"},
      {"epics.md", "Epics"},
      {"tasks.md", "Tasks"},
      {"validation-report.md", "Validation report"},
      {"spec-pack.md", "Spec pack"},
  };
  for (const auto& [name, title] : kTitles)
    if (name == artifact) return std::string(title);
  return TitleFromArtifactName(std::string(artifact));
}

std::string Header(const GenInput& in, std::string_view kind_title, const Fields& extra) {
  std::string title = std::string(kind_title) + " \xE2\x80\x94 " + in.brief.name;
  std::string fm = "---\ntitle: " + YamlQuote(title) + "\nartifact: " + YamlScalar(in.artifact) +
                   "\nphase: " + YamlScalar(in.PhaseName()) + "\nagent: " + YamlScalar(in.Agent()) +
                   "\nversion: 1\ngenerator: offline-rules\n";
  std::set<std::string> written = {"title", "artifact", "phase", "agent", "version", "generator"};
  for (const auto& [k, v] : extra) {
    fm += k + ": " + v + "\n";
    written.insert(k);
  }
  // A workflow may require more keys than the defaults; say plainly that no rule sets them.
  if (in.ctx && in.ctx->phase)
    for (const auto& k : in.ctx->phase->frontmatter_fields)
      if (written.insert(k).second)
        fm += YamlScalar(k) + ": \"unset (the offline generator has no rule for this field)\"\n";
  return fm + "---\n\n# " + title + "\n";
}

}  // namespace specwave::offline
