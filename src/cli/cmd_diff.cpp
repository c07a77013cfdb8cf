// Placeholder: replaced when the command lands.
#include "cli/commands.hpp"

namespace specwave::cli {

int CmdDiff(int, char**, const Environment&) { return NotYetImplemented("diff", "issue #6"); }

}  // namespace specwave::cli
