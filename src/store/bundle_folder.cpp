// The folder form of an export (layout in docs/storage.md): written under a
// temporary name and renamed into place; read back with every named file
// checked to be a plain file inside the folder (no "..", no links out).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>

#include "core/files.hpp"
#include "store/bundle_codec.hpp"
#include "store/names.hpp"

namespace specwave {

using Kind = StoreError::Kind;
namespace fs = std::filesystem;

namespace {

fs::path Normalized(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();  // "out/" -> "out"
  return p;
}

// Inside the temporary folder a plain write is enough: the folder as a whole
// is renamed into place only when every file is written (a per-file
// write-and-rename would double the file-system operations of a
// 10,000-version export).
StoreError WritePlain(const fs::path& path, const std::string& content) {
  FILE* f = std::fopen(path.string().c_str(), "wb");
  if (!f) return {Kind::kIo, path.string() + ": cannot create: " + std::strerror(errno)};
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return {Kind::kIo, path.string() + ": write failed: " + std::strerror(errno)};
  return {};
}

bool IsInside(const fs::path& root, const fs::path& p) {
  auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end();
}

StoreError WriteInto(const fs::path& tmp, const ProjectBundle& bundle, const std::string& manifest) {
  auto write = [&](const std::string& rel, const std::string& content) -> StoreError {
    fs::path p = tmp / rel;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return {Kind::kIo, p.parent_path().string() + ": cannot create the folder: " + ec.message()};
    return WritePlain(p, content);
  };
  if (StoreError e = write(bundle::kBriefFile, bundle.project.brief)) return e;
  if (StoreError e = write(bundle::kWorkflowFile, bundle.project.workflow_yaml)) return e;
  std::map<std::string, const ArtifactVersion*> latest;
  for (const auto& v : bundle.versions) {
    if (StoreError e = write(bundle::VersionPath(v.artifact, v.version), v.content)) return e;
    auto& l = latest[v.artifact];
    if (!l || l->version < v.version) l = &v;
  }
  for (const auto& [name, v] : latest)
    if (StoreError e = write(bundle::LatestPath(name), v->content)) return e;
  // Last, so a folder with a manifest is a complete one even without the rename.
  return write(bundle::kManifestName, manifest);
}

}  // namespace

StoreError WriteBundleFolder(const ProjectBundle& bundle, const std::string& dir) {
  try {
    fs::path target = Normalized(dir);
    std::error_code ec;
    auto status = fs::symlink_status(target, ec);
    bool exists = fs::exists(status);
    if (exists && !fs::is_directory(status)) return {Kind::kInvalid, dir + " exists and is not a folder"};
    if (exists && !fs::is_empty(target, ec)) return {Kind::kInvalid, dir + " is not empty; export into a new folder"};
    for (const auto& v : bundle.versions) {
      std::string why;
      if (!IsSafeArtifactName(v.artifact, &why))
        return {Kind::kInvalid, "artifact '" + v.artifact + "' cannot be a file name: " + why};
    }
    std::string manifest;
    if (StoreError e = bundle::Encode(bundle, bundle::Layout::kFolder, &manifest)) return e;

    fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    if (ec) return {Kind::kIo, parent.string() + ": cannot create the folder: " + ec.message()};
    std::random_device rd;
    fs::path tmp = parent / (target.filename().string() + ".partial-" + std::to_string(rd()));
    fs::create_directory(tmp, ec);
    if (ec) return {Kind::kIo, tmp.string() + ": cannot create the folder: " + ec.message()};
    StoreError err = WriteInto(tmp, bundle, manifest);
    if (!err && exists) {
      fs::remove(target, ec);  // the empty folder the person named
      if (ec) err = {Kind::kIo, dir + ": cannot replace the empty folder: " + ec.message()};
    }
    if (!err) {
      fs::rename(tmp, target, ec);
      if (ec) err = {Kind::kIo, dir + ": cannot move the export into place: " + ec.message()};
    }
    if (err) fs::remove_all(tmp, ec);  // a failed export leaves nothing behind
    return err;
  } catch (const std::exception& e) {
    return {Kind::kIo, dir + ": export failed: " + e.what()};
  }
}

StoreError ReadBundleFolder(const std::string& dir, ProjectBundle* out) {
  try {
    std::error_code ec;
    fs::path root = fs::canonical(Normalized(dir), ec);
    if (ec || !fs::is_directory(root)) return {Kind::kInvalid, dir + ": not a folder"};
    std::string label = Normalized(dir).string();

    auto read = [&](const std::string& rel, std::string* content) -> StoreError {
      std::string shown = label + "/" + rel;
      fs::path p = root / rel;
      std::error_code e;
      auto st = fs::symlink_status(p, e);
      if (e || !fs::exists(st)) return {Kind::kInvalid, shown + ": missing (named in " + bundle::kManifestName + ")"};
      if (fs::is_symlink(st)) return {Kind::kInvalid, shown + ": is a symbolic link; an export holds plain files"};
      if (!fs::is_regular_file(st)) return {Kind::kInvalid, shown + ": not a file"};
      // A linked folder on the way could still lead outside.
      fs::path real = fs::canonical(p, e);
      if (e || !IsInside(root, real)) return {Kind::kInvalid, shown + ": leaves the export folder"};
      if (fs::file_size(p, e) > bundle::kMaxInputBytes) return {Kind::kInvalid, shown + ": the file is too large"};
      std::string error;
      auto text = ReadFile(p.string(), &error);
      if (!text) return {Kind::kInvalid, error};
      if (!IsValidUtf8(*text)) return {Kind::kInvalid, shown + ": not UTF-8 text"};
      *content = std::move(*text);
      return {};
    };

    std::string manifest;
    if (StoreError e = read(bundle::kManifestName, &manifest)) return e;
    return bundle::Decode(manifest, label + "/" + bundle::kManifestName, bundle::Layout::kFolder, read, out);
  } catch (const std::exception& e) {
    return {Kind::kInvalid, dir + ": cannot be read (" + e.what() + ")"};
  }
}

}  // namespace specwave
