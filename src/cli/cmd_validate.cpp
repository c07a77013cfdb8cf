// Placeholder: replaced when the command lands.
#include "cli/commands.hpp"

namespace specwave::cli {

int CmdValidate(int, char**, const Environment&) { return NotYetImplemented("validate", "issue #7"); }

}  // namespace specwave::cli
