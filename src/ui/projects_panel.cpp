// Projects: new project from a brief (typed, pasted or a bundled sample),
// open, rename, delete (with confirmation), export and import.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "ui/field_layout.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

namespace {

std::string SizeText(int64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  else std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1024);
  return buf;
}

// Databases set aside by ?new-database=1: kept in this browser's storage,
// invisible to the app otherwise. Downloaded, the CLI rescues their projects;
// deleted (after confirmation), their space comes back.
void DrawSetAsideFiles(ViewContext& ctx) {
  UiState& st = ctx.state;
  st.set_aside_rows_drawn = 0;
  if (!ctx.host) return;
  const auto files = ctx.host->SetAsideFiles();
  if (files.empty()) return;
  const Theme& t = CurrentTheme();
  Gap(16);
  Title("Set aside in this browser");
  Muted("Databases set aside with ?new-database=1. Download one and run "
        "'specwave export --salvage --db FILE --out DIR' to rescue its projects, then import them here.");
  for (const auto& f : files) {
    ImGui::PushID(f.name.c_str());
    // Name and size on one line, the actions under it: the names are long
    // and the side panel narrow.
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::SameLine(0, t.Px(8));
    Muted("%s", SizeText(f.bytes).c_str());
    if (ImGui::SmallButton("Download")) ctx.host->DownloadSetAside(f.name);
    ImGui::SameLine();
    if (st.confirm_delete_set_aside == f.name) {
      ImGui::PushStyleColor(ImGuiCol_Text, t.state_failed);
      if (ImGui::SmallButton("Delete for good")) {
        ctx.host->DeleteSetAside(f.name);
        st.confirm_delete_set_aside.clear();
      }
      ImGui::PopStyleColor();
      ImGui::SameLine();
      if (ImGui::SmallButton("Keep")) st.confirm_delete_set_aside.clear();
    } else if (ImGui::SmallButton("Delete")) {
      st.confirm_delete_set_aside = f.name;
    }
    ImGui::PopID();
    ++st.set_aside_rows_drawn;
  }
}

}  // namespace

void DrawProjectsPanel(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  UiState& st = ctx.state;
  const auto& snap = ctx.snap;
  Title("Projects");
  for (const auto& p : snap.projects->projects) {
    ImGui::PushID(static_cast<int>(p.id));
    if (st.renaming == p.id) {
      ImGui::SetNextItemWidth(t.Px(208));
      bool done = ImGui::InputText("##rename", &st.rename_buffer, ImGuiInputTextFlags_EnterReturnsTrue);
      ImGui::SameLine();
      if (done || ImGui::SmallButton("Save")) {
        ctx.session.RenameProject(p.id, st.rename_buffer);
        st.renaming = 0;
      }
    } else if (ImGui::Selectable(p.name.c_str(), p.id == snap.project->project_id, 0, ImVec2(t.Px(208), 0))) {
      ctx.session.OpenProject(p.id);
    }
    ImGui::SameLine(t.Px(232));
    if (ImGui::SmallButton("Rename")) {
      st.renaming = p.id;
      st.rename_buffer = p.name;
    }
    ImGui::SameLine();
    if (st.confirm_delete == p.id) {
      ImGui::PushStyleColor(ImGuiCol_Text, t.state_failed);
      if (ImGui::SmallButton("Delete for good")) {
        ctx.session.DeleteProject(p.id);
        st.confirm_delete = 0;
      }
      ImGui::PopStyleColor();
      ImGui::SameLine();
      if (ImGui::SmallButton("Keep")) st.confirm_delete = 0;
    } else if (ImGui::SmallButton("Delete")) {
      st.confirm_delete = p.id;
    }
    ImGui::PopID();
  }
  Gap();
  ImGui::BeginDisabled(snap.project->project_id == 0 || !ctx.host);
  if (ImGui::Button("Export this project")) {
    HostServices* host = ctx.host;
    ctx.session.ExportProject([host](const std::string& name, const std::string& content) { host->Download(name, content); });
  }
  ImGui::EndDisabled();
  ImGui::SameLine(0, t.Px(8));
  ImGui::BeginDisabled(!ctx.host || snap.status->read_only);
  if (ImGui::Button("Import a project file") && ctx.host) ctx.host->RequestUpload();
  ImGui::EndDisabled();
  DrawFolderSync(ctx);

  DrawSetAsideFiles(ctx);

  Gap(16);
  Title("New project");
  ImGui::InputTextWithHint(Field("Name"), "e.g. Tidewater", &st.new_name);
  CheckClipped("Name");
  std::string preview = "Type or paste a brief below";
  if (!ctx.resources.sample_briefs.empty()) {
    const char* start_from = Field("Start from");
    const bool open = ImGui::BeginCombo(start_from, st.sample_brief > 0
                                                        ? ctx.resources.sample_briefs[st.sample_brief - 1].first.c_str()
                                                        : "my own brief");
    CheckClipped("Start from");
    if (open) {
      if (ImGui::Selectable("my own brief", st.sample_brief == 0)) st.sample_brief = 0;
      for (size_t i = 0; i < ctx.resources.sample_briefs.size(); ++i)
        if (ImGui::Selectable(ctx.resources.sample_briefs[i].first.c_str(), st.sample_brief == static_cast<int>(i + 1))) {
          st.sample_brief = static_cast<int>(i + 1);
          st.new_brief = ctx.resources.sample_briefs[i].second;
        }
      ImGui::EndCombo();
    }
  }
  ImGui::InputTextMultiline("##brief", &st.new_brief, ImVec2(-1, t.Px(240)));
  Muted("A brief is markdown. Optional frontmatter gives the design agent brand inputs (brand_color, tone, "
        "platform); '## Users', '## Features' and '## Constraints' sections help every agent.");
  const WorkflowChoice workflow = DrawWorkflowPicker(ctx);
  ImGui::BeginDisabled(st.new_brief.empty() || snap.status->read_only ||
                       (workflow.yaml.empty() && workflow.source_project == 0));
  if (AccentButton("Create project")) {
    if (workflow.source_project) ctx.session.CreateProjectFromWorkflowOf(workflow.source_project, st.new_name, st.new_brief);
    else ctx.session.CreateProject(st.new_name, st.new_brief, workflow.yaml, workflow.name);
    st.new_name.clear();
    st.new_brief.clear();
    st.sample_brief = 0;
    st.ShowTab(SideTab::kPhase);
  }
  ImGui::EndDisabled();
}

}  // namespace specwave::ui
