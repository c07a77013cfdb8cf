// Placeholder: replaced when the command lands.
#include "cli/commands.hpp"

namespace specwave::cli {

int CmdStatus(int, char**, const Environment&) { return NotYetImplemented("status", "issue #5"); }
int CmdExport(int, char**, const Environment&) { return NotYetImplemented("export", "issue #5"); }
int CmdImport(int, char**, const Environment&) { return NotYetImplemented("import", "issue #5"); }

}  // namespace specwave::cli
