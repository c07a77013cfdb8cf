// presence: every artifact a phase declares was produced and is not empty.
//
//   auto results = CheckPresence(phase.produces, produced);  // one result per declared artifact
//
// An artifact that is only whitespace is empty; one that is only frontmatter
// gets a warning (the body is what readers and later phases use).
#pragma once

#include <string>
#include <vector>

#include "validators/validator.hpp"

namespace specwave::validators {

std::vector<ValidationResult> CheckPresence(const std::vector<std::string>& declared, const NamedTexts& produced);

}  // namespace specwave::validators
