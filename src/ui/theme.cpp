#include "ui/theme.hpp"

#include <cmath>
#include <cstdio>

#include "design/design_tokens.hpp"

namespace specwave::ui {
namespace {

Theme g_theme;
ImFont* g_fonts[4] = {};
ImFont* g_mono[4] = {};

// Type scale in CSS px (tokens: type.small, type.body, type.title, type.display).
constexpr float kTypePx[4] = {12, 14, 18, 24};

ImU32 Oklch(float l, float c, float h_deg, float a = 1.0f);

}  // namespace

const Theme& CurrentTheme() { return g_theme; }

ImFont* Font(TypeSize size, bool mono) { return (mono ? g_mono : g_fonts)[static_cast<int>(size)]; }

void ApplyTheme(float dpr, const std::string& ui_tokens_markdown) {
  Theme& t = g_theme;
  t.dpr = dpr;
  // Colours come from assets/theme/ui-tokens.md, the same file the validators
  // check (tests/engine/validator_registry_test.cpp); the values below are only
  // the fallback for a token the file lacks, and match it.
  const DesignTokens tokens = ParseDesignTokens(ui_tokens_markdown);
  auto tok = [&](const char* name, ImU32 fallback) {
    const ColorToken* c = tokens.FindColor(name);
    if (!c || !c->color) return fallback;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(static_cast<float>(c->color->r), static_cast<float>(c->color->g),
                                                 static_cast<float>(c->color->b), static_cast<float>(c->color->a)));
  };
  t.background = tok("color.background", Oklch(0.18f, 0.012f, 230));
  t.surface = tok("color.surface", Oklch(0.23f, 0.014f, 230));
  t.surface_raised = tok("color.surface-raised", Oklch(0.28f, 0.016f, 230));
  t.border = tok("color.border", Oklch(0.54f, 0.016f, 230));
  t.text = tok("color.text", Oklch(0.93f, 0.010f, 230));
  t.text_muted = tok("color.text-muted", Oklch(0.74f, 0.016f, 230));
  t.accent = tok("color.accent", Oklch(0.74f, 0.11f, 185));
  t.on_accent = tok("color.on-accent", Oklch(0.20f, 0.02f, 185));
  t.state_waiting = tok("color.status-waiting", Oklch(0.74f, 0.03f, 240));
  t.state_running = tok("color.status-running", Oklch(0.76f, 0.11f, 235));
  t.state_done = tok("color.status-done", Oklch(0.78f, 0.14f, 150));
  t.state_failed = tok("color.status-failed", Oklch(0.72f, 0.15f, 25));
  t.state_skipped = tok("color.status-skipped", Oklch(0.66f, 0.01f, 230));
  t.state_approval = tok("color.status-awaiting", Oklch(0.82f, 0.14f, 80));
  t.state_stale = Oklch(0.80f, 0.12f, 60);
  t.canvas_base = ImGui::ColorConvertU32ToFloat4(Oklch(0.17f, 0.012f, 240));
  t.canvas_dot = ImGui::ColorConvertU32ToFloat4(Oklch(0.34f, 0.016f, 240));
  t.canvas_major = ImGui::ColorConvertU32ToFloat4(Oklch(0.22f, 0.014f, 240, 0.6f));

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  // Latin-1, dashes and quotes, bullets, arrows, maths minus, check marks.
  // Karla lacks some of them: JetBrains Mono is merged in to fill the gaps
  // (with MergeMode the first font that has a glyph wins).
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x205E, 0x2190, 0x21FF,
                                    0x2212, 0x2212, 0x2713, 0x2717, 0};
  ImFontConfig merge = cfg;
  merge.MergeMode = true;
  for (int i = 0; i < 4; ++i) {
    g_fonts[i] = io.Fonts->AddFontFromFileTTF("/fonts/Karla-Regular.otf", kTypePx[i] * dpr, &cfg, kRanges);
    if (g_fonts[i]) io.Fonts->AddFontFromFileTTF("/fonts/JetBrainsMono-Regular.ttf", kTypePx[i] * dpr, &merge, kRanges);
    g_mono[i] = io.Fonts->AddFontFromFileTTF("/fonts/JetBrainsMono-Regular.ttf", kTypePx[i] * dpr, &cfg, kRanges);
    if (!g_fonts[i]) g_fonts[i] = io.Fonts->AddFontDefault();
    if (!g_mono[i]) g_mono[i] = g_fonts[i];
  }
  io.FontDefault = g_fonts[1];

  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  // 8-pt grid: every padding and spacing is 4 or a multiple of 8 points.
  style.WindowPadding = ImVec2(16, 16);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 8);
  style.ItemInnerSpacing = ImVec2(8, 4);
  style.CellPadding = ImVec2(8, 4);
  style.ScrollbarSize = 16;
  style.GrabMinSize = 8;
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.TabRounding = 4;
  style.WindowBorderSize = 0;
  style.FrameBorderSize = 0;
  auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
  ImVec4* col = style.Colors;
  col[ImGuiCol_Text] = c(t.text);
  col[ImGuiCol_TextDisabled] = c(t.text_muted);
  col[ImGuiCol_WindowBg] = c(t.background);
  col[ImGuiCol_ChildBg] = c(t.surface);
  col[ImGuiCol_PopupBg] = c(t.surface_raised);
  col[ImGuiCol_Border] = c(t.border);
  col[ImGuiCol_FrameBg] = c(t.surface_raised);
  col[ImGuiCol_FrameBgHovered] = c(t.border);
  col[ImGuiCol_FrameBgActive] = c(t.border);
  col[ImGuiCol_TitleBg] = c(t.surface);
  col[ImGuiCol_TitleBgActive] = c(t.surface);
  col[ImGuiCol_MenuBarBg] = c(t.surface);
  col[ImGuiCol_Button] = c(t.surface_raised);
  col[ImGuiCol_ButtonHovered] = c(t.border);
  col[ImGuiCol_ButtonActive] = c(t.accent);
  col[ImGuiCol_Header] = c(t.surface_raised);
  col[ImGuiCol_HeaderHovered] = c(t.border);
  col[ImGuiCol_HeaderActive] = c(t.border);
  col[ImGuiCol_Tab] = c(t.surface);
  col[ImGuiCol_TabHovered] = c(t.border);
  col[ImGuiCol_TabActive] = c(t.surface_raised);
  col[ImGuiCol_CheckMark] = c(t.accent);
  col[ImGuiCol_SliderGrab] = c(t.accent);
  col[ImGuiCol_SliderGrabActive] = c(t.accent);
  col[ImGuiCol_Separator] = c(t.border);
  col[ImGuiCol_ScrollbarBg] = c(t.surface);
  col[ImGuiCol_ScrollbarGrab] = c(t.border);
  col[ImGuiCol_TextSelectedBg] = ImVec4(c(t.accent).x, c(t.accent).y, c(t.accent).z, 0.35f);
  col[ImGuiCol_NavHighlight] = c(t.accent);
  style.ScaleAllSizes(dpr);
  ImGui::GetStyle() = style;
}

namespace {

// OKLCH -> sRGB (Björn Ottosson's OKLab), clamped to gamut.
ImU32 Oklch(float l, float c, float h_deg, float a) {
  float h = h_deg * 3.14159265f / 180.0f;
  float A = c * std::cos(h), B = c * std::sin(h);
  float l_ = l + 0.3963377774f * A + 0.2158037573f * B;
  float m_ = l - 0.1055613458f * A - 0.0638541728f * B;
  float s_ = l - 0.0894841775f * A - 1.2914855480f * B;
  float L = l_ * l_ * l_, M = m_ * m_ * m_, S = s_ * s_ * s_;
  float r = 4.0767416621f * L - 3.3077115913f * M + 0.2309699292f * S;
  float g = -1.2684380046f * L + 2.6097574011f * M - 0.3413193965f * S;
  float b = -0.0041960863f * L - 0.7034186147f * M + 1.7076147010f * S;
  auto enc = [](float x) {
    x = x < 0 ? 0 : (x > 1 ? 1 : x);
    return x <= 0.0031308f ? 12.92f * x : 1.055f * std::pow(x, 1 / 2.4f) - 0.055f;
  };
  return ImGui::ColorConvertFloat4ToU32(ImVec4(enc(r), enc(g), enc(b), a));
}

}  // namespace
}  // namespace specwave::ui
