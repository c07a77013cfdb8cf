// What OpenSpec's export, change folders and import agree on (internal to the
// openspec codec). Layout from OpenSpec's docs/concepts.md and its
// spec-driven schema: openspec/specs/<capability>/spec.md with "## Purpose"
// and "## Requirements", each "### Requirement: <name>" holding SHALL/MUST
// text and at least one "#### Scenario:" of "- **WHEN** / - **THEN**" lines;
// a change folder holds proposal.md (Why, What Changes, Capabilities,
// Impact), tasks.md ("## 1. Group" with "- [x] 1.1 ..."), and delta specs
// under specs/<capability>/spec.md with ADDED / MODIFIED / REMOVED
// Requirements (a removed one with **Reason** and **Migration**).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "interop/md_tree.hpp"
#include "interop/pack_view.hpp"

namespace specwave::interop::openspec {

inline constexpr const char* kSpecsDir = "openspec/specs/";
inline constexpr const char* kArchiveDir = "openspec/changes/archive/";
inline constexpr const char* kSpecSuffix = " Specification";

// Which capability (folder name) each feature goes to: the first epic that
// covers it, named after the epic's title; features no epic covers go to one
// named after the project. Capabilities in epic order.
struct Capabilities {
  std::vector<std::string> order;           // capability names
  std::map<std::string, int> epic;          // capability -> epic number (0: none)
  std::map<int, std::string> of_feature;    // feature number -> capability
};
Capabilities CapabilitiesOf(const PackView& v, const std::string& project_slug);

// "### Requirement: Route sketch" with SHALL text, notes and one scenario per
// acceptance bullet, at heading level 3.
MdNode RequirementNode(const Feature& f);

}  // namespace specwave::interop::openspec
