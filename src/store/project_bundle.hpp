// Export and import of one project, through any Store (so it works behind a
// StoreThread in the browser). Two forms, one content (docs/storage.md):
//
//   folder       manifest.json, brief.md, workflow.yml, artifacts/<name> (latest),
//                versions/<name>/v<N>.md — for people and git
//   single file  <slug>.specwave.json — one JSON document with the same data and
//                the contents inline — for the browser's download and upload
//
//   std::string written;
//   if (StoreError e = ExportProject(store, id, "out/tide", /*single_file=*/false, &written)) fail(e);
//   int64_t new_id = 0;
//   if (StoreError e = ImportProjectFrom(store, "out/tide", &new_id)) fail(e);   // folder or file
//
// Guarantees: every version (number, sha256, author, phase, regeneration
// reason, created_at) survives a round trip; sha256 is checked when reading
// from the store (a mismatch is kCorrupt) and on import (a mismatch is an
// error naming the file); settings never carry anything that looks like a
// credential (store/names.hpp); an import is one transaction; everything read
// from outside is validated, and errors (kInvalid) name the file and field.
// The latest finished run travels as its measured metrics (last_run: what
// the embed viewer's getMetrics returns); other runs, phase records, caches
// and validations are not exported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/store_port.hpp"

namespace specwave {

inline constexpr const char* kBundleFormat = "specwave-project";
inline constexpr int kBundleFormatVersion = 1;
inline constexpr const char* kBundleFileSuffix = ".specwave.json";

struct ProjectBundle {
  ProjectRecord project;                  // id is ignored on import
  std::vector<ArtifactState> artifacts;   // names and stale marks, by name
  std::vector<ArtifactVersion> versions;  // every version, grouped by artifact, oldest first
  std::optional<WorkflowRunRecord> last_run;  // latest finished run: kind, mode, status, metrics (no ids)
};

// Store <-> bundle.
StoreError ReadProjectBundle(Store& store, int64_t project_id, ProjectBundle* out);
StoreError WriteProjectBundle(Store& store, ProjectBundle& bundle, int64_t* project_id);  // a new project

// Bundle <-> single-file JSON. `source` names the input in error messages.
StoreError BundleToJson(const ProjectBundle& bundle, std::string* json);
StoreError BundleFromJson(const std::string& json, const std::string& source, ProjectBundle* out);
std::string BundleFileName(const ProjectBundle& bundle);  // "<slug>.specwave.json"

// Bundle <-> folder. The folder must not exist or be empty; it is written
// under a temporary name and renamed, so a failed export leaves nothing.
StoreError WriteBundleFolder(const ProjectBundle& bundle, const std::string& dir);
StoreError ReadBundleFolder(const std::string& dir, ProjectBundle* out);

// What the CLI uses. Single file: `out` ending in ".json" is the file, else a
// folder that receives <slug>.specwave.json. Never overwrites. *written is
// the path written.
StoreError ExportProject(Store& store, int64_t project_id, const std::string& out, bool single_file,
                         std::string* written);
StoreError ImportProjectFrom(Store& store, const std::string& path, int64_t* project_id);

// Session::Ports::export_bundle / import_bundle (session/session.hpp).
bool ExportBundleToString(Store& store, int64_t project_id, std::string* file_name, std::string* content,
                          std::string* error);
bool ImportBundleFromString(Store& store, const std::string& content, int64_t* project_id, std::string* error);

}  // namespace specwave
