#include "engine/revision.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "engine/section_patch.hpp"

namespace specwave {
namespace {

// Upstream text can be long; the prompt shows each changed section whole up
// to this size (the inputs block carries the complete documents anyway).
constexpr size_t kMaxSectionChars = 4000;

std::string Clip(const std::string& s) {
  if (s.size() <= kMaxSectionChars) return s;
  return s.substr(0, kMaxSectionChars) + "\n[... cut; the whole document is among the inputs]";
}

}  // namespace

std::string RevisionPromptBlock(const RevisionContext& rev) {
  std::string out =
      "REVISION: the artifacts below already exist. Revise them for the upstream change; do not rewrite them.\n"
      "Return only the sections that must change, as a section patch, and nothing else:\n\n"
      "=== PATCH: <artifact file name> ===\n"
      "=== REPLACE: <heading path, e.g. Architecture > Components> ===\n"
      "<the section's new text, its heading line first; its subsections are kept unless named too>\n"
      "=== INSERT AFTER: <heading path> ===\n"
      "<a new section, heading line first>\n"
      "=== DELETE: <heading path> ===\n"
      "=== END PATCH ===\n\n"
      "Heading paths join the headings from the top with \" > \", exactly as written. A section you do not name "
      "stays exactly as it is. If nothing must change, return the PATCH line and the END PATCH line with nothing "
      "between them.\n\n## Upstream change\n\n";
  if (rev.upstream.empty()) out += "(not known by section: compare the inputs with the current versions)\n";
  for (const auto& c : rev.upstream) {
    out += "### " + c.artifact + " > " + c.section + " (" + c.change + ")\n\n";
    if (c.change != "added") out += "Before:\n\n" + Clip(c.before) + "\n\n";
    if (c.change != "deleted") out += "After:\n\n" + Clip(c.after) + "\n\n";
  }
  if (!rev.affected.empty()) {
    out += "## Affected ids (from the impact analysis)\n\n";
    for (const auto& a : rev.affected) out += "- " + a + "\n";
    out += "\n";
  }
  out += "## Current versions\n\n";
  for (const auto& [name, text] : rev.current) out += "=== CURRENT: " + name + " ===\n" + text + "\n=== END CURRENT ===\n\n";
  return out;
}

RevisedArtifacts ApplyRevisionReply(const std::string& reply, const RevisionContext& rev,
                                    const std::vector<std::string>& produces) {
  RevisedArtifacts out;
  ParsedPatches parsed = ParseSectionPatches(reply);
  out.was_patch = parsed.is_patch;
  if (!parsed.is_patch) {
    out.note = "the reply is not a section patch";
    return out;
  }
  if (!parsed.ok) {
    out.note = "the section patch is malformed: " + parsed.error;
    return out;
  }
  for (const auto& p : parsed.patches)
    if (std::find(produces.begin(), produces.end(), p.artifact) == produces.end()) {
      out.note = "the section patch names '" + p.artifact + "', which this phase does not produce";
      return out;
    }
  for (const auto& name : produces) {
    const std::string* current = nullptr;
    for (const auto& [n, text] : rev.current)
      if (n == name) current = &text;
    if (!current) {
      out.note = name + " has no current version to patch";
      return out;
    }
    std::string text = *current;
    for (const auto& p : parsed.patches) {
      if (p.artifact != name) continue;
      PatchResult r = ApplySectionPatch(text, p);
      if (!r.ok) {
        out.note = "the section patch could not be applied: " + r.error;
        return out;
      }
      text = r.text;
      out.sections_changed += r.replaced + r.inserted + r.deleted;
    }
    out.artifacts.emplace_back(name, std::move(text));
  }
  out.ok = true;
  out.note = std::to_string(out.sections_changed) + " section" + (out.sections_changed == 1 ? "" : "s") +
             " revised by patch; the others kept as they were";
  return out;
}

}  // namespace specwave
