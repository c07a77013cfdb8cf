// Section locks, proposals and reviews in the store (issue #16.5, schema 5).
#include <doctest/doctest.h>

#include "store/migrations.hpp"
#include "store/sqlite_db.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;

TEST_CASE("SqliteStore.SectionLocksUpsertAndKeepUnlockedRows") {
  auto store = OpenOrFail(FreshDb("section_locks"));
  ProjectRecord p = MakeProject(*store);
  SectionLock l;
  l.project_id = p.id;
  l.artifact = "prd.md";
  l.section = "PRD > Features > F2: Route sketch";
  l.source = LockSource::kEdit;
  l.set_by = "user";
  REQUIRE_FALSE(store->SetSectionLock(l));
  CHECK(l.id != 0);
  l.locked = false;
  l.source = LockSource::kHand;
  REQUIRE_FALSE(store->SetSectionLock(l));
  auto list = store->ListSectionLocks(p.id, "prd.md");
  REQUIRE(list.size() == 1);  // one row per section: unlocking keeps it
  CHECK_FALSE(list[0].locked);
  CHECK(list[0].source == LockSource::kHand);
  CHECK(store->ListSectionLocks(p.id, "").size() == 1);
  CHECK(store->ListSectionLocks(p.id, "epics.md").empty());
}

TEST_CASE("SqliteStore.ProposalsSupersedeAndAreDecidedOnce") {
  auto store = OpenOrFail(FreshDb("section_proposals"));
  ProjectRecord p = MakeProject(*store);
  SectionProposal a;
  a.project_id = p.id;
  a.artifact = "prd.md";
  a.section = "PRD > Goals";
  a.old_text = "## Goals\nmine\n";
  a.proposed_text = "## Goals\ntheirs\n";
  REQUIRE_FALSE(store->AddProposal(a));
  SectionProposal b = a;
  b.proposed_text = "## Goals\ntheirs again\n";
  REQUIRE_FALSE(store->AddProposal(b));
  auto open = store->ListProposals(p.id, true);
  REQUIRE(open.size() == 1);
  CHECK(open[0].id == b.id);
  CHECK(store->GetProposal(a.id)->status == ProposalStatus::kSuperseded);
  REQUIRE_FALSE(store->DecideProposal(b.id, ProposalStatus::kRejected, "user", 0));
  CHECK(store->GetProposal(b.id)->status == ProposalStatus::kRejected);
  CHECK(store->GetProposal(b.id)->decided_by == "user");
  CHECK(store->DecideProposal(b.id, ProposalStatus::kAccepted, "user", 0).kind == StoreError::Kind::kInvalid);
  CHECK(store->ListProposals(p.id, true).empty());
  CHECK(store->ListProposals(p.id, false).size() == 2);
}

TEST_CASE("SqliteStore.ReviewClearsTheStaleMarkAndIsRecorded") {
  auto store = OpenOrFail(FreshDb("reviews"));
  ProjectRecord p = MakeProject(*store);
  ArtifactVersion v;
  v.project_id = p.id;
  v.artifact = "epics.md";
  v.content = "# Epics\n";
  v.author = "agent:pm";
  REQUIRE_FALSE(store->AddVersion(v));
  ReviewRecord r;
  r.project_id = p.id;
  r.artifact = "epics.md";
  CHECK(store->RecordReview(r).kind == StoreError::Kind::kInvalid);  // not stale
  REQUIRE_FALSE(store->MarkStale(p.id, "epics.md", "prd.md F2 changed"));
  r.reviewed_by = "cli";
  REQUIRE_FALSE(store->RecordReview(r));
  CHECK(store->ListArtifacts(p.id)[0].stale_reason.empty());
  auto reviews = store->ListReviews(p.id);
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0].stale_reason == "prd.md F2 changed");
  CHECK(reviews[0].version_id == v.id);
  CHECK(reviews[0].reviewed_by == "cli");
  CHECK(reviews[0].reviewed_at > 0);
}

TEST_CASE("SqliteStore.SchemaFourDatabaseUpgradesToSectionLocks") {
  const std::string path = FreshDb("section_locks_upgrade");
  int64_t id = 0;
  {
    StoreError err;
    auto db = sql::Db::Open(path, {}, &err);
    REQUIRE(db);
    std::vector<sql::Migration> four(sql::Migrations().begin(), sql::Migrations().begin() + 4);
    int reached = 0;
    REQUIRE_FALSE(sql::ApplyMigrations(*db, four, &reached));
    REQUIRE(reached == 4);
    REQUIRE(db->Exec("INSERT INTO projects (name, created_at, updated_at) VALUES ('Old', 1, 1)"));
    id = db->LastInsertId();
    CHECK(db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'section_locks'") == 0);
  }
  auto store = OpenOrFail(path);
  CHECK(store->schema_version() == 5);
  CHECK(store->ListSectionLocks(id, "").empty());
  SectionLock l;
  l.project_id = id;
  l.artifact = "prd.md";
  l.section = "PRD > Goals";
  REQUIRE_FALSE(store->SetSectionLock(l));
  CHECK(store->ListSectionLocks(id, "").size() == 1);
  CHECK(store->ListProposals(id, false).empty());
  CHECK(store->ListReviews(id).empty());
}
