// What the interop commands (cmd_interop.cpp, cmd_sync.cpp) share: the
// author and copy name, opening the database, choosing the project, the
// project as an interop::Pack, the --format option and this copy's base.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "cli/cli.hpp"
#include "engine/store_port.hpp"
#include "interop/interop.hpp"
#include "interop/store_pack.hpp"

namespace specwave::cli {

using interop::CopyOf;  // interop/store_pack.hpp
using interop::PackOf;

// --author, else $SPECWAVE_AUTHOR, $USER, $USERNAME, else "local".
std::string Author(const Args& args, const Environment& env);
std::unique_ptr<Store> Open(const std::string& db, bool read_only, int* code);
// --project ID, or the latest project.
bool PickProject(Store& store, const Args& args, ProjectRecord* out, int* code);
std::optional<interop::Format> FormatArg(const Args& args, int* code);
void PrintDropped(const interop::ExportResult& r);
// DIR/.specwave/base/<copy>.json, or nullopt (*code set when it is unreadable).
std::optional<interop::CopyBase> ReadBaseIn(const std::string& dir, const std::string& copy, int* code);

}  // namespace specwave::cli
