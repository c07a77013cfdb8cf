// The keyboard (issue #18.4). Outside text fields and the side panel (which
// keeps ImGui's own keyboard navigation): Tab / Shift+Tab and the arrows move
// through phases, Enter opens the chosen one, R runs the workflow, + − 0
// zoom and fit the graph, Ctrl+K (⌘K) opens the command palette, "?" the
// list of keys, Esc closes whatever is open. Every key is also a command in
// the palette (RunCommand), so each has one implementation.
#include <imgui.h>

#include <algorithm>

#include "ui/app_view.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

struct KeyHelp {
  const char* keys;
  const char* what;
};
constexpr KeyHelp kKeys[] = {
    {"Tab / Shift+Tab", "next / previous phase"},
    {"Arrows", "the nearest phase that way on the graph"},
    {"Enter", "open the chosen phase in the side panel"},
    {"R", "run the workflow"},
    {"+  −  0", "zoom in, zoom out, fit the graph to its canvas"},
    {"Ctrl+K", "command palette: every command and artifact"},
    {"?", "this list"},
    {"Esc", "close the palette, this list or the first screen; then clear the choice"},
    {"Drag / wheel", "pan / zoom the graph (pinch on a trackpad zooms too)"},
};

bool Pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

}  // namespace

void AppView::HandleKeys(ViewContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  ShellState& sh = state_.shell;
  // 'K' is GLFW's key code for K as in ASCII; ImGui 1.86 indexes keys by the backend's codes.
  if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed('K', false)) {
    RunCommand(ctx, sh.palette_open ? "close" : "palette");
    return;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    if (sh.palette_open || sh.help_open || sh.first_run_open) RunCommand(ctx, "close");
    else if (!side_focused_) state_.selected_phase = -1;
    else ImGui::SetWindowFocus(nullptr);  // leave the side panel: the graph's keys again
    return;
  }
  if (io.WantTextInput || sh.palette_open || sh.first_run_open || side_focused_) return;
  for (ImWchar c : io.InputQueueCharacters) {
    if (c == '?') RunCommand(ctx, "keys");
    else if (c == 'r' || c == 'R') RunCommand(ctx, "run");
    else if (c == '+' || c == '=') RunCommand(ctx, "zoom-in");
    else if (c == '-' || c == '_') RunCommand(ctx, "zoom-out");
    else if (c == '0') RunCommand(ctx, "fit");
  }
  if (!ctx.snap.project->spec) return;
  int sel = state_.selected_phase;
  int next = sel;
  if (Pressed(ImGuiKey_Tab)) {
    const std::vector<int> order = dag_.ReadingOrder();
    if (!order.empty()) {
      auto it = std::find(order.begin(), order.end(), sel);
      const int n = static_cast<int>(order.size());
      int at = it == order.end() ? (io.KeyShift ? 0 : -1) : static_cast<int>(it - order.begin());
      next = order[((at + (io.KeyShift ? -1 : 1)) % n + n) % n];
    }
  }
  if (Pressed(ImGuiKey_RightArrow)) next = dag_.Neighbour(sel, 1, 0);
  if (Pressed(ImGuiKey_LeftArrow)) next = dag_.Neighbour(sel, -1, 0);
  if (Pressed(ImGuiKey_DownArrow)) next = dag_.Neighbour(sel, 0, 1);
  if (Pressed(ImGuiKey_UpArrow)) next = dag_.Neighbour(sel, 0, -1);
  if (next != sel && next >= 0) {
    state_.selected_phase = next;
    dag_.Reveal(next);
  }
  if ((Pressed(ImGuiKey_Enter) || Pressed(ImGuiKey_KeyPadEnter)) && state_.selected_phase >= 0)
    RunCommand(ctx, "open-phase");
}

void AppView::DrawOverlays(ViewContext& ctx) {
  if (state_.shell.first_run_open) DrawFirstRun(ctx);
  if (state_.shell.help_open) DrawKeysHelp(ctx);
  if (state_.shell.palette_open) DrawCommandPalette(ctx);
}

void AppView::DrawKeysHelp(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(t.Px(560), vp->WorkSize.x - t.Px(32)), 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(24), t.Px(24)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(t.Px(8), t.Px(8)));
  bool open = true;
  ImGui::Begin("Keys", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize);
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const KeyHelp& k : kKeys) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushStyleColor(ImGuiCol_Text, t.accent);
      ImGui::TextUnformatted(k.keys);
      ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(1);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(k.what);
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
  Muted("In the side panel, Tab and the arrows move between its controls (Space or Enter presses); Esc returns here.");
  ImGui::End();
  ImGui::PopStyleVar(2);
  if (!open) RunCommand(ctx, "close");
}

}  // namespace specwave::ui
