// Spec packs in the layouts other tools read, and back (docs/interop.md).
//
//   ExportOptions o{.author = "alice", .copy = CopyName("alice", identity)};
//   ExportResult r = ExportPack(Format::kSpecKit, pack, o);
//   for (const auto& [path, text] : r.files) Write(dir + "/" + path, text);   // AGENTS.md and .specwave/ included
//   for (const Dropped& d : r.dropped) Print(d);                              // what Spec Kit cannot hold
//
//   ImportResult in = ImportPack(Format::kSpecKit, files, {}, Pack{}, IdSpace{});
//   if (!in.errors.empty()) fail(in.errors);          // not a Spec Kit folder: nothing was read into a project
//   CreateProjectFrom(in.pack);
//
// Export = the copy's id map (id_map.hpp), the codec, AGENTS.md, and a
// round trip of the output through the codec's own importer: every section of
// a carried artifact that does not come back is listed as dropped, with the
// codec's reason when it gave one. Pure functions over plain data; safe on
// any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interop/format.hpp"
#include "interop/manifest.hpp"
#include "interop/roundtrip.hpp"

namespace specwave::interop {

struct ExportOptions {
  std::string author = "local";   // part of new ids' numbers and of the copy name
  std::string copy = "local";     // this copy's base file name (CopyName)
  std::optional<CopyBase> base;   // this copy's earlier base: a re-export or a sync write-back
};

struct ExportResult {
  FileTree files;                    // everything to write, AGENTS.md and .specwave/ included
  std::string entry;                 // where the pack starts in the layout
  std::vector<IdMapping> ids;
  std::vector<Dropped> dropped;      // sections of carried artifacts and whole artifacts not carried
  std::vector<std::string> not_held;
  RoundTrip round_trip;
  CopyBase base;                     // also in files[BasePath(copy)]
};

ExportResult ExportPack(Format format, const Pack& pack, const ExportOptions& options);

struct ImportResult {
  Pack pack;                      // display ids of the project it goes into
  std::vector<Dropped> ignored;   // read but with no place in Specwave
  std::vector<Diagnostic> errors; // not this layout, ids defined twice, ...: nothing should be stored
  IdSpace ids;                    // the copy's id map after this import
};

// `project` is the pack the import goes into (empty for a new project), so
// new ids get display numbers it does not use; `ids` is the copy's map.
ImportResult ImportPack(Format format, const FileTree& files, const ImportOptions& options, const Pack& project,
                        IdSpace ids);

// The base a copy records after an import or a sync: the files as they are,
// the project's sections and the folder's (as imported), the id map.
CopyBase MakeBase(Format format, const std::string& copy, const FileTree& files, const Pack& project,
                  const Pack& folder_as_imported, const IdSpace& ids);

// AGENTS.md at the root of an export (agents_md.cpp).
std::string AgentsMd(Format format, const Pack& pack, const std::string& entry, const std::vector<Dropped>& dropped);

// The layouts `files` looks like (for "did you mean --format kiro?").
std::vector<Format> LayoutsOf(const FileTree& files);

}  // namespace specwave::interop
