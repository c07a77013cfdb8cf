// Regeneration: from a person's edit of one artifact to an up-to-date spec
// pack, regenerating only what must change.
//
//   Regenerator regen(spec, store, diff);
//   auto edit = regen.RecordEdit(project, "prd.md", new_text);   // version, change, impact, stale marks
//   RegenerationRequest req{.strategy = Strategy::kRegenerateAll};
//   RegenerationResult r = regen.Regenerate(project, edit, req, provider, run_options, cancel);
//
// What it guarantees:
//  * The edit is stored as a new version by "user" before anything runs.
//  * Every affected artifact is marked stale with its reason until it is
//    regenerated, found unchanged by early cutoff, or marked reviewed.
//  * A newer user edit is never overwritten silently: a phase whose artifacts
//    include one is a conflict, left alone unless the request says overwrite.
//  * Regeneration runs the producing phases through the same scheduler
//    (parallel where the graph allows, dependency order always), with early
//    cutoff: a phase whose inputs came out unchanged is not run again.
//  * A regeneration_run is recorded; new versions carry its id and reason.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/impact.hpp"
#include "engine/trace_graph.hpp"
#include "engine/workflow_runner.hpp"

namespace specwave {

// Section-level change between two versions (markdown/section_diff in the
// product; injectable for tests).
using DiffFunction = std::function<ArtifactChangeInput(const std::string& artifact, const std::string& old_text,
                                                       const std::string& new_text)>;

struct RecordedEdit {
  bool ok = false;
  std::string error;
  int64_t version_id = 0;   // the user's new version (0 if the text did not change); of the workflow for a workflow edit
  int64_t change_id = 0;
  ImpactAnalysis impact;
  std::vector<ChangedSection> sections;  // the edit by section, with before/after (for revisions)
};

struct RegenerationRequest {
  Strategy strategy = Strategy::kRegenerateAll;
  std::vector<std::string> selection;  // manual_review: the artifacts the person picked
  bool overwrite_user_edits = false;
  // Skip a phase whose inputs all came out unchanged. Off only to measure
  // what it saves (`specwave regenerate --no-early-cutoff`).
  bool early_cutoff = true;
  // Revise the affected artifacts by section patch instead of rewriting them
  // (issue #16.2). Off: `specwave regenerate --rewrite`.
  bool revise = true;
};

struct RegenerationResult {
  bool success = false;
  std::string error;
  int64_t regeneration_run_id = 0;
  Strategy strategy = Strategy::kIgnore;
  std::vector<std::string> to_regenerate;     // selected by the strategy
  std::vector<std::string> regenerated;       // got a new version
  std::vector<std::string> unchanged;         // ran, came out the same (no new version)
  std::vector<std::string> skipped_early_cutoff;  // not run: inputs unchanged
  std::vector<std::string> conflicts;         // kept: a newer user edit
  // Upward flags (issue #16.6): a regenerated artifact names an id, entity or
  // endpoint its upstream does not define; the upstream is marked stale with
  // this reason ("tasks.md T2.4 touches GpxExport, which data-model.md does not define").
  std::vector<std::string> upward_flags;
  int model_calls = 0;
  int phases_run = 0, phases_skipped = 0;
  RunReport report;
  std::string ToJson() const;
};

// The upward flags between two traces (issue #16.6): refs a regenerated
// artifact's items make to ids nobody defines that were not missing before.
struct UpwardFlag {
  std::string upstream;  // the artifact to flag
  std::string reason;
};
std::vector<UpwardFlag> UpwardFlags(const TraceGraph& before, const TraceGraph& after,
                                    const std::vector<std::string>& regenerated);

class Regenerator {
 public:
  Regenerator(const WorkflowSpec& spec, Store& store, DiffFunction diff);

  // Stores `new_text` as a user version of `artifact` (unless unchanged),
  // records the change and its impact, and marks affected artifacts stale.
  RecordedEdit RecordEdit(int64_t project_id, const std::string& artifact, const std::string& new_text);

  // A person's edit of the workflow itself (issue #19; regeneration_workflow.cpp).
  // This regenerator's spec is the new workflow, `old_spec` the one the
  // project ran until now. Stores `new_yaml` as the workflow's next version
  // (with what changed), marks the artifacts of the phases whose definition
  // changed, and their dependents, stale with the reason, and returns the
  // edit to regenerate from — exactly as RecordEdit does for an artifact.
  RecordedEdit RecordWorkflowEdit(int64_t project_id, const WorkflowSpec& old_spec, const std::string& new_yaml);

  // Impact of an edit without storing anything (for a preview / `specwave impact`).
  ImpactAnalysis PreviewImpact(int64_t project_id, const std::string& artifact, const std::string& new_text);

  RegenerationResult Regenerate(int64_t project_id, const RecordedEdit& edit, const RegenerationRequest& request,
                                LlmProvider& provider, RunOptions options, const PhaseChecks& checks,
                                RunObserver* observer, const CancelToken& cancel);

  // "Mark reviewed": the person says an affected artifact is fine as it is.
  StoreError MarkReviewed(int64_t project_id, const std::string& artifact);

  // The trace impact analysis walks (issue #16.1; wiring's DefaultTrace()).
  // Without one, impact is the phase-graph closure and says so.
  void SetTraceReader(TraceReader reader) { trace_ = std::move(reader); }

  // Past per-phase measurements of this project (latest successful runs).
  std::vector<PhaseHistory> History(int64_t project_id);

 private:
  const WorkflowSpec& spec_;
  Store& store_;
  DiffFunction diff_;
  TraceReader trace_;

  NamedTexts LatestTexts(int64_t project_id);
  ImpactAnalysis Analyze(int64_t project_id, const ArtifactChangeInput& change, const std::string& old_text,
                         const std::string& new_text);
};

}  // namespace specwave
