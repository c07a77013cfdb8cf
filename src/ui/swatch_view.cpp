#include "ui/swatch_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

ImU32 ToImU32(const Rgb& c) {
  auto ch = [](double v) { return static_cast<float>(std::clamp(v, 0.0, 1.0)); };
  return ImGui::ColorConvertFloat4ToU32(ImVec4(ch(c.r), ch(c.g), ch(c.b), ch(c.a)));
}

void Palette(const TokenSwatches& s, const Theme& t) {
  Title("Palette");
  const float chip_w = t.Px(128), chip_h = t.Px(48), gap = t.Px(8);
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>((avail + gap) / (chip_w + gap)));
  int i = 0;
  for (const auto& c : s.palette) {
    if (i % per_row != 0) ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + chip_w, p.y + chip_h), ToImU32(c.rgb), t.Px(4));
    dl->AddRect(p, ImVec2(p.x + chip_w, p.y + chip_h), t.border, t.Px(4));
    ImGui::Dummy(ImVec2(chip_w, chip_h));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + chip_w);
    ImGui::TextUnformatted(c.name.c_str());
    Muted("%s", c.value.c_str());
    if (c.share) Muted("share %.0f%%", *c.share);
    if (!c.in_gamut) {
      ImGui::PushStyleColor(ImGuiCol_Text, t.state_failed);
      ImGui::TextUnformatted("outside sRGB: clipped");
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ++i;
  }
}

void Pairs(const TokenSwatches& s, const Theme& t) {
  Title("Contrast pairs");
  if (s.pairs.empty()) {
    Muted("No text/background pairs are declared.");
    return;
  }
  if (!ImGui::BeginTable("pairs", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("sample", 0, t.Px(160));
  ImGui::TableSetupColumn("pair");
  ImGui::TableSetupColumn("ratio", 0, t.Px(96));
  ImGui::TableSetupColumn("needs", 0, t.Px(128));
  ImGui::TableHeadersRow();
  for (const auto& p : s.pairs) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImVec2 b(a.x + t.Px(152), a.y + t.Px(32));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, ToImU32(p.background_rgb), t.Px(4));
    dl->AddText(ImVec2(a.x + t.Px(8), a.y + t.Px(8)), ToImU32(p.text_rgb), "Aa — the quick fox");
    ImGui::Dummy(ImVec2(t.Px(152), t.Px(32)));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(p.text.c_str());
    Muted("on %s", p.background.c_str());
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, p.ok() ? t.state_done : t.state_failed);
    ImGui::Text("%.2f:1", p.ratio);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::Text("%.1f:1 %s", p.required, p.ok() ? "passes" : "fails");
    Muted("%s", p.use.c_str());
  }
  ImGui::EndTable();
}

void TypeScale(const TokenSwatches& s, const Theme& t) {
  Title("Type scale");
  if (s.type_scale.empty()) {
    Muted("No type sizes are defined.");
    return;
  }
  if (!s.body_font.empty())
    Muted("Drawn in the app's own face at each size; the tokens name %s.", s.body_font.c_str());
  ImFont* font = Font(TypeSize::kDisplay);
  for (const auto& ts : s.type_scale) {
    char label[160];
    std::snprintf(label, sizeof label, "%s · %s", ts.name.c_str(), ts.value.c_str());
    Muted("%s", label);
    const float size = static_cast<float>(ts.px) * t.dpr;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, p, t.text, "The spec pack reads well at this size");
    ImGui::Dummy(ImVec2(0, size * 1.25f));
  }
}

}  // namespace

void DrawTokenSwatches(const TokenSwatches& swatches) {
  const Theme& t = CurrentTheme();
  Palette(swatches, t);
  Gap(16);
  Pairs(swatches, t);
  Gap(16);
  TypeScale(swatches, t);
}

}  // namespace specwave::ui
