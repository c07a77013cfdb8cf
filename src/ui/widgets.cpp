#include "ui/widgets.hpp"

#include <cstdarg>
#include <cstdio>

namespace specwave::ui {

void Title(const char* text) {
  ImGui::PushFont(Font(TypeSize::kTitle));
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void Muted(const char* fmt, ...) {
  char buf[1024];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  ImGui::PushFont(Font(TypeSize::kSmall));
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentTheme().text_muted);
  ImGui::TextWrapped("%s", buf);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Gap(float points) { ImGui::Dummy(ImVec2(1, CurrentTheme().Px(points))); }

bool AccentButton(const char* label, ImVec2 size) {
  const Theme& t = CurrentTheme();
  ImGui::PushStyleColor(ImGuiCol_Button, t.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, t.accent);
  ImGui::PushStyleColor(ImGuiCol_Text, t.on_accent);
  bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

ImU32 StatusColor(PhaseStatus s) {
  const Theme& t = CurrentTheme();
  switch (s) {
    case PhaseStatus::kPending: return t.state_waiting;
    case PhaseStatus::kRunning: return t.state_running;
    case PhaseStatus::kSucceeded: return t.state_done;
    case PhaseStatus::kFailed: return t.state_failed;
    case PhaseStatus::kSkipped: return t.state_skipped;
    case PhaseStatus::kAwaitingApproval: return t.state_approval;
    case PhaseStatus::kCancelled: return t.state_skipped;
  }
  return t.state_waiting;
}

const char* StatusLabel(PhaseStatus s) {
  switch (s) {
    case PhaseStatus::kPending: return "waiting";
    case PhaseStatus::kRunning: return "running";
    case PhaseStatus::kSucceeded: return "done";
    case PhaseStatus::kFailed: return "failed";
    case PhaseStatus::kSkipped: return "skipped";
    case PhaseStatus::kAwaitingApproval: return "awaiting approval";
    case PhaseStatus::kCancelled: return "cancelled";
  }
  return "";
}

void StatusChip(PhaseStatus s) {
  const Theme& t = CurrentTheme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  float r = t.Px(4);
  dl->AddCircleFilled(ImVec2(p.x + r, p.y + h / 2), r, StatusColor(s));
  ImGui::Dummy(ImVec2(2 * r + t.Px(4), h));
  ImGui::SameLine(0, 0);
  ImGui::TextUnformatted(StatusLabel(s));
}

std::string FormatMs(double ms) {
  char buf[64];
  if (ms < 1000) std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  else if (ms < 60000) std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000);
  else std::snprintf(buf, sizeof buf, "%d min %d s", static_cast<int>(ms / 60000), static_cast<int>(ms / 1000) % 60);
  return buf;
}

std::string FormatTokens(int64_t n) {
  char buf[32];
  if (n < 1000) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
  else std::snprintf(buf, sizeof buf, "%.1fk", n / 1000.0);
  return buf;
}

void FindingList(const std::vector<ArtifactFinding>& findings) {
  const Theme& t = CurrentTheme();
  for (const auto& f : findings) {
    const bool error = f.severity == Severity::kError;
    ImGui::PushStyleColor(ImGuiCol_Text, error ? t.state_failed : t.state_stale);
    ImGui::TextWrapped("%s %s:%d [%s] %s", error ? "error" : SeverityName(f.severity), f.artifact.c_str(), f.line,
                       f.validator.c_str(), f.message.c_str());
    ImGui::PopStyleColor();
    if (!f.excerpt.empty()) Muted("  %s", f.excerpt.c_str());
  }
}

}  // namespace specwave::ui
