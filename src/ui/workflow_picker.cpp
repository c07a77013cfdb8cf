// The workflow a new project runs (issue #19): the bundled default, a
// bundled example (assets/workflows/), a YAML pasted or uploaded here, or
// the workflow of a project already in this browser (an imported one, say).
// The choice is checked by the session's spec loader when the project is
// created; an invalid one is refused with its problems in the banner.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

WorkflowChoice DrawWorkflowPicker(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  auto& st = ctx.state.workflow;
  const auto& examples = ctx.resources.workflows;
  const int paste = 1 + static_cast<int>(examples.size());
  const int of_project = paste + 1;
  auto label = [&](int choice) -> std::string {
    if (choice == 0) return "default.yml — the full spec pack";
    if (choice <= static_cast<int>(examples.size())) return examples[choice - 1].first;
    if (choice == paste) return "my own YAML (paste or upload)";
    return "the workflow of a project";
  };
  if (st.choice > of_project) st.choice = 0;
  if (ImGui::BeginCombo("Workflow", label(st.choice).c_str())) {
    for (int c = 0; c <= of_project; ++c) {
      if (c == of_project && ctx.snap.projects->projects.empty()) continue;
      if (ImGui::Selectable(label(c).c_str(), st.choice == c)) st.choice = c;
    }
    ImGui::EndCombo();
  }
  WorkflowChoice out;
  if (st.choice == 0) {
    out.yaml = ctx.resources.default_workflow_yaml;
    out.name = "default.yml";
  } else if (st.choice < paste) {
    out.yaml = examples[st.choice - 1].second;
    out.name = examples[st.choice - 1].first;
  } else if (st.choice == paste) {
    ImGui::PushFont(Font(TypeSize::kSmall, true));
    ImGui::InputTextMultiline("##pasted_workflow", &st.pasted, ImVec2(-1, t.Px(160)), ImGuiInputTextFlags_AllowTabInput);
    ImGui::PopFont();
    if (ctx.host && ImGui::SmallButton("Upload a .yml file")) ctx.host->RequestWorkflowUpload();
    Muted("Free phase names and agents; a custom agent's task is its prompt. Checked when you create the project; "
          "edit it later in the Workflow tab.");
    out.yaml = st.pasted;
    out.name = "workflow.yml";
  } else {
    const auto& projects = ctx.snap.projects->projects;
    std::string current = "pick a project";
    for (const auto& p : projects)
      if (p.id == st.source_project) current = p.name;
    if (ImGui::BeginCombo("From", current.c_str())) {
      for (const auto& p : projects) {
        ImGui::PushID(static_cast<int>(p.id));
        if (ImGui::Selectable(p.name.c_str(), p.id == st.source_project)) st.source_project = p.id;
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    out.source_project = st.source_project;
  }
  return out;
}

}  // namespace specwave::ui
