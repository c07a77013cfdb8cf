// Impact panel: after an edit is saved — the sections that changed, every
// affected artifact with its level and the reason (which change, through
// which path), the recommended strategy and the estimate from past runs —
// and the controls to regenerate, review or ignore.
#include <imgui.h>

#include <algorithm>

#include "ui/field_layout.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

const Strategy kStrategies[] = {Strategy::kRegenerateAll, Strategy::kHighImpactOnly, Strategy::kManualReview,
                                Strategy::kIgnore};

ImU32 LevelColor(ImpactLevel l) {
  const Theme& t = CurrentTheme();
  return l == ImpactLevel::kHigh ? t.state_failed : l == ImpactLevel::kMedium ? t.state_stale : t.text_muted;
}

void LastRegeneration(ViewContext& ctx) {
  if (!ctx.snap.edit->last_regeneration) {
    Muted("Edit an artifact and save it: its impact appears here.");
    return;
  }
  const auto& r = *ctx.snap.edit->last_regeneration;
  Title("Last regeneration");
  Muted("%s · %s", StrategyName(r.strategy), r.success ? "succeeded" : r.error.c_str());
  ImGui::Text("%zu regenerated · %zu unchanged · %zu skipped by early cutoff · %zu kept (your edits)",
              r.regenerated.size(), r.unchanged.size(), r.skipped_early_cutoff.size(), r.conflicts.size());
  ImGui::Text("%d model calls · %d phases run · %d phases not rerun", r.model_calls, r.phases_run, r.phases_skipped);
}

}  // namespace

void DrawImpactPanel(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  UiState& st = ctx.state;
  if (!snap.edit->impact) {
    LastRegeneration(ctx);
    return;
  }
  const ImpactAnalysis& a = *snap.edit->impact;
  if (st.impact_seen != snap.edit->impact_seq) {  // a new analysis: start from its recommendation
    st.impact_seen = snap.edit->impact_seq;
    st.strategy = static_cast<int>(std::find(std::begin(kStrategies), std::end(kStrategies), a.recommended) -
                                   std::begin(kStrategies));
    st.manual.clear();
    for (const auto& x : a.affected)
      if (x.level != ImpactLevel::kLow) st.manual.push_back(x.artifact);
  }
  Title(("Edit of " + a.change.artifact).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, LevelColor(a.change_level));
  ImGui::Text("%s change", ImpactLevelName(a.change_level));
  ImGui::PopStyleColor();
  for (const auto& s : a.change.sections) ImGui::BulletText("%s %s", s.change.c_str(), s.section.c_str());
  if (!a.change.changed) Muted("No change (line endings and trailing spaces do not count).");
  Gap();
  ImGui::Text("Affected: %d HIGH · %d MEDIUM · %d LOW", a.high, a.medium, a.low);
  for (const auto& x : a.affected) {
    ImGui::PushID(x.artifact.c_str());
    if (kStrategies[st.strategy] == Strategy::kManualReview) {
      bool on = std::find(st.manual.begin(), st.manual.end(), x.artifact) != st.manual.end();
      if (ImGui::Checkbox("##pick", &on)) {
        if (on) st.manual.push_back(x.artifact);
        else st.manual.erase(std::remove(st.manual.begin(), st.manual.end(), x.artifact), st.manual.end());
      }
      ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, LevelColor(x.level));
    ImGui::Text("%-6s", ImpactLevelName(x.level));
    ImGui::PopStyleColor();
    ImGui::SameLine(0, t.Px(8));
    ImGui::TextUnformatted(x.artifact.c_str());
    ImGui::SameLine(0, t.Px(8));
    if (ImGui::SmallButton("reviewed")) ctx.session.MarkReviewed(x.artifact);
    // The reason stays visible: which change reaches it, through which path.
    ImGui::Indent(t.Px(32));
    ImGui::PushStyleColor(ImGuiCol_Text, t.text_muted);
    ImGui::PushFont(Font(TypeSize::kSmall));
    ImGui::TextWrapped("%s", x.reason.c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::Unindent(t.Px(32));
    ImGui::PopID();
  }
  Gap();
  Muted("Recommended: %s — %s", StrategyName(a.recommended), a.recommendation_reason.c_str());
  if (a.estimate.from_history)
    Muted("Estimate from past runs (an estimate, not a measurement): %s, %d model calls, %s tokens%s",
          FormatMs(a.estimate.time_ms).c_str(), a.estimate.calls, FormatTokens(a.estimate.tokens).c_str(),
          a.estimate.cost_known ? "" : ", cost unknown");
  Gap();
  ImGui::SetNextItemWidth(t.Px(208));
  ImGui::Combo(Field("Strategy"), &st.strategy, "regenerate_all\0high_impact_only\0manual_review\0ignore\0");
  CheckClipped("Strategy");
  CheckboxWrapped("Overwrite my newer edits of affected artifacts", &st.overwrite_edits);
  ImGui::BeginDisabled(snap.run->running || snap.status->read_only);
  if (AccentButton(kStrategies[st.strategy] == Strategy::kIgnore ? "Ignore the change" : "Regenerate")) {
    ctx.session.Regenerate(kStrategies[st.strategy], st.manual, st.overwrite_edits);
  }
  ImGui::EndDisabled();
  ImGui::SameLine(0, t.Px(8));
  if (ImGui::Button("Close")) ctx.session.DismissImpact();
  Muted("Regeneration runs the producing phases in dependency order, in parallel where the graph allows, and "
        "stops early where an output comes out unchanged.");
}

}  // namespace specwave::ui
