// What survives Specwave -> format -> Specwave: the ids of each kind (F2, E1,
// T1.2, entities, endpoints, components, tokens) and every section of the
// artifacts the format carries, compared by key and normalised text
// (sections.hpp). The exporter runs this on its own output, so the list of
// what a format drops is measured, not written by hand; the tests print the
// same numbers.
#pragma once

#include <string>
#include <vector>

#include "interop/pack.hpp"

namespace specwave::interop {

struct ArtifactRoundTrip {
  std::string artifact;
  int sections_total = 0, sections_kept = 0;
  std::vector<std::string> lost;  // section keys
};

struct RoundTrip {
  std::vector<ArtifactRoundTrip> artifacts;  // the held artifacts the original has
  int ids_total = 0, ids_kept = 0;
  std::vector<std::string> ids_lost;
  int SectionsTotal() const;
  int SectionsKept() const;
};

// Ids the pack defines, as "F2", "E1", "T1.2", "entity:Trip",
// "endpoint:GET /trips", "component:AppShell", "token:color.accent", for the
// artifacts in `only` (all when empty).
std::vector<std::string> PackIds(const Pack& pack, const std::vector<std::string>& only = {});

RoundTrip CompareRoundTrip(const Pack& original, const Pack& back, const std::vector<std::string>& held);

}  // namespace specwave::interop
