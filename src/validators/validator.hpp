// The artifact validators a workflow names in `validators:` (presence,
// markdown_frontmatter, anti_ai_slop, contrast, traceability) behind one small
// interface, and the registry that finds them by name.
//
//   ValidationContext ctx;
//   ctx.artifact = "design-tokens.md";
//   ctx.content = text;                                  // nullopt: not produced
//   if (const Validator* v = FindValidator("anti_ai_slop")) {
//     ValidationResult r = v->Run(ctx);
//     for (const Finding& f : r.findings) printf("%d: %s\n", f.line, f.message.c_str());
//     if (!r.passed()) ...;                              // passed() == no errors
//   }
//
// Validators are stateless singletons: Run() is const, touches no shared
// mutable state and may be called from any number of engine worker threads at
// once. Run() never throws and never crashes on any input; a problem with the
// input is a Finding, not an exception.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"      // Severity
#include "engine/phase_checks.hpp"  // NamedTexts

namespace specwave::validators {

struct Finding {
  Severity severity = Severity::kError;
  std::string rule;      // stable id, e.g. "purple-gradient", "missing-field"
  int line = 0;          // 1-based; 0 = the artifact as a whole
  std::string message;   // what is wrong and what would fix it
  std::string excerpt;   // the offending text ("" when nothing is there to quote)
  std::string artifact;  // cross-artifact checks: the file `line` is in; "" = the validated artifact
};

struct ValidationResult {
  std::string validator;
  std::string artifact;
  std::vector<Finding> findings;  // in line order within each rule group; deterministic

  bool passed() const;  // no finding is an error
  int Count(Severity severity) const;
};

struct ValidationContext {
  std::string artifact;                     // "design-tokens.md"
  std::optional<std::string_view> content;  // nullopt: the phase did not produce it
  // Required frontmatter keys (PhaseSpec::frontmatter_fields); empty: the
  // default title, artifact, phase, agent, version.
  std::vector<std::string> frontmatter_fields;
  // Every artifact known at this point (traceability reads several); may be null.
  const NamedTexts* artifacts = nullptr;
};

class Validator {
 public:
  virtual ~Validator() = default;
  virtual std::string_view Name() const = 0;
  virtual ValidationResult Run(const ValidationContext& ctx) const = 0;
};

// nullptr for an unknown name. Every name in KnownValidators() (engine/spec.hpp) is here.
const Validator* FindValidator(std::string_view name);
std::vector<std::string_view> ValidatorNames();

// {"validator","artifact","passed","findings":[{"severity","rule","line","message","excerpt"}]}
// ("artifact" is added to a finding only when it points into another file).
// Invalid UTF-8 is replaced, never thrown on. `indent` < 0: one line.
std::string ResultToJson(const ValidationResult& result, int indent = 2);

// The default the engine's YAML `frontmatter_fields` falls back to.
const std::vector<std::string>& DefaultFrontmatterFields();

}  // namespace specwave::validators
