// The storage benchmark in the browser (issue #5): the measurements of
// bench/store_bench.cpp, made through the web app's own store —
// web::OpenOpfsStore, i.e. SQLite with the app's settings on our OPFS VFS,
// owned by a database pthread and called through a StoreThread from another
// thread, as the app's engine calls it. Files are bench-*.db beside the app's
// specwave.db in OPFS (never the app's own).
//
// One step per page load (a page can open an OPFS store once; opening a
// project is what a page load does), chosen by argv[1]:
//   commit  200 x AddVersion (~4 KB) and CommitPhase (3 x ~4 KB + phase run)
//   fill    the 10,000-version project in one ImportProject
//   open    open that project: store thread + OPFS handles + SQLite open
//           with quick_check, ListProjects, ListArtifacts, 40 x LatestVersion
// Each step prints one line "BENCH {json}" (bench/browser_store_bench.mjs
// reads it), or "BENCH-ERROR message". Not a test: no thresholds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "platform/web/browser_store.hpp"
#include "store/store_thread.hpp"
#include "store_bench_data.hpp"

using namespace specwave;
using Steady = std::chrono::steady_clock;

namespace {

double Ms(Steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::string Percentiles(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"n\":%zu,\"median\":%.3f,\"p90\":%.3f,\"p95\":%.3f,\"min\":%.3f,\"max\":%.3f}",
                v.size(), v[v.size() / 2], v[v.size() * 9 / 10], v[v.size() * 95 / 100], v.front(), v.back());
  return buf;
}

int Fail(const char* what, const StoreError& e) {
  std::printf("BENCH-ERROR %s: %s\n", what, e.message.c_str());
  return 1;
}

// Opens the store as the app does and waits for it (never on the page's main
// thread: this runs on main()'s pthread, -sPROXY_TO_PTHREAD).
std::unique_ptr<StoreThread> OpenStore(const char* file, double* open_ms, StoreError* error) {
  auto t0 = Steady::now();
  // In the threaded build the OPFS store is a StoreThread (browser_store.hpp).
  std::unique_ptr<StoreThread> owned(static_cast<StoreThread*>(web::OpenOpfsStore(file).release()));
  *error = owned->WaitUntilOpen();
  *open_ms = Ms(Steady::now() - t0);
  return owned;
}

int Commit() {
  double open_ms = 0;
  StoreError err;
  auto store = OpenStore("bench-commit.db", &open_ms, &err);
  if (err) return Fail("open", err);
  ProjectRecord p;
  p.name = "bench";
  if (StoreError e = store->CreateProject(p)) return Fail("create", e);
  WorkflowRunRecord run;
  run.project_id = p.id;
  run.kind = "run";
  run.status = "running";
  if (StoreError e = store->CreateRun(run)) return Fail("run", e);
  std::vector<double> add, phase;
  for (int i = 0; i < bench::kCommits; ++i) {
    ArtifactVersion v;
    v.project_id = p.id;
    v.artifact = "prd.md";
    v.author = "user";
    v.content = bench::Markdown(1, i, 4000);
    auto t0 = Steady::now();
    if (StoreError e = store->AddVersion(v)) return Fail("add", e);
    add.push_back(Ms(Steady::now() - t0));
    PhaseRunRecord pr;
    pr.workflow_run_id = run.id;
    pr.phase = "SPEC_PM";
    pr.status = PhaseStatus::kSucceeded;
    std::vector<ArtifactToCommit> arts = {{"a.md", bench::Markdown(2, i, 4000)},
                                          {"b.md", bench::Markdown(3, i, 4000)},
                                          {"c.md", bench::Markdown(4, i, 4000)}};
    t0 = Steady::now();
    if (StoreError e = store->CommitPhase(pr, arts, "agent:pm", p.id, "", 0)) return Fail("commit", e);
    phase.push_back(Ms(Steady::now() - t0));
  }
  std::printf("BENCH {\"step\":\"commit\",\"empty_open_ms\":%.2f,\"add_version\":%s,\"commit_phase\":%s}\n",
              open_ms, Percentiles(add).c_str(), Percentiles(phase).c_str());
  return 0;
}

int Fill() {
  double open_ms = 0;
  StoreError err;
  auto store = OpenStore("bench-10k.db", &open_ms, &err);
  if (err) return Fail("open", err);
  ProjectRecord p;
  p.name = "Ten thousand versions";
  p.brief = "# Brief\n";
  std::vector<ArtifactVersion> versions = bench::TenThousandVersions();
  auto t0 = Steady::now();
  if (StoreError e = store->ImportProject(p, versions, {})) return Fail("fill", e);
  std::printf("BENCH {\"step\":\"fill\",\"versions\":%zu,\"ms\":%.1f}\n", versions.size(), Ms(Steady::now() - t0));
  return 0;
}

int Open() {
  double open_ms = 0;
  StoreError err;
  auto store = OpenStore("bench-10k.db", &open_ms, &err);
  if (err) return Fail("open", err);
  auto t0 = Steady::now();
  auto projects = store->ListProjects();
  if (projects.size() != 1) return Fail("list", {StoreError::Kind::kIo, "expected one project (run fill first)"});
  auto arts = store->ListArtifacts(projects[0].id);
  auto t1 = Steady::now();
  size_t bytes = 0;
  for (const auto& a : arts)
    if (auto v = store->LatestVersion(projects[0].id, a.artifact)) bytes += v->content.size();
  auto t2 = Steady::now();
  if (arts.size() != static_cast<size_t>(bench::kArtifacts) || bytes == 0)
    return Fail("list", {StoreError::Kind::kIo, "wrong artifact count"});
  std::printf("BENCH {\"step\":\"open\",\"open_ms\":%.2f,\"list_ms\":%.2f,\"latest_ms\":%.2f,\"total_ms\":%.2f}\n",
              open_ms, Ms(t1 - t0), Ms(t2 - t1), open_ms + Ms(t2 - t0));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string step = argc > 1 ? argv[1] : "";
  int rc = step == "commit" ? Commit() : step == "fill" ? Fill() : step == "open" ? Open() : -1;
  if (rc < 0) std::printf("BENCH-ERROR unknown step '%s' (commit, fill or open)\n", step.c_str());
  std::fflush(stdout);
  return rc;
}
