// What an export writes under .specwave/ besides the tool's own files:
//
//   .specwave/manifest.json      shared: the layout, every exported id with its
//                                names in the format, what the format dropped,
//                                the files written and the round-trip numbers.
//                                Derived from the project on every export and
//                                sync; a merge conflict in it is resolved by
//                                taking either side (the next sync rewrites it).
//   .specwave/base/<copy>.json   this copy's sync base: the hash of every file
//                                and of every section (the project's and the
//                                folder's side) at the last export or sync,
//                                and the copy's id map (id_map.hpp). Only this
//                                copy writes it, so two people's bases never
//                                conflict in Git.
//
// JSON through nlohmann/json, keys sorted and one entry per line, so a diff
// shows what changed and nothing else (no timestamps, no run ids).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interop/format.hpp"
#include "interop/id_map.hpp"
#include "interop/roundtrip.hpp"

namespace specwave::interop {

inline constexpr const char* kManifestPath = ".specwave/manifest.json";
inline constexpr const char* kBaseDir = ".specwave/base/";
inline constexpr int kManifestVersion = 1;

struct SectionBase {
  std::string project;  // hash of the project's section at the base ("" = absent)
  std::string folder;   // hash of the section as the folder held it (after import)
};

struct CopyBase {
  std::string copy;    // "alice-3f9a12"
  std::string layout;  // "speckit"
  std::map<std::string, std::string> files;                               // path -> sha256
  std::map<std::string, int> versions;                                    // artifact -> version at the base
  std::map<std::string, std::map<std::string, SectionBase>> sections;     // artifact -> key -> hashes
  IdSpace ids;
};

struct Manifest {
  std::string layout, tool, project, entry;
  std::vector<std::pair<std::string, std::string>> files;  // path, sha256
  std::vector<IdMapping> ids;
  std::vector<Dropped> dropped;
  std::vector<std::string> not_held;
  RoundTrip round_trip;
};

std::string ManifestJson(const Manifest& m);
// Reads only what sync needs (layout, project); errors name the file.
bool ReadManifest(const std::string& json, Manifest* out, std::string* error);

std::string BasePath(const std::string& copy);
std::string BaseJson(const CopyBase& base);
bool ReadBase(const std::string& json, CopyBase* out, std::string* error);

// "alice" + the project's identity -> "alice-3f9a12": readable, and distinct
// for two projects of the same person.
std::string CopyName(const std::string& author, const std::string& project_identity);

}  // namespace specwave::interop
