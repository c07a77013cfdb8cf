// Section locks, proposals and reviews (issue #16.5, schema 5): what a
// person's edits protect from regeneration, what a regeneration proposed
// instead, and the "accept as reviewed" decisions. The engine decides what
// to lock and what to propose (engine/section_locks.hpp); this only keeps it.
#include "core/enum_names.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_store.hpp"

namespace specwave {

using Kind = StoreError::Kind;
using sql::Step;

namespace {

constexpr const char* kProposalColumns =
    "id, project_id, artifact, section, kind, old_text, proposed_text, coalesce(base_version_id, 0), "
    "coalesce(workflow_run_id, 0), coalesce(regeneration_run_id, 0), status, decided_by, decided_at, "
    "coalesce(result_version_id, 0), created_at";

SectionProposal ReadProposal(const sql::Stmt& st) {
  SectionProposal p;
  p.id = st.Int(0);
  p.project_id = st.Int(1);
  p.artifact = st.Text(2);
  p.section = st.Text(3);
  p.kind = ParseProposalKind(st.Text(4)).value_or(ProposalKind::kReplace);
  p.old_text = st.Text(5);
  p.proposed_text = st.Text(6);
  p.base_version_id = st.Int(7);
  p.workflow_run_id = st.Int(8);
  p.regeneration_run_id = st.Int(9);
  p.status = ParseProposalStatus(st.Text(10)).value_or(ProposalStatus::kOpen);
  p.decided_by = st.Text(11);
  p.decided_at = st.Int(12);
  p.result_version_id = st.Int(13);
  p.created_at = st.Int(14);
  return p;
}

}  // namespace

StoreError SqliteStore::SetSectionLock(SectionLock& lock) {
  std::lock_guard<std::mutex> guard(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (lock.artifact.empty() || lock.section.empty()) return {Kind::kInvalid, "a section lock needs an artifact and a section"};
  if (StoreError err = RequireProjectLocked(lock.project_id)) return err;
  lock.updated_at = Now();
  auto st = db_->Prepare(
      "INSERT INTO section_locks (project_id, artifact, section, locked, source, set_by, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
      "ON CONFLICT (project_id, artifact, section) DO UPDATE SET locked = excluded.locked, "
      "source = excluded.source, set_by = excluded.set_by, updated_at = excluded.updated_at");
  st.Bind(1, lock.project_id).Bind(2, lock.artifact).Bind(3, lock.section).Bind(4, lock.locked ? 1 : 0);
  st.Bind(5, LockSourceName(lock.source)).Bind(6, lock.set_by).Bind(7, lock.updated_at);
  if (!st.Run()) return Fail("locking " + lock.artifact + " > " + lock.section);
  auto id = db_->Prepare("SELECT id FROM section_locks WHERE project_id = ?1 AND artifact = ?2 AND section = ?3");
  id.Bind(1, lock.project_id).Bind(2, lock.artifact).Bind(3, lock.section);
  if (id.Next() == Step::kRow) lock.id = id.Int(0);
  return {};
}

std::vector<SectionLock> SqliteStore::ListSectionLocks(int64_t project_id, const std::string& artifact) {
  std::lock_guard<std::mutex> guard(mu_);
  std::vector<SectionLock> out;
  auto st = db_->Prepare(
      "SELECT id, project_id, artifact, section, locked, source, set_by, updated_at FROM section_locks "
      "WHERE project_id = ?1 AND (?2 = '' OR artifact = ?2) ORDER BY artifact, id");
  st.Bind(1, project_id).Bind(2, artifact);
  while (st.Next() == Step::kRow) {
    SectionLock l;
    l.id = st.Int(0);
    l.project_id = st.Int(1);
    l.artifact = st.Text(2);
    l.section = st.Text(3);
    l.locked = st.Int(4) != 0;
    l.source = ParseLockSource(st.Text(5)).value_or(LockSource::kHand);
    l.set_by = st.Text(6);
    l.updated_at = st.Int(7);
    out.push_back(std::move(l));
  }
  return out;
}

StoreError SqliteStore::AddProposal(SectionProposal& p) {
  std::lock_guard<std::mutex> guard(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (p.artifact.empty() || p.section.empty()) return {Kind::kInvalid, "a proposal needs an artifact and a section"};
  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  if (StoreError err = RequireProjectLocked(p.project_id)) return err;
  const int64_t now = Now();
  auto old = db_->Prepare(
      "UPDATE section_proposals SET status = 'superseded', decided_at = ?4 "
      "WHERE project_id = ?1 AND artifact = ?2 AND section = ?3 AND status = 'open'");
  old.Bind(1, p.project_id).Bind(2, p.artifact).Bind(3, p.section).Bind(4, now);
  if (!old.Run()) return Fail("closing older proposals for " + p.artifact + " > " + p.section);
  auto st = db_->Prepare(
      "INSERT INTO section_proposals (project_id, artifact, section, kind, old_text, proposed_text, base_version_id, "
      "workflow_run_id, regeneration_run_id, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10)");
  st.Bind(1, p.project_id).Bind(2, p.artifact).Bind(3, p.section).Bind(4, ProposalKindName(p.kind));
  st.Bind(5, p.old_text).Bind(6, p.proposed_text).BindId(7, p.base_version_id).BindId(8, p.workflow_run_id);
  st.BindId(9, p.regeneration_run_id).Bind(10, now);
  if (!st.Run()) return Fail("recording a proposal for " + p.artifact + " > " + p.section);
  p.id = db_->LastInsertId();
  p.status = ProposalStatus::kOpen;
  p.created_at = now;
  return tx.Commit();
}

std::vector<SectionProposal> SqliteStore::ListProposals(int64_t project_id, bool open_only) {
  std::lock_guard<std::mutex> guard(mu_);
  std::vector<SectionProposal> out;
  auto st = db_->Prepare(std::string("SELECT ") + kProposalColumns +
                         " FROM section_proposals WHERE project_id = ?1 AND (?2 = 0 OR status = 'open') ORDER BY id");
  st.Bind(1, project_id).Bind(2, open_only ? 1 : 0);
  while (st.Next() == Step::kRow) out.push_back(ReadProposal(st));
  return out;
}

std::optional<SectionProposal> SqliteStore::GetProposal(int64_t id) {
  std::lock_guard<std::mutex> guard(mu_);
  auto st = db_->Prepare(std::string("SELECT ") + kProposalColumns + " FROM section_proposals WHERE id = ?1");
  st.Bind(1, id);
  if (st.Next() != Step::kRow) return std::nullopt;
  return ReadProposal(st);
}

StoreError SqliteStore::DecideProposal(int64_t id, ProposalStatus status, const std::string& by,
                                       int64_t result_version_id) {
  std::lock_guard<std::mutex> guard(mu_);
  if (StoreError err = CheckWritable()) return err;
  if (status != ProposalStatus::kAccepted && status != ProposalStatus::kRejected)
    return {Kind::kInvalid, "a proposal is decided by accepting or rejecting it"};
  auto st = db_->Prepare(
      "UPDATE section_proposals SET status = ?2, decided_by = ?3, decided_at = ?4, result_version_id = ?5 "
      "WHERE id = ?1 AND status = 'open'");
  st.Bind(1, id).Bind(2, ProposalStatusName(status)).Bind(3, by).Bind(4, Now()).BindId(5, result_version_id);
  if (!st.Run()) return Fail("deciding proposal " + std::to_string(id));
  if (db_->Changes() == 0) return {Kind::kInvalid, "proposal " + std::to_string(id) + " is not open (or does not exist)"};
  return {};
}

StoreError SqliteStore::RecordReview(ReviewRecord& review) {
  std::lock_guard<std::mutex> guard(mu_);
  if (StoreError err = CheckWritable()) return err;
  sql::Transaction tx(*db_);
  if (tx.error()) return tx.error();
  auto art = db_->Prepare(
      "SELECT a.id, a.stale_reason, coalesce((SELECT v.id FROM artifact_versions v WHERE v.artifact_id = a.id "
      "ORDER BY v.version DESC LIMIT 1), 0) FROM artifacts a WHERE a.project_id = ?1 AND a.name = ?2");
  art.Bind(1, review.project_id).Bind(2, review.artifact);
  Step s = art.Next();
  if (s == Step::kError) return Fail("reading " + review.artifact);
  if (s != Step::kRow)
    return {Kind::kNotFound, "no artifact " + review.artifact + " in project " + std::to_string(review.project_id)};
  const int64_t artifact_id = art.Int(0);
  review.stale_reason = art.Text(1);
  review.version_id = art.Int(2);
  if (review.stale_reason.empty()) return {Kind::kInvalid, review.artifact + " is not stale: nothing to review"};
  review.reviewed_at = Now();
  if (review.reviewed_by.empty()) review.reviewed_by = "user";
  auto clear = db_->Prepare("UPDATE artifacts SET stale_reason = '', updated_at = ?2 WHERE id = ?1");
  clear.Bind(1, artifact_id).Bind(2, review.reviewed_at);
  if (!clear.Run()) return Fail("marking " + review.artifact + " reviewed");
  auto st = db_->Prepare(
      "INSERT INTO reviews (project_id, artifact, version_id, stale_reason, reviewed_by, reviewed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.Bind(1, review.project_id).Bind(2, review.artifact).BindId(3, review.version_id).Bind(4, review.stale_reason);
  st.Bind(5, review.reviewed_by).Bind(6, review.reviewed_at);
  if (!st.Run()) return Fail("recording the review of " + review.artifact);
  review.id = db_->LastInsertId();
  return tx.Commit();
}

std::vector<ReviewRecord> SqliteStore::ListReviews(int64_t project_id) {
  std::lock_guard<std::mutex> guard(mu_);
  std::vector<ReviewRecord> out;
  auto st = db_->Prepare(
      "SELECT id, project_id, artifact, coalesce(version_id, 0), stale_reason, reviewed_by, reviewed_at FROM reviews "
      "WHERE project_id = ?1 ORDER BY id");
  st.Bind(1, project_id);
  while (st.Next() == Step::kRow) {
    ReviewRecord r;
    r.id = st.Int(0);
    r.project_id = st.Int(1);
    r.artifact = st.Text(2);
    r.version_id = st.Int(3);
    r.stale_reason = st.Text(4);
    r.reviewed_by = st.Text(5);
    r.reviewed_at = st.Int(6);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace specwave
