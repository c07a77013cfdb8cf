// SqliteStore: artifacts, their versions and stale marks, and the atomic
// writes that create versions (AddVersion, CommitPhase, ImportProject).
#include "core/sha256.hpp"
#include "store/names.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_store.hpp"

namespace specwave {

using Kind = StoreError::Kind;
using sql::Step;

namespace {

constexpr const char* kVersionColumns =
    "SELECT v.id, a.project_id, a.name, v.version, v.content, v.sha256, v.author, v.phase, v.regeneration_reason, "
    "v.regeneration_run_id, v.workflow_run_id, v.created_at "
    "FROM artifact_versions v JOIN artifacts a ON a.id = v.artifact_id ";

ArtifactVersion ReadVersion(const sql::Stmt& st) {
  ArtifactVersion v;
  v.id = st.Int(0);
  v.project_id = st.Int(1);
  v.artifact = st.Text(2);
  v.version = static_cast<int>(st.Int(3));
  v.content = st.Text(4);
  v.sha256 = st.Text(5);
  v.author = st.Text(6);
  v.phase = st.Text(7);
  v.regeneration_reason = st.Text(8);
  v.regeneration_run_id = st.Int(9);  // NULL reads as 0
  v.workflow_run_id = st.Int(10);
  v.created_at = st.Int(11);
  return v;
}

StoreError CheckName(const std::string& artifact) {
  std::string why;
  if (!IsSafeArtifactName(artifact, &why)) return {Kind::kInvalid, "artifact name '" + artifact + "': " + why};
  return {};
}

StoreError CheckAuthor(const std::string& author) {
  if (author == "user" || (author.size() > 6 && author.compare(0, 6, "agent:") == 0)) return {};
  return {Kind::kInvalid, "author '" + author + "' must be \"user\" or \"agent:<name>\""};
}

}  // namespace

// Expects mu_ held and a transaction open. keep_number: import, where the
// version number, created_at and sha256 come from the export (and are checked).
StoreError SqliteStore::InsertVersionLocked(ArtifactVersion& v, bool keep_number) {
  std::string computed = Sha256Hex(v.content);
  if (keep_number) {
    if (v.version < 1) return {Kind::kInvalid, v.artifact + ": version numbers start at 1"};
    if (!v.sha256.empty() && v.sha256 != computed)
      return {Kind::kInvalid, v.artifact + " version " + std::to_string(v.version) +
                                  ": the content does not match its sha256 (" + v.sha256 + ")"};
    if (v.created_at == 0) v.created_at = Now();
  } else {
    v.created_at = Now();
  }
  v.sha256 = computed;

  // Upsert the artifact; a new version is current, so its stale mark goes.
  auto up = db_->Prepare(
      "INSERT INTO artifacts (project_id, name, stale_reason, updated_at) VALUES (?1, ?2, '', ?3) "
      "ON CONFLICT (project_id, name) DO UPDATE SET stale_reason = '', updated_at = max(updated_at, "
      "excluded.updated_at) "
      "RETURNING id");
  up.Bind(1, v.project_id).Bind(2, v.artifact).Bind(3, v.created_at);
  if (up.Next() != Step::kRow) return Fail("saving " + v.artifact);
  int64_t artifact_id = up.Int(0);
  if (!up.Run()) return Fail("saving " + v.artifact);

  if (!keep_number) {
    // Inside the IMMEDIATE transaction no other writer can take this number.
    auto next = db_->Prepare("SELECT coalesce(max(version), 0) + 1 FROM artifact_versions WHERE artifact_id = ?1");
    next.Bind(1, artifact_id);
    if (next.Next() != Step::kRow) return Fail("numbering " + v.artifact);
    v.version = static_cast<int>(next.Int(0));
  }
  auto ins = db_->Prepare(
      "INSERT INTO artifact_versions (artifact_id, version, content, sha256, author, phase, regeneration_reason, "
      "regeneration_run_id, workflow_run_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  ins.Bind(1, artifact_id).Bind(2, v.version).Bind(3, v.content).Bind(4, v.sha256).Bind(5, v.author);
  ins.Bind(6, v.phase).Bind(7, v.regeneration_reason).BindId(8, v.regeneration_run_id).BindId(9, v.workflow_run_id);
  ins.Bind(10, v.created_at);
  if (!ins.Run()) return Fail("saving " + v.artifact + " version " + std::to_string(v.version));
  v.id = db_->LastInsertId();
  return {};
}

StoreError SqliteStore::AddVersion(ArtifactVersion& version) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (StoreError err = CheckName(version.artifact)) return err;
  if (StoreError err = CheckAuthor(version.author)) return err;
  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  if (StoreError err = RequireProjectLocked(version.project_id)) return err;
  ArtifactVersion v = version;
  if (StoreError err = InsertVersionLocked(v, false)) return err;
  if (StoreError err = TouchProjectLocked(v.project_id)) return err;
  if (StoreError err = tx.Commit()) return err;
  version = v;  // only a stored version gets its id and number
  return {};
}

std::vector<ArtifactState> SqliteStore::ListArtifacts(int64_t project_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ArtifactState> out;
  // The latest version comes from the (artifact_id, version) unique index:
  // one index seek per artifact, however many versions there are.
  auto st = db_->Prepare(
      "SELECT a.name, v.version, v.id, v.sha256, v.author, a.stale_reason, a.updated_at "
      "FROM artifacts a LEFT JOIN artifact_versions v ON v.id = "
      "  (SELECT id FROM artifact_versions WHERE artifact_id = a.id ORDER BY version DESC LIMIT 1) "
      "WHERE a.project_id = ?1 ORDER BY a.name");
  st.Bind(1, project_id);
  while (st.Next() == Step::kRow) {
    ArtifactState s;
    s.artifact = st.Text(0);
    s.latest_version = static_cast<int>(st.Int(1));
    s.latest_version_id = st.Int(2);
    s.sha256 = st.Text(3);
    s.author = st.Text(4);
    s.stale_reason = st.Text(5);
    s.updated_at = st.Int(6);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<ArtifactVersion> SqliteStore::LatestVersion(int64_t project_id, const std::string& artifact) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare(std::string(kVersionColumns) +
                         "WHERE a.project_id = ?1 AND a.name = ?2 ORDER BY v.version DESC LIMIT 1");
  st.Bind(1, project_id).Bind(2, artifact);
  if (st.Next() != Step::kRow) return std::nullopt;
  return ReadVersion(st);
}

std::optional<ArtifactVersion> SqliteStore::GetVersion(int64_t version_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare(std::string(kVersionColumns) + "WHERE v.id = ?1");
  st.Bind(1, version_id);
  if (st.Next() != Step::kRow) return std::nullopt;
  return ReadVersion(st);
}

std::vector<ArtifactVersion> SqliteStore::ListVersions(int64_t project_id, const std::string& artifact) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ArtifactVersion> out;
  auto st = db_->Prepare(std::string(kVersionColumns) + "WHERE a.project_id = ?1 AND a.name = ?2 ORDER BY v.version");
  st.Bind(1, project_id).Bind(2, artifact);
  while (st.Next() == Step::kRow) out.push_back(ReadVersion(st));
  return out;
}

StoreError SqliteStore::MarkStale(int64_t project_id, const std::string& artifact, const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (reason.empty()) return {Kind::kInvalid, "a stale mark needs a reason"};
  auto st = db_->Prepare("UPDATE artifacts SET stale_reason = ?3, updated_at = ?4 WHERE project_id = ?1 AND name = ?2");
  st.Bind(1, project_id).Bind(2, artifact).Bind(3, reason).Bind(4, Now());
  if (!st.Run()) return Fail("marking " + artifact + " stale");
  if (db_->Changes() == 0)
    return {Kind::kNotFound, "no artifact " + artifact + " in project " + std::to_string(project_id)};
  return {};
}

StoreError SqliteStore::ClearStale(int64_t project_id, const std::string& artifact) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  auto st = db_->Prepare("UPDATE artifacts SET stale_reason = '', updated_at = ?3 WHERE project_id = ?1 AND name = ?2");
  st.Bind(1, project_id).Bind(2, artifact).Bind(3, Now());
  if (!st.Run()) return Fail("marking " + artifact + " reviewed");
  if (db_->Changes() == 0)
    return {Kind::kNotFound, "no artifact " + artifact + " in project " + std::to_string(project_id)};
  return {};
}

StoreError SqliteStore::CommitPhase(PhaseRunRecord& phase_run, const std::vector<ArtifactToCommit>& artifacts,
                                    const std::string& author, int64_t project_id,
                                    const std::string& regeneration_reason, int64_t regeneration_run_id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (StoreError err = CheckAuthor(author)) return err;
  for (const auto& a : artifacts)
    if (StoreError err = CheckName(a.artifact)) return err;

  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  auto run = db_->Prepare("SELECT project_id FROM workflow_runs WHERE id = ?1");
  run.Bind(1, phase_run.workflow_run_id);
  Step found = run.Next();
  if (found == Step::kError) return Fail("reading the run");
  if (found == Step::kDone) return {Kind::kNotFound, "no workflow run " + std::to_string(phase_run.workflow_run_id)};
  if (run.Int(0) != project_id)
    return {Kind::kInvalid, "workflow run " + std::to_string(phase_run.workflow_run_id) + " belongs to project " +
                                std::to_string(run.Int(0)) + ", not " + std::to_string(project_id)};

  PhaseRunRecord pr = phase_run;
  if (StoreError err = InsertPhaseRunLocked(pr)) return err;
  for (const auto& a : artifacts) {
    ArtifactVersion v;
    v.project_id = project_id;
    v.artifact = a.artifact;
    v.content = a.content;
    v.author = author;
    v.phase = pr.phase;
    v.regeneration_reason = regeneration_reason;
    v.regeneration_run_id = regeneration_run_id;
    v.workflow_run_id = pr.workflow_run_id;
    if (StoreError err = InsertVersionLocked(v, false)) return err;  // tx rolls everything back
  }
  if (StoreError err = TouchProjectLocked(project_id)) return err;
  if (StoreError err = tx.Commit()) return err;
  phase_run.id = pr.id;
  return {};
}

StoreError SqliteStore::ImportProject(ProjectRecord& project, std::vector<ArtifactVersion>& versions,
                                      const std::vector<ArtifactState>& artifacts) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (project.name.empty()) return {Kind::kInvalid, "a project needs a name"};
  std::string settings;
  {
    int removed = 0;
    std::string why;
    if (!ScrubSecrets(project.settings_json, &settings, &removed, &why))
      return {Kind::kInvalid, "project settings: " + why};
  }
  for (const auto& v : versions) {
    if (StoreError err = CheckName(v.artifact)) return err;
    if (StoreError err = CheckAuthor(v.author)) return err;
  }
  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  int64_t now = Now();
  ProjectRecord p = project;
  p.settings_json = settings;
  if (p.created_at == 0) p.created_at = now;
  if (p.updated_at == 0) p.updated_at = p.created_at;
  auto st = db_->Prepare(
      "INSERT INTO projects (name, brief, workflow_yaml, workflow_name, settings_json, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.Bind(1, p.name).Bind(2, p.brief).Bind(3, p.workflow_yaml).Bind(4, p.workflow_name).Bind(5, p.settings_json);
  st.Bind(6, p.created_at).Bind(7, p.updated_at);
  if (!st.Run()) return Fail("importing the project");
  p.id = db_->LastInsertId();

  std::vector<ArtifactVersion> stored = versions;
  for (auto& v : stored) {
    v.id = 0;
    v.project_id = p.id;
    v.regeneration_run_id = 0;  // run ids belong to the database the export came from
    v.workflow_run_id = 0;
    if (StoreError err = InsertVersionLocked(v, true)) return err;
  }
  for (const auto& a : artifacts) {
    if (a.stale_reason.empty()) continue;
    auto mark = db_->Prepare("UPDATE artifacts SET stale_reason = ?3 WHERE project_id = ?1 AND name = ?2");
    mark.Bind(1, p.id).Bind(2, a.artifact).Bind(3, a.stale_reason);
    if (!mark.Run()) return Fail("importing the stale mark of " + a.artifact);
  }
  if (StoreError err = tx.Commit()) return err;
  project = p;
  versions = std::move(stored);
  return {};
}

}  // namespace specwave
