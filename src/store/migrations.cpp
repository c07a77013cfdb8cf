#include "store/migrations.hpp"

#include <string>

#include "store/sqlite_db.hpp"

namespace specwave::sql {
namespace {

// Version 1: the whole model. Tables are STRICT (SQLite >= 3.37, we ship
// 3.40 natively and in the browser) so a wrong type is an error, not a
// silently converted value. Times: *_at are unix milliseconds, *_us are
// microseconds relative to the start of their run. Ids of 0 in the API are
// NULL here so that foreign keys can check them.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE projects (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (name <> ''),
  brief         TEXT NOT NULL DEFAULT '',
  workflow_yaml TEXT NOT NULL DEFAULT '',
  workflow_name TEXT NOT NULL DEFAULT '',
  settings_json TEXT NOT NULL DEFAULT '{}',  -- JSON object, checked and scrubbed of keys in C++
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE workflow_runs (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  mode         TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '{}',
  metrics_json TEXT NOT NULL DEFAULT '{}',
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX workflow_runs_by_project ON workflow_runs (project_id, kind, id);

CREATE TABLE phase_runs (
  id                  INTEGER PRIMARY KEY,
  workflow_run_id     INTEGER NOT NULL REFERENCES workflow_runs(id) ON DELETE CASCADE,
  phase               TEXT NOT NULL CHECK (phase <> ''),
  status              TEXT NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'skipped',
                                                      'awaiting_approval', 'cancelled')),
  started_at_us       INTEGER NOT NULL DEFAULT 0,
  ended_at_us         INTEGER NOT NULL DEFAULT 0,
  duration_ms         INTEGER NOT NULL DEFAULT 0,
  calls               INTEGER NOT NULL DEFAULT 0,
  cached_calls        INTEGER NOT NULL DEFAULT 0,
  input_tokens        INTEGER NOT NULL DEFAULT 0,
  output_tokens       INTEGER NOT NULL DEFAULT 0,
  cached_input_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd            REAL NOT NULL DEFAULT 0,
  error               TEXT NOT NULL DEFAULT '',
  provider            TEXT NOT NULL DEFAULT '',
  model               TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX phase_runs_by_run ON phase_runs (workflow_run_id, id);

CREATE TABLE artifacts (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (name <> ''),
  stale_reason TEXT NOT NULL DEFAULT '',
  updated_at   INTEGER NOT NULL,
  UNIQUE (project_id, name)
) STRICT;

CREATE TABLE artifact_changes (
  id             INTEGER PRIMARY KEY,
  project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  artifact       TEXT NOT NULL,
  old_version_id INTEGER REFERENCES artifact_versions(id) ON DELETE SET NULL,
  new_version_id INTEGER REFERENCES artifact_versions(id) ON DELETE SET NULL,
  old_sha256     TEXT NOT NULL DEFAULT '',
  new_sha256     TEXT NOT NULL DEFAULT '',
  sections_json  TEXT NOT NULL DEFAULT '[]',
  impact_level   TEXT NOT NULL DEFAULT '' CHECK (impact_level IN ('', 'HIGH', 'MEDIUM', 'LOW')),
  impact_json    TEXT NOT NULL DEFAULT '{}',
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX artifact_changes_by_project ON artifact_changes (project_id, artifact, id);

CREATE TABLE regeneration_runs (
  id                        INTEGER PRIMARY KEY,
  project_id                INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  trigger_artifact          TEXT NOT NULL DEFAULT '',
  trigger_change_id         INTEGER REFERENCES artifact_changes(id) ON DELETE SET NULL,
  impact_json               TEXT NOT NULL DEFAULT '{}',
  strategy                  TEXT NOT NULL DEFAULT '',
  to_regenerate_json        TEXT NOT NULL DEFAULT '[]',
  regenerated_json          TEXT NOT NULL DEFAULT '[]',
  skipped_early_cutoff_json TEXT NOT NULL DEFAULT '[]',
  workflow_run_id           INTEGER REFERENCES workflow_runs(id) ON DELETE SET NULL,
  started_at                INTEGER NOT NULL DEFAULT 0,
  completed_at              INTEGER NOT NULL DEFAULT 0,
  duration_ms               INTEGER NOT NULL DEFAULT 0,
  success                   INTEGER CHECK (success IS NULL OR success IN (0, 1)),
  error                     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX regeneration_runs_by_project ON regeneration_runs (project_id, id);
CREATE INDEX regeneration_runs_by_change ON regeneration_runs (trigger_change_id);
CREATE INDEX regeneration_runs_by_run ON regeneration_runs (workflow_run_id);

CREATE TABLE artifact_versions (
  id                  INTEGER PRIMARY KEY,
  artifact_id         INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
  version             INTEGER NOT NULL CHECK (version >= 1),
  content             TEXT NOT NULL,
  sha256              TEXT NOT NULL CHECK (length(sha256) = 64),
  author              TEXT NOT NULL CHECK (author = 'user' OR (author LIKE 'agent:%' AND length(author) > 6)),
  phase               TEXT NOT NULL DEFAULT '',
  regeneration_reason TEXT NOT NULL DEFAULT '',
  regeneration_run_id INTEGER REFERENCES regeneration_runs(id) ON DELETE SET NULL,
  workflow_run_id     INTEGER REFERENCES workflow_runs(id) ON DELETE SET NULL,
  created_at          INTEGER NOT NULL,
  UNIQUE (artifact_id, version)
) STRICT;
-- Foreign keys that are SET NULL need an index on the child column, or every
-- delete of a run scans all versions.
CREATE INDEX artifact_versions_by_regeneration ON artifact_versions (regeneration_run_id);
CREATE INDEX artifact_versions_by_run ON artifact_versions (workflow_run_id);
CREATE INDEX artifact_changes_by_old ON artifact_changes (old_version_id);
CREATE INDEX artifact_changes_by_new ON artifact_changes (new_version_id);

CREATE TABLE snapshots (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  label      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX snapshots_by_project ON snapshots (project_id, id);

CREATE TABLE snapshot_items (
  snapshot_id         INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  artifact_version_id INTEGER NOT NULL REFERENCES artifact_versions(id) ON DELETE CASCADE,
  PRIMARY KEY (snapshot_id, artifact_version_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX snapshot_items_by_version ON snapshot_items (artifact_version_id);

CREATE TABLE validation_runs (
  id                  INTEGER PRIMARY KEY,
  project_id          INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  artifact_version_id INTEGER REFERENCES artifact_versions(id) ON DELETE SET NULL,
  artifact            TEXT NOT NULL DEFAULT '',
  validator           TEXT NOT NULL,
  passed              INTEGER NOT NULL CHECK (passed IN (0, 1)),
  findings_json       TEXT NOT NULL DEFAULT '[]',
  workflow_run_id     INTEGER REFERENCES workflow_runs(id) ON DELETE SET NULL,
  created_at          INTEGER NOT NULL
) STRICT;
CREATE INDEX validation_runs_latest ON validation_runs (project_id, artifact, validator, id);
CREATE INDEX validation_runs_by_version ON validation_runs (artifact_version_id);
CREATE INDEX validation_runs_by_run ON validation_runs (workflow_run_id);

CREATE TABLE approvals (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  workflow_run_id INTEGER NOT NULL REFERENCES workflow_runs(id) ON DELETE CASCADE,
  phase           TEXT NOT NULL,
  gate            TEXT NOT NULL,
  decided_by      TEXT NOT NULL DEFAULT '',
  decided_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX approvals_by_run ON approvals (workflow_run_id, id);
CREATE INDEX approvals_by_project ON approvals (project_id);

-- Model responses keyed by a hash of provider, model, parameters and prompt
-- (issue #4). Shared by all projects: the same prompt gives the same answer.
CREATE TABLE response_cache (
  key                 TEXT PRIMARY KEY,
  text                TEXT NOT NULL,
  input_tokens        INTEGER NOT NULL DEFAULT 0,
  output_tokens       INTEGER NOT NULL DEFAULT 0,
  cached_input_tokens INTEGER NOT NULL DEFAULT 0,
  created_at          INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Version 2: how each phase run ended, as a kind (issue #13), so resume and
// early cutoff never read the wording of an error. Rows written before it
// get their outcome from what version 1 recorded — the only place the old
// wording is read, once.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE phase_runs ADD COLUMN outcome TEXT NOT NULL DEFAULT 'none'
  CHECK (outcome IN ('none', 'generated', 'early_cutoff', 'call_failed', 'reply_invalid', 'validation_failed',
                     'store_failed', 'input_missing', 'upstream_failed', 'cancelled', 'blocked'));
UPDATE phase_runs SET outcome = CASE
  WHEN status = 'succeeded' THEN 'generated'
  WHEN status = 'skipped' AND error LIKE 'early cutoff%' THEN 'early_cutoff'
  WHEN status = 'skipped' THEN 'upstream_failed'
  WHEN status = 'failed' AND error LIKE '%validation error%' THEN 'validation_failed'
  WHEN status = 'failed' AND error LIKE 'could not store%' THEN 'store_failed'
  WHEN status = 'failed' THEN 'call_failed'
  WHEN status = 'cancelled' THEN 'cancelled'
  ELSE 'none' END;
)sql";

// Version 3: what a phase said besides its artifacts (issue #14): the raw
// reply of a phase that failed (its output never becomes a version, so this
// is where a person reads it) and the phase's own findings — what the reply
// cleaner removed, the envelope fields it replaced, validator and reply
// errors — as the JSON array of FindingsToJson (engine/phase_checks.hpp),
// kept when the phase succeeds too.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE phase_runs ADD COLUMN raw_reply TEXT NOT NULL DEFAULT '';
ALTER TABLE phase_runs ADD COLUMN findings_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE phase_runs ADD COLUMN repair_calls INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 4: the workflow spec versioned like an artifact (issue #19). A
// project gets its version 1 (the workflow it was created with) when its
// workflow is first edited, so existing projects need no row here.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE workflow_versions (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  yaml        TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  author      TEXT NOT NULL CHECK (author IN ('created', 'user')),
  change_json TEXT NOT NULL DEFAULT '{}',  -- what changed from the version before, per phase
  created_at  INTEGER NOT NULL,
  UNIQUE (project_id, version)
) STRICT;
)sql";

// Version 5: user edits kept by section (issue #16.5). A section a person
// edited is locked; what a regeneration would have written there is a
// proposal; "accept as reviewed" is recorded. A user version written before
// this step has no lock rows: the engine derives its locks from what it
// changed (engine/section_locks.hpp), so no rows are written here.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE section_locks (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  artifact   TEXT NOT NULL CHECK (artifact <> ''),
  section    TEXT NOT NULL CHECK (section <> ''),
  locked     INTEGER NOT NULL CHECK (locked IN (0, 1)),
  source     TEXT NOT NULL CHECK (source IN ('edit', 'hand', 'derived')),
  set_by     TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  UNIQUE (project_id, artifact, section)
) STRICT;

CREATE TABLE section_proposals (
  id                  INTEGER PRIMARY KEY,
  project_id          INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  artifact            TEXT NOT NULL CHECK (artifact <> ''),
  section             TEXT NOT NULL CHECK (section <> ''),
  kind                TEXT NOT NULL CHECK (kind IN ('replace', 'delete')),
  old_text            TEXT NOT NULL,
  proposed_text       TEXT NOT NULL,
  base_version_id     INTEGER REFERENCES artifact_versions(id) ON DELETE SET NULL,
  workflow_run_id     INTEGER REFERENCES workflow_runs(id) ON DELETE SET NULL,
  regeneration_run_id INTEGER REFERENCES regeneration_runs(id) ON DELETE SET NULL,
  status              TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected', 'superseded')),
  decided_by          TEXT NOT NULL DEFAULT '',
  decided_at          INTEGER NOT NULL DEFAULT 0,
  result_version_id   INTEGER REFERENCES artifact_versions(id) ON DELETE SET NULL,
  created_at          INTEGER NOT NULL
) STRICT;
CREATE INDEX section_proposals_by_project ON section_proposals (project_id, status, id);
CREATE INDEX section_proposals_by_base ON section_proposals (base_version_id);
CREATE INDEX section_proposals_by_result ON section_proposals (result_version_id);
CREATE INDEX section_proposals_by_run ON section_proposals (workflow_run_id);
CREATE INDEX section_proposals_by_regeneration ON section_proposals (regeneration_run_id);

CREATE TABLE reviews (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  artifact     TEXT NOT NULL CHECK (artifact <> ''),
  version_id   INTEGER REFERENCES artifact_versions(id) ON DELETE SET NULL,
  stale_reason TEXT NOT NULL,
  reviewed_by  TEXT NOT NULL,
  reviewed_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_by_project ON reviews (project_id, id);
CREATE INDEX reviews_by_version ON reviews (version_id);
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kSteps = {
      {1, "projects, artifacts and versions, runs, changes, regenerations, snapshots, validations, approvals, cache",
       kSchemaV1},
      {2, "phase_runs.outcome: how each phase run ended, as a kind", kSchemaV2},
      {3, "phase_runs.raw_reply, findings_json, repair_calls: a failed reply and the phase's findings", kSchemaV3},
      {4, "workflow_versions: the workflow spec versioned like an artifact", kSchemaV4},
      {5, "section_locks, section_proposals, reviews: user edits kept by section", kSchemaV5},
  };
  return kSteps;
}

int LatestSchemaVersion() { return Migrations().back().version; }

StoreError ApplyMigrations(Db& db, const std::vector<Migration>& steps, int* version) {
  auto start = db.QueryInt("PRAGMA user_version");
  if (!start) return db.Error("reading the schema version");
  *version = static_cast<int>(*start);
  // Up to date: no write lock needed (and a busy database is not an error).
  if (steps.empty() || *start >= steps.back().version) return {};
  for (const Migration& step : steps) {
    if (step.version <= *version) continue;
    Transaction tx(db);
    if (tx.error()) return tx.error();
    // Read inside the write transaction: another process may have migrated
    // while we waited for the lock.
    auto current = db.QueryInt("PRAGMA user_version");
    if (!current) return db.Error("reading the schema version");
    *version = static_cast<int>(*current);
    if (*current >= step.version) continue;  // tx rolls back: nothing was written
    if (*current != step.version - 1)
      return {StoreError::Kind::kInvalid, "the database is at schema " + std::to_string(*current) +
                                              " but the next known step is " + std::to_string(step.version)};
    if (!db.Exec(step.sql)) return db.Error("upgrading the database to schema " + std::to_string(step.version));
    std::string bump = "PRAGMA user_version = " + std::to_string(step.version);
    if (step.version == 1) bump += "; PRAGMA application_id = " + std::to_string(kApplicationId);
    if (!db.Exec(bump)) return db.Error("upgrading the database to schema " + std::to_string(step.version));
    if (StoreError err = tx.Commit()) return err;
    *version = step.version;
  }
  return {};
}

}  // namespace specwave::sql
