// Internal to src/store: the JSON shape shared by the single-file export and
// the folder export's manifest.json. The two differ only in where contents
// live: inline ("content", "brief", "workflow_yaml") or in files named by the
// manifest ("file", "brief_file", "workflow_file", "latest_file").
#pragma once

#include <functional>
#include <string>

#include "store/project_bundle.hpp"

namespace specwave::bundle {

enum class Layout { kSingleFile, kFolder };

inline constexpr const char* kManifestName = "manifest.json";
inline constexpr const char* kBriefFile = "brief.md";
inline constexpr const char* kWorkflowFile = "workflow.yml";
std::string LatestPath(const std::string& artifact);                // artifacts/<name>
std::string VersionPath(const std::string& artifact, int version);  // versions/<name>/v<N>.md

// Largest input read: far above any real project, small enough to refuse a
// mistaken multi-gigabyte file before it is read into memory.
inline constexpr uintmax_t kMaxInputBytes = 512ull << 20;

StoreError Encode(const ProjectBundle& bundle, Layout layout, std::string* json);

// Reads a file named in the manifest (a relative path, already checked to be
// safe); only for Layout::kFolder.
using FileReader = std::function<StoreError(const std::string& rel_path, std::string* content)>;
StoreError Decode(const std::string& json, const std::string& source, Layout layout, const FileReader& read_file,
                  ProjectBundle* out);

}  // namespace specwave::bundle
