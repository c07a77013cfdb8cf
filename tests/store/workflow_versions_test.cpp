// The workflow spec versioned like an artifact (issue #19, schema 3).
#include <doctest/doctest.h>

#include "core/sha256.hpp"
#include "store/migrations.hpp"
#include "store/sqlite_db.hpp"
#include "store/store_thread.hpp"
#include "store_test_util.hpp"

using namespace specwave;
using namespace specwave::test;

TEST_CASE("SqliteStore.WorkflowVersionsStartFromTheCreatedWorkflow") {
  auto store = OpenOrFail(FreshDb("workflow_versions"));
  ProjectRecord p = MakeProject(*store);
  CHECK(store->ListWorkflowVersions(p.id).empty());  // nothing until the first edit

  WorkflowVersion v;
  v.project_id = p.id;
  v.yaml = "name: edited\nphases: []\n";
  v.author = "user";
  v.change_json = R"({"phases":[{"phase":"A","kind":"changed","fields":["prompt"],"stale":true}]})";
  REQUIRE_FALSE(store->AddWorkflowVersion(v));
  CHECK(v.version == 2);
  CHECK(v.id != 0);
  CHECK(v.sha256 == Sha256Hex(v.yaml));

  auto list = store->ListWorkflowVersions(p.id);
  REQUIRE(list.size() == 2);
  CHECK(list[0].version == 1);
  CHECK(list[0].author == "created");
  CHECK(list[0].yaml == p.workflow_yaml);
  CHECK(list[0].change_json == "{}");
  CHECK(list[1].yaml == v.yaml);
  CHECK(list[1].change_json == v.change_json);
  // The newest version is the project's workflow, written in the same transaction.
  CHECK(store->GetProject(p.id)->workflow_yaml == v.yaml);

  WorkflowVersion w = v;
  w.yaml = "name: third\nphases: []\n";
  REQUIRE_FALSE(store->AddWorkflowVersion(w));
  CHECK(w.version == 3);
  CHECK(store->ListWorkflowVersions(p.id).size() == 3);

  // Deleting the project deletes its versions.
  REQUIRE_FALSE(store->DeleteProject(p.id));
  CHECK(store->ListWorkflowVersions(p.id).empty());
}

TEST_CASE("SqliteStore.WorkflowVersionRefusesBadInput") {
  auto store = OpenOrFail(FreshDb("workflow_versions_bad"));
  ProjectRecord p = MakeProject(*store);
  WorkflowVersion v;
  v.project_id = p.id;
  v.yaml = "x";
  v.author = "agent:pm";
  CHECK(store->AddWorkflowVersion(v).kind == StoreError::Kind::kInvalid);
  v.author = "user";
  v.project_id = 4242;
  CHECK(store->AddWorkflowVersion(v).kind == StoreError::Kind::kNotFound);
  CHECK(store->ListWorkflowVersions(p.id).empty());
  CHECK(store->GetProject(p.id)->workflow_yaml == p.workflow_yaml);
}

TEST_CASE("SqliteStore.SchemaTwoDatabaseUpgradesWithItsProjects") {
  const std::string path = FreshDb("workflow_versions_upgrade");
  int64_t id = 0;
  {
    // A database as schema 2 left it, with a project.
    StoreError err;
    auto db = sql::Db::Open(path, {}, &err);
    REQUIRE(db);
    std::vector<sql::Migration> two(sql::Migrations().begin(), sql::Migrations().begin() + 2);
    int reached = 0;
    REQUIRE_FALSE(sql::ApplyMigrations(*db, two, &reached));
    REQUIRE(reached == 2);
    REQUIRE(db->Exec("INSERT INTO projects (name, workflow_yaml, created_at, updated_at) "
                     "VALUES ('Old', 'name: old\nphases: []\n', 1, 1)"));
    id = db->LastInsertId();
    CHECK(db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'workflow_versions'") == 0);
  }
  auto store = OpenOrFail(path);
  CHECK(store->schema_version() == sql::LatestSchemaVersion());
  CHECK(store->ListWorkflowVersions(id).empty());
  WorkflowVersion v;
  v.project_id = id;
  v.yaml = "name: new\nphases: []\n";
  v.author = "user";
  REQUIRE_FALSE(store->AddWorkflowVersion(v));
  auto list = store->ListWorkflowVersions(id);
  REQUIRE(list.size() == 2);
  CHECK(list[0].yaml == "name: old\nphases: []\n");
}

TEST_CASE("StoreThread.ForwardsWorkflowVersions") {
  const std::string path = FreshDb("workflow_versions_thread");
  StoreThread::Options o;
  o.open = [path](StoreError* e) -> std::unique_ptr<Store> {
    SqliteOptions so;
    so.path = path;
    return OpenSqliteStore(so, e);
  };
  StoreThread store(std::move(o));
  ProjectRecord p = MakeProject(store);
  WorkflowVersion v;
  v.project_id = p.id;
  v.yaml = "name: t\nphases: []\n";
  v.author = "user";
  REQUIRE_FALSE(store.AddWorkflowVersion(v));
  CHECK(store.ListWorkflowVersions(p.id).size() == 2);
}
