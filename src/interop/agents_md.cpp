// AGENTS.md at the root of an export: where the pack is in this layout, the
// order to read it in, how ids map, and what the layout does not carry, for a
// coding agent that opens the folder (AGENTS.md is plain markdown with no
// required fields; agents read the nearest one).
#include <map>

#include "interop/interop.hpp"

namespace specwave::interop {
namespace {

struct LayoutText {
  const char* where;
  const char* read;
  const char* ids;
};

LayoutText TextFor(Format f) {
  switch (f) {
    case Format::kSpecKit:
      return {"a Spec Kit feature folder",
              "1. `spec.md` — what to build: user stories with Given/When/Then acceptance scenarios and the "
              "FR-### requirements\n2. `plan.md`, `research.md` — architecture and the chosen stack\n3. "
              "`data-model.md`, `contracts/api.md` — entities and endpoints\n4. `tasks.md` — the work, one "
              "checkbox per task; `[P]` tasks can run in parallel\n5. `.specify/memory/constitution.md` — "
              "constraints every change must respect",
              "FR-002 and User Story 2 are Specwave's feature F2; Phase 1 is epic E1; T101 is task T1.1."};
    case Format::kKiro:
      return {"a Kiro spec",
              "1. `requirements.md` — requirements with EARS acceptance criteria (N.M)\n2. `design.md` — "
              "architecture, components and interfaces, data models\n3. `tasks.md` — the implementation plan; "
              "`_Requirements:_` names the criteria a task serves\n4. `.kiro/steering/` — product and tech context",
              "Requirement 2 is Specwave's feature F2 (criterion 2.3 its third acceptance bullet); task 1 is epic "
              "E1, task 1.2 is T1.2."};
    case Format::kOpenSpec:
      return {"OpenSpec capabilities",
              "1. `openspec/specs/<capability>/spec.md` — requirements with WHEN/THEN scenarios, one capability "
              "per epic\n2. `openspec/changes/archive/` — how the requirements changed, one change per PRD "
              "version (already applied)",
              "A requirement is Specwave's feature of the same title; `.specwave/manifest.json` lists each one "
              "with its F id."};
    case Format::kDesignMd:
      return {"a DESIGN.md",
              "1. The YAML front matter — the tokens (colors in oklch(), typography, spacing, rounded) and the "
              "components that use them\n2. The sections — why, and how to apply them",
              "Token names follow Specwave's design-tokens.md (`accent` is `color.accent`)."};
    case Format::kTaskmaster:
      return {"a Task Master task list",
              "1. `.taskmaster/tasks/tasks.json` — tasks (Specwave's epics) and subtasks (its tasks) with "
              "dependencies from the trace\n2. `.taskmaster/docs/prd.txt` — the product requirements",
              "Task 1 is Specwave's epic E1; subtask 1.2 is task T1.2."};
  }
  return {"", "", ""};
}

}  // namespace

std::string AgentsMd(Format format, const Pack& pack, const std::string& entry, const std::vector<Dropped>& dropped) {
  const Codec& codec = CodecFor(format);
  LayoutText t = TextFor(format);
  std::string out = "# AGENTS.md\n\n";
  out += "This folder holds the spec pack of \"" + pack.project_name + "\", written by Specwave as " + t.where +
         " (" + codec.tool + "). Start at `" + (entry.empty() ? "." : entry) + "`.\n\n";
  out += "## Read in this order\n\n" + std::string(t.read) + "\n\n";
  out += "## Ids\n\n" + std::string(t.ids) +
         " Every exported id and its names here are in `.specwave/manifest.json`.\n\n";
  out += "## Changing the spec\n\n"
         "- Edit the files here, then run `specwave sync <this folder> --db <project.db>`: each changed file is "
         "recorded in the Specwave project as a person's edit, and its impact on the rest of the pack is shown.\n"
         "- Do not edit `.specwave/`: it is the sync's record of what was exported.\n"
         "- New features, epics and tasks may carry large numbers (FR-48213): they were added after the first "
         "export and are numbered so that two branches cannot pick the same one.\n\n";
  std::map<std::string, int> per_artifact;
  std::vector<std::string> whole;
  for (const Dropped& d : dropped) {
    if (d.section.empty()) whole.push_back(d.artifact);
    else ++per_artifact[d.artifact];
  }
  out += "## Not in this layout\n\n";
  if (whole.empty() && per_artifact.empty()) out += "Everything in the pack is carried.\n";
  for (const std::string& a : whole) out += "- `" + a + "` (in the Specwave project only)\n";
  for (const auto& [a, n] : per_artifact)
    out += "- " + std::to_string(n) + " section" + (n == 1 ? "" : "s") + " of `" + a + "`\n";
  if (!whole.empty() || !per_artifact.empty()) out += "\nThe list, section by section: `.specwave/manifest.json` > dropped.\n";
  return out;
}

}  // namespace specwave::interop
