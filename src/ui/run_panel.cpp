// Run panel: the last run's measured figures — time saved against
// sequential, critical path, per phase and per level, tokens and cost — the
// browser's counterpart of `specwave run --json`.
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

void DrawRunPanel(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  Title("Run metrics");
  if (!snap.run->last_report) {
    Muted("No run yet.");
    return;
  }
  const RunReport& r = *snap.run->last_report;
  Muted("run %lld · %s · %s · %s%s", static_cast<long long>(r.run_id), RunStatusName(r.status), r.mode.c_str(),
        ProviderKindName(r.provider), r.language_model ? "" : " (rules, not a language model)");
  Gap();
  ImGui::PushFont(Font(TypeSize::kDisplay));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.accent), "%.1f%%", r.time_saved_percent);
  ImGui::PopFont();
  Muted("time saved against running the same phases one after another (measured)");
  Gap();
  if (ImGui::BeginTable("figures", 2, ImGuiTableFlags_SizingStretchProp)) {
    auto row = [](const char* k, const std::string& v) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.c_str());
    };
    row("makespan", FormatMs(r.makespan_ms));
    row("sequential (sum of phases)", FormatMs(r.sequential_ms));
    row("critical path bound", FormatMs(r.critical_path_ms));
    row("peak jobs in flight", std::to_string(r.max_in_flight_seen));
    row("model calls", std::to_string(r.calls) + " (+" + std::to_string(r.cached_calls) + " cached)");
    if (r.repair_calls > 0) {
      char repair[160];
      std::snprintf(repair, sizeof repair, "%d (of the calls above): %s, %s tokens in, $%.4f", r.repair_calls,
                    FormatMs(r.repair_ms).c_str(), FormatTokens(r.repair_usage.input_tokens).c_str(),
                    r.repair_cost_usd);
      row("repair calls", repair);
    }
    if (r.cleanings > 0) row("reply cleanings", std::to_string(r.cleanings) + " (see each phase's Reply)");
    row("tokens in / out", FormatTokens(r.usage.input_tokens) + " / " + FormatTokens(r.usage.output_tokens));
    if (r.usage.cached_input_tokens > 0 || r.usage.cache_write_tokens > 0) {
      // The provider's prompt cache (issue 15.2): parts of "tokens in", billed at the cached / cache-write prices.
      char share[32];
      std::snprintf(share, sizeof share, " (%.0f%%)",
                    r.usage.input_tokens > 0 ? 100.0 * static_cast<double>(r.usage.cached_input_tokens) /
                                                   static_cast<double>(r.usage.input_tokens)
                                             : 0.0);
      row("from the prompt cache", FormatTokens(r.usage.cached_input_tokens) + " read" + share + ", " +
                                       FormatTokens(r.usage.cache_write_tokens) + " written");
    }
    char cost[64];
    std::snprintf(cost, sizeof cost, "$%.4f", r.cost_usd);
    row("cost", r.language_model ? (r.cost_known ? std::string(cost) : "unknown (no price for this model)") : "$0 (offline)");
    if (r.early_cutoff_phases) row("early cutoff", std::to_string(r.early_cutoff_phases) + " phases not rerun");
    ImGui::EndTable();
  }
  Gap();
  std::string path;
  for (const auto& p : r.critical_path) path += (path.empty() ? "" : " → ") + p;
  Muted("critical path: %s", path.c_str());
  Gap();
  if (ImGui::CollapsingHeader("By level")) {
    for (const auto& w : r.waves)
      ImGui::BulletText("level %d: span %s, work %s (%zu phases)", w.level, FormatMs(w.span_ms).c_str(),
                        FormatMs(w.work_ms).c_str(), w.phases.size());
  }
  if (ImGui::CollapsingHeader("By phase", ImGuiTreeNodeFlags_DefaultOpen) &&
      ImGui::BeginTable("phases", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("phase");
    ImGui::TableSetupColumn("status");
    ImGui::TableSetupColumn("duration");
    ImGui::TableSetupColumn("calls");
    ImGui::TableHeadersRow();
    for (const auto& p : r.phases) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.done_earlier ? "done earlier" : p.early_cutoff ? "early cutoff" : StatusLabel(p.status));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.work_ms > 0 ? FormatMs(p.duration_ms).c_str() : "—");
      ImGui::TableNextColumn();
      if (p.repair_calls > 0)
        ImGui::Text("%d (%d repair)", p.calls, p.repair_calls);
      else
        ImGui::Text("%d", p.calls);
    }
    ImGui::EndTable();
  }
}

}  // namespace specwave::ui
