#include "engine/artifact_diff.hpp"

#include "markdown/section_diff.hpp"

namespace specwave {

ArtifactChangeInput DiffArtifact(const std::string& artifact, const std::string& old_text, const std::string& new_text) {
  markdown::ChangeSummary d = markdown::DiffSections(old_text, new_text);
  ArtifactChangeInput c;
  c.artifact = artifact;
  c.changed = d.changed;
  c.old_sha256 = d.old_sha256;
  c.new_sha256 = d.new_sha256;
  for (const auto& s : d.sections) c.sections.push_back({s.section, markdown::ChangeKindName(s.change), s.old_line, s.new_line});
  return c;
}

DiffFunction MarkdownDiff() { return DiffArtifact; }

}  // namespace specwave
