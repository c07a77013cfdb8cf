// SessionSnapshot: what the UI draws, as immutable parts. Each part is a
// `shared_ptr<const …>` that the session replaces (copy, change, publish)
// only when something in it changes, so taking a snapshot copies ten
// pointers, and a streamed chunk republishes only the small stream part —
// never the open artifact's versions, rendered blocks or diff.
//
//   auto snap = session.Snapshot();          // cheap; call every frame
//   for (const PhaseView& p : snap->run->phases) draw(p.status);
//   const std::string& tail = snap->stream->Tail(i);
//   if (snap->viewer->blocks) render(*snap->viewer->blocks);
//
// Parts are never null. A part's pointer changes exactly when its content
// does, so a view may cache work keyed by the pointer.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "design/token_swatches.hpp"
#include "engine/impact.hpp"
#include "engine/outcomes.hpp"
#include "engine/phase_checks.hpp"
#include "engine/plan.hpp"
#include "engine/regeneration.hpp"
#include "engine/run_report.hpp"
#include "engine/spec.hpp"
#include "engine/store_port.hpp"
#include "markdown/line_diff.hpp"
#include "markdown/render_blocks.hpp"
#include "markdown/section_diff.hpp"
#include "session/dag_layout.hpp"
#include "session/session_settings.hpp"

namespace specwave {

struct ProjectSummary {
  int64_t id = 0;
  std::string name;
  int64_t updated_at = 0;
};

// The project list (Projects panel).
struct ProjectsPart {
  std::vector<ProjectSummary> projects;
};

// The open project and its workflow.
struct ProjectPart {
  int64_t project_id = 0;
  std::string project_name;
  std::string brief;
  std::string workflow_name;
  std::shared_ptr<const WorkflowSpec> spec;
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const DagLayout> layout;
};

struct PhaseView {
  PhaseStatus status = PhaseStatus::kPending;
  std::string reason;
  bool stale = false;  // an upstream edit made its artifacts out of date
  std::string stale_reason;
  int items_done = 0, items_total = 0;
  int calls = 0, cached_calls = 0;
  TokenUsage usage;
  int errors = 0, warnings = 0;
  std::vector<ArtifactFinding> findings;
  // Cross-artifact gaps (traceability findings) in the artifacts this phase
  // produced — where the fix goes; at a validate phase, all of them. Drawn on
  // the DAG.
  int gaps = 0;
  // What the phase said besides its artifacts (issue #14): the reply
  // cleaner's removals, replaced envelope fields, reply errors — kept when it
  // succeeds — and the repair calls it made.
  std::vector<ArtifactFinding> notes;
  int repair_calls = 0;
  // A failed phase's reply as the model sent it (never stored as a version).
  std::string raw_reply;
};

// The current (or last) run of the open project.
struct RunPart {
  std::vector<PhaseView> phases;  // per spec phase
  bool running = false;
  int64_t run_id = 0;
  std::optional<RunStatus> run_status;     // of the current or last run; none before the first
  std::vector<std::string> pending_gates;  // "PHASE/gate"
  std::optional<RunReport> last_report;
};

// The last few KB each phase's running call(s) streamed.
struct StreamPart {
  std::vector<std::shared_ptr<const std::string>> tails;  // per spec phase; null = nothing streamed
  const std::string& Tail(size_t phase) const;
};

// The open project's artifacts and the latest stored findings per artifact,
// for its current version only (line numbers refer to that text).
struct ArtifactsPart {
  std::vector<ArtifactState> artifacts;
  std::map<std::string, std::vector<ArtifactFinding>> findings_by_artifact;
};

// The artifact open in the viewer, prepared on the command thread so drawing
// does no engine work. Versions, blocks and diff are shared, immutable.
struct ViewerPart {
  std::string open_artifact;
  std::shared_ptr<const std::vector<ArtifactVersion>> versions;      // oldest first, with content; never null
  int shown_version = 0;                                             // the version `blocks` renders (0 = none yet)
  std::shared_ptr<const std::vector<markdown::RenderBlock>> blocks;  // never null
  std::shared_ptr<const TokenSwatches> swatches;                     // never null (empty if none)
  int diff_old = 0, diff_new = 0;                                    // versions compared (0 = no comparison)
  std::shared_ptr<const markdown::LineDiff> diff;                    // never null
  std::shared_ptr<const std::vector<markdown::SectionDelta>> diff_sections;  // never null
  ViewerPart();
};

// The last edit's change and impact (the impact panel), and the last
// regeneration's outcome.
struct EditPart {
  std::optional<ImpactAnalysis> impact;
  uint64_t impact_seq = 0;  // changes with every new analysis (a stable identity for the UI)
  std::optional<RegenerationResult> last_regeneration;
};

// Hints the settings form shows for a provider kind (from the wiring).
struct ProviderHints {
  std::string default_model;
  std::string default_base_url;
};

struct SettingsPart {
  SessionSettings settings;
  std::string provider_label;  // "Offline generator — rules and templates, not a language model"
  std::map<ProviderKind, ProviderHints> hints;
};

// The workflow editor (issue #19, session/workflow_editor.hpp): the text
// being edited, what the spec loader said about it, and the graph of its
// last valid form. The project's working spec (ProjectPart::spec) changes
// only when a valid draft is applied, never by typing.
struct WorkflowVersionView {
  int version = 0;
  std::string author;    // "created" or "user"
  int64_t created_at = 0;
  std::string summary;   // what changed, one line per phase ("SPEC_PM: prompt changed")
};

struct WorkflowPart {
  int64_t project_id = 0;  // whose workflow this is
  uint64_t revision = 0;   // changes when the session replaces `text` (opened, applied, a phase setting written)
  uint64_t checked_seq = 0;            // the offered edit these problems belong to (WorkflowEditor::Offer)
  std::string text;                    // the draft as last checked
  std::vector<Diagnostic> problems;    // from the spec loader, with line and column
  bool valid = false;                  // the draft loads without errors
  bool dirty = false;                  // the draft differs from the project's working workflow
  std::shared_ptr<const WorkflowSpec> spec;  // the last valid draft (null before one)
  std::shared_ptr<const Plan> plan;
  std::shared_ptr<const DagLayout> layout;
  std::vector<std::string> changed_phases;   // of the valid draft against the working spec ("SPEC_PM: prompt changed")
  double check_ms = 0;                       // how long the loader took on the last draft (measured)
  std::vector<WorkflowVersionView> versions; // oldest first; empty until the first edit
  std::shared_ptr<const markdown::LineDiff> last_diff;  // the latest version against the one before; never null
  std::string last_diff_old, last_diff_new;             // their texts
  WorkflowPart();
};

enum class BannerKind { kNone, kInfo, kWarning, kError };

struct StatusPart {
  BannerKind banner_kind = BannerKind::kNone;
  std::string banner;  // what went wrong and what to do
  bool read_only = false;
  std::string storage_note;  // e.g. "OPFS, persistent" or the quota used
};

struct SessionSnapshot {
  uint64_t seq = 0;  // grows with every published change
  std::shared_ptr<const ProjectsPart> projects;
  std::shared_ptr<const ProjectPart> project;
  std::shared_ptr<const RunPart> run;
  std::shared_ptr<const StreamPart> stream;
  std::shared_ptr<const ArtifactsPart> artifacts;
  std::shared_ptr<const ViewerPart> viewer;
  std::shared_ptr<const EditPart> edit;
  std::shared_ptr<const SettingsPart> settings;
  std::shared_ptr<const StatusPart> status;
  std::shared_ptr<const WorkflowPart> workflow;
};

}  // namespace specwave
