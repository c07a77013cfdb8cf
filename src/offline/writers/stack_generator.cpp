// stack.md: the stack chosen by the catalogue's rules (stack_catalog.hpp),
// with the rule that chose it, one choice per layer with its reason, the
// rejected options and the consequences. Frontmatter `stack:` carries the id
// that architecture, components and dependencies read back.
#include "offline/writers/generators.hpp"
#include "offline/domain/stack_catalog.hpp"

namespace specwave::offline {

std::string GenerateStack(const GenInput& in) {
  StackProfile s = ChooseStack(in.brief);
  std::string out = Header(in, "Technology stack", {{"stack", YamlScalar(s.id)}});
  out += "\n" + s.summary + "\n\nChosen by rule: " + s.why.front() + ".\n";

  out += "\n## Chosen stack\n\n";
  for (const auto& l : s.layers) out += "- " + l.layer + ": " + l.choice + " \xE2\x80\x94 " + l.reason + "\n";

  out += "\n## Rejected options\n\n";
  for (const auto& [option, why] : s.rejected) out += "- " + option + " \xE2\x80\x94 " + why + ".\n";

  out += "\n## Consequences\n\n";
  for (const auto& c : s.consequences) out += "- " + c + "\n";
  return out;
}

}  // namespace specwave::offline
