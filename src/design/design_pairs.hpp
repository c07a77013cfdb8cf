// Contrast pairs as style guides write them: with token names
// ("color.text on color.background"), and just as often with the colours
// themselves — "Deep Ocean #03045E", "`rgb(0, 119, 182)`", "White",
// "oklch(0.98 0.01 210)" — in a table or a bullet, the ratio claimed beside
// them ("✅ 3.2:1"). The contrast check computes every such pair.
//
//   DesignTokens t = ParseDesignTokens(md);
//   for (const ContrastPairSpec& p : t.contrast_pairs) {
//     PairColour fg = ResolvePairColour(t, p.text);    // a token, a value, or unknown
//     if (fg.rgb) ... ContrastRatio(*fg.rgb, ...)
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "design/design_tokens.hpp"

namespace specwave {

enum class PairColourKind { kToken, kValue, kUnknown };

struct PairColour {
  PairColourKind kind = PairColourKind::kUnknown;
  const ColorToken* token = nullptr;  // kToken
  std::optional<Rgb> rgb;             // kValue, or the token's colour (nullopt: the token is no colour)
};

// What one side of a pair names, in this order: a colour token by its whole
// name (any spelling); a colour value written in it (hex, rgb(), hsl(),
// oklch(), ... — "Deep Ocean #03045E" is #03045E); a token name inside it
// ("`color.ink` (Deep Ocean)"); a CSS colour name, also with "text" or
// "background" around it ("White text").
PairColour ResolvePairColour(const DesignTokens& tokens, std::string_view written);

// The ratio a text claims: the number before ":1" ("✅ 3.2:1", "4.6 : 1").
std::optional<double> StatedRatioIn(std::string_view text);

// "Deep Ocean (#03045E) on Sea Foam (#CAF0F8) — 14.7:1 ✅ AAA", "White text
// on Ocean Blue (#0077B6): 4.9:1" (markdown marks already removed): a pair
// when both sides name a colour or a token-like name, with its use and
// claimed ratio from the rest of the line; nullopt for other prose.
std::optional<ContrastPairSpec> ReadPairLine(std::string_view text, int line);

// "body" or "large": large text, and non-text (UI components, icons,
// graphics), are held to 3:1; anything else is body text.
std::string ContrastUseOf(std::string_view text);

}  // namespace specwave
