// The DONE phase's artifact: an index of the spec pack — every artifact with
// its version, SHA-256, author and validation status. Built by the engine
// (no model call), so it is always exactly what the store holds.
#pragma once

#include <string>
#include <vector>

#include "engine/spec.hpp"
#include "engine/store_port.hpp"

namespace specwave {

struct SpecPackEntry {
  std::string artifact;
  int version = 0;  // 0 = missing
  std::string sha256;
  std::string author;
  std::string phase;
  bool validated = false;
  bool passed = true;
};

std::string BuildSpecPack(const std::string& project_name, const WorkflowSpec& spec, const PhaseSpec& phase,
                          const std::vector<SpecPackEntry>& entries, const std::string& frontmatter_yaml);

// The entries as the store holds them now: every artifact of the workflow
// but `phase`'s own, with its latest version and validation status.
std::vector<SpecPackEntry> SpecPackEntries(Store& store, int64_t project_id, const WorkflowSpec& spec,
                                           const PhaseSpec& phase);

}  // namespace specwave
