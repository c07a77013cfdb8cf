#include "platform/web/web_host.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

// The canvas backing store and GLFW's idea of the window size, set together.
// Not glfwSetWindowSize: emscripten's GLFW requests fullscreen, and with it
// pointer lock, when the size equals the screen's — a page filling the screen
// (headless test browsers; a maximised window in fullscreen mode) would lose
// its cursor and log "A user gesture is required to request Pointer Lock".
EM_JS(void, SpecwaveSetCanvasBackingSize, (int w, int h), {
  Browser.setCanvasSize(w, h);
  if (GLFW.active) {
    GLFW.active.width = w;
    GLFW.active.height = h;
  }
});

namespace specwave::web {
namespace {

struct HostState {
  GLFWwindow* window = nullptr;
  HostCallbacks callbacks;
  float dpr = 0;
  int fb_w = 0, fb_h = 0;
};

HostState* g_host = nullptr;

// ImGui 1.86 reads keys as "down at NewFrame", so a key pressed and released
// between two animation frames (a quick tap, and every scripted key press)
// was never seen pressed. A release that comes in the frame its key went
// down is held back and delivered after that frame has been drawn.
struct KeyEvent {
  int key, scancode, mods;
};
GLFWkeyfun g_imgui_key_callback = nullptr;
std::vector<int> g_pressed_this_frame;
std::vector<KeyEvent> g_held_releases;

void KeyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (action == GLFW_RELEASE &&
      std::find(g_pressed_this_frame.begin(), g_pressed_this_frame.end(), key) != g_pressed_this_frame.end()) {
    g_held_releases.push_back({key, scancode, mods});
    return;
  }
  if (action == GLFW_PRESS) g_pressed_this_frame.push_back(key);
  if (g_imgui_key_callback) g_imgui_key_callback(window, key, scancode, action, mods);
}

void DeliverHeldReleases(GLFWwindow* window) {
  g_pressed_this_frame.clear();
  std::vector<KeyEvent> held;
  held.swap(g_held_releases);
  for (const KeyEvent& e : held)
    if (g_imgui_key_callback) g_imgui_key_callback(window, e.key, e.scancode, GLFW_RELEASE, e.mods);
}

void SyncCanvasSize(HostState& h) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (dpr <= 0) dpr = 1;
  int fb_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  int fb_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  if (fb_w != h.fb_w || fb_h != h.fb_h) {
    // emscripten's GLFW maps the window size onto the canvas backing store
    // and reports mouse positions in backing-store pixels, which is what we
    // want: ImGui then works in device pixels.
    SpecwaveSetCanvasBackingSize(fb_w, fb_h);
    h.fb_w = fb_w;
    h.fb_h = fb_h;
  }
  if (dpr != h.dpr) {
    h.dpr = dpr;
    if (h.callbacks.on_scale) h.callbacks.on_scale(dpr);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void Frame(void* arg) {
  auto& h = *static_cast<HostState*>(arg);
  SyncCanvasSize(h);
  glfwPollEvents();
  // Emscripten 3.1.6's GLFW 3 passes the DOM wheel event's deltaX/deltaY to
  // the scroll callback as they are: pixels, positive downwards. GLFW (and
  // ImGui) mean steps, positive upwards: -100 px was zooming the graph to
  // its limit and scrolling panels the wrong way. 100 px is one step, as
  // emscripten's own GLFW 2 path counts it; a trackpad's small deltas (and a
  // pinch, ctrl+wheel) become fractions of a step.
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel = -io.MouseWheel / 100.0f;
  io.MouseWheelH = -io.MouseWheelH / 100.0f;
  const double t0 = emscripten_get_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  if (h.callbacks.on_frame) h.callbacks.on_frame(h.dpr);
  ImGui::Render();
  if (h.callbacks.frame_cpu) h.callbacks.frame_cpu(emscripten_get_now() - t0);
  int w = 0, hh = 0;
  glfwGetFramebufferSize(h.window, &w, &hh);
  glViewport(0, 0, w, hh);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (h.callbacks.after_render) h.callbacks.after_render();
  DeliverHeldReleases(h.window);
}

}  // namespace

bool RunHost(const HostCallbacks& callbacks) {
  if (!glfwInit()) {
    std::fprintf(stderr, "specwave: glfwInit failed\n");
    return false;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "Specwave", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "specwave: WebGL2 is not available in this browser\n");
    return false;
  }
  glfwMakeContextCurrent(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is the app's, not a file in MEMFS
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  g_imgui_key_callback = glfwSetKeyCallback(window, KeyCallback);  // chained in front of ImGui's
  ImGui_ImplOpenGL3_Init("#version 300 es");

  g_host = new HostState;
  g_host->window = window;
  g_host->callbacks = callbacks;
  SyncCanvasSize(*g_host);
  // simulate_infinite_loop = 1: main() unwinds here and the loop owns the thread.
  emscripten_set_main_loop_arg(Frame, g_host, 0, 1);
  return true;
}

}  // namespace specwave::web
