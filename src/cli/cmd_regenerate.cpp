// Placeholder: replaced when the command lands.
#include "cli/commands.hpp"

namespace specwave::cli {

int CmdImpact(int, char**, const Environment&) { return NotYetImplemented("impact", "issue #6"); }
int CmdRegenerate(int, char**, const Environment&) { return NotYetImplemented("regenerate", "issue #6"); }

}  // namespace specwave::cli
