// The default workflow (assets/workflows/default.yml), compiled in: what a
// project created by `specwave import --format` runs.
#pragma once

#include <string>

namespace specwave::cli {

const std::string& DefaultWorkflowYaml();

}  // namespace specwave::cli
