#version 300 es
// One DAG edge per instance: a cubic Bézier from the right side of a
// dependency to the left side of its dependent (or bottom to top when the
// graph is drawn top-down, a_params.w = 1), extruded into a ribbon of
// kSegments quads (a triangle strip indexed by gl_VertexID). Positions are in
// framebuffer pixels with a top-left origin.
precision highp float;

layout(location = 0) in vec2 a_from;
layout(location = 1) in vec2 a_to;
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_params;   // x: width px, y: dashed (running), z: emphasis, w: 1 = top-down

uniform vec2 u_viewport;   // framebuffer size
uniform float u_mode;      // 0 = ribbon, 1 = arrow head (3 vertices)

out vec4 v_color;
out float v_across;        // -1..1 across the ribbon
out float v_along;         // distance along the curve, px
flat out float v_dashed;
flat out float v_halfwidth;

const float kSegments = 40.0;

vec2 Bezier(vec2 p0, vec2 p1, vec2 p2, vec2 p3, float t) {
  float u = 1.0 - t;
  return u * u * u * p0 + 3.0 * u * u * t * p1 + 3.0 * u * t * t * p2 + t * t * t * p3;
}

vec2 Tangent(vec2 p0, vec2 p1, vec2 p2, vec2 p3, float t) {
  float u = 1.0 - t;
  return 3.0 * u * u * (p1 - p0) + 6.0 * u * t * (p2 - p1) + 3.0 * t * t * (p3 - p2);
}

vec4 ToClip(vec2 px) { return vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0); }

void main() {
  float width = a_params.x;
  bool down = a_params.w > 0.5;
  float bend = max(abs(down ? a_to.y - a_from.y : a_to.x - a_from.x) * 0.5, 24.0 * width);
  vec2 dir = down ? vec2(0.0, bend) : vec2(bend, 0.0);
  vec2 p0 = a_from;
  vec2 p3 = a_to;
  vec2 p1 = p0 + dir;
  vec2 p2 = p3 - dir;
  v_color = a_color;
  v_dashed = a_params.y;
  float half_w = width * 0.5 + 1.0;   // +1 px for anti-aliasing
  v_halfwidth = half_w;

  if (u_mode < 0.5) {
    float seg = floor(float(gl_VertexID) / 2.0);
    float side = mod(float(gl_VertexID), 2.0) * 2.0 - 1.0;
    // Stop the ribbon where the arrow head starts.
    float t = seg / kSegments * 0.97;
    vec2 pos = Bezier(p0, p1, p2, p3, t);
    vec2 tan = normalize(Tangent(p0, p1, p2, p3, max(t, 0.001)));
    vec2 nrm = vec2(-tan.y, tan.x);
    v_across = side;
    v_along = t * (length(p1 - p0) + length(p2 - p1) + length(p3 - p2));
    gl_Position = ToClip(pos + nrm * side * half_w);
  } else {
    vec2 tan = normalize(Tangent(p0, p1, p2, p3, 0.999));
    vec2 nrm = vec2(-tan.y, tan.x);
    float head = 4.0 * width + 4.0;
    vec2 pos = gl_VertexID == 0 ? p3 : p3 - tan * head + nrm * (gl_VertexID == 1 ? 0.6 : -0.6) * head;
    v_across = 0.0;
    v_along = 0.0;
    v_dashed = 0.0;
    gl_Position = ToClip(pos);
  }
}
