// `specwave diff OLD.md NEW.md [--json]`: section-level change between two
// versions of a markdown artifact (markdown/section_diff.hpp).
//
//   {"changed": true, "old_sha256": "…", "new_sha256": "…",
//    "sections": [{"section": "PRD > Features > Auth", "change": "modified"}],
//    "impact_level": "MEDIUM"}
//
// Exit 0 when the diff was computed (changed or not), 2 for bad usage or an
// unreadable file.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "core/files.hpp"
#include "markdown/section_diff.hpp"

namespace specwave::cli {
namespace {

std::string ToJson(const markdown::ChangeSummary& c) {
  // ordered_json keeps the documented key order.
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (const auto& d : c.sections)
    sections.push_back({{"section", d.section}, {"change", markdown::ChangeKindName(d.change)}});
  nlohmann::ordered_json out = {{"changed", c.changed},
                                {"old_sha256", c.old_sha256},
                                {"new_sha256", c.new_sha256},
                                {"sections", std::move(sections)},
                                {"impact_level", markdown::ImpactName(c.impact_level)}};
  // Headings may hold invalid UTF-8; replace it rather than throw.
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void PrintText(const std::string& old_path, const std::string& new_path, const markdown::ChangeSummary& c) {
  std::printf("%s -> %s: ", old_path.c_str(), new_path.c_str());
  if (!c.changed) {
    std::printf("no change (line endings and trailing whitespace do not count)\n");
    return;
  }
  std::printf("changed, impact %s\n", markdown::ImpactName(c.impact_level));
  if (c.sections.empty()) std::printf("  no section changed (only blank lines, order or a byte-order mark differ)\n");
  for (const auto& d : c.sections) {
    std::printf("  %-9s %s", markdown::ChangeKindName(d.change), d.section.c_str());
    if (d.change == markdown::ChangeKind::kAdded)
      std::printf("  (line %d)\n", d.new_line);
    else if (d.change == markdown::ChangeKind::kDeleted)
      std::printf("  (was line %d)\n", d.old_line);
    else
      std::printf("  (line %d -> %d)\n", d.old_line, d.new_line);
  }
  std::printf("  sha256 %.12s -> %.12s\n", c.old_sha256.c_str(), c.new_sha256.c_str());
}

}  // namespace

int CmdDiff(int argc, char** argv, const Environment&) {
  Args args;
  std::string err;
  if (!args.Parse(argc, argv, 2, ArgSpec{{"json"}, {}}, &err)) return UsageError(err);
  if (args.positionals().size() != 2) return UsageError("diff needs two files: OLD.md NEW.md");
  const std::string& old_path = args.positionals()[0];
  const std::string& new_path = args.positionals()[1];
  auto old_text = ReadFile(old_path, &err);
  if (!old_text) return UsageError(err);
  auto new_text = ReadFile(new_path, &err);
  if (!new_text) return UsageError(err);

  markdown::ChangeSummary summary = markdown::DiffSections(*old_text, *new_text);
  if (args.Has("json"))
    std::printf("%s\n", ToJson(summary).c_str());
  else
    PrintText(old_path, new_path, summary);
  return kExitOk;
}

}  // namespace specwave::cli
