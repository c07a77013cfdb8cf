#include "interop/store_pack.hpp"

#include "interop/manifest.hpp"

namespace specwave::interop {

Pack PackOf(Store& store, const ProjectRecord& project) {
  Pack pack;
  pack.project_name = project.name;
  for (const auto& a : store.ListArtifacts(project.id)) {
    auto v = store.LatestVersion(project.id, a.artifact);
    if (!v) continue;
    pack.artifacts[a.artifact] = v->content;
    pack.versions[a.artifact] = v->version;
  }
  for (const auto& v : store.ListVersions(project.id, "prd.md"))
    pack.history["prd.md"].push_back({v.version, v.content, v.author, v.regeneration_reason, v.created_at});
  return pack;
}

std::string CopyOf(const std::string& author, const ProjectRecord& project) {
  return CopyName(author, std::to_string(project.created_at) + ":" + std::to_string(project.id));
}

}  // namespace specwave::interop
