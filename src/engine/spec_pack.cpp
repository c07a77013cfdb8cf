#include "engine/spec_pack.hpp"

namespace specwave {

std::string BuildSpecPack(const std::string& project_name, const WorkflowSpec& spec, const PhaseSpec& phase,
                          const std::vector<SpecPackEntry>& entries, const std::string& frontmatter_yaml) {
  std::string out = "---\n" + frontmatter_yaml + "---\n\n# Spec pack — " + project_name + "\n\n";
  out += "Workflow: " + (spec.name.empty() ? spec.file : spec.name) + ". Every artifact below is the latest version "
         "in this project; hashes are SHA-256 of the stored text.\n\n";
  out += "## Artifacts\n\n| artifact | version | sha256 | author | phase | validation |\n"
         "|---|---|---|---|---|---|\n";
  int missing = 0, failing = 0;
  for (const auto& e : entries) {
    if (e.version == 0) {
      ++missing;
      out += "| " + e.artifact + " | — | — | — | — | missing |\n";
      continue;
    }
    std::string status = !e.validated ? "not validated" : (e.passed ? "passed" : "errors");
    failing += e.validated && !e.passed;
    out += "| " + e.artifact + " | " + std::to_string(e.version) + " | `" + e.sha256.substr(0, 12) + "` | " +
           e.author + " | " + e.phase + " | " + status + " |\n";
  }
  out += "\n## Status\n\n" + std::to_string(entries.size()) + " artifacts, " + std::to_string(missing) +
         " missing, " + std::to_string(failing) + " with validation errors.\n";
  (void)phase;
  return out;
}

std::vector<SpecPackEntry> SpecPackEntries(Store& store, int64_t project_id, const WorkflowSpec& spec,
                                           const PhaseSpec& phase) {
  std::vector<SpecPackEntry> entries;
  for (const auto& a : spec.AllArtifacts()) {
    if (!phase.produces.empty() && a == phase.produces[0]) continue;
    SpecPackEntry e;
    e.artifact = a;
    if (auto v = store.LatestVersion(project_id, a)) {
      e.version = v->version;
      e.sha256 = v->sha256;
      e.author = v->author;
      e.phase = v->phase;
    }
    entries.push_back(e);
  }
  auto validations = store.LatestValidations(project_id);
  for (auto& e : entries)
    for (const auto& v : validations)
      if (v.artifact == e.artifact) {
        e.validated = true;
        e.passed = e.passed && v.passed;
      }
  return entries;
}

}  // namespace specwave
