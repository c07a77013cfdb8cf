// Composition root of the browser app: picks the store (OPFS when this tab
// owns the database; in memory for the embed viewer and a second tab), builds
// the Session with the providers, validators and export functions, reads the
// startup files web/app.js put into the in-memory file system, and hands the
// frame loop to the web host. Wiring only.
#include <algorithm>
#include <emscripten.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "app/web/app_state.hpp"
#include "app/web/web_wiring.hpp"
#include "core/files.hpp"
#include "platform/web/browser_host.hpp"
#include "platform/web/browser_store.hpp"
#include "platform/web/main_thread.hpp"
#include "platform/web/web_host.hpp"
#include "ui/app_view.hpp"
#include "ui/theme.hpp"

namespace specwave::app {
App* g_app = nullptr;
}  // namespace specwave::app

using specwave::app::g_app;
using specwave::app::App;

namespace {

EM_JS(int, JsBootFlag, (const char* name), {
  const b = Module['specwaveBoot'] || {};
  return b[UTF8ToString(name)] ? 1 : 0;
});

EM_JS(double, JsNow, (), { return performance.now(); });

EM_JS(void, JsDeliverExport, (int id, const char* name, const char* content, const char* error), {
  if (Module['specwaveOnExport'])
    Module['specwaveOnExport'](id, UTF8ToString(name), UTF8ToString(content), UTF8ToString(error));
});

struct ExportDone {
  int id;
  std::string name, content, error;
};

void DeliverExportOnMain(void* arg) {
  auto* d = static_cast<ExportDone*>(arg);
  JsDeliverExport(d->id, d->name.c_str(), d->content.c_str(), d->error.c_str());
  delete d;
}

EM_JS(void, JsAppReady, (), {
  if (Module['specwaveOnReady']) Module['specwaveOnReady']();
});


std::string ReadOr(const std::string& path) {
  auto text = specwave::ReadFile(path, nullptr);
  return text ? *text : "";
}

void LoadResources(specwave::ui::UiResources* r) {
  r->default_workflow_yaml = ReadOr("/assets/workflows/default.yml");
  r->pricing_yaml = ReadOr("/assets/pricing.yml");
  r->ui_tokens_md = ReadOr("/assets/theme/ui-tokens.md");
  if (DIR* dir = opendir("/assets/briefs")) {
    while (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name.size() > 3 && name.substr(name.size() - 3) == ".md" && name != "README.md")
        r->sample_briefs.push_back({name, ReadOr("/assets/briefs/" + name)});
    }
    closedir(dir);
  }
  std::sort(r->sample_briefs.begin(), r->sample_briefs.end());
  // The bundled example workflows a new project can start from (issue #19).
  if (DIR* dir = opendir("/assets/workflows")) {
    while (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".yml" && name != "default.yml")
        r->workflows.push_back({name, ReadOr("/assets/workflows/" + name)});
    }
    closedir(dir);
  }
  std::sort(r->workflows.begin(), r->workflows.end());
}

}  // namespace

extern "C" {

// Commands for tests and automation (tests/browser, the embed's postMessage
// API); the state they read is test_hook.cpp.
EMSCRIPTEN_KEEPALIVE void specwave_cmd_run(int mode) {
  static const specwave::ScheduleMode kModes[] = {specwave::ScheduleMode::kReady, specwave::ScheduleMode::kWaves,
                                                  specwave::ScheduleMode::kSequential};
  if (g_app && g_app->session) g_app->session->StartRun(kModes[mode < 0 || mode > 2 ? 0 : mode]);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_resume() { if (g_app && g_app->session) g_app->session->ResumeRun(); }
EMSCRIPTEN_KEEPALIVE void specwave_cmd_cancel() { if (g_app && g_app->session) g_app->session->CancelRun(); }
EMSCRIPTEN_KEEPALIVE void specwave_cmd_approve(const char* phase, const char* gate) {
  if (g_app && g_app->session) g_app->session->Approve(phase, gate);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_open_artifact(const char* name) {
  if (!g_app || !g_app->session) return;
  g_app->session->OpenArtifact(name);
  g_app->view.state().artifact = name;
  g_app->view.state().ShowTab(specwave::ui::SideTab::kArtifact);
}
// Exports the open project as a single file; the result reaches JS through
// Module.specwaveOnExport(id, name, content, error) on the main thread.
EMSCRIPTEN_KEEPALIVE void specwave_export_for(int id) {
  if (!g_app || !g_app->session) return;
  g_app->session->ExportProject([id](const std::string& name, const std::string& content) {
    specwave::web::PostToMainThread(DeliverExportOnMain, new ExportDone{id, name, content, ""});
  });
}

EMSCRIPTEN_KEEPALIVE const char* specwave_open_content() {
  static std::string text;
  auto s = g_app && g_app->session ? g_app->session->Snapshot() : nullptr;
  text = s && !s->viewer->versions->empty() ? s->viewer->versions->back().content : "";
  return text.c_str();
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_save(const char* artifact, const char* content) {
  if (g_app && g_app->session) g_app->session->SaveArtifact(artifact, content);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_regenerate(const char* strategy) {
  specwave::Strategy st;
  if (g_app && g_app->session && specwave::ParseStrategy(strategy, &st)) g_app->session->Regenerate(st, {}, false);
}

// Shows a side panel tab by name (phase, artifact, impact, run, settings,
// projects), as a click on it would.
EMSCRIPTEN_KEEPALIVE void specwave_cmd_show_tab(const char* name) {
  using specwave::ui::SideTab;
  static const std::pair<const char*, SideTab> kTabs[] = {
      {"phase", SideTab::kPhase},       {"artifact", SideTab::kArtifact}, {"impact", SideTab::kImpact},
      {"run", SideTab::kRun},           {"settings", SideTab::kSettings}, {"projects", SideTab::kProjects},
      {"workflow", SideTab::kWorkflow}};
  if (!g_app) return;
  for (const auto& [n, tab] : kTabs)
    if (std::strcmp(n, name) == 0) g_app->view.state().ShowTab(tab);
}

// The workflow editor (issue #19), as a person would use it: a new project
// from a YAML text, typing into the editor (the whole text), applying it,
// and a phase's prompt set in the phase panel.
EMSCRIPTEN_KEEPALIVE void specwave_cmd_create_project(const char* name, const char* brief, const char* yaml,
                                                      const char* workflow_name) {
  if (g_app && g_app->session) g_app->session->CreateProject(name, brief, yaml, workflow_name);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_workflow_type(const char* text) {
  if (!g_app || !g_app->session) return;
  auto& w = g_app->view.state().workflow;
  w.buffer = text;
  g_app->view.state().ShowTab(specwave::ui::SideTab::kWorkflow);
  g_app->session->OfferWorkflow(w.buffer);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_workflow_apply() {
  if (g_app && g_app->session) g_app->session->ApplyWorkflow();
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_phase_prompt(const char* phase, const char* prompt) {
  if (!g_app || !g_app->session) return;
  specwave::PhaseSetting s{phase, specwave::PhaseSetting::Field::kPrompt};
  s.text = prompt;
  g_app->session->SetPhaseSetting(s);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_select_phase(const char* phase) {
  if (!g_app || !g_app->session) return;
  auto s = g_app->session->Snapshot();
  g_app->view.state().selected_phase = s->project->spec ? s->project->spec->IndexOf(phase) : -1;
  g_app->view.state().ShowTab(specwave::ui::SideTab::kPhase);
}

// Runs a command of the app's command palette by name ("fit", "palette",
// "close", "run", "artifact:prd.md", ...) at the start of the next frame.
EMSCRIPTEN_KEEPALIVE void specwave_cmd_ui(const char* name) {
  if (g_app) g_app->view.QueueCommand(name);
}

EMSCRIPTEN_KEEPALIVE void specwave_cmd_import(const char* content) {
  if (g_app && g_app->session) g_app->session->ImportProject(content);
}
EMSCRIPTEN_KEEPALIVE void specwave_cmd_settings(const char* provider, const char* model, const char* base_url,
                                                const char* key, int max_in_flight, int offline_latency_ms) {
  if (!g_app || !g_app->session) return;
  specwave::SessionSettings s;
  s.provider = specwave::ParseProviderKind(provider).value_or(specwave::ProviderKind::kOffline);
  s.model = model;
  s.base_url = base_url;
  s.max_in_flight = std::clamp(max_in_flight > 0 ? max_in_flight : specwave::kDefaultCallsInFlight, 1,
                               specwave::kMaxCallsInFlight);
  s.offline_latency_ms = offline_latency_ms;
  g_app->session->UpdateSettings(s, std::string(key));
}

}  // extern "C"

int main() {
  g_app = new App;
  g_app->boot.embed = JsBootFlag("embed");
  g_app->boot.owner = JsBootFlag("owner");
  g_app->boot.threads = JsBootFlag("threads");
  if (g_app->boot.threads) {
    // Prove the pthread pool works: a worker thread must run and report back.
    std::thread([] { g_app->worker_thread_ran.store(true); }).detach();
  }
  LoadResources(&g_app->resources);

  const bool persistent = g_app->boot.owner && !g_app->boot.embed && g_app->boot.threads;
  g_app->store = persistent ? specwave::web::OpenOpfsStore() : specwave::web::OpenMemoryStore(g_app->boot.threads);
  g_app->browser = std::make_unique<specwave::web::BrowserHost>(
      [](const std::string& content) { g_app->session->ImportProject(content); });
  g_app->browser->OnWorkflowUpload([](const std::string& yaml) { g_app->view.state().workflow.pasted = yaml; });
  g_app->host = std::make_unique<specwave::app::WebHostServices>(*g_app->browser);
  if (persistent) specwave::web::BrowserHost::RequestPersistentStorage();

  specwave::Session::Ports ports = specwave::app::MakeWebSessionPorts(g_app->store.get(), g_app->boot.threads,
                                                                                   g_app->resources.pricing_yaml);
  g_app->session = std::make_unique<specwave::Session>(std::move(ports));
  g_app->session->SetReadOnly(!g_app->boot.owner || g_app->boot.embed,
                              g_app->boot.embed ? "" : (g_app->boot.owner ? "" : "Specwave is open in another tab: this "
                                                                                  "tab shows a read-only snapshot."));
  if (persistent) {
    // First visit: a project from the sample brief; later: the last project.
    std::string brief = g_app->resources.sample_briefs.empty() ? "# My project\n"
                                                               : g_app->resources.sample_briefs.back().second;
    std::string yaml = g_app->resources.default_workflow_yaml;
    g_app->session->OpenLatestOrCreate("Tidewater (sample brief)", brief, yaml, "default.yml");
  }

  specwave::web::HostCallbacks cb;
  cb.on_scale = [](float dpr) { specwave::ui::ApplyTheme(dpr, g_app->resources.ui_tokens_md); };
  cb.on_frame = [](float) {
    g_app->last = g_app->session->Snapshot();
    g_app->view.Draw(*g_app->last, *g_app->session, g_app->host.get(), g_app->resources);
  };
  cb.frame_cpu = [](double ms) {
    if (g_app->frames == 0) g_app->first_frame_cpu_ms = ms;
    if (g_app->frame_cpu_ms.size() < 100000) g_app->frame_cpu_ms.push_back(static_cast<float>(ms));
  };
  cb.after_render = [] {
    if (g_app->frames++ == 0) {
      g_app->first_frame_ms = JsNow();
      JsAppReady();
    }
  };
  if (!specwave::web::RunHost(cb)) return 1;
  return 0;
}
