// A stored project as interop's plain data — what the CLI (cli/interop_common)
// and the browser's folder sync (session/folder_sync) both hand to ExportPack,
// PlanSync and FinishSync, read through the engine's store port so the two
// cannot read a project differently.
//
//   Pack pack = PackOf(store, project);
//   ExportOptions o{author, CopyOf(author, project), std::nullopt};
#pragma once

#include <string>

#include "engine/store_port.hpp"
#include "interop/pack.hpp"

namespace specwave::interop {

// Latest versions, their numbers, and prd.md's history (OpenSpec's changes).
Pack PackOf(Store& store, const ProjectRecord& project);

// This copy's base file name: the author and the project's identity (when it
// was created, its id), so a folder saved in the browser and synced by
// `specwave sync` on a copy of the same database finds the same base.
std::string CopyOf(const std::string& author, const ProjectRecord& project);

}  // namespace specwave::interop
