#version 300 es
// Anti-aliased edge ribbon; edges into a running phase are dashed and the
// dashes flow toward the dependent, so work in flight is visible at a glance.
precision highp float;

in vec4 v_color;
in float v_across;
in float v_along;
flat in float v_dashed;
flat in float v_halfwidth;

uniform float u_time;
uniform float u_dpr;

out vec4 frag;

void main() {
  float d = abs(v_across) * v_halfwidth;             // px from the centre line
  float alpha = 1.0 - smoothstep(v_halfwidth - 1.0, v_halfwidth, d);
  if (v_dashed > 0.5) {
    float period = 16.0 * u_dpr;
    float phase = fract((v_along - u_time * 48.0 * u_dpr) / period);
    alpha *= step(phase, 0.55);
  }
  frag = vec4(v_color.rgb, v_color.a * alpha);
}
