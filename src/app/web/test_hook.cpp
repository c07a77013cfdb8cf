// The page's test hook: the app's state as JSON (what the browser tests and
// the embed's getMetrics read), built from the last drawn snapshot and what
// the views report they drew.
#include <emscripten.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "app/web/app_state.hpp"

using nlohmann::json;
using specwave::app::g_app;

namespace {

json PhasesJson(const specwave::SessionSnapshot& s) {
  const auto& badges = g_app->view.badges_drawn();  // as drawn on the DAG last frame
  json phases = json::array();
  const auto* spec = s.project->spec.get();
  for (size_t i = 0; spec && i < spec->phases.size() && i < s.run->phases.size(); ++i) {
    const auto& v = s.run->phases[i];
    phases.push_back({{"name", spec->phases[i].name},
                      {"agent", spec->phases[i].agent},
                      {"stale_reason", v.stale_reason},
                      {"status", specwave::PhaseStatusName(v.status)},
                      {"reason", v.reason},
                      {"stale", v.stale},
                      {"errors", v.errors},
                      {"gaps", v.gaps},
                      {"findings", v.findings.size()},
                      {"notes", v.notes.size()},
                      {"repair_calls", v.repair_calls},
                      {"raw_reply", v.raw_reply.substr(0, 2000)},  // a failed phase's reply, as the panel shows it
                      {"badge", i < badges.size() ? badges[i] : ""}});
  }
  return phases;
}

json ArtifactNames(const specwave::SessionSnapshot& s) {
  json names = json::array();
  for (const auto& a : s.artifacts->artifacts) names.push_back(a.artifact);
  return names;
}

json ImpactJson(const specwave::SessionSnapshot& s) {
  if (!s.edit->impact) return nullptr;
  const auto& i = *s.edit->impact;
  return {{"level", specwave::ImpactLevelName(i.change_level)},
          {"high", i.high},
          {"medium", i.medium},
          {"low", i.low},
          {"sections", i.change.sections.size()},
          {"recommended", specwave::StrategyName(i.recommended)}};
}

json RegenerationJson(const specwave::SessionSnapshot& s) {
  if (!s.edit->last_regeneration) return nullptr;
  const auto& r = *s.edit->last_regeneration;
  return {{"success", r.success},
          {"regenerated", r.regenerated.size()},
          {"skipped_early_cutoff", r.skipped_early_cutoff.size()},
          {"model_calls", r.model_calls}};
}

// The workflows a new project can start from besides default.yml (the picker's list).
json BundledWorkflows() {
  json names = json::array();
  for (const auto& [name, yaml] : g_app->resources.workflows) names.push_back(name);
  return names;
}

// The workflow editor as drawn: the draft's state, its problems (line,
// column), the line marked, and whether the canvas shows the draft.
json WorkflowJson(const specwave::SessionSnapshot& s) {
  const auto& w = *s.workflow;
  const auto& st = g_app->view.state().workflow;
  json problems = json::array();
  for (const auto& d : w.problems)
    problems.push_back({{"line", d.line}, {"column", d.column}, {"message", d.message},
                        {"error", d.severity == specwave::Severity::kError}});
  json versions = json::array();
  for (const auto& v : w.versions) versions.push_back({{"version", v.version}, {"author", v.author}, {"summary", v.summary}});
  return {{"valid", w.valid},
          {"dirty", w.dirty},
          {"on_screen", st.buffer == w.text},
          {"draft_phases", w.spec ? w.spec->phases.size() : 0},
          {"changed_phases", w.changed_phases},
          {"problems", problems},
          {"marked_line", st.marked_line},
          {"lines_drawn", st.lines_drawn},
          {"draft_drawn", st.draft_drawn},
          {"check_ms", w.check_ms},
          {"versions", versions}};
}

// What the DAG view showed last frame (CSS px): how much of its canvas the
// graph fills, the smallest name drawn, the level of detail, the minimap.
json GraphJson() {
  const auto& g = g_app->view.graph_stats();
  return {{"canvas_x", g.canvas_x},
          {"canvas_y", g.canvas_y},
          {"canvas_w", g.canvas_w},
          {"canvas_h", g.canvas_h},
          {"graph_w", g.graph_w},
          {"graph_h", g.graph_h},
          {"fit_ratio", g.fit_ratio},
          {"zoom", g.zoom},
          {"label_px_min", g.label_px_min},
          {"labels_drawn", g.labels_drawn},
          {"labels_cut", g.labels_cut},
          {"nodes_on_screen", g.nodes_on_screen},
          {"detail", specwave::ui::GraphDetailName(g.detail)},
          {"orientation", g.orientation == specwave::ui::GraphOrientation::kTopDown ? "top-down" : "left-to-right"},
          {"minimap", g.minimap},
          {"user_moved", g.user_moved},
          {"fits", g.fits}};
}

json MarkdownJson() {
  const auto& m = g_app->view.markdown_drawn();
  return {{"tables", m.tables},           {"table_rows", m.table_rows},     {"header_rows", m.header_rows},
          {"max_columns", m.max_columns}, {"scrolling_tables", m.scrolling_tables},
          {"code_blocks", m.code_blocks}, {"blocks_drawn", m.blocks_drawn}, {"blocks_skipped", m.blocks_skipped},
          {"blocks_overflowing", m.blocks_overflowing}};
}

// The window's shell: split, timeline, palette, keys overlay, first screen,
// and the labels the widgets found cut off (none, at 1024×700 and above).
json ShellJson() {
  auto& v = g_app->view;
  const auto& sh = v.state().shell;
  return {{"side_w", sh.side_w},
          {"timeline_open", v.state().show_timeline},
          {"palette_open", sh.palette_open},
          {"palette_query", sh.palette_query},
          {"palette_items", sh.palette_items},
          {"palette_commands", sh.palette_commands},
          {"help_open", sh.help_open},
          {"first_run_open", sh.first_run_open},
          {"last_command", sh.last_command},
          {"selected_phase", v.state().selected_phase},
          {"tab", static_cast<int>(v.state().tab)},
          {"labels_checked", v.clipped_labels().checked},
          {"clipped_labels", v.clipped_labels().clipped},
          {"targets", sh.targets}};
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* specwave_test_state() {
  static std::string text;
  if (!g_app || !g_app->session) return "{}";
  auto s = g_app->last ? g_app->last : g_app->session->Snapshot();
  const auto& sw = *s->viewer->swatches;
  json j = {
      {"spec_phases", s->project->spec ? s->project->spec->phases.size() : 0},
      {"phases_drawn", g_app->view.phases_drawn()},
      {"edges_drawn", g_app->view.renderer().edges_drawn()},
      {"shader_frames", g_app->view.renderer().frames_drawn()},
      {"threads", g_app->worker_thread_ran.load()},
      {"embed", g_app->boot.embed},
      {"owner", g_app->boot.owner},
      {"read_only", s->status->read_only},
      {"swatch_colors", sw.palette.size()},
      {"swatch_pairs_failing",
       std::count_if(sw.pairs.begin(), sw.pairs.end(), [](const specwave::TokenSwatches::Pair& p) { return !p.ok(); })},
      {"swatch_type_sizes", sw.type_scale.size()},
      {"frames", g_app->frames},
      {"first_frame_ms", g_app->first_frame_ms},
      {"first_frame_cpu_ms", g_app->first_frame_cpu_ms},
      {"project_id", s->project->project_id},
      {"project_name", s->project->project_name},
      {"projects", s->projects->projects.size()},
      {"running", s->run->running},
      {"run_id", s->run->run_id},
      {"run_status", s->run->run_status ? specwave::RunStatusName(*s->run->run_status) : ""},
      {"artifacts", s->artifacts->artifacts.size()},
      {"artifact_names", ArtifactNames(*s)},
      {"banner", s->status->banner},
      {"provider", specwave::ProviderKindName(s->settings->settings.provider)},
      {"open_artifact", s->viewer->open_artifact},
      {"open_versions", s->viewer->versions->size()},
      {"shown_version", s->viewer->shown_version},
      {"open_author", s->viewer->versions->empty() ? "" : s->viewer->versions->back().author},
      {"blocks", s->viewer->blocks->size()},
      {"impact", ImpactJson(*s)},
      {"regeneration", RegenerationJson(*s)},
      {"set_aside_rows_drawn", g_app->view.state().set_aside_rows_drawn},
      {"pending_gates", s->run->pending_gates},
      {"phases", PhasesJson(*s)},
      {"workflow", WorkflowJson(*s)},
      {"workflow_name", s->project->workflow_name},
      {"bundled_workflows", BundledWorkflows()},
      {"graph", GraphJson()},
      {"markdown", MarkdownJson()},
      {"shell", ShellJson()},
  };
  text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return text.c_str();
}

// The frame CPU times (ms) recorded since the last call, as a JSON array
// (bench/web/frame_bench.mjs reads them).
EMSCRIPTEN_KEEPALIVE const char* specwave_frame_times() {
  static std::string text;
  if (!g_app) return "[]";
  text = json(g_app->frame_cpu_ms).dump();
  g_app->frame_cpu_ms.clear();
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* specwave_metrics_json() {
  static std::string text;
  auto s = g_app && g_app->session ? g_app->session->Snapshot() : nullptr;
  text = s && s->run->last_report ? s->run->last_report->ToJson() : "null";
  return text.c_str();
}

}  // extern "C"
