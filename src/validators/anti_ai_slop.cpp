// anti_ai_slop: the look that marks a design as machine-made by default —
// purple gradients, Inter, blob backgrounds — is forbidden (errors), and the
// choices that make a design system deliberate — OKLCH colours, a 60/30/10
// proportion, an 8-pt spacing grid, exactly four type sizes — are required
// (warnings). Values are parsed, not matched as strings: a purple is a purple
// in any notation. Rules and thresholds: docs/validators.md; the rules
// themselves: slop_*.cpp.
#include "core/text.hpp"
#include "validators/builtin.hpp"
#include "validators/slop_rules.hpp"

namespace specwave::validators {
namespace {

// Enough token definitions outside the css block to call the artifact a
// token set (a design-tokens.md by another name, or a theme file).
constexpr int kTokenDefinitionsForTokenSet = 3;

class AntiAiSlop final : public Validator {
 public:
  std::string_view Name() const override { return "anti_ai_slop"; }

  ValidationResult Run(const ValidationContext& ctx) const override {
    ValidationResult r{"anti_ai_slop", ctx.artifact, {}};
    if (!ctx.content) {
      r.findings.push_back({Severity::kError, "missing", 0, ctx.artifact + " was not produced", "", ""});
      return r;
    }
    std::string_view text = *ctx.content;
    MarkdownLines md(text);
    DesignTokens tokens = ParseDesignTokens(text);
    SlopInput in;
    in.text = text;
    in.md = &md;
    in.tokens = &tokens;
    in.declarations = FindDeclarations(text);
    // Example rows of a table documenting the token format declare nothing.
    std::vector<bool> examples = ExampleTableLines(md);
    std::erase_if(in.declarations, [&](const Declaration& d) {
      int line = md.LineOf(d.offset);
      return line >= 1 && static_cast<size_t>(line) <= examples.size() && examples[static_cast<size_t>(line - 1)];
    });
    in.properties = CollectCustomProperties(in.declarations);
    int defined = 0;
    for (const auto& d : tokens.definitions) defined += d.source != TokenSource::kCss && d.kind != TokenKind::kOther;
    std::string name = ToLower(ctx.artifact);
    in.defines_tokens = name.find("token") != std::string::npos || name.find("theme") != std::string::npos ||
                        defined >= kTokenDefinitionsForTokenSet;
    CheckGradients(in, &r.findings);
    CheckFonts(in, &r.findings);
    CheckBlobs(in, &r.findings);
    CheckRequired(in, &r.findings);
    SortByLine(&r.findings);
    return r;
  }
};

}  // namespace

const Validator& AntiAiSlopValidator() {
  static const AntiAiSlop kInstance;
  return kInstance;
}

}  // namespace specwave::validators
