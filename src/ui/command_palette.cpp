// The command palette (Ctrl+K, issue #18.4): every command of the app and
// every artifact of the open project, filtered as one types; Up/Down choose,
// Enter runs, Esc closes. RunCommand is the one place each command is
// carried out, for the palette, the keys and the page's test hook.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "ui/app_view.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

struct PaletteItem {
  std::string label;
  std::string key;      // shown on the right ("R", "Ctrl+K"), may be empty
  std::string command;  // for RunCommand
};

std::vector<PaletteItem> PaletteItems(const SessionSnapshot& snap) {
  std::vector<PaletteItem> items = {
      {"Run the workflow (phases start as soon as ready)", "R", "run"},
      {"Run level by level (waves)", "", "run-waves"},
      {"Run sequentially", "", "run-sequential"},
      {"Resume the last run", "", "resume"},
      {"Cancel the run", "", "cancel"},
      {"Fit the graph to its canvas", "0", "fit"},
      {"Zoom in", "+", "zoom-in"},
      {"Zoom out", "-", "zoom-out"},
      {"Show or hide the timeline", "", "timeline"},
      {"Open the chosen phase", "Enter", "open-phase"},
      {"Show the Phase panel", "", "tab:phase"},
      {"Show the Artifact panel", "", "tab:artifact"},
      {"Show the Impact panel", "", "tab:impact"},
      {"Show the Run panel", "", "tab:run"},
      {"Show the Settings panel (use my model)", "", "tab:settings"},
      {"Show the Projects panel (new, import, export)", "", "tab:projects"},
      {"Show the keys", "?", "keys"},
      {"Show the first screen again", "", "first-run"},
  };
  if (snap.project->spec)
    for (const auto& p : snap.project->spec->phases) items.push_back({"Phase " + p.name, "", "phase:" + p.name});
  for (const auto& a : snap.artifacts->artifacts)
    items.push_back({"Open " + a.artifact, "", "artifact:" + a.artifact});
  return items;
}

bool Matches(const std::string& label, const std::string& query) {
  // Every word of the query somewhere in the label, ignoring case.
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  const std::string l = lower(label), q = lower(query);
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && q[i] == ' ') ++i;
    size_t j = q.find(' ', i);
    if (j == std::string::npos) j = q.size();
    if (j > i && l.find(q.substr(i, j - i)) == std::string::npos) return false;
    i = j;
  }
  return true;
}

ScheduleMode ModeOf(const std::string& c) {
  return c == "run-waves" ? ScheduleMode::kWaves : c == "run-sequential" ? ScheduleMode::kSequential : ScheduleMode::kReady;
}

}  // namespace

void AppView::RunCommand(ViewContext& ctx, const std::string& c) {
  ShellState& sh = state_.shell;
  const SessionSnapshot& snap = ctx.snap;
  sh.last_command = c;
  const bool can_run = snap.project->spec && !snap.run->running && !snap.status->read_only;
  static const std::pair<const char*, SideTab> kTabs[] = {
      {"tab:phase", SideTab::kPhase}, {"tab:artifact", SideTab::kArtifact}, {"tab:impact", SideTab::kImpact},
      {"tab:run", SideTab::kRun},     {"tab:settings", SideTab::kSettings}, {"tab:projects", SideTab::kProjects}};
  if (c == "palette") {
    sh.palette_open = true;
    sh.palette_focus = true;
    sh.palette_query.clear();
    sh.palette_selected = 0;
    sh.help_open = false;
  } else if (c == "close") {
    if (sh.first_run_open && ctx.host) ctx.host->SavePref("first_run_seen", "1");
    sh.palette_open = sh.help_open = sh.first_run_open = false;
  } else if (c == "run" || c == "run-waves" || c == "run-sequential") {
    if (can_run) {
      ctx.session.StartRun(ModeOf(c));
      state_.show_timeline = true;
    }
  } else if (c == "resume") {
    if (can_run) ctx.session.ResumeRun();
  } else if (c == "cancel") {
    if (snap.run->running) ctx.session.CancelRun();
  } else if (c == "fit") {
    dag_.Refit();
  } else if (c == "zoom-in") {
    dag_.ZoomBy(1.2f);
  } else if (c == "zoom-out") {
    dag_.ZoomBy(1 / 1.2f);
  } else if (c == "timeline") {
    state_.show_timeline = !state_.show_timeline;
    if (ctx.host) ctx.host->SavePref("timeline", state_.show_timeline ? "open" : "folded");
  } else if (c == "open-phase") {
    if (state_.selected_phase >= 0) state_.ShowTab(SideTab::kPhase);
  } else if (c == "keys") {
    sh.help_open = !sh.help_open;
  } else if (c == "first-run") {
    sh.first_run_open = true;
  } else if (c.rfind("phase:", 0) == 0) {
    const int i = snap.project->spec ? snap.project->spec->IndexOf(c.substr(6)) : -1;
    if (i >= 0) {
      state_.selected_phase = i;
      dag_.Reveal(i);
      state_.ShowTab(SideTab::kPhase);
    }
  } else if (c.rfind("artifact:", 0) == 0) {
    state_.artifact = c.substr(9);
    ctx.session.OpenArtifact(state_.artifact);
    state_.ShowTab(SideTab::kArtifact);
  } else {
    for (const auto& [name, tab] : kTabs)
      if (c == name) state_.ShowTab(tab);
  }
}

void AppView::DrawCommandPalette(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  ShellState& sh = state_.shell;
  const std::vector<PaletteItem> items = PaletteItems(ctx.snap);
  std::vector<const PaletteItem*> shown;
  for (const auto& it : items)
    if (Matches(it.label, sh.palette_query)) shown.push_back(&it);
  sh.palette_commands = static_cast<int>(items.size());
  sh.palette_items = static_cast<int>(shown.size());
  sh.palette_selected = std::clamp(sh.palette_selected, 0, std::max(0, static_cast<int>(shown.size()) - 1));

  ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(t.Px(640), vp->WorkSize.x - t.Px(32));
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) / 2, vp->WorkPos.y + t.Px(64)));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(16), t.Px(16)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(t.Px(8), t.Px(8)));
  ImGui::Begin("Command palette", nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoNavInputs);
  if (sh.palette_focus) {
    ImGui::SetKeyboardFocusHere();
    sh.palette_focus = false;
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##palette", "Type a command or an artifact name", &sh.palette_query,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) sh.palette_selected = 0;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) ++sh.palette_selected;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) --sh.palette_selected;
  sh.palette_selected = std::clamp(sh.palette_selected, 0, std::max(0, static_cast<int>(shown.size()) - 1));
  std::string chosen;
  if (enter && !shown.empty()) chosen = shown[sh.palette_selected]->command;
  ImGui::BeginChild("palette_list", ImVec2(0, std::min(t.Px(360), vp->WorkSize.y * 0.5f)));
  for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
    ImGui::PushID(i);
    const bool sel = i == sh.palette_selected;
    if (ImGui::Selectable(shown[i]->label.c_str(), sel)) chosen = shown[i]->command;
    if (sel && ImGui::IsItemVisible() == false) ImGui::SetScrollHereY(0.5f);
    if (!shown[i]->key.empty()) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(shown[i]->key.c_str()).x);
      ImGui::TextDisabled("%s", shown[i]->key.c_str());
    }
    ImGui::PopID();
  }
  if (shown.empty()) Muted("Nothing matches.");
  ImGui::EndChild();
  ImGui::End();
  ImGui::PopStyleVar(2);
  if (!chosen.empty()) {
    sh.palette_open = false;
    RunCommand(ctx, chosen);
  }
}

}  // namespace specwave::ui
