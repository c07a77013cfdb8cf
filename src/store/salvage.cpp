#include "store/salvage.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include "core/files.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "store/names.hpp"
#include "store/sqlite_db.hpp"

namespace specwave {

using Kind = StoreError::Kind;
using sql::Step;
namespace fs = std::filesystem;

namespace {

// Damaged bytes would make the export unwritable (JSON needs UTF-8): each
// invalid byte becomes '?'. Returns true when something was replaced.
bool Sanitize(std::string* s) {
  if (IsValidUtf8(*s)) return false;
  std::string out;
  for (size_t i = 0; i < s->size();) {
    size_t len = 1;
    for (size_t n = 4; n >= 1; --n)
      if (i + n <= s->size() && IsValidUtf8(std::string_view(*s).substr(i, n))) {
        len = n;
        break;
      }
    if (len == 1 && static_cast<unsigned char>((*s)[i]) >= 0x80)
      out += '?';
    else
      out.append(*s, i, len);
    i += len;
  }
  *s = std::move(out);
  return true;
}

bool Damaged(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_IOERR;
}

// Reads the rows of `table` in rowid order with `select` (which has
// "WHERE id > ?1 ORDER BY id" and the id first). After a damaged row it tries
// again further on, doubling the step, so a destroyed page costs a few
// attempts instead of the rest of the table. Returns false if the table could
// not be read at all.
bool ScanRows(sql::Db& db, const std::string& table, const std::string& select,
              const std::function<void(const sql::Stmt&)>& on_row, std::vector<std::string>* problems) {
  int64_t last = 0, jump = 1, gap_start = -1;
  bool any = false;
  for (int attempts = 0; attempts < 10000; ++attempts) {
    auto st = db.Prepare(select);
    if (!st.prepared()) {  // no readable schema for this table: retrying cannot help
      problems->push_back(table + ": cannot be read (" + db.Error("reading").message + ")");
      return any;
    }
    st.Bind(1, last);
    Step s;
    while ((s = st.Next()) == Step::kRow) {
      int64_t id = st.Int(0);
      on_row(st);
      any = true;
      if (gap_start >= 0) {
        problems->push_back(table + ": rows with ids " + std::to_string(gap_start + 1) + " to " +
                            std::to_string(id - 1) + " could not be read");
        gap_start = -1;
      }
      last = id;
      jump = 1;
    }
    if (s == Step::kDone) break;
    if (!Damaged(db.last_rc())) {
      problems->push_back(table + ": cannot be read (" + db.Error("reading").message + ")");
      return any;
    }
    if (gap_start < 0) gap_start = last;
    if (jump > (int64_t{1} << 40)) break;
    last += jump;
    jump *= 2;
  }
  if (gap_start >= 0)
    problems->push_back(table + ": rows after id " + std::to_string(gap_start) + " could not be read");
  return true;
}

struct ArtifactRow {
  int64_t project_id = 0;
  std::string name;
  std::string stale_reason;
};

}  // namespace

StoreError SalvageDatabase(const std::string& path, SalvageReport* report, const std::string& vfs) {
  *report = {};
  StoreError err;
  sql::Db::OpenFlags flags;
  flags.read_only = true;
  flags.vfs = vfs;
  auto db = sql::Db::Open(path, flags, &err);
  if (!db) return err;
  std::vector<std::string>& problems = report->problems;

  std::map<int64_t, ProjectBundle> projects;
  bool read_projects = ScanRows(
      *db, "projects",
      "SELECT id, name, brief, workflow_yaml, workflow_name, settings_json, created_at, updated_at FROM projects "
      "WHERE id > ?1 ORDER BY id",
      [&](const sql::Stmt& st) {
        ProjectRecord p{st.Int(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Int(6), st.Int(7)};
        for (std::string* s : {&p.name, &p.brief, &p.workflow_yaml, &p.workflow_name, &p.settings_json})
          if (Sanitize(s)) problems.push_back("project " + std::to_string(p.id) + ": damaged text replaced by '?'");
        if (p.name.empty()) p.name = "Recovered project " + std::to_string(p.id);
        projects[p.id].project = std::move(p);
      },
      &problems);

  std::map<int64_t, ArtifactRow> artifacts;
  bool read_artifacts = ScanRows(
      *db, "artifacts", "SELECT id, project_id, name, stale_reason FROM artifacts WHERE id > ?1 ORDER BY id",
      [&](const sql::Stmt& st) {
        artifacts[st.Int(0)] = {st.Int(1), st.Text(2), st.Text(3)};
      },
      &problems);

  auto project_for = [&](int64_t project_id) -> ProjectBundle& {
    ProjectBundle& b = projects[project_id];
    if (b.project.name.empty()) {
      b.project.id = project_id;
      b.project.name = "Recovered project " + std::to_string(project_id);
      b.project.settings_json = "{}";
      problems.push_back("project " + std::to_string(project_id) +
                         ": its own row is lost; name, brief and workflow "
                         "could not be recovered");
    }
    return b;
  };

  bool read_versions = ScanRows(
      *db, "artifact_versions",
      "SELECT id, artifact_id, version, content, sha256, author, phase, regeneration_reason, created_at "
      "FROM artifact_versions WHERE id > ?1 ORDER BY id",
      [&](const sql::Stmt& st) {
        int64_t id = st.Int(0), artifact_id = st.Int(1);
        ArtifactVersion v;
        v.id = id;
        v.version = static_cast<int>(std::max<int64_t>(1, st.Int(2)));
        v.content = st.Text(3);
        v.sha256 = st.Text(4);
        v.author = st.Text(5);
        v.phase = st.Text(6);
        v.regeneration_reason = st.Text(7);
        v.created_at = st.Int(8);
        auto a = artifacts.find(artifact_id);
        std::string why;
        if (a == artifacts.end() || !IsSafeArtifactName(a->second.name, &why)) {
          std::string name = "recovered-" + std::to_string(artifact_id) + ".md";
          problems.push_back("version row " + std::to_string(id) + ": its artifact's name is lost; kept as " + name);
          a = artifacts.insert_or_assign(artifact_id, ArtifactRow{0, name, ""}).first;
        }
        v.artifact = a->second.name;
        std::string label = v.artifact + " v" + std::to_string(v.version);
        if (Sha256Hex(v.content) != v.sha256) {
          ++report->versions_damaged;
          problems.push_back(label + ": the content does not match its stored sha256 (damaged); kept as read");
        }
        if (Sanitize(&v.content)) problems.push_back(label + ": damaged bytes replaced by '?'");
        for (std::string* s : {&v.phase, &v.regeneration_reason}) Sanitize(s);
        v.sha256 = Sha256Hex(v.content);  // of what is exported, so the folder imports
        if (v.author != "user" && !(v.author.size() > 6 && v.author.compare(0, 6, "agent:") == 0)) {
          problems.push_back(label + ": author '" + v.author + "' unreadable; recorded as user");
          v.author = "user";
        }
        v.project_id = a->second.project_id;
        project_for(v.project_id).versions.push_back(std::move(v));
        ++report->versions_read;
      },
      &problems);

  if (!read_projects && !read_artifacts && !read_versions)
    return {Kind::kCorrupt, path + ": no Specwave data could be read (" +
                                (problems.empty() ? std::string("unknown reason") : problems.front()) + ")"};

  for (auto& [id, b] : projects) {
    // Stale marks and a stable order: versions by artifact, then number; a
    // number seen twice (damage) keeps the first row.
    std::stable_sort(b.versions.begin(), b.versions.end(), [](const ArtifactVersion& x, const ArtifactVersion& y) {
      return x.artifact != y.artifact ? x.artifact < y.artifact : x.version < y.version;
    });
    auto dup =
        std::unique(b.versions.begin(), b.versions.end(), [&](const ArtifactVersion& x, const ArtifactVersion& y) {
          return x.artifact == y.artifact && x.version == y.version;
        });
    if (dup != b.versions.end()) problems.push_back(b.project.name + ": duplicate version numbers dropped");
    b.versions.erase(dup, b.versions.end());
    for (const auto& [aid, a] : artifacts)
      if (a.project_id == id) {
        ArtifactState s;
        s.artifact = a.name;
        s.stale_reason = a.stale_reason;
        Sanitize(&s.stale_reason);
        b.artifacts.push_back(std::move(s));
      }
    std::string settings;
    int removed = 0;
    b.project.settings_json = ScrubSecrets(b.project.settings_json, &settings, &removed, nullptr) ? settings : "{}";
    report->projects.push_back(std::move(b));
  }
  return {};
}

std::unique_ptr<SqliteStore> OpenRescuedCopy(const std::string& path, const std::string& vfs,
                                             const std::string& way_out, StoreError* error) {
  SalvageReport report;
  if (StoreError e = SalvageDatabase(path, &report, vfs)) {
    *error = e;
    return nullptr;
  }
  SqliteOptions memory;
  memory.path = ":memory:";
  memory.journal = JournalMode::kDelete;
  auto copy = OpenSqliteStore(memory, error);
  if (!copy) return nullptr;
  for (auto& bundle : report.projects) {
    int64_t id = 0;
    if (StoreError e = WriteProjectBundle(*copy, bundle, &id))
      report.problems.push_back("project '" + bundle.project.name + "' could not be shown: " + e.message);
  }
  std::string reason = "the database file is damaged; shown read-only is what could be read from it (" +
                       std::to_string(report.projects.size()) + " project" + (report.projects.size() == 1 ? "" : "s") +
                       ", " + std::to_string(report.versions_read) + " artifact versions";
  if (report.versions_damaged) reason += ", " + std::to_string(report.versions_damaged) + " of them damaged";
  reason += ")";
  if (!report.problems.empty())
    reason += "; lost or damaged: " + report.problems.front() +
              (report.problems.size() > 1 ? " (and " + std::to_string(report.problems.size() - 1) + " more)" : "");
  if (!way_out.empty()) reason += ". " + way_out;
  copy->Freeze(reason);
  *error = {};
  return copy;
}

StoreError SalvageExport(const std::string& path, const std::string& out_dir, SalvageReport* report,
                         const std::string& vfs) {
  try {
    std::error_code ec;
    if (fs::exists(out_dir, ec) && !fs::is_empty(out_dir, ec))
      return {Kind::kInvalid, out_dir + " is not empty; salvage into a new folder"};
    if (StoreError err = SalvageDatabase(path, report, vfs)) return err;
    fs::create_directories(out_dir, ec);
    if (ec) return {Kind::kIo, out_dir + ": cannot create the folder: " + ec.message()};
    std::string text = "Salvage of " + path + "\n\n";
    for (const auto& b : report->projects) {
      std::string slug = Slugify(b.project.name);
      std::string dir =
          (fs::path(out_dir) / (std::to_string(b.project.id) + "-" + (slug.empty() ? "project" : slug))).string();
      if (StoreError err = WriteBundleFolder(b, dir)) {
        report->problems.push_back(b.project.name + ": could not be written: " + err.message);
        continue;
      }
      report->written.push_back(dir);
      text += "project " + std::to_string(b.project.id) + " \"" + b.project.name +
              "\": " + std::to_string(b.versions.size()) + " versions -> " + dir + "\n";
    }
    text += "\nversions read: " + std::to_string(report->versions_read) +
            ", damaged: " + std::to_string(report->versions_damaged) + "\n";
    text += report->problems.empty() ? "\nno problems found\n" : "\nproblems:\n";
    for (const auto& p : report->problems) text += "  - " + p + "\n";
    text += "\nImport each folder with: specwave import FOLDER --db NEW.db\n";
    std::string error;
    if (!WriteFileAtomic((fs::path(out_dir) / "salvage-report.txt").string(), text, &error)) return {Kind::kIo, error};
    return {};
  } catch (const std::exception& e) {
    return {Kind::kIo, std::string("salvage failed: ") + e.what()};
  }
}

}  // namespace specwave
