#include "ui/app_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "session/findings_view.hpp"
#include "ui/timeline_view.hpp"
#include "ui/widgets.hpp"
#include "ui/workflow_dag.hpp"

namespace specwave::ui {
namespace {

NodeState ToNodeState(PhaseStatus s) {
  switch (s) {
    case PhaseStatus::kPending: return NodeState::kWaiting;
    case PhaseStatus::kRunning: return NodeState::kRunning;
    case PhaseStatus::kSucceeded: return NodeState::kDone;
    case PhaseStatus::kFailed: return NodeState::kFailed;
    case PhaseStatus::kSkipped: return NodeState::kSkipped;
    case PhaseStatus::kAwaitingApproval: return NodeState::kAwaitingApproval;
    case PhaseStatus::kCancelled: return NodeState::kCancelled;
  }
  return NodeState::kWaiting;
}

}  // namespace

DagModel AppView::BuildDagModel(const SessionSnapshot& snap) const {
  DagModel dm;
  dm.spec = snap.project->spec.get();
  dm.layout = snap.project->layout.get();
  dm.nodes.resize(snap.project->spec->phases.size());
  dm.critical.assign(snap.project->spec->phases.size(), 0);
  for (size_t i = 0; i < dm.nodes.size() && i < snap.run->phases.size(); ++i) {
    const PhaseView& v = snap.run->phases[i];
    DagNodeModel& n = dm.nodes[i];
    n.state = ToNodeState(v.status);
    n.stale = v.stale;
    int errors = 0, warnings = 0;
    // Cross-artifact gaps count apart from the phase's own checks: they are
    // drawn on the phase whose artifact needs the fix (and on VALIDATE).
    for (const auto& f : v.findings)
      if (!IsGap(f)) (f.severity == Severity::kError ? errors : warnings)++;
    n.badge_alert = true;
    if (v.gaps) n.badge = std::to_string(v.gaps) + (v.gaps == 1 ? " gap" : " gaps");
    else if (errors) n.badge = std::to_string(errors) + (errors == 1 ? " error" : " errors");
    else if (warnings) {
      n.badge = std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
      n.badge_alert = false;
    }
    if (v.status == PhaseStatus::kAwaitingApproval) {
      n.badge = "approve";
      n.badge_alert = false;
    }
  }
  if (snap.edit->impact) {  // the edit's impact, lit on the graph
    for (const auto& a : snap.edit->impact->affected) {
      int i = snap.project->spec->IndexOf(a.phase);
      if (i < 0) continue;
      dm.nodes[i].impacted = true;
      dm.nodes[i].badge = ImpactLevelName(a.level);
      dm.nodes[i].badge_alert = false;
    }
  }
  if (snap.run->last_report) {
    for (const auto& p : snap.run->last_report->phases) {
      int i = snap.project->spec->IndexOf(p.name);
      if (i < 0) continue;
      if (!p.done_earlier && p.work_ms > 0 && dm.nodes[i].state != NodeState::kRunning)
        dm.nodes[i].detail = FormatMs(p.duration_ms) + (p.items ? " · " + std::to_string(p.items) + " items" : "") +
                             " · " + std::to_string(p.calls) + " calls";
      if (std::find(snap.run->last_report->critical_path.begin(), snap.run->last_report->critical_path.end(), p.name) !=
          snap.run->last_report->critical_path.end())
        dm.critical[i] = 1;
    }
  }
  return dm;
}

void AppView::Draw(const SessionSnapshot& snap, Session& session, HostServices* host, const UiResources& resources) {
  const Theme& t = CurrentTheme();
  ViewContext ctx{snap, session, state_, host, resources};
  if (snap.edit->impact && state_.impact_seen != snap.edit->impact_seq) state_.ShowTab(SideTab::kImpact);
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::Begin("Specwave", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar(2);
  DrawTopBar(ctx);
  DrawBanner(ctx);

  // The workflow editor needs room for YAML lines.
  const float side_w = state_.tab == SideTab::kWorkflow ? std::max(std::min(t.Px(440), vp->WorkSize.x * 0.4f), vp->WorkSize.x * 0.45f)
                                                        : std::min(t.Px(440), vp->WorkSize.x * 0.4f);
  if (side_w != last_side_w_) {  // the canvas changed width (the workflow tab is wider): fit the graph again
    dag_.ResetView();
    last_side_w_ = side_w;
  }
  const float main_h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("main", ImVec2(vp->WorkSize.x - side_w, main_h), false, ImGuiWindowFlags_NoScrollbar);
  const float timeline_h = state_.show_timeline ? std::min(t.Px(240), main_h * 0.35f) : 0;
  ImGui::BeginChild("dag", ImVec2(0, main_h - timeline_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const bool draft = ShowsDraft(*snap.workflow, state_.tab == SideTab::kWorkflow);
  state_.workflow.draft_drawn = draft;
  if (draft) {  // the workflow being typed, as soon as it is valid
    if (last_layout_ != snap.workflow->layout.get()) {
      dag_.ResetView();
      last_layout_ = snap.workflow->layout.get();
    }
    DagEvents ev;
    int none = -1;
    dag_.Draw(BuildDraftDagModel(*snap.workflow), none, &ev);
  } else if (snap.project->spec && snap.project->layout) {
    if (last_layout_ != snap.project->layout.get()) {
      dag_.ResetView();
      last_layout_ = snap.project->layout.get();
      state_.selected_phase = -1;
    }
    DagEvents ev;
    dag_.Draw(BuildDagModel(snap), state_.selected_phase, &ev);
    if (ev.clicked >= 0) {
      state_.selected_phase = ev.clicked;
      state_.ShowTab(SideTab::kPhase);
    }
  } else {
    ImGui::SetCursorPos(ImVec2(t.Px(24), t.Px(24)));
    Muted(snap.project->project_id ? "This project's workflow could not be loaded." : "Create or open a project to begin.");
  }
  ImGui::EndChild();
  if (state_.show_timeline) DrawTimeline(snap, timeline_h);
  ImGui::EndChild();

  ImGui::SameLine(0, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(16), t.Px(16)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(t.Px(8), t.Px(8)));
  ImGui::BeginChild("side", ImVec2(0, main_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  if (ImGui::BeginTabBar("side_tabs")) {
    const bool request = state_.tab_request;
    state_.tab_request = false;
    auto tab = [&](const char* label, SideTab which) {
      ImGuiTabItemFlags flags = request && state_.tab == which ? ImGuiTabItemFlags_SetSelected : 0;
      bool open = ImGui::BeginTabItem(label, nullptr, flags);
      if (open && !request) state_.tab = which;  // the visible tab is the state
      return open;
    };
    if (tab("Phase", SideTab::kPhase)) {
      DrawPhasePanel(ctx);
      ImGui::EndTabItem();
    }
    if (tab("Artifact", SideTab::kArtifact)) {
      DrawArtifactPanel(ctx);
      ImGui::EndTabItem();
    }
    if (tab("Impact", SideTab::kImpact)) {
      DrawImpactPanel(ctx);
      ImGui::EndTabItem();
    }
    if (tab("Run", SideTab::kRun)) {
      DrawRunPanel(ctx);
      ImGui::EndTabItem();
    }
    if (tab("Settings", SideTab::kSettings)) {
      DrawSettingsPanel(ctx);
      ImGui::EndTabItem();
    }
    if (tab("Workflow", SideTab::kWorkflow)) {
      DrawWorkflowPanel(ctx);
      ImGui::EndTabItem();
    }
    if (tab("Projects", SideTab::kProjects)) {
      DrawProjectsPanel(ctx);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::End();
}

}  // namespace specwave::ui
