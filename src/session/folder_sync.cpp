#include "session/folder_sync.hpp"

#include "interop/folder_io.hpp"
#include "interop/manifest.hpp"
#include "interop/store_pack.hpp"

namespace specwave {

using namespace interop;

// The open project read as the CLI reads it (interop/store_pack.hpp).
Pack FolderSync::PackOfOpenProject() {
  ProjectRecord unnamed;  // a project the store cannot describe still has its artifacts
  unnamed.id = core_.ProjectId();
  auto p = core_.store().GetProject(unnamed.id);
  return PackOf(core_.store(), p ? *p : unnamed);
}

std::string FolderSync::CopyOfOpenProject(const std::string& author) {
  auto p = core_.store().GetProject(core_.ProjectId());
  return p ? CopyOf(author, *p) : CopyName(author, "0");
}

FolderExport FolderSync::Export(Format format, const std::string& author) {
  FolderExport out;
  if (core_.ProjectId() == 0) return out.error = "no project is open", out;
  Pack pack = PackOfOpenProject();
  if (pack.artifacts.empty()) return out.error = "the project has no artifacts yet: run it first", out;
  ExportResult r = ExportPack(format, pack, ExportOptions{author, CopyOfOpenProject(author), std::nullopt});
  out.files = std::move(r.files);
  for (const Dropped& d : r.dropped)
    out.dropped.push_back(d.artifact + (d.section.empty() ? "" : " > " + d.section) + " — " + d.why);
  return out;
}

FolderSyncResult FolderSync::Sync(FileTree folder, const std::string& author) {
  FolderSyncResult out;
  if (core_.ProjectId() == 0) return out.error = "no project is open", out;
  if (!CheckTree(&folder, &out.error)) return out;
  auto m = folder.find(kManifestPath);
  if (m == folder.end())
    return out.error = std::string("the folder has no ") + kManifestPath + " (save the project to it first)", out;
  Manifest manifest;
  if (!ReadManifest(m->second, &manifest, &out.error)) return out;
  auto format = ParseFormat(manifest.layout);
  if (!format) return out.error = std::string(kManifestPath) + ": unknown layout \"" + manifest.layout + "\"", out;
  // Only what the layout reads, as ReadFolder does natively: the page may
  // hand over a whole repository.
  FileTree tree;
  const auto roots = ReadRoots(*format);
  for (auto& [path, text] : folder)
    for (const std::string& root : roots)
      if (path == root || path.rfind(root + "/", 0) == 0) {
        tree[path] = std::move(text);
        break;
      }
  const std::string copy = CopyOfOpenProject(author);
  std::optional<CopyBase> base;
  if (auto b = tree.find(BasePath(copy)); b != tree.end()) {
    CopyBase read;
    read.copy = copy;
    if (!ReadBase(b->second, &read, &out.error)) return out;
    base = std::move(read);
  }
  SyncPlan plan = PlanSync(*format, tree, PackOfOpenProject(), base, Prefer::kNone);
  if (!plan.errors.empty()) {
    for (const auto& e : plan.errors) out.error += (out.error.empty() ? "" : "; ") + e.ToString();
    return out;
  }
  out.changed_files = plan.changed_files;
  out.applied = plan.applied;
  if (!plan.conflicts.empty()) {
    out.conflicts = plan.conflicts;
    return out;
  }
  auto project = core_.model.Get<ProjectPart>();
  for (const auto& [artifact, text] : plan.edits) {
    if (!project->spec || project->spec->ProducerOf(artifact) < 0) continue;  // not this workflow's artifact
    editor_.Save(artifact, text);
    auto v = core_.store().LatestVersion(core_.ProjectId(), artifact);
    if (!v || v->content != text) return out.error = artifact + ": the edit was not recorded", out;
    out.recorded.push_back(artifact);
  }
  SyncWrite w = FinishSync(*format, tree, PackOfOpenProject(), base, plan.ids, author, copy, plan.changed_files);
  out.to_write = std::move(w.files);
  out.refreshed = std::move(w.refreshed);
  return out;
}

}  // namespace specwave
