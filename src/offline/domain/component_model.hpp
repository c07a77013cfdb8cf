// UI components for the PRD's features on the chosen stack, shared by
// component-mapping.md and journey-maps.md (one SPEC_DESIGN_COMPONENTS
// response). A feature's component kind comes from its words (draw -> Editor,
// board -> Board, share -> ShareSheet, ...); shared components (AppShell,
// PrimaryButton, ...) are added for every product. Tokens are chosen from the
// names design-tokens.md really defines, never invented.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "offline/domain/gen_common.hpp"
#include "offline/domain/stack_catalog.hpp"

namespace specwave::offline {

struct UiComponent {
  std::string name;                 // PascalCase: "TideWindowsView"
  std::string kind;                 // "view", "editor", "board", ...
  std::vector<int> serves;          // feature ids (empty for shared components)
  std::string purpose;              // one sentence
  std::vector<std::string> tokens;  // defined token names only
};

// Token names defined in a design-tokens.md, as written, one per token (the
// first spelling wins: `color.accent` from a table before `--color-accent`
// from the css block), read by the engine's ParseDesignTokens.
std::vector<std::string> DefinedTokens(std::string_view design_tokens_md);

std::vector<UiComponent> DeriveComponents(const std::vector<Feature>& features, const StackProfile& stack,
                                          const std::vector<std::string>& defined_tokens);

// "src/components/TideWindowsView.tsx" or "web/templates/tide_windows_view.html".
std::string ComponentFile(const StackProfile& stack, const std::string& name);

}  // namespace specwave::offline
