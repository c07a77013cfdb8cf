// OpenSpec change folders from the PRD's history: for each version of prd.md
// after the first, one change under openspec/changes/archive/ named
// "<date>-prd-v<N>" (the version's date, as OpenSpec names archived changes:
// they are already applied, so `openspec archive` must not apply them again)
// with proposal.md (why: the regeneration's reason or the person's edit; what
// changes), tasks.md (done), .openspec.yaml, and delta specs per capability:
// ADDED / MODIFIED / REMOVED Requirements from the section diff of the two
// versions (markdown/section_diff.hpp), grouped by feature: a feature whose
// heading changed is MODIFIED, not removed and added.
#pragma once

#include <map>
#include <string>

#include "interop/openspec_layout.hpp"
#include "interop/pack.hpp"

namespace specwave::interop {

// path -> content; empty when the pack has no prd.md history.
std::map<std::string, std::string> OpenSpecChanges(const Pack& pack, const openspec::Capabilities& caps);

}  // namespace specwave::interop
