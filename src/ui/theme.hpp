// The UI's look, from Specwave's own design tokens (assets/theme/ui-tokens.md,
// which must pass Specwave's own anti_ai_slop and contrast validators): an
// OKLCH palette in 60/30/10 (background / surfaces / accent), spacing on the
// 8-pt grid, exactly four type sizes, Karla for text and JetBrains Mono for
// code — both from Debian font packages, copied into the site by the build.
#pragma once

#include <string>

#include <imgui.h>

namespace specwave::ui {

enum class TypeSize { kSmall, kBody, kTitle, kDisplay };  // the four sizes

struct Theme {
  // 60 / 30 / 10
  ImU32 background, surface, surface_raised, accent;
  ImU32 border, text, text_muted, on_accent;
  // Phase states
  ImU32 state_waiting, state_running, state_done, state_failed, state_skipped, state_approval, state_stale;
  // Canvas (shader uniforms, as floats)
  ImVec4 canvas_base, canvas_dot, canvas_major;
  float dpr = 1;
  float Px(float points) const { return points * dpr; }  // 8-pt grid: use Px(8), Px(16)...
};

const Theme& CurrentTheme();

// Rebuilds fonts and style for a device pixel ratio; called by the host.
// `ui_tokens_markdown`: assets/theme/ui-tokens.md as served (colours read
// from it; built-in values stand in for any it lacks).
void ApplyTheme(float dpr, const std::string& ui_tokens_markdown);

ImFont* Font(TypeSize size, bool mono = false);

}  // namespace specwave::ui
