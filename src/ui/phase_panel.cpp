// Phase panel: what the selected phase does, its state, its live output
// (the streamed text of a running call), its validation findings, and the
// approval buttons of its gates.
#include <algorithm>

#include "core/text.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

namespace {

void WorkflowOverview(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  Title(snap.project->spec->name.empty() ? "Workflow" : snap.project->spec->name.c_str());
  Muted("%zu phases in %zu dependency levels · brief: %s", snap.project->spec->phases.size(),
        snap.project->plan ? snap.project->plan->waves.size() : 0, snap.project->project_name.c_str());
  Gap();
  ImGui::TextWrapped("%s", snap.project->spec->description.c_str());
  Gap(16);
  int done = 0, running = 0, failed = 0;
  for (const auto& p : snap.run->phases) {
    done += p.status == PhaseStatus::kSucceeded;
    running += p.status == PhaseStatus::kRunning;
    failed += p.status == PhaseStatus::kFailed;
  }
  ImGui::Text("%d done · %d running · %d failed", done, running, failed);
  if (!snap.run->pending_gates.empty()) {
    Gap();
    ImGui::TextUnformatted("Waiting for approval:");
    for (const auto& g : snap.run->pending_gates) ImGui::BulletText("%s", g.c_str());
  }
  Gap(16);
  Muted("Click a phase on the graph to see its inputs, its live output and its checks.");
}

}  // namespace

void DrawPhasePanel(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  if (!snap.project->spec) return;
  const int sel = ctx.state.selected_phase;
  if (sel < 0 || sel >= static_cast<int>(snap.project->spec->phases.size()) || sel >= static_cast<int>(snap.run->phases.size())) {
    WorkflowOverview(ctx);
    return;
  }
  const PhaseSpec& p = snap.project->spec->phases[sel];
  const PhaseView& v = snap.run->phases[sel];
  Title(p.name.c_str());
  StatusChip(v.status);
  if (v.stale) {
    ImGui::SameLine(0, t.Px(16));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.state_stale), "stale");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", v.stale_reason.c_str());
  }
  Muted("agent %s · %s%s", p.agent.c_str(), p.phase_type.c_str(), p.critical ? "" : " · not critical");
  if (!v.reason.empty()) {
    Gap(4);
    ImGui::PushStyleColor(ImGuiCol_Text, v.status == PhaseStatus::kFailed ? t.state_failed : t.text_muted);
    ImGui::TextWrapped("%s", v.reason.c_str());
    ImGui::PopStyleColor();
  }
  Gap();
  ImGui::TextWrapped("%s", p.description.c_str());

  if (v.status == PhaseStatus::kAwaitingApproval) {
    Gap();
    for (const auto& gate : p.approval_gates) {
      std::string key = p.name + "/" + gate;
      bool pending = std::find(snap.run->pending_gates.begin(), snap.run->pending_gates.end(), key) != snap.run->pending_gates.end();
      if (!pending && !snap.run->pending_gates.empty()) continue;
      if (AccentButton(("Approve " + gate).c_str())) ctx.session.Approve(p.name, gate);
    }
    Muted("Its dependents start when every gate is approved.");
  }

  Gap();
  if (ImGui::CollapsingHeader("Inputs and outputs", ImGuiTreeNodeFlags_DefaultOpen)) {
    Muted("Depends on");
    if (p.depends_on.empty()) ImGui::TextUnformatted("— (starts first)");
    for (const auto& d : p.depends_on) ImGui::BulletText("%s", d.c_str());
    Muted("Produces");
    for (const auto& a : p.produces) {
      ImGui::Bullet();
      ImGui::SameLine();
      if (ImGui::SmallButton(a.c_str())) {
        ctx.state.artifact = a;
        ctx.state.ShowTab(SideTab::kArtifact);
        ctx.state.editing = false;
        ctx.state.view_version = 0;
        ctx.session.OpenArtifact(a);
      }
    }
    if (!p.validators.empty()) Muted("Validators: %s", Join(p.validators, ", ").c_str());
    if (p.fan_out)
      Muted("Fan-out: one call per %s", p.fan_out->items == FanOut::Items::kArtifacts
                                             ? "upstream artifact"
                                             : (std::string(p.fan_out->heading_level, '#') + " heading of " +
                                                p.fan_out->over).c_str());
  }
  DrawPhaseSettings(ctx, sel);
  if (v.calls + v.cached_calls > 0) {
    Muted("%d model calls · %d cached · %s tokens in · %s out", v.calls, v.cached_calls,
          FormatTokens(v.usage.input_tokens).c_str(), FormatTokens(v.usage.output_tokens).c_str());
  }
  if (!v.findings.empty() && ImGui::CollapsingHeader("Checks", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (v.gaps) Muted("%d cross-artifact gap%s (found by the validate phase) in this phase's artifacts.", v.gaps,
                      v.gaps == 1 ? "" : "s");
    FindingList(v.findings);
  }
  // What the engine did with the model's reply (issue #14): removals and
  // replaced envelope fields (kept when the phase succeeds), reply errors,
  // repair calls; and a failed reply itself, which is never a version.
  if (v.repair_calls > 0) Muted("%d repair call%s (counted in the calls above)", v.repair_calls,
                                v.repair_calls == 1 ? "" : "s");
  if (!v.notes.empty() && ImGui::CollapsingHeader("Reply", v.status == PhaseStatus::kFailed
                                                               ? ImGuiTreeNodeFlags_DefaultOpen
                                                               : ImGuiTreeNodeFlags_None)) {
    Muted("What the engine removed, replaced or refused in the model's reply.");
    FindingList(v.notes);
  }
  if (!v.raw_reply.empty() && ImGui::CollapsingHeader("Failed reply (not stored as a version)")) {
    ImGui::PushFont(Font(TypeSize::kSmall, true));
    ImGui::BeginChild("raw_reply", ImVec2(0, t.Px(240)), true);
    ImGui::TextUnformatted(v.raw_reply.c_str(), v.raw_reply.c_str() + v.raw_reply.size());
    ImGui::EndChild();
    ImGui::PopFont();
  }
  const std::string& tail = snap.stream->Tail(static_cast<size_t>(sel));
  if (!tail.empty() || v.status == PhaseStatus::kRunning) {
    Gap();
    Muted(v.status == PhaseStatus::kRunning ? "Live output (scratch until the phase finishes cleanly)"
                                            : "Last streamed output");
    ImGui::PushFont(Font(TypeSize::kSmall, true));
    ImGui::BeginChild("stream", ImVec2(0, t.Px(240)), true);
    ImGui::PushTextWrapPos(0.0f);  // streamed lines wrap at the panel's width
    ImGui::TextUnformatted(tail.c_str());
    ImGui::PopTextWrapPos();
    if (v.status == PhaseStatus::kRunning) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    ImGui::PopFont();
  }
}

}  // namespace specwave::ui
