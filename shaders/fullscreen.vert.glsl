#version 300 es
// One triangle that covers the viewport; the scissor set from the ImGui clip
// rectangle limits it to the DAG canvas.
precision highp float;
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
