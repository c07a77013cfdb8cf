// Section patches (issue #16.2): how a regenerated artifact comes back as
// the sections that changed instead of a whole new document, and how the
// engine applies them by heading path, leaving every other byte as it was.
//
// The reply format (the revision prompt asks for it; the offline generator
// writes it):
//
//   === PATCH: architecture.md ===
//   === REPLACE: Architecture > Components ===
//   ## Components
//   ...the section's new text, its heading line first...
//   === INSERT AFTER: Architecture > Components ===
//   ## Offline sync
//   ...a new section, placed after the named one (and its subsections)...
//   === DELETE: Architecture > Legacy ===
//   === END PATCH ===
//
// A patch with no operation says "nothing to change". REPLACE covers a
// section's own text (its heading to the next heading of any level), so its
// subsections are untouched unless named too.
//
//   auto patch = ParseSectionPatches(reply);
//   if (patch.ok) { PatchResult r = ApplySectionPatch(current, patch.patches[0]); if (r.ok) use r.text; }
//
// Anything else — no PATCH marker, an unknown operation, an unclosed patch, a
// path the current version does not have — is not applied: the caller falls
// back to a whole rewrite and says why (PatchResult::error).
#pragma once

#include <string>
#include <vector>

namespace specwave {

enum class PatchOp { kReplace, kInsertAfter, kDelete };

struct SectionEdit {
  PatchOp op = PatchOp::kReplace;
  std::string path;  // heading path in the current version
  std::string text;  // kReplace / kInsertAfter: the new section text, heading line first
};

struct SectionPatch {
  std::string artifact;
  std::vector<SectionEdit> edits;
};

struct ParsedPatches {
  bool is_patch = false;  // the reply uses the patch format at all
  bool ok = false;        // and is well formed
  std::string error;      // when !ok and is_patch
  std::vector<SectionPatch> patches;
};

ParsedPatches ParseSectionPatches(const std::string& reply);

struct PatchResult {
  bool ok = false;
  std::string text;   // the patched document
  std::string error;  // "architecture.md has no section 'Architecture > Cache'"
  int replaced = 0, inserted = 0, deleted = 0;
};

PatchResult ApplySectionPatch(const std::string& current, const SectionPatch& patch);

// The patch that turns `current` into `target` (the offline generator's
// revisions): one REPLACE per modified section, INSERT AFTER per added one,
// DELETE per deleted one. Empty edits when they are the same.
SectionPatch MakeSectionPatch(const std::string& artifact, const std::string& current, const std::string& target);

// The patch written in the reply format above.
std::string FormatSectionPatch(const SectionPatch& patch);

}  // namespace specwave
