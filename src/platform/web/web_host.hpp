// The browser host: a GLFW window on the page's <canvas>, a WebGL2 context,
// Dear ImGui with its GLFW + OpenGL3 backends, and the requestAnimationFrame
// main loop. Runs on the browser's main thread only (emscripten's GLFW needs
// `window`); engine work runs on pthreads and never blocks this loop.
//
// High-DPI: the canvas is sized by CSS (100vw x 100vh); each frame the host
// sets its backing store to CSS size x devicePixelRatio, so ImGui works in
// device pixels and the UI scales itself by `dpr` (fonts, style, spacing).
#pragma once

#include <functional>

namespace specwave::web {

struct HostCallbacks {
  // Called when the device pixel ratio is known or changes: (re)build fonts
  // and style for this scale. Runs before the first frame.
  std::function<void(float dpr)> on_scale;
  // Called once per animation frame between ImGui::NewFrame and Render.
  std::function<void(float dpr)> on_frame;
  // Called after ImGui's draw data is rendered (for frame counters).
  std::function<void()> after_render;
  // The CPU time of our frame, from ImGui::NewFrame to ImGui::Render (the
  // draw data ready), in ms — the frame budget of issue #18.6.
  std::function<void(double cpu_ms)> frame_cpu;
};

// Creates the window and GL context and starts the main loop. Returns false
// (with a message in the console) if WebGL2 is unavailable. Does not return
// to the caller's stack on success in practice: emscripten unwinds main().
bool RunHost(const HostCallbacks& callbacks);

}  // namespace specwave::web
