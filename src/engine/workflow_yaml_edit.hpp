// Per-phase settings written back into a workflow's YAML text as a text
// edit: only the lines of the one field change, so comments, blank lines,
// key order and the formatting of everything else stay as the person wrote
// them (re-emitting the parsed YAML would drop every comment).
//
//   PhaseSetting s{"SPEC_PM", PhaseSetting::Field::kCritical};
//   s.flag = false;
//   YamlEdit e = SetPhaseSetting(yaml_text, s);
//   if (!e.ok) show(e.error); else yaml_text = e.text;   // then validate as any edit
//
// What it understands: a top-level `phases:` map in block style, each phase a
// block map (`NAME:` then its fields, indented). A field written on one line
// keeps its trailing comment; a block scalar (`prompt: |`) or block list is
// replaced whole; a field the phase does not have is added after its last
// field. A phase written as a flow map (`NAME: {…}`) is refused with a
// message: edit it in the workflow editor. The caller validates the result
// with the spec loader, like any other edit.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace specwave {

struct PhaseSetting {
  enum class Field { kPrompt, kCritical, kApprovalGates, kValidators };
  PhaseSetting() = default;
  PhaseSetting(std::string phase_name, Field which) : phase(std::move(phase_name)), field(which) {}
  std::string phase;
  Field field = Field::kPrompt;
  std::string text;                // kPrompt: the template ("" removes the field)
  bool flag = true;                // kCritical
  std::vector<std::string> items;  // kApprovalGates, kValidators ([] is written as an empty list)
};

const char* PhaseSettingKey(PhaseSetting::Field field);  // "prompt", "critical", ...

struct YamlEdit {
  bool ok = false;
  std::string text;   // the whole edited file
  std::string error;  // why not, naming the phase and line
};

YamlEdit SetPhaseSetting(const std::string& yaml, const PhaseSetting& setting);

}  // namespace specwave
