// CanvasRenderer: draws the DAG canvas background and its edges with
// Specwave's own GLSL (shaders/*.glsl) inside ImGui's draw stream, through
// ImDrawList callbacks — so they are clipped and ordered like any ImGui
// drawing: background, then edges, then the nodes ImGui draws on top.
//
//   renderer.Init();                        // once, after the GL context exists
//   renderer.Queue(draw_list, clip_min, clip_max, canvas_origin, grid_step, edges);
//   ... then ImGui draws nodes on the same draw list.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace specwave::ui {

struct EdgeInstance {
  float from[2];    // framebuffer px, top-left origin
  float to[2];
  float color[4];   // linear 0..1 RGBA
  float params[4];  // width px, dashed (1 = running), emphasis, 1 = top-down (bends vertically)
};

class CanvasRenderer {
 public:
  bool Init();                       // compiles and links; false if a shader failed
  const std::string& error() const { return error_; }
  bool ready() const { return bg_program_ != 0; }

  void Queue(ImDrawList* draw_list, ImVec2 clip_min, ImVec2 clip_max, ImVec2 canvas_origin, float grid_step,
             std::vector<EdgeInstance> edges);

  int frames_drawn() const { return frames_drawn_; }
  int edges_drawn() const { return edges_drawn_; }

 private:
  static void DrawCallback(const ImDrawList* list, const ImDrawCmd* cmd);
  void Draw(const ImDrawCmd* cmd);

  struct Pending {
    ImVec2 origin;
    float step = 8;
    std::vector<EdgeInstance> edges;
  };
  Pending pending_;
  unsigned bg_program_ = 0, edge_program_ = 0;
  unsigned empty_vao_ = 0, edge_vao_ = 0, edge_vbo_ = 0;
  float time_ = 0;
  int frames_drawn_ = 0;
  int edges_drawn_ = 0;
  std::string error_;
};

}  // namespace specwave::ui
