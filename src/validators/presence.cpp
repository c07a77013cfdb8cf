#include "validators/presence.hpp"

#include "core/text.hpp"
#include "validators/builtin.hpp"
#include "markdown/frontmatter.hpp"

namespace specwave::validators {
namespace {

bool Blank(std::string_view s) {
  // A byte-order mark alone is as empty as nothing.
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  return Trim(s).empty();
}

class Presence final : public Validator {
 public:
  std::string_view Name() const override { return "presence"; }

  ValidationResult Run(const ValidationContext& ctx) const override {
    ValidationResult r{"presence", ctx.artifact, {}};
    if (!ctx.content) {
      r.findings.push_back({Severity::kError, "missing", 0,
                            ctx.artifact + " was not produced: the phase declares it in `produces`", "", ""});
      return r;
    }
    if (Blank(*ctx.content)) {
      r.findings.push_back({Severity::kError, "empty", 0, ctx.artifact + " is empty (nothing but whitespace)", "", ""});
      return r;
    }
    auto fm = markdown::SplitFrontmatter(*ctx.content);
    if (fm.present && fm.closed && Blank(fm.body))
      r.findings.push_back({Severity::kWarning, "empty-body", fm.body_first_line,
                            ctx.artifact + " has frontmatter but no body", "", ""});
    return r;
  }
};

}  // namespace

const Validator& PresenceValidator() {
  static const Presence kInstance;
  return kInstance;
}

std::vector<ValidationResult> CheckPresence(const std::vector<std::string>& declared, const NamedTexts& produced) {
  std::vector<ValidationResult> out;
  for (const auto& name : declared) {
    ValidationContext ctx;
    ctx.artifact = name;
    for (const auto& [n, content] : produced)
      if (n == name) {
        ctx.content = content;
        break;
      }
    out.push_back(PresenceValidator().Run(ctx));
  }
  return out;
}

}  // namespace specwave::validators
