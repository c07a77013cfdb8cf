// `specwave export --format`, `specwave import --format` and `specwave sync`:
// a project in other tools' layouts (src/interop, docs/interop.md).
//
//   export --format NAME --db FILE --out DIR   writes the layout, AGENTS.md and
//        .specwave/; prints what the layout cannot hold. DIR may be a
//        repository: only files this project exported before are replaced,
//        and only if nobody changed them since (else: sync first, or --force).
//   import --format NAME DIR --db FILE         a new project from the layout;
//        records this copy's base in DIR/.specwave/ so a later sync knows it.
//   sync DIR --db FILE                         the folder's changes since this
//        copy's base, recorded as a person's edits (Regenerator::RecordEdit:
//        new versions, change records, impact, stale marks), then the files
//        nobody changed are refreshed from the project and the base is moved.
//
// Exit codes: 0 done; 1 a conflict (a section changed in the folder and in the
// project since the base: nothing is changed, choose with --prefer folder|
// project) or a runtime failure; 2 bad input (usage, a folder not of the
// format, a file that is not UTF-8, a path that leaves the folder), in which
// case nothing is changed either.
#include <cstdio>
#include <filesystem>
#include <set>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/default_workflow.hpp"
#include "cli/interop_common.hpp"
#include "cli/wiring.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "engine/regeneration.hpp"
#include "core/clock.hpp"
#include "engine/spec.hpp"
#include "engine/workflow_runner.hpp"
#include "interop/folder_io.hpp"
#include "interop/interop.hpp"
#include "interop/sync.hpp"
#include "store/sqlite_store.hpp"

namespace specwave::cli {
namespace {

using namespace interop;
namespace fs = std::filesystem;

// Existing files an export would replace that this copy did not write, or
// that changed since it did.
std::vector<std::string> Blocked(const std::string& dir, const FileTree& files, const std::optional<CopyBase>& base) {
  std::vector<std::string> out;
  for (const auto& [path, text] : files) {
    if (StartsWith(path, kBaseDir) || path == kManifestPath) continue;
    FileTree one;
    std::string err;
    std::error_code ec;
    if (!fs::exists(fs::path(dir) / path, ec)) continue;
    if (!ReadFolder(dir, {path}, &one, &err) || !one.count(path)) {
      out.push_back(path + (err.empty() ? "" : " (" + err + ")"));
      continue;
    }
    if (one[path] == text) continue;
    auto it = base ? base->files.find(path) : std::map<std::string, std::string>::const_iterator{};
    if (!base || it == base->files.end() || it->second != Sha256Hex(one[path])) out.push_back(path);
  }
  return out;
}

}  // namespace

int CmdExportFormat(int argc, char** argv, const Environment& env) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"force"}, {"db", "out", "project", "format", "author"}}, &err))
    return UsageError(err);
  auto db = args.Get("db"), out = args.Get("out");
  if (!db || !out || !args.positionals().empty())
    return UsageError("usage: specwave export --format NAME --db FILE --out DIR [--project ID] [--author NAME] [--force]");
  int code = kExitOk;
  auto format = FormatArg(args, &code);
  if (!format) return code;
  auto store = Open(*db, true, &code);
  if (!store) return code;
  ProjectRecord project;
  if (!PickProject(*store, args, &project, &code)) return code;
  std::string author = Author(args, env), copy = CopyOf(author, project);
  std::optional<CopyBase> base = ReadBaseIn(*out, copy, &code);
  if (code) return code;
  ExportOptions o{author, copy, base};
  ExportResult r = ExportPack(*format, PackOf(*store, project), o);
  if (!args.Has("force")) {
    std::vector<std::string> blocked = Blocked(*out, r.files, base);
    if (!blocked.empty()) {
      std::fprintf(stderr, "specwave export: would replace files this project did not write or that changed since "
                           "(sync them first, or pass --force):\n");
      for (const std::string& b : blocked) std::fprintf(stderr, "  %s\n", b.c_str());
      return kExitBadInput;
    }
  }
  if (!WriteFolder(*out, r.files, &err)) {
    std::fprintf(stderr, "specwave export: %s\n", err.c_str());
    return kExitFailure;
  }
  std::printf("exported project %lld \"%s\" as %s to %s (%zu files; start at %s)\n", static_cast<long long>(project.id),
              project.name.c_str(), CodecFor(*format).tool, out->c_str(), r.files.size(), r.entry.c_str());
  std::printf("round trip: ids %d/%d, sections %d/%d of the artifacts %s carries\n", r.round_trip.ids_kept,
              r.round_trip.ids_total, r.round_trip.SectionsKept(), r.round_trip.SectionsTotal(), CodecFor(*format).tool);
  PrintDropped(r);
  return kExitOk;
}

namespace {

// The phases of the workflow whose artifacts the import did not fill, run as
// a workflow run limited to them (the imported artifacts are their inputs).
int RunMissing(const Args& args, const Environment& env, Store& store, const ProjectRecord& project) {
  auto loaded = LoadWorkflowSpec(project.workflow_yaml, project.workflow_name);
  if (!loaded.ok()) return UsageError(JoinDiagnostics(loaded.errors));
  const WorkflowSpec& spec = *loaded.spec;
  // A phase runs only when none of its artifacts came in: running one that
  // produces an imported artifact too would write over the person's text.
  std::set<std::string> missing;
  for (const PhaseSpec& p : spec.phases) {
    std::vector<std::string> have, lack;
    for (const std::string& a : p.produces) (store.LatestVersion(project.id, a) ? have : lack).push_back(a);
    if (have.empty()) missing.insert(p.name);
    else if (!lack.empty())
      std::printf("not run: %s (it would also rewrite the imported %s); its %s stay missing\n", p.name.c_str(),
                  Join(have, ", ").c_str(), Join(lack, ", ").c_str());
  }
  if (missing.empty()) {
    std::printf("nothing is missing: every artifact of the workflow was imported\n");
    return kExitOk;
  }
  std::string err;
  auto provider = MakeProvider(args, env, &store, spec, &err);
  if (!provider) return UsageError(err);
  RunOptions opt;
  opt.auto_approve = true;
  opt.only_phases = missing;
  opt.cost = DefaultCost(args, &err);
  opt.context_tokens = DefaultContextWindow(args);
  if (!opt.cost) return UsageError(err);
  WorkflowRunner runner(spec, store, *provider, SystemClock::Instance());
  runner.SetChecks(DefaultChecks());
  RunReport report = runner.Run(project.id, opt, nullptr, CancelToken{});
  std::printf("ran the missing phases (%s): %s\n", Join({missing.begin(), missing.end()}, ", ").c_str(),
              RunStatusName(report.status));
  for (const auto& ph : report.phases)
    if (ph.status == PhaseStatus::kFailed) std::printf("  %s failed: %s\n", ph.name.c_str(), ph.reason.c_str());
  return report.status == RunStatus::kSucceeded ? kExitOk : kExitFailure;
}

}  // namespace

int CmdImportFormat(int argc, char** argv, const Environment& env) {
  Args args;
  std::string err;
  ArgSpec spec{{"run-missing"}, {"db", "format", "feature", "name", "author"}};
  AddProviderOptions(&spec);
  if (!args.Parse(argc, argv, 2, spec, &err)) return UsageError(err);
  auto db = args.Get("db");
  if (!db || args.positionals().size() != 1)
    return UsageError("usage: specwave import --format NAME DIR --db FILE [--feature NAME] [--name PROJECT] [--run-missing]");
  int code = kExitOk;
  auto format = FormatArg(args, &code);
  if (!format) return code;
  const std::string dir = args.positionals()[0];
  FileTree files;
  if (!ReadFolder(dir, ReadRoots(*format), &files, &err)) return UsageError("import: " + err);
  ImportOptions options{args.GetOr("feature", ""), args.GetOr("name", "")};
  ImportResult in = ImportPack(*format, files, options, Pack{}, IdSpace{});
  if (!in.errors.empty()) {
    for (const auto& e : in.errors) std::fprintf(stderr, "specwave import: %s: %s\n", dir.c_str(), e.ToString().c_str());
    // Only the named layout's files were read; look for the others' to say which it is.
    for (Format other : AllFormats()) {
      FileTree probe;
      std::string ignored;
      if (other != *format && ReadFolder(dir, CodecFor(other).roots, &probe, &ignored) && !probe.empty() &&
          CodecFor(other).not_this_layout(probe).empty())
        std::fprintf(stderr, "  %s looks like a %s folder: try --format %s\n", dir.c_str(), CodecFor(other).tool,
                     FormatName(other));
    }
    return kExitBadInput;
  }
  if (in.pack.artifacts.empty()) return UsageError("import: " + dir + ": nothing in it maps to a Specwave artifact");
  auto store = Open(*db, false, &code);
  if (!store) return code;
  ProjectRecord project;
  project.name = in.pack.project_name;
  project.brief = "Imported from a " + std::string(CodecFor(*format).tool) + " folder (" + dir + ").\n";
  project.workflow_yaml = DefaultWorkflowYaml();
  project.workflow_name = "default.yml";
  project.settings_json = "{}";
  std::vector<ArtifactVersion> versions;
  for (const auto& [name, text] : in.pack.artifacts) {
    ArtifactVersion v;
    v.artifact = name;
    v.version = 1;
    v.content = text;
    v.sha256 = Sha256Hex(text);
    v.author = "user";  // a person brought it: regeneration will not overwrite it silently
    versions.push_back(v);
  }
  if (StoreError e = store->ImportProject(project, versions, {})) {
    std::fprintf(stderr, "specwave import: %s\n", e.message.c_str());
    return e.kind == StoreError::Kind::kInvalid ? kExitBadInput : kExitFailure;
  }
  in.pack.versions.clear();
  for (const auto& v : versions) in.pack.versions[v.artifact] = v.version;
  std::string copy = CopyOf(Author(args, env), project);
  CopyBase base = MakeBase(*format, copy, files, in.pack, in.pack, in.ids);
  std::printf("imported %s folder %s as project %lld \"%s\" (%zu artifacts) into %s\n", CodecFor(*format).tool,
              dir.c_str(), static_cast<long long>(project.id), project.name.c_str(), in.pack.artifacts.size(), db->c_str());
  for (const auto& [name, text] : in.pack.artifacts) std::printf("  %s\n", name.c_str());
  for (const Dropped& d : in.ignored)
    std::printf("  not imported: %s%s%s — %s\n", d.artifact.c_str(), d.section.empty() ? "" : " > ", d.section.c_str(),
                d.why.c_str());
  if (!WriteFolder(dir, {{BasePath(copy), BaseJson(base)}}, &err))
    std::printf("warning: the sync base was not written (%s); a later sync will treat every difference as a conflict\n",
                err.c_str());
  if (args.Has("run-missing")) return RunMissing(args, env, *store, project);
  std::printf("to make the artifacts the folder did not have: import again with --run-missing (offline, or "
              "--provider ...)\n");
  return kExitOk;
}

}  // namespace specwave::cli
