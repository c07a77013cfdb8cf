// The plain data the interop layer works on, so the same code runs natively
// (folders on disk, the CLI) and in the browser (files handed over by the
// File System Access API or a zip): no Store, no file system here.
//
//   Pack      a project's spec pack: artifact name -> markdown text (latest
//             versions), the project name, and optionally each artifact's
//             version history (for OpenSpec's change folders)
//   FileTree  a folder as relative path -> UTF-8 text with LF line endings
//
// Exporters turn a Pack into a FileTree in a tool's layout; importers turn a
// FileTree back into a Pack in Specwave's own formats (docs/artifact-formats.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace specwave::interop {

// One stored version, oldest first in Pack::history.
struct PackVersion {
  int version = 0;
  std::string content;
  std::string author;               // "user", "agent:<name>"
  std::string regeneration_reason;  // "" unless a regeneration wrote it
  int64_t created_at = 0;           // unix ms
};

struct Pack {
  std::string project_name;
  std::map<std::string, std::string> artifacts;                 // "prd.md" -> text
  std::map<std::string, std::vector<PackVersion>> history;      // optional
  std::map<std::string, int> versions;                          // latest version number per artifact, if known

  const std::string* Find(const std::string& artifact) const {
    auto it = artifacts.find(artifact);
    return it == artifacts.end() ? nullptr : &it->second;
  }
};

// Relative path ("specs/001-tidewater/spec.md") -> content. std::map keeps
// paths sorted, which is the order files are written and listed in.
using FileTree = std::map<std::string, std::string>;

// Something an exporter could not put into the format (listed, printed, and
// kept in the manifest), or an importer could not map back.
struct Dropped {
  std::string artifact;  // "prd.md", or a file path on import
  std::string section;   // heading path, "" for the whole artifact
  std::string why;
};

}  // namespace specwave::interop
