#include "ui/app_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <utility>

#include "session/findings_view.hpp"
#include "ui/field_layout.hpp"
#include "ui/timeline_view.hpp"
#include "ui/widgets.hpp"
#include "ui/workflow_dag.hpp"

namespace specwave::ui {
namespace {

// The side panel's tabs, in order (the tab bar below draws them).
constexpr const char* kTabLabels[] = {"Phase", "Artifact", "Impact", "Run", "Settings", "Workflow", "Projects"};

// The width the tab bar needs with `pad_x` on each side of every label.
float TabsWidth(const Theme& t, float pad_x) {
  float w = 0;
  for (const char* l : kTabLabels) w += ImGui::CalcTextSize(l).x + 2 * pad_x + t.Px(8);
  return w;
}

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
  markdown_drawn_ = TakeMarkdownDrawn();
  clipped_ = TakeClippedLabels();
  LoadPrefs(ctx);
  for (const std::string& c : std::exchange(queued_, {})) RunCommand(ctx, c);
  HandleKeys(ctx);
  if (snap.edit->impact && state_.impact_seen != snap.edit->impact_seq) state_.ShowTab(SideTab::kImpact);
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  // No ImGui nav on the shell itself: its arrow keys move through phases
  // (app_keys.cpp); the side panel keeps ImGui's keyboard navigation.
  ImGui::Begin("Specwave", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar(2);
  DrawTopBar(ctx);
  DrawBanner(ctx);

  // The split: the side panel's width is the person's (dragged, remembered)
  // or, by default, 440 CSS px up to 40% of the window; the workflow editor
  // needs room for YAML lines, so its tab is at least 45% wide.
  const float splitter_w = t.Px(8);
  // Never narrower by default than its tab labels at their tightest padding
  // (seven tabs cut the last one at 1024 px otherwise) with the window padding
  // and a scrollbar, up to half the window.
  const float tabs_need = TabsWidth(t, t.Px(4)) + t.Px(40) + ImGui::GetStyle().ScrollbarSize;
  const float side_default =
      std::min(std::max(std::min(t.Px(440), vp->WorkSize.x * 0.4f), tabs_need), vp->WorkSize.x * 0.5f);
  float side_w = state_.shell.side_w > 0
                     ? std::clamp(t.Px(state_.shell.side_w), t.Px(320), std::max(t.Px(320), vp->WorkSize.x * 0.6f))
                     : side_default;
  if (state_.tab == SideTab::kWorkflow) side_w = std::max(side_w, vp->WorkSize.x * 0.45f);
  // A narrower canvas refits the graph (DagView), unless the person zoomed.
  const float main_h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("main", ImVec2(vp->WorkSize.x - side_w - splitter_w, main_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNavInputs);
  const float fold_bar_h = t.Px(32);
  const float timeline_h = state_.show_timeline ? std::min(t.Px(240), main_h * 0.3f) : 0;
  ImGui::BeginChild("dag", ImVec2(0, main_h - timeline_h - fold_bar_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNavInputs);
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
    // The model changes only with the parts it is built from (each part of
    // the snapshot is replaced, never changed): 200 phases' worth of strings
    // are not rebuilt every frame.
    // They are held, so a new part can never reuse an old one's address.
    if (dag_model_from_[0].get() != snap.project.get() || dag_model_from_[1].get() != snap.run.get() ||
        dag_model_from_[2].get() != snap.edit.get()) {
      dag_model_ = BuildDagModel(snap);
      dag_model_from_ = {snap.project, snap.run, snap.edit};
    }
    DagEvents ev;
    dag_.Draw(dag_model_, state_.selected_phase, &ev);
    if (ev.clicked >= 0) {
      state_.selected_phase = ev.clicked;
      state_.ShowTab(SideTab::kPhase);
    }
  } else {
    ImGui::SetCursorPos(ImVec2(t.Px(24), t.Px(24)));
    Muted(snap.project->project_id ? "This project's workflow could not be loaded." : "Create or open a project to begin.");
  }
  ImGui::EndChild();
  DrawTimelineFold(ctx, fold_bar_h);
  if (state_.show_timeline) DrawTimeline(snap, timeline_h);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  DrawSplitter(ctx, splitter_w, main_h);

  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(16), t.Px(16)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(t.Px(8), t.Px(8)));
  ImGui::BeginChild("side", ImVec2(0, main_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  side_focused_ = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);  // its keys are ImGui's, not the graph's
  // A narrow panel would have ImGui shrink the tabs and cut their labels:
  // tighten their padding first, and past that scroll the tab bar instead.
  const bool tight = TabsWidth(t, ImGui::GetStyle().FramePadding.x) > ImGui::GetContentRegionAvail().x;
  const ImVec2 tab_pad(tight ? t.Px(4) : ImGui::GetStyle().FramePadding.x, ImGui::GetStyle().FramePadding.y);
  if (ImGui::BeginTabBar("side_tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
    const bool request = state_.tab_request;
    state_.tab_request = false;
    auto tab = [&](const char* label, SideTab which) {
      ImGuiTabItemFlags flags = request && state_.tab == which ? ImGuiTabItemFlags_SetSelected : 0;
      ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tab_pad);
      bool open = ImGui::BeginTabItem(label, nullptr, flags);
      CheckTabClipped(label);
      ImGui::PopStyleVar();
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
  DrawOverlays(ctx);
}

}  // namespace specwave::ui
