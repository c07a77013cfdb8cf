// Placeholder: replaced when the command lands.
#include "cli/commands.hpp"

namespace specwave::cli {

int CmdRun(int, char**, const Environment&) { return NotYetImplemented("run", "issue #3"); }
int CmdResume(int, char**, const Environment&) { return NotYetImplemented("resume", "issue #5"); }
int CmdApprove(int, char**, const Environment&) { return NotYetImplemented("approve", "issue #3"); }

}  // namespace specwave::cli
