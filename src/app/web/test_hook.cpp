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
                      {"status", specwave::PhaseStatusName(v.status)},
                      {"stale", v.stale},
                      {"errors", v.errors},
                      {"gaps", v.gaps},
                      {"findings", v.findings.size()},
                      {"badge", i < badges.size() ? badges[i] : ""}});
  }
  return phases;
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
      {"project_id", s->project->project_id},
      {"project_name", s->project->project_name},
      {"projects", s->projects->projects.size()},
      {"running", s->run->running},
      {"run_id", s->run->run_id},
      {"run_status", s->run->run_status ? specwave::RunStatusName(*s->run->run_status) : ""},
      {"artifacts", s->artifacts->artifacts.size()},
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
  };
  text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* specwave_metrics_json() {
  static std::string text;
  auto s = g_app && g_app->session ? g_app->session->Snapshot() : nullptr;
  text = s && s->run->last_report ? s->run->last_report->ToJson() : "null";
  return text.c_str();
}

}  // extern "C"
