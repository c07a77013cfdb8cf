#include "ui/field_layout.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"

namespace specwave::ui {
namespace {

ClippedLabels g_labels;
std::string g_id;

float VisibleRight() {
  // The window's visible right edge in screen space (scrolling aside).
  return ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
}

}  // namespace

const char* Field(const char* label) {
  const Theme& t = CurrentTheme();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float label_w = ImGui::CalcTextSize(label, nullptr, true).x;
  const float min_field = t.Px(160);
  if (label_w + style.ItemInnerSpacing.x + min_field <= avail) {
    ImGui::SetNextItemWidth(avail - label_w - style.ItemInnerSpacing.x);
    g_id = label;
  } else {
    // Above the field, wrapped if even the whole width is too short.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(avail);
    g_id = std::string("##") + label;
  }
  return g_id.c_str();
}

bool CheckboxWrapped(const char* label, bool* value) {
  ImGui::PushID(label);
  bool changed = ImGui::Checkbox("##box", value);
  ImGui::PopID();
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(label);
  ImGui::PopTextWrapPos();
  CheckClipped(label);
  return changed;
}

void CheckClipped(const char* label) {
  ++g_labels.checked;
  if (ImGui::GetItemRectMax().x > VisibleRight() + 0.5f) g_labels.clipped.push_back(label);
}

void CheckTabClipped(const char* label) {
  ++g_labels.checked;
  const float needed = ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
  if (ImGui::GetItemRectSize().x + 0.5f < needed || ImGui::GetItemRectMax().x > VisibleRight() + 0.5f)
    g_labels.clipped.push_back(std::string("tab ") + label);
}

ClippedLabels TakeClippedLabels() {
  ClippedLabels c = std::move(g_labels);
  g_labels = ClippedLabels{};
  return c;
}

}  // namespace specwave::ui
