// component-mapping.md: the components of component_model.hpp, each with the
// stack element that realises it (`Stack:`), the features it serves and the
// tokens it uses (`Tokens:`), which are only names design-tokens.md defines.
#include "core/text.hpp"
#include "offline/domain/component_model.hpp"
#include "offline/writers/generators.hpp"

namespace specwave::offline {

// The token names components may use: design-tokens.md when it is an input,
// else the tokens this generator would write for the brief.
std::vector<std::string> TokensFor(const GenInput& in, bool* from_input) {
  if (const std::string* t = in.Input("design-tokens.md")) {
    *from_input = true;
    return DefinedTokens(*t);
  }
  *from_input = false;
  GenInput own = in;
  own.artifact = "design-tokens.md";
  return DefinedTokens(GenerateDesignTokens(own));
}

std::string GenerateComponentMapping(const GenInput& in) {
  StackProfile stack = StackById(StackIdFor(in), in.brief);
  bool from_input = false;
  auto tokens = TokensFor(in, &from_input);
  auto components = DeriveComponents(Features(in), stack, tokens);
  std::string out = Header(in, "Component mapping");
  out += "\n" + std::to_string(components.size()) + " components on `" + stack.id + "` (" + stack.ui_element +
         "). Tokens come from " +
         (from_input
              ? std::string("design-tokens.md")
              : std::string(
                    "the tokens the offline generator derives from the brief (design-tokens.md was not an input)")) +
         "; every name below is defined there.\n";
  out += "\n## Components\n";
  for (const auto& c : components) {
    out += "\n### " + c.name + "\n\n";
    out += "Stack: " + stack.ui_element + " (`" + ComponentFile(stack, c.name) + "`)\n";
    out += "Tokens: " +
           (c.tokens.empty() ? std::string("none (design-tokens.md defines no tokens)") : Join(c.tokens, ", ")) + "\n";
    out += "Serves: " + (c.serves.empty() ? std::string("every screen") : FeatureList(c.serves)) + "\n";
    out += "\n" + c.purpose + "\n";
  }
  out += "\n## States\n\nEvery component that loads data shows four states: loading, empty, error" +
         std::string(stack.offline_first ? " and offline (showing the last synced data)" : " and ready") +
         ". Motion respects `prefers-reduced-motion`: transitions drop to 0 ms.\n";
  return out;
}

}  // namespace specwave::offline
