// Storage benchmark (issue #5). Prints, in one run, on real files next to
// this binary (so in the build tree):
//   1. the time to commit one artifact version (median, p90, p95), with
//      synchronous=FULL as shipped, and for comparison synchronous=NORMAL and
//      the browser's journal settings (TRUNCATE + exclusive lock);
//   2. the time to open a project with 10,000 versions and list its
//      artifacts and latest versions (with and without the quick_check, and
//      with the browser's settings; bench/web/ measures the browser itself);
//   3. export and import times of that project, as a folder and as one file.
// Page cache is warm (the files were just written). Not a test: no thresholds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "store/project_bundle.hpp"
#include "store/sqlite_store.hpp"
#include "store_bench_data.hpp"

using namespace specwave;
using specwave::bench::Markdown;
namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

double Ms(Steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
  double median, p90, p95, min;
};

Stats Summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[v.size() * 9 / 10], v[v.size() * 95 / 100], v.front()};
}

void Die(const char* what, const StoreError& e) {
  std::fprintf(stderr, "store_bench: %s: %s\n", what, e.message.c_str());
  std::exit(1);
}

std::string FreshDb(const fs::path& dir, const std::string& name) {
  fs::path p = dir / (name + ".db");
  for (const char* s : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + s);
  return p.string();
}

std::unique_ptr<SqliteStore> Open(SqliteOptions o) {
  StoreError err;
  auto s = OpenSqliteStore(o, &err);
  if (!s) Die("open", err);
  return s;
}

void CommitBench(const fs::path& dir, const char* label, SqliteOptions o, int n) {
  o.path = FreshDb(dir, "bench_commit");
  auto store = Open(o);
  ProjectRecord p;
  p.name = "bench";
  if (StoreError e = store->CreateProject(p)) Die("create", e);
  WorkflowRunRecord run;
  run.project_id = p.id;
  run.kind = RunKind::kRun;
  run.status = RunStatus::kRunning;
  if (StoreError e = store->CreateRun(run)) Die("run", e);
  std::vector<double> add, phase;
  for (int i = 0; i < n; ++i) {
    ArtifactVersion v;
    v.project_id = p.id;
    v.artifact = "prd.md";
    v.author = "user";
    v.content = Markdown(1, i, 4000);
    auto t0 = Steady::now();
    if (StoreError e = store->AddVersion(v)) Die("add", e);
    add.push_back(Ms(Steady::now() - t0));
    PhaseRunRecord pr;
    pr.workflow_run_id = run.id;
    pr.phase = "SPEC_PM";
    pr.status = PhaseStatus::kSucceeded;
    std::vector<ArtifactToCommit> arts = {
        {"a.md", Markdown(2, i, 4000)}, {"b.md", Markdown(3, i, 4000)}, {"c.md", Markdown(4, i, 4000)}};
    t0 = Steady::now();
    if (StoreError e = store->CommitPhase(pr, arts, "agent:pm", p.id, "", 0)) Die("commit", e);
    phase.push_back(Ms(Steady::now() - t0));
  }
  Stats a = Summarize(add), c = Summarize(phase);
  std::printf(
      "  %-46s AddVersion median %7.3f ms  p90 %7.3f ms  p95 %7.3f ms | CommitPhase(3 artifacts + phase_run) "
      "median %7.3f ms  p90 %7.3f ms  p95 %7.3f ms\n",
      label, a.median, a.p90, a.p95, c.median, c.p90, c.p95);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 0 ? fs::absolute(fs::path(argv[0])).parent_path() : fs::current_path();
  dir /= "store-bench-data";
  fs::create_directories(dir);
  std::printf("Specwave storage benchmark — SQLite %s, files in %s\n\n", "3.40", dir.string().c_str());

  // 1. Commit latency.
  using bench::kCommits;
  std::printf("1. commit latency (%d commits of ~4 KB versions each, on a file):\n", kCommits);
  SqliteOptions full;
  CommitBench(dir, "WAL, synchronous=FULL (shipped)", full, kCommits);
  SqliteOptions normal;
  normal.synchronous_full = false;
  CommitBench(dir, "WAL, synchronous=NORMAL (comparison)", normal, kCommits);
  SqliteOptions browser = SqliteOptions::ForBrowser("", "");
  CommitBench(dir, "TRUNCATE + EXCLUSIVE, FULL (browser settings)", browser, kCommits);

  // 2. A project with 10,000 versions: 40 artifacts x 250 versions of ~3 KB.
  using bench::kArtifacts, bench::kPerArtifact;
  std::string big = FreshDb(dir, "bench_10k");
  int64_t project_id = 0;
  {
    SqliteOptions o;
    o.path = big;
    auto store = Open(o);
    ProjectRecord p;
    p.name = "Ten thousand versions";
    p.brief = "# Brief\n";
    std::vector<ArtifactVersion> versions = bench::TenThousandVersions();
    auto t0 = Steady::now();
    if (StoreError e = store->ImportProject(p, versions, {})) Die("fill", e);
    project_id = p.id;
    std::printf(
        "\n2. project with %d versions (%d artifacts x %d, ~3 KB each); written in one transaction in %.0f ms, "
        "file %.1f MB\n",
        kArtifacts * kPerArtifact, kArtifacts, kPerArtifact, Ms(Steady::now() - t0),
        static_cast<double>(fs::file_size(big)) / 1e6);
  }
  // Read-only as the CLI opens a project to show it; the browser app opens
  // read-write with its journal settings (bench/web/ measures that on OPFS).
  SqliteOptions shown;
  shown.read_only = true;
  SqliteOptions unverified = shown;
  unverified.verify_on_open = false;
  const std::pair<const char*, SqliteOptions> opens[] = {
      {"(with quick_check, shipped)", shown},
      {"(verify_on_open=false)", unverified},
      {"(browser settings, read-write)", SqliteOptions::ForBrowser("", "")}};
  for (const auto& [label, options] : opens) {
    std::vector<double> open_ms, list_ms, latest_ms;
    for (int rep = 0; rep < 5; ++rep) {
      SqliteOptions o = options;
      o.path = big;
      auto t0 = Steady::now();
      auto store = Open(o);
      auto t1 = Steady::now();
      auto arts = store->ListArtifacts(project_id);
      auto t2 = Steady::now();
      size_t bytes = 0;
      for (const auto& a : arts) bytes += store->LatestVersion(project_id, a.artifact)->content.size();
      auto t3 = Steady::now();
      if (arts.size() != static_cast<size_t>(kArtifacts) || bytes == 0)
        Die("list", {StoreError::Kind::kIo, "wrong count"});
      open_ms.push_back(Ms(t1 - t0));
      list_ms.push_back(Ms(t2 - t1));
      latest_ms.push_back(Ms(t3 - t2));
    }
    std::printf("  open %-30s median %7.2f ms | ListArtifacts %6.2f ms | %d x LatestVersion (with content) %6.2f ms\n",
                label, Summarize(open_ms).median, Summarize(list_ms).median, kArtifacts,
                Summarize(latest_ms).median);
  }

  // 3. Export and import of that project.
  std::printf("\n3. export / import of the 10,000-version project:\n");
  SqliteOptions ro;
  ro.path = big;
  ro.read_only = true;
  auto src = Open(ro);
  fs::path folder = dir / "export-folder", file_dir = dir / "export-file";
  fs::remove_all(folder);
  fs::remove_all(file_dir);
  std::string written;
  auto t0 = Steady::now();
  if (StoreError e = ExportProject(*src, project_id, folder.string(), false, &written)) Die("export", e);
  double export_folder = Ms(Steady::now() - t0);
  t0 = Steady::now();
  if (StoreError e = ExportProject(*src, project_id, file_dir.string(), true, &written)) Die("export", e);
  double export_file = Ms(Steady::now() - t0);
  double file_mb = static_cast<double>(fs::file_size(written)) / 1e6;

  SqliteOptions dst_options;
  dst_options.path = FreshDb(dir, "bench_import");
  auto dst = Open(dst_options);
  int64_t id = 0;
  t0 = Steady::now();
  if (StoreError e = ImportProjectFrom(*dst, folder.string(), &id)) Die("import", e);
  double import_folder = Ms(Steady::now() - t0);
  t0 = Steady::now();
  if (StoreError e = ImportProjectFrom(*dst, written, &id)) Die("import", e);
  double import_file = Ms(Steady::now() - t0);
  std::printf("  export as folder (%d files)   %8.0f ms\n", kArtifacts * kPerArtifact + kArtifacts + 3, export_folder);
  std::printf("  export as one file (%.1f MB)  %8.0f ms\n", file_mb, export_file);
  std::printf("  import folder (hashes checked) %7.0f ms\n", import_folder);
  std::printf("  import one file (hashes checked) %5.0f ms\n", import_file);
  return 0;
}
