// Project bundles: reading one out of a Store, writing one into a Store, and
// the top-level export/import entry points used by the CLI and the Session.
#include <filesystem>

#include "core/files.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "engine/run_report.hpp"
#include "store/names.hpp"
#include "store/project_bundle.hpp"

namespace specwave {

using Kind = StoreError::Kind;
namespace fs = std::filesystem;

StoreError ReadProjectBundle(Store& store, int64_t project_id, ProjectBundle* out) {
  *out = {};
  auto project = store.GetProject(project_id);
  if (!project) {
    if (StoreError health = store.Health()) return health;
    return {Kind::kNotFound, "no project " + std::to_string(project_id)};
  }
  out->project = *project;
  std::string settings;
  int removed = 0;
  // Settings the store holds are already clean; this also covers other stores.
  out->project.settings_json = ScrubSecrets(project->settings_json, &settings, &removed, nullptr) ? settings : "{}";
  out->artifacts = store.ListArtifacts(project_id);
  for (const auto& a : out->artifacts) {
    auto versions = store.ListVersions(project_id, a.artifact);
    if (versions.empty() || versions.back().version < a.latest_version) {
      if (StoreError health = store.Health()) return health;
      return {Kind::kIo, "the versions of " + a.artifact + " could not be read"};
    }
    for (auto& v : versions) {
      // Catches damage SQLite cannot see (a flipped byte inside the text).
      std::string actual = Sha256Hex(v.content);
      if (actual != v.sha256)
        return {Kind::kCorrupt, a.artifact + " version " + std::to_string(v.version) +
                                    " does not match its stored sha256 (the database is damaged); export what can be "
                                    "read with specwave export --salvage"};
      out->versions.push_back(std::move(v));
    }
  }
  // The latest finished run's measured metrics (a run still going, or cut
  // off, has nothing worth showing elsewhere).
  std::optional<WorkflowRunRecord> run = LatestAnyRun(store, project_id);
  if (run && run->status != RunStatus::kRunning && run->status != RunStatus::kInterrupted && RunReport::FromJson(run->metrics_json)) {
    std::string options;
    int dropped = 0;
    run->options_json = ScrubSecrets(run->options_json, &options, &dropped, nullptr) ? options : "{}";
    run->id = 0;
    run->project_id = 0;
    out->last_run = std::move(*run);
  }
  if (StoreError health = store.Health()) return health;
  return {};
}

StoreError WriteProjectBundle(Store& store, ProjectBundle& bundle, int64_t* project_id) {
  ProjectRecord p = bundle.project;
  p.id = 0;
  std::vector<ArtifactVersion> versions = bundle.versions;
  if (StoreError err = store.ImportProject(p, versions, bundle.artifacts)) return err;
  if (bundle.last_run) {
    // Outside the import's transaction: losing the metrics of an old run to
    // a failure here costs nothing that the artifacts depend on.
    WorkflowRunRecord run = *bundle.last_run;
    run.id = 0;
    run.project_id = p.id;
    if (StoreError err = store.CreateRun(run)) return err;
  }
  bundle.project = p;
  bundle.versions = std::move(versions);
  if (project_id) *project_id = p.id;
  return {};
}

std::string BundleFileName(const ProjectBundle& bundle) {
  std::string slug = Slugify(bundle.project.name);
  if (slug.empty()) slug = "project";
  return slug + kBundleFileSuffix;
}

StoreError ExportProject(Store& store, int64_t project_id, const std::string& out, bool single_file,
                         std::string* written) {
  try {
    ProjectBundle bundle;
    if (StoreError err = ReadProjectBundle(store, project_id, &bundle)) return err;
    if (!single_file) {
      if (StoreError err = WriteBundleFolder(bundle, out)) return err;
      if (written) *written = out;
      return {};
    }
    std::string json;
    if (StoreError err = BundleToJson(bundle, &json)) return err;
    fs::path path = out;
    std::error_code ec;
    if (!EndsWith(out, ".json")) {
      fs::create_directories(path, ec);
      if (ec) return {Kind::kIo, out + ": cannot create the folder: " + ec.message()};
      path /= BundleFileName(bundle);
    } else if (path.has_parent_path()) {
      fs::create_directories(path.parent_path(), ec);
      if (ec) return {Kind::kIo, path.parent_path().string() + ": cannot create the folder: " + ec.message()};
    }
    if (fs::exists(fs::symlink_status(path, ec)))
      return {Kind::kInvalid, path.string() + " already exists; choose another name"};
    std::string error;
    if (!WriteFileAtomic(path.string(), json, &error)) return {Kind::kIo, error};
    if (written) *written = path.string();
    return {};
  } catch (const std::exception& e) {  // std::filesystem and allocation: keep the store exception-free
    return {Kind::kIo, std::string("export failed: ") + e.what()};
  }
}

StoreError ImportProjectFrom(Store& store, const std::string& path, int64_t* project_id) {
  try {
    ProjectBundle bundle;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return {Kind::kInvalid, path + ": no such file or folder"};
    fs::path as_path(path);
    if (fs::is_directory(status) || as_path.filename() == "manifest.json") {
      // A folder export, or its manifest named directly.
      std::string dir =
          fs::is_directory(status) ? path : (as_path.has_parent_path() ? as_path.parent_path().string() : ".");
      if (StoreError err = ReadBundleFolder(dir, &bundle)) return err;
    } else {
      std::string error;
      auto text = ReadFile(path, &error);
      if (!text) return {Kind::kInvalid, error};
      if (StoreError err = BundleFromJson(*text, path, &bundle)) return err;
    }
    return WriteProjectBundle(store, bundle, project_id);
  } catch (const std::exception& e) {
    return {Kind::kIo, std::string("import failed: ") + e.what()};
  }
}

bool ExportBundleToString(Store& store, int64_t project_id, std::string* file_name, std::string* content,
                          std::string* error) {
  try {
    ProjectBundle bundle;
    StoreError err = ReadProjectBundle(store, project_id, &bundle);
    if (!err) err = BundleToJson(bundle, content);
    if (err) {
      if (error) *error = err.message;
      return false;
    }
    if (file_name) *file_name = BundleFileName(bundle);
    return true;
  } catch (const std::exception& e) {
    if (error) *error = std::string("export failed: ") + e.what();
    return false;
  }
}

bool ImportBundleFromString(Store& store, const std::string& content, int64_t* project_id, std::string* error) {
  try {
    ProjectBundle bundle;
    StoreError err = BundleFromJson(content, "the imported file", &bundle);
    if (!err) err = WriteProjectBundle(store, bundle, project_id);
    if (err) {
      if (error) *error = err.message;
      return false;
    }
    return true;
  } catch (const std::exception& e) {
    if (error) *error = std::string("import failed: ") + e.what();
    return false;
  }
}

}  // namespace specwave
