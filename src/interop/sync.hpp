// Folder sync: what changed in an exported folder since this copy's base
// becomes edits of the project's artifacts, section by section, and a
// section changed on both sides since the base is a conflict, not a choice.
//
//   SyncPlan plan = PlanSync(format, folder_files, project_pack, base, Prefer::kNone);
//   if (!plan.errors.empty())    -> bad input: change nothing
//   if (!plan.conflicts.empty()) -> show them: change nothing
//   for (auto& [artifact, text] : plan.edits) regenerator.RecordEdit(project_id, artifact, text);
//   SyncWrite w = FinishSync(format, folder_files, project_pack_after, base, plan.ids, author, copy, plan.changed_files);
//   write w.files into the folder
//
// Rules, for each section of each artifact the format carries (docs/interop.md):
//  * unchanged in the folder since the base (same hash as the folder side of
//    the base) -> the project's text stays, whatever it is;
//  * changed in the folder, and the project's section is still what it was at
//    the base (either side's hash) or already equal to the folder's -> the
//    folder's section replaces it (added and deleted sections likewise);
//  * changed in both -> conflict, unless the person said which side wins
//    (Prefer::kFolder / kProject);
//  * without a base (this project never exported to or imported from this
//    folder) every section that differs is a conflict.
// FinishSync rewrites the files the person did not change from the project,
// so the folder shows the project's side too, and records the new base; a
// file the person changed is never overwritten.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interop/interop.hpp"

namespace specwave::interop {

enum class Prefer { kNone, kFolder, kProject };

struct SyncConflict {
  std::string artifact, section;
};

struct SyncPlan {
  std::vector<Diagnostic> errors;
  std::vector<SyncConflict> conflicts;
  std::map<std::string, std::string> edits;  // artifact -> its new text
  std::vector<std::string> applied;          // "prd.md: Features > F2: Route sketch (modified)"
  std::vector<std::string> changed_files;    // files that differ from the base (or are new)
  std::vector<Dropped> ignored;
  IdSpace ids;
};

SyncPlan PlanSync(Format format, const FileTree& folder, const Pack& project, const std::optional<CopyBase>& base,
                  Prefer prefer);

struct SyncWrite {
  FileTree files;                   // to write: refreshed files, the manifest, the base
  std::vector<std::string> refreshed;
  CopyBase base;
};

SyncWrite FinishSync(Format format, const FileTree& folder, const Pack& project, const std::optional<CopyBase>& base,
                     const IdSpace& ids, const std::string& author, const std::string& copy,
                     const std::vector<std::string>& changed_files);

}  // namespace specwave::interop
