// `specwave validate --validator NAME FILE.md [--json]`: runs one artifact
// validator (validators) on a file. For traceability FILE may be a
// directory: every *.md in it (or in its artifacts/ folder, the layout
// `specwave export` writes) is one artifact, named by its file name.
//
//   {"validator": "anti_ai_slop", "artifact": "design-tokens.md", "passed": false,
//    "findings": [{"severity": "error", "rule": "purple-gradient", "line": 12,
//                  "message": "...", "excerpt": "background: linear-gradient(...)"}]}
//
// Exit 0 when no finding is an error, 1 when one is, 2 for bad usage, an
// unknown validator or an unreadable file.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "validators/validator.hpp"

namespace specwave::cli {
namespace {

namespace fs = std::filesystem;

// Every *.md directly in `dir`, sorted by name so output does not depend on
// the file system's order.
bool ReadArtifactDir(const fs::path& dir, NamedTexts* out, std::string* error) {
  std::error_code ec;
  fs::path from = dir;
  auto has_md = [&](const fs::path& d) {
    std::error_code e;
    for (fs::directory_iterator it(d, e), end; !e && it != end; it.increment(e))
      if (it->is_regular_file(e) && it->path().extension() == ".md") return true;
    return false;
  };
  if (!has_md(dir) && fs::is_directory(dir / "artifacts", ec)) from = dir / "artifacts";
  std::vector<fs::path> files;
  for (fs::directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".md") files.push_back(it->path());
  if (ec) {
    *error = dir.string() + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto text = ReadFile(f.string(), error);
    if (!text) return false;
    out->push_back({f.filename().string(), std::move(*text)});
  }
  return true;
}

void PrintText(const validators::ValidationResult& r) {
  int errors = r.Count(Severity::kError), warnings = r.Count(Severity::kWarning);
  std::printf("%s: %s %s (%d error%s, %d warning%s)\n", r.artifact.c_str(), r.validator.c_str(),
              r.passed() ? "passed" : "failed", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  for (const auto& f : r.findings) {
    const std::string& file = f.artifact.empty() ? r.artifact : f.artifact;
    std::printf("  %s", file.c_str());
    if (f.line > 0) std::printf(":%d", f.line);
    std::printf(": %s [%s] %s\n", SeverityName(f.severity), f.rule.c_str(), f.message.c_str());
    if (!f.excerpt.empty()) std::printf("      > %s\n", f.excerpt.c_str());
  }
}

std::string Names() {
  std::vector<std::string> names;
  for (auto n : validators::ValidatorNames()) names.emplace_back(n);
  return Join(names, ", ");
}

}  // namespace

int CmdValidate(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"json"}, {"validator"}}, &err)) return UsageError(err);
  auto name = args.Get("validator");
  if (!name) return UsageError("validate needs --validator NAME (one of: " + Names() + ")");
  if (args.positionals().size() != 1)
    return UsageError("validate needs one FILE.md (or, for traceability, a directory)");
  const validators::Validator* v = validators::FindValidator(*name);
  if (!v) return UsageError("unknown validator '" + *name + "' (one of: " + Names() + ")");

  const std::string& path = args.positionals()[0];
  std::error_code ec;
  validators::ValidationContext ctx;
  NamedTexts artifacts;
  std::string content;
  if (fs::is_directory(path, ec)) {
    if (*name != "traceability") return UsageError(path + " is a directory; only traceability reads a directory");
    if (!ReadArtifactDir(path, &artifacts, &err)) return UsageError(err);
    ctx.artifact = path;
    ctx.artifacts = &artifacts;
  } else {
    auto text = ReadFile(path, &err);
    if (!text) return UsageError(err);
    content = std::move(*text);
    ctx.artifact = fs::path(path).filename().string();
    ctx.content = content;
    if (*name == "traceability") {
      artifacts.push_back({ctx.artifact, content});
      ctx.artifacts = &artifacts;
    }
  }

  validators::ValidationResult result = v->Run(ctx);
  if (args.Has("json"))
    std::printf("%s\n", validators::ResultToJson(result).c_str());
  else
    PrintText(result);
  return result.passed() ? kExitOk : kExitFailure;
}

}  // namespace specwave::cli
