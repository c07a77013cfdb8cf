// The browser app's one instance: what main() builds and the exported
// functions (the page's test hook and the embed's postMessage API) read.
// Main thread only.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "app/web/host_services.hpp"
#include "session/session.hpp"
#include "ui/app_view.hpp"

namespace specwave::app {

struct BootConfig {
  bool embed = false;   // ?embed=1: compact read-only viewer
  bool owner = true;    // this tab holds the database lock
  bool threads = true;  // cross-origin isolated, pthreads available
};

struct App {
  BootConfig boot;
  std::unique_ptr<Store> store;
  std::unique_ptr<web::BrowserHost> browser;
  std::unique_ptr<WebHostServices> host;
  std::unique_ptr<Session> session;
  ui::UiResources resources;
  ui::AppView view;
  std::atomic<bool> worker_thread_ran{false};
  int frames = 0;
  double first_frame_ms = 0;
  // Frame CPU times (NewFrame to Render, ms) not yet read by the test hook's
  // specwave_frame_times(); bounded so an unread page does not grow.
  std::vector<float> frame_cpu_ms;
  double first_frame_cpu_ms = 0;
  std::shared_ptr<const SessionSnapshot> last;
};

extern App* g_app;

}  // namespace specwave::app
