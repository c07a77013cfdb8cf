#include "session/findings_view.hpp"

namespace specwave {

FindingsByArtifact StoredFindings(const std::vector<ArtifactState>& artifacts,
                                  const std::vector<ValidationRunRecord>& runs, std::string* error) {
  std::map<std::string, int64_t> current;  // artifact -> latest version id
  for (const auto& a : artifacts) current[a.artifact] = a.latest_version_id;
  FindingsByArtifact out;
  for (const auto& r : runs) {
    auto it = current.find(r.artifact);
    if (it == current.end() || (r.artifact_version_id != 0 && r.artifact_version_id != it->second)) continue;
    std::string why;
    if (!FindingsFromJson(r.findings_json, r.artifact, r.validator, &out[r.artifact], &why) && error->empty())
      *error = why + "; those findings are not shown (rerun the phase to check again)";
  }
  for (auto it = out.begin(); it != out.end();) it = it->second.empty() ? out.erase(it) : std::next(it);
  return out;
}

std::vector<PhaseFindings> PlaceFindings(const WorkflowSpec& spec, const FindingsByArtifact& by_artifact) {
  std::vector<PhaseFindings> out(spec.phases.size());
  int all_gaps = 0;
  for (const auto& [artifact, list] : by_artifact) {
    const int producer = spec.ProducerOf(artifact);
    for (const auto& f : list) {
      if (IsGap(f)) {
        ++all_gaps;
        if (producer >= 0) ++out[producer].gaps;
      }
      if (producer >= 0 && !(IsGap(f) && spec.phases[producer].phase_type == "validate")) out[producer].findings.push_back(f);
    }
  }
  for (size_t i = 0; i < spec.phases.size(); ++i) {
    if (spec.phases[i].phase_type != "validate") continue;
    out[i].gaps = all_gaps;
    for (const auto& [artifact, list] : by_artifact)
      for (const auto& f : list)
        if (IsGap(f)) out[i].findings.push_back(f);
  }
  return out;
}

}  // namespace specwave
