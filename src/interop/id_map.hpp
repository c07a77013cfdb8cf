// Ids two people cannot make collide (docs/interop.md, "Ids on two branches").
//
// Inside one project the store is the only writer, so Specwave numbers
// features, epics and tasks in sequence (F1, F2, ...): these are the display
// ids a person sees. A folder shared through Git has many writers. Every id
// that existed when this copy first exported keeps its number in the folder
// (F2 is FR-002 everywhere). An id that appears in this copy after that is
// written to the folder under a number drawn from its content instead of the
// next one in sequence: 10000 + (SHA-256 of author, kind and title) mod 90000,
// e.g. F7 -> FR-48213. Two people adding a seventh feature on two branches
// write two different numbers, so a Git merge keeps both and a sync tells
// them apart; each copy maps the folder numbers back to its own sequence
// (display F7 and F8) in its base file. Ids a person types by hand in the
// folder keep their number when it is free in the project, else they get the
// next free one; the same id defined twice in a folder is reported, not merged.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>

#include "interop/pack.hpp"

namespace specwave::interop {

struct IdSpace {
  // display -> folder number, only where they differ, per kind ('F', 'E');
  // tasks as "e.n" strings ("1.2" -> "1.48213").
  std::map<int, int> features, epics;
  std::map<std::string, std::string> tasks;
  // Display ids this copy had exported (as "F2", "E1", "T1.2").
  std::set<std::string> known;
};

// The folder ids for `pack`: known ids and mapped ids as they are, new ones
// drawn from their content (see above). Updates `space` (known + maps).
Pack ToFolderIds(const Pack& pack, const std::string& author, IdSpace* space);

// Back to this copy's display ids. `project` holds the display ids already
// taken (the project's current pack; may be empty for a new project).
// Updates `space`.
Pack ToDisplayIds(const Pack& folder_pack, const Pack& project, IdSpace* space);

// Rewrites F<n>, E<n> and T<e>.<n> tokens in text by the maps (whole tokens only).
std::string RewriteIds(const std::string& text, const std::map<int, int>& f, const std::map<int, int>& e,
                       const std::map<std::pair<int, int>, std::pair<int, int>>& t);

// The number a new id gets in a shared folder.
int ContentNumber(const std::string& author, char kind, const std::string& title);

}  // namespace specwave::interop
