#include "ui/canvas_renderer.hpp"

#include <GLES3/gl3.h>

#include <cstddef>

#include "ui/embedded_shaders.hpp"
#include "ui/theme.hpp"

namespace specwave::ui {
namespace {

constexpr int kSegments = 40;  // must match kSegments in shaders/dag_edge.vert.glsl

unsigned Compile(unsigned kind, const char* name, std::string* error) {
  const char* src = EmbeddedShader(name);
  if (!src) {
    *error = std::string("missing shader ") + name;
    return 0;
  }
  unsigned s = glCreateShader(kind);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  int ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    *error = std::string(name) + ": " + log;
    glDeleteShader(s);
    return 0;
  }
  return s;
}

unsigned Link(const char* vs_name, const char* fs_name, std::string* error) {
  unsigned vs = Compile(GL_VERTEX_SHADER, vs_name, error);
  unsigned fs = vs ? Compile(GL_FRAGMENT_SHADER, fs_name, error) : 0;
  if (!vs || !fs) return 0;
  unsigned p = glCreateProgram();
  glAttachShader(p, vs);
  glAttachShader(p, fs);
  glLinkProgram(p);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(p, sizeof log, nullptr, log);
    *error = std::string("link ") + vs_name + "+" + fs_name + ": " + log;
    glDeleteProgram(p);
    return 0;
  }
  return p;
}

CanvasRenderer* g_active = nullptr;

}  // namespace

bool CanvasRenderer::Init() {
  bg_program_ = Link("fullscreen.vert.glsl", "dag_background.frag.glsl", &error_);
  edge_program_ = bg_program_ ? Link("dag_edge.vert.glsl", "dag_edge.frag.glsl", &error_) : 0;
  if (!bg_program_ || !edge_program_) {
    bg_program_ = 0;
    return false;
  }
  glGenVertexArrays(1, &empty_vao_);
  glGenVertexArrays(1, &edge_vao_);
  glGenBuffers(1, &edge_vbo_);
  glBindVertexArray(edge_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, edge_vbo_);
  const auto stride = static_cast<GLsizei>(sizeof(EdgeInstance));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EdgeInstance, from)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EdgeInstance, to)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EdgeInstance, color)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EdgeInstance, params)));
  for (unsigned a = 0; a < 4; ++a) glVertexAttribDivisor(a, 1);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  g_active = this;
  return true;
}

void CanvasRenderer::Queue(ImDrawList* dl, ImVec2 clip_min, ImVec2 clip_max, ImVec2 origin, float step,
                           std::vector<EdgeInstance> edges) {
  pending_.origin = origin;
  pending_.step = step;
  pending_.edges = std::move(edges);
  if (!ready()) return;
  dl->PushClipRect(clip_min, clip_max, true);
  dl->AddCallback(&CanvasRenderer::DrawCallback, this);
  // Hand the GL state back to ImGui's backend for the nodes drawn after us.
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  dl->PopClipRect();
}

void CanvasRenderer::DrawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  static_cast<CanvasRenderer*>(cmd->UserCallbackData)->Draw(cmd);
}

void CanvasRenderer::Draw(const ImDrawCmd* cmd) {
  const ImDrawData* dd = ImGui::GetDrawData();
  const float fb_w = dd->DisplaySize.x * dd->FramebufferScale.x;
  const float fb_h = dd->DisplaySize.y * dd->FramebufferScale.y;
  const ImVec2 scale = dd->FramebufferScale;
  const ImVec4 clip((cmd->ClipRect.x - dd->DisplayPos.x) * scale.x, (cmd->ClipRect.y - dd->DisplayPos.y) * scale.y,
                    (cmd->ClipRect.z - dd->DisplayPos.x) * scale.x, (cmd->ClipRect.w - dd->DisplayPos.y) * scale.y);
  if (clip.z <= clip.x || clip.w <= clip.y) return;
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<int>(clip.x), static_cast<int>(fb_h - clip.w), static_cast<int>(clip.z - clip.x),
            static_cast<int>(clip.w - clip.y));
  glViewport(0, 0, static_cast<int>(fb_w), static_cast<int>(fb_h));
  const Theme& t = CurrentTheme();
  time_ = static_cast<float>(ImGui::GetTime());

  // Background.
  glDisable(GL_BLEND);
  glUseProgram(bg_program_);
  glUniform2f(glGetUniformLocation(bg_program_, "u_origin"), (pending_.origin.x - dd->DisplayPos.x) * scale.x,
              (pending_.origin.y - dd->DisplayPos.y) * scale.y);
  glUniform1f(glGetUniformLocation(bg_program_, "u_step"), pending_.step * scale.x);
  glUniform1f(glGetUniformLocation(bg_program_, "u_fb_height"), fb_h);
  glUniform1f(glGetUniformLocation(bg_program_, "u_dpr"), t.dpr);
  glUniform4f(glGetUniformLocation(bg_program_, "u_base"), t.canvas_base.x, t.canvas_base.y, t.canvas_base.z, 1);
  glUniform4f(glGetUniformLocation(bg_program_, "u_dot"), t.canvas_dot.x, t.canvas_dot.y, t.canvas_dot.z, 1);
  glUniform4f(glGetUniformLocation(bg_program_, "u_major"), t.canvas_major.x, t.canvas_major.y, t.canvas_major.z,
              t.canvas_major.w);
  glBindVertexArray(empty_vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);

  // Edges.
  const auto n = static_cast<GLsizei>(pending_.edges.size());
  if (n > 0) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(edge_program_);
    glUniform2f(glGetUniformLocation(edge_program_, "u_viewport"), fb_w, fb_h);
    glUniform1f(glGetUniformLocation(edge_program_, "u_time"), time_);
    glUniform1f(glGetUniformLocation(edge_program_, "u_dpr"), t.dpr);
    glBindVertexArray(edge_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, edge_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(n * sizeof(EdgeInstance)), pending_.edges.data(),
                 GL_STREAM_DRAW);
    glUniform1f(glGetUniformLocation(edge_program_, "u_mode"), 0);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, (kSegments + 1) * 2, n);
    glUniform1f(glGetUniformLocation(edge_program_, "u_mode"), 1);
    glDrawArraysInstanced(GL_TRIANGLES, 0, 3, n);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
  }
  glBindVertexArray(0);
  ++frames_drawn_;
  edges_drawn_ = static_cast<int>(n);
}

}  // namespace specwave::ui
