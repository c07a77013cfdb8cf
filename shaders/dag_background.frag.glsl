#version 300 es
// DAG canvas background: a dot on every 8-pt grid step and a faint cross on
// every 8th, in canvas space, so panning and zooming move the grid with the
// graph. Colours come from the UI tokens (assets/theme/ui-tokens.md).
precision highp float;

uniform vec2 u_origin;       // canvas (0,0) in framebuffer pixels, top-left origin
uniform float u_step;        // grid step in framebuffer pixels (8 pt x zoom x DPR)
uniform float u_fb_height;   // framebuffer height, to flip gl_FragCoord
uniform float u_dpr;
uniform vec4 u_base;
uniform vec4 u_dot;
uniform vec4 u_major;

out vec4 frag;

void main() {
  vec2 p = vec2(gl_FragCoord.x, u_fb_height - gl_FragCoord.y) - u_origin;
  vec2 cell = p / u_step;
  vec2 f = abs(fract(cell + 0.5) - 0.5) * u_step;   // distance to nearest grid point, px
  float r = max(0.75 * u_dpr, 0.09 * u_step);
  float dot_a = 1.0 - smoothstep(r - 0.75, r + 0.75, length(f));
  vec2 major = abs(fract(cell / 8.0 + 0.5) - 0.5) * u_step * 8.0;
  float line_a = 1.0 - smoothstep(0.0, 1.0 * u_dpr, min(major.x, major.y));
  vec4 c = mix(u_base, u_major, line_a * u_major.a);
  c = mix(c, u_dot, dot_a * u_dot.a);
  frag = vec4(c.rgb, 1.0);
}
