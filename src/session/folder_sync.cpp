#include "session/folder_sync.hpp"

#include "interop/folder_io.hpp"

namespace specwave {

using namespace interop;

// The latest version of every artifact and prd.md's history (OpenSpec's change
// folders), as src/cli/interop_common.cpp's PackOf reads them for the CLI.
Pack FolderSync::PackOfOpenProject() {
  Pack pack;
  const int64_t id = core_.ProjectId();
  if (auto p = core_.store().GetProject(id)) pack.project_name = p->name;
  for (const auto& a : core_.store().ListArtifacts(id)) {
    auto v = core_.store().LatestVersion(id, a.artifact);
    if (!v) continue;
    pack.artifacts[a.artifact] = v->content;
    pack.versions[a.artifact] = v->version;
  }
  for (const auto& v : core_.store().ListVersions(id, "prd.md"))
    pack.history["prd.md"].push_back({v.version, v.content, v.author, v.regeneration_reason, v.created_at});
  return pack;
}

// The same copy name the CLI gives (cli/interop_common.cpp CopyOf), so a
// folder saved here and synced by `specwave sync` with the same author, on a
// copy of the same database, finds its base.
std::string FolderSync::CopyOfOpenProject(const std::string& author) {
  auto p = core_.store().GetProject(core_.ProjectId());
  return CopyName(author, p ? std::to_string(p->created_at) + ":" + std::to_string(p->id) : "0");
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
