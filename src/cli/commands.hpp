// One function per `specwave` subcommand (cmd_*.cpp). Each parses its own
// options with cli::Args and returns an ExitCode.
#pragma once

#include "cli/cli.hpp"

namespace specwave::cli {

int CmdPlan(int argc, char** argv, const Environment& env);
int CmdValidateSpec(int argc, char** argv, const Environment& env);

// Prints "specwave: MESSAGE" to stderr and returns kExitBadInput.
int UsageError(const std::string& message);

}  // namespace specwave::cli
