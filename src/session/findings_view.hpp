// Where validation findings are shown, rebuilt from the store (the store is
// the truth: a reloaded page shows what the last run found).
//
//   auto by_artifact = StoredFindings(store.ListArtifacts(p), store.LatestValidations(p), &error);
//   auto per_phase = PlaceFindings(spec, by_artifact);   // per spec phase
//
// A finding is kept only while its artifact is still at the version it was
// found in: its line numbers point into that text, and an edit since then
// makes the producing phase stale instead. Per phase: every finding on the
// artifacts it produced (its own validators' and the gaps found in them); a
// validate phase also lists every cross-artifact gap ("traceability"). `gaps` counts the gaps to
// fix in this phase's artifacts (at a validate phase: all of them) — what the
// DAG draws on the node.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/phase_checks.hpp"
#include "engine/spec.hpp"
#include "engine/store_port.hpp"

namespace specwave {

using FindingsByArtifact = std::map<std::string, std::vector<ArtifactFinding>>;

// Malformed stored findings are skipped and named in `error` (the others are kept).
FindingsByArtifact StoredFindings(const std::vector<ArtifactState>& artifacts,
                                  const std::vector<ValidationRunRecord>& runs, std::string* error);

struct PhaseFindings {
  std::vector<ArtifactFinding> findings;
  int gaps = 0;
};

std::vector<PhaseFindings> PlaceFindings(const WorkflowSpec& spec, const FindingsByArtifact& by_artifact);

inline bool IsGap(const ArtifactFinding& f) { return f.validator == "traceability"; }

}  // namespace specwave
