// The first screen (issue #18.5): what Specwave does, the sample brief the
// first project starts from, and the two ways on — run it now with the
// offline generator, or set up one's own model. Shown once per device (the
// "first_run_seen" pref, set when it closes by any way), never in a
// read-only view; the palette's "Show the first screen again" reopens it.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/app_view.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

// The brief's body without its frontmatter, cut to a few lines.
std::string Preview(const std::string& md, int max_lines) {
  size_t at = 0;
  if (md.rfind("---", 0) == 0) {
    size_t end = md.find("\n---", 3);
    if (end != std::string::npos) at = md.find('\n', end + 4);
    if (at == std::string::npos) at = 0;
  }
  std::string out;
  int lines = 0;
  while (at < md.size() && lines < max_lines) {
    size_t nl = md.find('\n', at);
    std::string line = md.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    at = nl == std::string::npos ? md.size() : nl + 1;
    if (line.empty() && out.empty()) continue;
    out += line + "\n";
    ++lines;
  }
  return out;
}

}  // namespace

void AppView::DrawFirstRun(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(t.Px(640), vp->WorkSize.x - t.Px(48));
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.Px(32), t.Px(32)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(t.Px(8), t.Px(8)));
  ImGui::Begin("Welcome to Specwave", nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoTitleBar);
  ImGui::PushFont(Font(TypeSize::kDisplay));
  ImGui::TextUnformatted("Specwave");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(
      "Specwave turns a short product brief into a spec pack — analysis, PRD, architecture, design tokens, "
      "epics and tasks — by running a workflow of agent phases as a graph, in parallel where it can. It "
      "checks every artifact, shows what an edit affects, and regenerates only that.");
  ImGui::PopTextWrapPos();
  Gap(8);
  const auto& briefs = ctx.resources.sample_briefs;
  if (!briefs.empty()) {
    // The first project on this device starts from the last sample brief (web_main.cpp).
    const auto& brief = briefs.back();
    Muted("Your first project starts from the sample brief %s:", brief.first.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, t.surface);
    ImGui::BeginChild("brief_preview", ImVec2(0, t.Px(128)), true);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(Preview(brief.second, 8).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
  Gap(8);
  const bool can_run = ctx.snap.project->spec && !ctx.snap.run->running && !ctx.snap.status->read_only;
  ImGui::BeginDisabled(!can_run);
  const bool run = AccentButton("Run with the offline generator");
  state_.shell.Target("first_run_offline", t.dpr);
  if (run) {
    SessionSettings s = ctx.snap.settings->settings;
    if (s.provider != ProviderKind::kOffline) {
      s.provider = ProviderKind::kOffline;
      ctx.session.UpdateSettings(s, std::nullopt);
    }
    RunCommand(ctx, "close");
    RunCommand(ctx, "run");
  }
  ImGui::EndDisabled();
  ImGui::SameLine(0, t.Px(8));
  const bool model = ImGui::Button("Use my model");
  state_.shell.Target("first_run_model", t.dpr);
  if (model) {
    RunCommand(ctx, "close");
    RunCommand(ctx, "tab:settings");
  }
  ImGui::SameLine(0, t.Px(8));
  if (ImGui::Button("Close")) RunCommand(ctx, "close");
  Muted("The offline generator needs no key and no network. Press ? for the keys, Ctrl+K for every command.");
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace specwave::ui
