// The rules of anti_ai_slop, one group per file, over one prepared view of the
// artifact (SlopInput). anti_ai_slop.cpp runs them in order and sorts the
// findings; docs/validators.md lists every rule id and threshold.
//
//   forbidden (errors):  slop_gradient.cpp  purple/violet gradients
//                        slop_fonts.cpp     Inter as the first or stated typeface
//                        slop_blob.cpp      blob / organic-radius background shapes
//   required (warnings): slop_required.cpp  OKLCH colours, 60/30/10, 8-pt spacing, four type sizes
#pragma once

#include <string_view>
#include <vector>

#include "design/color.hpp"
#include "design/design_tokens.hpp"
#include "design/css_scan.hpp"
#include "design/text_scan.hpp"
#include "validators/validator.hpp"

namespace specwave::validators {

// Purple by hue: OKLCH hue in [kPurpleHueMin, kPurpleHueMax] degrees with
// chroma at least kPurpleMinChroma. 275 keeps midnightblue (272.8) and every
// CSS blue out and takes Tailwind's indigo-500 (277) in; 335 takes fuchsia,
// orchid and purple (~328) in and leaves the pinks (mediumvioletred 350,
// #db2777 at 0.6) out; chroma 0.05 leaves greys, lavender (0.027) and thistle
// (0.044) out.
constexpr double kPurpleHueMin = 275;
constexpr double kPurpleHueMax = 335;
constexpr double kPurpleMinChroma = 0.05;
bool IsPurple(const Rgb& rgb);
bool IsPurple(const Oklch& lch);

struct SlopInput {
  std::string_view text;
  const MarkdownLines* md = nullptr;
  const DesignTokens* tokens = nullptr;
  std::vector<Declaration> declarations;
  CustomProperties properties;
  // The artifact defines tokens (design-tokens.md, or colours/spacing/type
  // defined anywhere): only then is a missing required rule a warning.
  bool defines_tokens = false;
};

// Words that negate or reject what follows in the same sentence ("no purple
// gradients", "Inter was rejected"): a prose mention in such a sentence is
// not a use. CSS values are never excused this way.
bool NegatedBefore(std::string_view sentence_before);
bool NegatedAfter(std::string_view sentence_after);

void CheckGradients(const SlopInput& in, std::vector<Finding>* out);
void CheckFonts(const SlopInput& in, std::vector<Finding>* out);
void CheckBlobs(const SlopInput& in, std::vector<Finding>* out);
void CheckRequired(const SlopInput& in, std::vector<Finding>* out);

}  // namespace specwave::validators
