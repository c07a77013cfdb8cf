// The workflow's versions (issue #19): a project's workflow spec kept like
// an artifact — every edit a numbered version with what it changed, the
// newest one the project's workflow_yaml, both written in one transaction.
#include "core/sha256.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_store.hpp"

namespace specwave {

using Kind = StoreError::Kind;
using sql::Step;

namespace {

StoreError InsertWorkflowVersion(sql::Db& db, WorkflowVersion& v, int64_t now) {
  auto st = db.Prepare(
      "INSERT INTO workflow_versions (project_id, version, yaml, sha256, author, change_json, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  v.sha256 = Sha256Hex(v.yaml);
  v.created_at = now;
  st.Bind(1, v.project_id).Bind(2, v.version).Bind(3, v.yaml).Bind(4, v.sha256).Bind(5, v.author);
  st.Bind(6, v.change_json.empty() ? std::string("{}") : v.change_json).Bind(7, now);
  if (!st.Run()) return db.Error("recording version " + std::to_string(v.version) + " of the workflow");
  v.id = db.LastInsertId();
  return {};
}

}  // namespace

StoreError SqliteStore::AddWorkflowVersion(WorkflowVersion& version) {
  std::lock_guard<std::mutex> lock(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (version.author != "user" && version.author != "created")
    return {Kind::kInvalid, "workflow version author '" + version.author + "' must be \"user\" or \"created\""};
  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  std::string current;
  {
    auto project = db_->Prepare("SELECT workflow_yaml FROM projects WHERE id = ?1");
    project.Bind(1, version.project_id);
    Step s = project.Next();
    if (s == Step::kError) return Fail("reading the project");
    if (s != Step::kRow) return {Kind::kNotFound, "no project " + std::to_string(version.project_id)};
    current = project.Text(0);
  }
  int next = 1;
  {
    auto last = db_->Prepare("SELECT coalesce(max(version), 0) FROM workflow_versions WHERE project_id = ?1");
    last.Bind(1, version.project_id);
    if (last.Next() != Step::kRow) return Fail("reading the workflow's versions");
    next = static_cast<int>(last.Int(0)) + 1;
  }
  const int64_t now = Now();
  if (next == 1) {  // the workflow the project was created (or imported) with
    WorkflowVersion first;
    first.project_id = version.project_id;
    first.version = 1;
    first.yaml = current;
    first.author = "created";
    if (StoreError err = InsertWorkflowVersion(*db_, first, now)) return err;
    next = 2;
    if (version.author == "created") {  // asked only to record the first
      if (StoreError err = tx.Commit()) return err;
      version = first;
      return {};
    }
  }
  WorkflowVersion v = version;
  v.version = next;
  if (StoreError err = InsertWorkflowVersion(*db_, v, now)) return err;
  auto update = db_->Prepare("UPDATE projects SET workflow_yaml = ?2, updated_at = max(updated_at, ?3) WHERE id = ?1");
  update.Bind(1, v.project_id).Bind(2, v.yaml).Bind(3, now);
  if (!update.Run()) return Fail("updating the project's workflow");
  if (StoreError err = tx.Commit()) return err;
  version = v;
  return {};
}

std::vector<WorkflowVersion> SqliteStore::ListWorkflowVersions(int64_t project_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<WorkflowVersion> out;
  auto st = db_->Prepare(
      "SELECT id, project_id, version, yaml, sha256, author, change_json, created_at FROM workflow_versions "
      "WHERE project_id = ?1 ORDER BY version");
  st.Bind(1, project_id);
  while (st.Next() == Step::kRow) {
    WorkflowVersion v;
    v.id = st.Int(0);
    v.project_id = st.Int(1);
    v.version = static_cast<int>(st.Int(2));
    v.yaml = st.Text(3);
    v.sha256 = st.Text(4);
    v.author = st.Text(5);
    v.change_json = st.Text(6);
    v.created_at = st.Int(7);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace specwave
