// One function per `specwave` subcommand (cmd_*.cpp). Each parses its own
// options with cli::Args and returns an ExitCode.
#pragma once

#include "cli/cli.hpp"

namespace specwave::cli {

int CmdPlan(int argc, char** argv, const Environment& env);           // cmd_plan.cpp
int CmdValidateSpec(int argc, char** argv, const Environment& env);   // cmd_plan.cpp
int CmdValidate(int argc, char** argv, const Environment& env);       // cmd_validate.cpp
int CmdDiff(int argc, char** argv, const Environment& env);           // cmd_diff.cpp
int CmdRun(int argc, char** argv, const Environment& env);            // cmd_run.cpp
int CmdResume(int argc, char** argv, const Environment& env);         // cmd_run.cpp
int CmdApprove(int argc, char** argv, const Environment& env);        // cmd_run.cpp
int CmdStatus(int argc, char** argv, const Environment& env);         // cmd_store.cpp
int CmdExport(int argc, char** argv, const Environment& env);         // cmd_store.cpp
int CmdImport(int argc, char** argv, const Environment& env);         // cmd_store.cpp
int CmdExportFormat(int argc, char** argv, const Environment& env);   // cmd_interop.cpp
int CmdImportFormat(int argc, char** argv, const Environment& env);   // cmd_interop.cpp
int CmdSync(int argc, char** argv, const Environment& env);           // cmd_sync.cpp
int CmdImpact(int argc, char** argv, const Environment& env);         // cmd_regenerate.cpp
int CmdRegenerate(int argc, char** argv, const Environment& env);     // cmd_regenerate.cpp

// For commands whose implementation has not landed: says so, exit 1.
int NotYetImplemented(const char* command, const char* issue);

// Prints "specwave: MESSAGE" to stderr and returns kExitBadInput.
int UsageError(const std::string& message);

}  // namespace specwave::cli
