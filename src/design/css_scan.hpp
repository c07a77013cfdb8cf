// Finding CSS in text that is not a stylesheet: colour values, function calls
// (gradients), property declarations and lengths, wherever they appear in an
// artifact — code blocks, inline code, table cells or prose. Everything works
// on byte offsets into the whole text so a value that spans lines is still
// found, and MarkdownLines::LineOf turns an offset into the line to report.
//
//   for (const auto& c : FindColorLiterals(text, /*named_words=*/false))
//     ToOklch(c.rgb) ...;                     // c.offset, c.length, c.notation
//   for (const auto& d : FindDeclarations(text))
//     if (d.property == "border-radius") ... d.value ...
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "design/color.hpp"

namespace specwave::validators {

struct ColorLiteral {
  size_t offset = 0, length = 0;
  Rgb rgb;
  std::string notation;  // ColorNotation(): "hex", "rgb", ..., "oklch", "named"
};

// Hex colours (#rgb, #rgba, #rrggbb, #rrggbbaa, not inside a longer word),
// colour functions (rgb[a], hsl[a], hwb, lab, lch, oklab, oklch; balanced
// parentheses, may span lines) and, when `named_words` is set, CSS named
// colours written as whole words ("purple", "BlueViolet"; words are letters
// only, so "from-violet-600" yields "violet"). var(...) calls are skipped.
// A name that labels a value beside it in parentheses ("#023E8A (Indigo
// Night)", "Indigo (#023E8A)") is not a colour of its own.
std::vector<ColorLiteral> FindColorLiterals(std::string_view text, bool named_words);

// A function call whose name starts at `name_begin`: name, then "(" (no space),
// then arguments up to the matching ")" (nested calls and quotes respected, at
// most `max_length` characters, so unbalanced input costs little). nullopt if
// there is no complete call there.
struct Call {
  size_t offset = 0, length = 0;  // the whole call, name included
  std::string name;               // lowercase
  size_t args_offset = 0;
  std::string_view args;  // between the parentheses
};
std::optional<Call> CallAt(std::string_view text, size_t name_begin, size_t max_length = 20000);

// Splits on `sep` outside parentheses, brackets and quotes; parts trimmed.
std::vector<std::string_view> SplitTopLevel(std::string_view text, char sep);

// `property: value` for known CSS properties and every custom property
// (`--name`), anywhere in the text. The value ends at ; } | ` or the end of
// the line (unless a parenthesis is still open, so multi-line gradients and
// font stacks are read whole).
struct Declaration {
  size_t offset = 0;        // of the property name
  size_t value_offset = 0;  // of the (trimmed) value
  std::string property;     // lowercase, e.g. "font-family", "--color-accent"
  std::string_view value;   // trimmed, "!important" kept
};
std::vector<Declaration> FindDeclarations(std::string_view text);

// Custom properties by lowercase name (first definition wins), and var()
// resolution over them: "var(--brand)" -> its value, following up to 8 levels
// and using the fallback when the name is unknown. Text that is not a var()
// comes back unchanged.
using CustomProperties = std::map<std::string, std::string, std::less<>>;
CustomProperties CollectCustomProperties(const std::vector<Declaration>& declarations);
std::string ResolveVar(std::string_view value, const CustomProperties& props);

// A length in px: "8px", "0.5rem" and "0.5em" (x16), "8pt" (design points,
// taken as px: an "8-pt grid" means 8px), a bare number ("8"). nullopt for
// anything else (percentages, vw, calc(), words).
std::optional<double> LengthToPx(std::string_view text);

// "color", "background-color", "fill", "stroke", "border-color", ... : the
// properties whose value is (or contains) a colour.
bool IsColorProperty(std::string_view property);
// "margin", "padding-left", "gap", "row-gap", "inset", ... : spacing.
bool IsSpacingProperty(std::string_view property);

}  // namespace specwave::validators
