#include "cli/interop_common.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/wiring.hpp"
#include "interop/folder_io.hpp"

namespace specwave::cli {

using namespace interop;
namespace fs = std::filesystem;

std::string Author(const Args& args, const Environment& env) {
  if (auto a = args.Get("author")) return *a;
  for (const char* var : {"SPECWAVE_AUTHOR", "USER", "USERNAME"})
    if (env.getenv) {
      std::string v = env.getenv(var);
      if (!v.empty()) return v;
    }
  return "local";
}

std::unique_ptr<Store> Open(const std::string& db, bool read_only, int* code) {
  std::string err;
  if (read_only && !fs::exists(db)) {
    *code = UsageError("no database at " + db);
    return nullptr;
  }
  auto store = OpenStore(db, read_only, &err);
  if (!store) {
    std::fprintf(stderr, "specwave: %s\n", err.c_str());
    *code = kExitFailure;
  }
  return store;
}

// --project ID, or the only (else the latest) project.
bool PickProject(Store& store, const Args& args, ProjectRecord* out, int* code) {
  auto projects = store.ListProjects();
  if (projects.empty()) {
    *code = UsageError("the database has no projects");
    return false;
  }
  if (auto id = args.Get("project")) {
    for (const auto& p : projects)
      if (std::to_string(p.id) == *id) return *out = p, true;
    *code = UsageError("no project " + *id + " (see specwave status)");
    return false;
  }
  *out = *std::max_element(projects.begin(), projects.end(),
                           [](const ProjectRecord& a, const ProjectRecord& b) { return a.id < b.id; });
  return true;
}

std::optional<Format> FormatArg(const Args& args, int* code) {
  auto name = args.Get("format");
  auto f = name ? ParseFormat(*name) : std::nullopt;
  if (!f) *code = UsageError("--format must be one of " + FormatNames());
  return f;
}

void PrintDropped(const ExportResult& r) {
  if (r.dropped.empty()) return;
  std::printf("not carried by %s (listed in .specwave/manifest.json):\n", CodecFor(ParseFormat(r.base.layout).value()).tool);
  for (const Dropped& d : r.dropped)
    std::printf("  %s%s%s — %s\n", d.artifact.c_str(), d.section.empty() ? "" : " > ", d.section.c_str(), d.why.c_str());
}

std::optional<CopyBase> ReadBaseIn(const std::string& dir, const std::string& copy, int* code) {
  fs::path file = fs::path(dir) / BasePath(copy);
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  FileTree t;
  std::string err;
  if (!ReadFolder(dir, {BasePath(copy)}, &t, &err) || !t.count(BasePath(copy))) {
    *code = UsageError(err.empty() ? BasePath(copy) + ": cannot be read" : err);
    return std::nullopt;
  }
  CopyBase b;
  b.copy = copy;
  if (!ReadBase(t.at(BasePath(copy)), &b, &err)) {
    *code = UsageError(err);
    return std::nullopt;
  }
  return b;
}

}  // namespace specwave::cli
