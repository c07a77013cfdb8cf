// WorkflowSpec: the checked, in-memory form of a workflow YAML file.
//
//   auto loaded = LoadWorkflowSpecFile("assets/workflows/default.yml");
//   if (!loaded.ok()) { for (auto& d : loaded.errors) puts(d.ToString().c_str()); }
//   const WorkflowSpec& spec = *loaded.spec;
//   int pm = spec.IndexOf("SPEC_PM");          // -1 if absent
//   for (int dep : spec.phases[pm].deps) ...   // dependency indices, resolved
//
// The format is documented in docs/workflow-spec.md. Loading never throws and
// never crashes on any input: every problem becomes a Diagnostic naming the
// file, the line (where the YAML parser knows it), the phase and the problem.
// A spec returned by the loader is valid: no unknown dependency, no cycle, no
// artifact produced twice, no unknown validator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace specwave {

// How a phase splits into parallel model calls ("fan-out").
struct FanOut {
  enum class Items { kHeadings, kArtifacts };
  Items items = Items::kHeadings;
  std::string over;      // kHeadings: the upstream artifact whose headings are the items
  int heading_level = 2; // kHeadings: "## headings" -> 2
  // More items than this fails the phase before any call (issue 15.4: 65
  // "##" headings once made 65 calls). `fan_out: {..., max_items: N}`.
  static constexpr int kDefaultMaxItems = 24;
  int max_items = kDefaultMaxItems;
};

// What the engine does with a phase, from its `phase_type` (read once by the
// loader). Any type without a built-in meaning is a model call.
enum class PhaseType {
  kGenerate,  // a model call (analysis, spec, solutioning, or any custom type)
  kStack,     // a model call that chooses the stack (see requires_stack)
  kValidate,  // the cross-artifact checks (and per-artifact reviews when it fans out)
  kDone,      // the spec-pack index, built by the engine without a model call
};
PhaseType PhaseTypeOf(const std::string& phase_type);

struct PhaseSpec {
  std::string name;
  std::string description;
  std::string agent;
  std::string phase_type;               // as written (shown; the engine reads `type`)
  PhaseType type = PhaseType::kGenerate;
  std::vector<std::string> produces;
  std::vector<std::string> depends_on;  // names, as written
  std::vector<int> deps;                // resolved indices into WorkflowSpec::phases
  bool requires_stack = false;
  int priority = 0;                     // lower = more urgent when slots are scarce
  std::vector<std::string> validators;
  std::vector<std::string> approval_gates;
  std::string prompt;                   // optional template (custom agents)
  bool critical = true;
  std::optional<FanOut> fan_out;
  std::vector<std::string> frontmatter_fields;  // required keys (markdown_frontmatter)
  // Repair calls on validator errors before the phase fails (issue #14.4);
  // -1: the workflow's `repair_attempts` (WorkflowSpec::RepairAttempts).
  int repair_attempts = -1;
  // Optional: the sections of an input artifact this phase reads, as heading
  // paths ("Features", "Features > Auth"); an input not listed is read whole.
  // Used by impact analysis and early cutoff (docs/workflow-spec.md).
  std::vector<std::pair<std::string, std::vector<std::string>>> consumes;
  int line = 0;                         // where the phase is defined (1-based)

  // True if this phase reads `section` (a heading path) of `artifact`.
  bool Consumes(const std::string& artifact, const std::string& section) const;

  // Built by the engine alone (no model call of its own, or only reviews).
  bool IsDeterministic() const { return type == PhaseType::kValidate || type == PhaseType::kDone; }
};

struct WorkflowSpec {
  std::string file;         // where it was loaded from (for messages)
  std::string name;
  std::string description;
  std::vector<std::string> frontmatter_fields;  // workflow-wide default
  int repair_attempts = 1;                      // workflow-wide default (0-5)
  std::vector<PhaseSpec> phases;                // in declaration order
  // The largest artifact (or brief) that may enter a prompt, in characters;
  // a phase whose input is larger fails before its call, naming the input,
  // its size and this cap (issue 15.4). Top-level `max_artifact_chars: N`.
  static constexpr int64_t kDefaultMaxArtifactChars = 200000;
  int64_t max_artifact_chars = kDefaultMaxArtifactChars;

  int IndexOf(const std::string& phase_name) const;
  // The repair calls phase `phase` may make: its own repair_attempts, else the workflow's.
  int RepairAttempts(int phase) const {
    const int own = phases[static_cast<size_t>(phase)].repair_attempts;
    return own >= 0 ? own : repair_attempts;
  }
  // Index of the phase producing `artifact`, or -1.
  int ProducerOf(const std::string& artifact) const;
  // All artifacts of all phases, in phase order.
  std::vector<std::string> AllArtifacts() const;
};

struct SpecLoadResult {
  std::optional<WorkflowSpec> spec;
  std::vector<Diagnostic> errors;  // errors and warnings
  bool ok() const { return spec.has_value(); }
};

// Validators the engine knows; anything else in `validators:` is an error.
const std::vector<std::string>& KnownValidators();

SpecLoadResult LoadWorkflowSpec(const std::string& yaml_text, const std::string& file_name);
SpecLoadResult LoadWorkflowSpecFile(const std::string& path);

}  // namespace specwave
