// Composition root of the browser app: reads the startup files web/app.js
// put into the in-memory file system (/assets, /fonts), builds the app model
// and hands the frame loop to the web host. Wiring only.
#include <emscripten.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "core/files.hpp"
#include "engine/dag_layout.hpp"
#include "engine/plan.hpp"
#include "engine/spec.hpp"
#include "platform/web/web_host.hpp"
#include "ui/app_view.hpp"
#include "ui/theme.hpp"

namespace {

struct App {
  specwave::ui::AppModel model;
  specwave::ui::AppView view;
  std::atomic<bool> worker_thread_ran{false};
  int frames = 0;
};

App* g_app = nullptr;

}  // namespace

extern "C" {

// Test hook (tests/browser): what the page has drawn, as JSON.
EMSCRIPTEN_KEEPALIVE const char* specwave_test_state() {
  static std::string json;
  if (!g_app) return "{}";
  const auto& m = g_app->model;
  json = "{\"spec_phases\":" + std::to_string(m.spec ? m.spec->phases.size() : 0) +
         ",\"phases_drawn\":" + std::to_string(g_app->view.phases_drawn()) +
         ",\"edges_drawn\":" + std::to_string(g_app->view.renderer().edges_drawn()) +
         ",\"shader_frames\":" + std::to_string(g_app->view.renderer().frames_drawn()) +
         ",\"threads\":" + (g_app->worker_thread_ran.load() ? "true" : "false") +
         ",\"frames\":" + std::to_string(g_app->frames) + "}";
  return json.c_str();
}

}  // extern "C"

int main() {
  g_app = new App;
  // Prove the pthread pool works: a worker thread must run and report back.
  std::thread([] { g_app->worker_thread_ran.store(true); }).detach();

  auto loaded = specwave::LoadWorkflowSpecFile("/assets/workflows/default.yml");
  for (const auto& d : loaded.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (loaded.ok()) {
    auto spec = std::make_shared<specwave::WorkflowSpec>(std::move(*loaded.spec));
    auto plan = std::make_shared<specwave::Plan>(specwave::MakePlan(*spec));
    auto layout = std::make_shared<specwave::DagLayout>(specwave::LayoutDag(*spec, *plan, {}));
    g_app->model.spec = spec;
    g_app->model.plan = plan;
    g_app->model.layout = layout;
  } else {
    g_app->model.load_error = "The default workflow could not be loaded:\n" + specwave::JoinDiagnostics(loaded.errors);
  }
  g_app->model.project_name = "Tidewater (sample brief)";
  g_app->model.provider_label = "Offline generator — rules and templates, not a language model";

  specwave::web::HostCallbacks cb;
  cb.on_scale = [](float dpr) { specwave::ui::ApplyTheme(dpr); };
  cb.on_frame = [](float) { g_app->view.Draw(g_app->model); };
  cb.after_render = [] { ++g_app->frames; };
  if (!specwave::web::RunHost(cb)) return 1;
  return 0;
}
