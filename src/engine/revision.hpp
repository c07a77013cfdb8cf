// Revise, don't rewrite (issue #16.2). In a regeneration, a phase whose
// artifacts exist is asked to revise them: the call carries their current
// version, the upstream change (each changed section before and after) and
// the ids the impact analysis found affected, and asks for the changed
// sections only, as a section patch (section_patch.hpp). The engine applies
// the patch by heading path; sections it does not name stay byte-identical.
//
//   RevisionContext rev{current, upstream, affected};
//   generation.revision = &rev;                          // the prompt gets RevisionPromptBlock(rev)
//   RevisedArtifacts out = ApplyRevisionReply(reply, rev, produces);
//   if (!out.ok) ... rewrite the whole phase; out.note says why
#pragma once

#include <string>
#include <vector>

#include "engine/change_scope.hpp"
#include "engine/phase_checks.hpp"

namespace specwave {

struct RevisionContext {
  NamedTexts current;                     // the phase's artifacts as stored now
  std::vector<ChangedSection> upstream;   // what changed in its inputs, with before/after
  std::vector<std::string> affected;      // "tasks.md T2.1 (MEDIUM): T2.1 belongs to E2, which covers F2"
};

// The user block that asks for a patch (appended after the phase's own task).
std::string RevisionPromptBlock(const RevisionContext& rev);

struct RevisedArtifacts {
  bool ok = false;         // false: fall back to a whole rewrite
  bool was_patch = false;  // the reply used the patch format
  NamedTexts artifacts;    // every produced artifact: patched, or as it was
  std::string note;        // why it fell back, or what the patch did
  int sections_changed = 0;
};

RevisedArtifacts ApplyRevisionReply(const std::string& reply, const RevisionContext& rev,
                                    const std::vector<std::string>& produces);

}  // namespace specwave
