#include "ui/app_view.hpp"

#include <imgui.h>

#include "core/text.hpp"
#include "ui/theme.hpp"

namespace specwave::ui {

void AppView::Draw(const AppModel& model) {
  const Theme& t = CurrentTheme();
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("Specwave", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  DrawTopBar(model);

  const float side_w = std::min(t.Px(400), vp->WorkSize.x * 0.38f);
  ImGui::BeginChild("dag", ImVec2(vp->WorkSize.x - side_w, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (model.spec && model.layout) {
    DagModel dm;
    dm.spec = model.spec.get();
    dm.layout = model.layout.get();
    dm.nodes.resize(model.spec->phases.size());
    DagEvents ev;
    dag_.Draw(dm, selected_, &ev);
    if (ev.clicked >= 0) selected_ = ev.clicked;
  } else {
    ImGui::SetCursorPos(ImVec2(t.Px(24), t.Px(24)));
    ImGui::PushStyleColor(ImGuiCol_Text, t.state_failed);
    ImGui::TextWrapped("%s", model.load_error.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  DrawSidePanel(model);
  ImGui::End();
}

void AppView::DrawTopBar(const AppModel& model) {
  const Theme& t = CurrentTheme();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, t.surface);
  ImGui::BeginChild("topbar", ImVec2(0, t.Px(48)), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPos(ImVec2(t.Px(16), (t.Px(48) - Font(TypeSize::kTitle)->FontSize) / 2));
  ImGui::PushFont(Font(TypeSize::kTitle));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.accent), "Specwave");
  ImGui::PopFont();
  ImGui::SameLine(0, t.Px(24));
  ImGui::SetCursorPosY((t.Px(48) - ImGui::GetFontSize()) / 2);
  ImGui::TextUnformatted(model.project_name.c_str());
  if (!model.provider_label.empty()) {
    ImGui::SameLine(0, t.Px(24));
    ImGui::SetCursorPosY((t.Px(48) - ImGui::GetFontSize()) / 2);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "%s", model.provider_label.c_str());
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void AppView::DrawSidePanel(const AppModel& model) {
  const Theme& t = CurrentTheme();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(16), t.Px(16)));
  ImGui::BeginChild("side", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  if (!model.spec) {
    ImGui::EndChild();
    ImGui::PopStyleVar();
    return;
  }
  if (selected_ < 0 || selected_ >= static_cast<int>(model.spec->phases.size())) {
    ImGui::PushFont(Font(TypeSize::kTitle));
    ImGui::TextUnformatted(model.spec->name.empty() ? "Workflow" : model.spec->name.c_str());
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "%zu phases in %zu dependency levels",
                       model.spec->phases.size(), model.plan ? model.plan->waves.size() : 0);
    ImGui::Spacing();
    ImGui::TextWrapped("%s", model.spec->description.c_str());
    ImGui::Spacing();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "Select a phase to see what it does.");
  } else {
    const auto& p = model.spec->phases[selected_];
    ImGui::PushFont(Font(TypeSize::kTitle));
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "agent %s · %s", p.agent.c_str(),
                       p.phase_type.c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("%s", p.description.c_str());
    ImGui::Spacing();
    auto list = [&](const char* label, const std::vector<std::string>& items) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.text_muted), "%s", label);
      ImGui::Indent(t.Px(8));
      if (items.empty()) ImGui::TextUnformatted("—");
      for (const auto& i : items) ImGui::BulletText("%s", i.c_str());
      ImGui::Unindent(t.Px(8));
    };
    list("Depends on", p.depends_on);
    list("Produces", p.produces);
    list("Validators", p.validators);
    if (!p.approval_gates.empty()) list("Approval gates", p.approval_gates);
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

}  // namespace specwave::ui
