// The settings a workflow spec carries per phase — prompt, critical,
// approval gates, validators — edited in the phase panel (issue #19). Each
// change is sent to the session, which writes it into the workflow's YAML
// as a text edit (comments and order kept; engine/workflow_yaml_edit.hpp)
// and records it as a change of the workflow, like the editor's Apply.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/text.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

namespace {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
    if (a != std::string::npos) out.push_back(item.substr(a, b - a + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

void DrawPhaseSettings(ViewContext& ctx, int phase) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  auto& st = ctx.state.workflow;
  const PhaseSpec& p = snap.project->spec->phases[phase];
  if (st.settings_phase != phase || st.settings_spec != snap.project->spec.get()) {
    st.settings_phase = phase;
    st.settings_spec = snap.project->spec.get();
    st.prompt = p.prompt;
    st.gates = Join(p.approval_gates, ", ");
  }
  if (!ImGui::CollapsingHeader("Settings (written to the workflow)")) return;
  const bool locked = snap.status->read_only || snap.run->running || snap.workflow->dirty;
  if (snap.workflow->dirty) Muted("The workflow editor has changes not applied: apply or discard them first.");
  else if (snap.run->running) Muted("Change settings when the run has finished.");
  ImGui::BeginDisabled(locked);
  auto send = [&](PhaseSetting s) {
    s.phase = p.name;
    ctx.session.SetPhaseSetting(s);
  };
  bool critical = p.critical;
  if (ImGui::Checkbox("Critical (if it fails, stop what depends on it)", &critical)) {
    PhaseSetting s;
    s.field = PhaseSetting::Field::kCritical;
    s.flag = critical;
    send(s);
  }
  Muted("Validators");
  for (const auto& v : KnownValidators()) {
    bool on = std::find(p.validators.begin(), p.validators.end(), v) != p.validators.end();
    if (ImGui::Checkbox(v.c_str(), &on)) {
      PhaseSetting s;
      s.field = PhaseSetting::Field::kValidators;
      for (const auto& existing : KnownValidators())  // in the engine's order
        if (existing == v ? on : std::find(p.validators.begin(), p.validators.end(), existing) != p.validators.end())
          s.items.push_back(existing);
      send(s);
    }
  }
  Muted("Approval gates (comma-separated; the run waits for each)");
  ImGui::SetNextItemWidth(-t.Px(72));
  ImGui::InputText("##gates", &st.gates);
  ImGui::SameLine();
  if (ImGui::Button("Save##gates")) {
    PhaseSetting s;
    s.field = PhaseSetting::Field::kApprovalGates;
    s.items = SplitList(st.gates);
    send(s);
  }
  Muted("Prompt template ({{phase}}, {{description}}, {{produces}}, {{item}}); empty = the agent's own");
  ImGui::PushFont(Font(TypeSize::kSmall, true));
  ImGui::InputTextMultiline("##prompt", &st.prompt, ImVec2(-1, t.Px(120)));
  ImGui::PopFont();
  ImGui::BeginDisabled(st.prompt == p.prompt);
  if (ImGui::Button("Save prompt")) {
    PhaseSetting s;
    s.field = PhaseSetting::Field::kPrompt;
    s.text = st.prompt;
    send(s);
  }
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  Muted("A changed prompt or validator marks this phase and what depends on it stale; critical and gates only "
        "steer the run.");
}

}  // namespace specwave::ui
