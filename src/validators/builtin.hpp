// The built-in validators, one per file, for the registry (validator.cpp).
// Internal to validators: callers use FindValidator(name).
#pragma once

#include "validators/validator.hpp"

namespace specwave::validators {

const Validator& PresenceValidator();             // presence.cpp
const Validator& MarkdownFrontmatterValidator();  // markdown_frontmatter.cpp
const Validator& AntiAiSlopValidator();           // anti_ai_slop.cpp
const Validator& ContrastValidator();             // contrast.cpp
const Validator& TraceabilityValidator();         // traceability.cpp

// Sorts findings by line (stable: rules keep their order on one line), so
// results are the same whatever order a validator's rules ran in.
void SortByLine(std::vector<Finding>* findings);

}  // namespace specwave::validators
