// Design tokens read from a design-tokens.md (format: docs/artifact-formats.md):
// colours with role and 60/30/10 share, contrast pairs, spacing, type sizes,
// font stacks and anything else with a token name, each with its source line.
// Used by the contrast and anti_ai_slop validators, the traceability check
// (component tokens must be defined), the UI's swatch view and the app's own
// theme (assets/theme/ui-tokens.md).
//
//   DesignTokens t = ParseDesignTokens(markdown);
//   for (const ColorToken& c : t.colors)
//     if (c.color) Swatch(c.name, ToHex(*c.color), c.share);   // share: 60 for "60%"
//   if (const ColorToken* accent = t.FindColor("--color-accent")) ...  // any spelling
//   bool ok = t.Defines("color.accent");
//
// Lenient about form, since models write tokens many ways: markdown tables
// (columns found by their header words), bullets ("- `color.accent`:
// oklch(...) — accent, 10%"), labelled prose ("Font stack (body): `Karla, ...`")
// and CSS custom properties anywhere (the css block or inline code). The first
// definition of a name wins; later ones fill in what it lacked (a role or
// share from a table after the css block). Never throws; text that is not
// tokens yields an empty result. Pure: safe on any thread.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "design/color.hpp"

namespace specwave {

enum class TokenKind { kColor, kSpacing, kTypeSize, kFontStack, kOther };
enum class TokenSource { kTable, kBullet, kProse, kCss };

const char* TokenKindName(TokenKind kind);  // "color", "spacing", "type-size", "font-stack", "other"

// One place where a token's value is written (a token defined in the table and
// again in the css block has two).
struct TokenDefinition {
  TokenKind kind = TokenKind::kOther;
  TokenSource source = TokenSource::kTable;
  std::string name;   // as written, without backticks: "color.accent", "--color-accent"
  std::string value;  // as written: "oklch(0.52 0.09 215)", "8px"
  int line = 0;
};

struct ColorToken {
  std::string name;
  std::string value;
  std::optional<Rgb> color;     // nullopt if the value is not a colour (or an unknown reference)
  std::string notation;         // ColorNotation() of the value as written (after var() resolution)
  std::string role;             // "" if none given
  std::optional<double> share;  // percent: 60 for "60%"; nullopt for "—" or none
  int line = 0;
  int share_line = 0;  // where the share was read (a table row may come after the css block)
};

struct ContrastPairSpec {
  std::string text, background;        // token names as written
  std::string use;                     // "body" or "large" (non-text / UI use counts as large: 3:1)
  std::optional<double> stated_ratio;  // "4.61:1" in a ratio column, if any
  int line = 0;
};

struct LengthToken {
  std::string name;
  std::string value;         // "8px", "1.125rem"
  std::optional<double> px;  // rem and em x16; nullopt if not a plain length
  std::string line_height;   // type sizes, when a column or value gives one
  int line = 0;
};

struct FontStack {
  std::string name;                   // "font.body", "--font-body", "Font stack (body)"
  std::string value;                  // the stack as written
  std::vector<std::string> families;  // quotes removed: {"Karla", "system-ui", "sans-serif"}
  int line = 0;
};

struct OtherToken {
  std::string name, value;
  int line = 0;
};

struct DesignTokens {
  std::vector<ColorToken> colors;
  std::vector<ContrastPairSpec> contrast_pairs;
  std::vector<LengthToken> spacing;
  std::vector<LengthToken> type_sizes;
  std::vector<FontStack> fonts;
  std::vector<OtherToken> other;             // motion, radius, shadow, ...
  std::vector<TokenDefinition> definitions;  // every definition, in document order

  // Lookup by any spelling of the name (see TokenKey). Indexed by the parser;
  // still right (by a linear search) after the lists above are edited.
  const ColorToken* FindColor(std::string_view name) const;
  bool Defines(std::string_view name) const;
  bool empty() const { return definitions.empty() && contrast_pairs.empty(); }

 private:
  friend DesignTokens ParseDesignTokens(std::string_view markdown);
  std::map<std::string, size_t, std::less<>> color_index_;  // TokenKey -> index in colors
  std::set<std::string, std::less<>> defined_;              // TokenKey of every definition
  size_t indexed_colors_ = 0, indexed_definitions_ = 0;
};

// The comparison key of a token name, so that `color.accent`, "--color-accent",
// "var(--color-accent)" and "**Color.Accent**" are the same token:
// "color-accent" (lowercase; '.', '_' and '-' all become '-').
std::string TokenKey(std::string_view name);

DesignTokens ParseDesignTokens(std::string_view markdown);

}  // namespace specwave
