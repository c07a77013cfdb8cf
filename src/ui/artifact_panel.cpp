// Artifact panel: the project's artifacts, one open at a time — its text,
// its version history, and an editor. Saving an edit stores a new version
// by "user"; nothing here writes to storage directly.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

void ArtifactList(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  Title("Artifacts");
  if (snap.artifacts.empty()) {
    Muted("No artifacts yet: run the workflow.");
    return;
  }
  for (const auto& a : snap.artifacts) {
    if (ImGui::Selectable(a.artifact.c_str(), a.artifact == ctx.state.artifact)) {
      ctx.state.artifact = a.artifact;
      ctx.state.editing = false;
      ctx.state.view_version = 0;
      ctx.session.OpenArtifact(a.artifact);
    }
    ImGui::SameLine(t.Px(208));
    Muted("v%d · %s%s", a.latest_version, a.author.c_str(), a.stale_reason.empty() ? "" : " · stale");
  }
}

}  // namespace

void DrawArtifactPanel(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  UiState& st = ctx.state;
  if (st.artifact.empty() || snap.open_artifact != st.artifact) {
    ArtifactList(ctx);
    return;
  }
  if (ImGui::SmallButton("< All artifacts")) {
    st.artifact.clear();
    return;
  }
  Title(st.artifact.c_str());
  const auto& versions = snap.open_versions;
  if (versions.empty()) {
    Muted("Loading…");
    return;
  }
  const ArtifactVersion* shown = &versions.back();
  for (const auto& v : versions)
    if (v.version == st.view_version) shown = &v;
  auto state = std::find_if(snap.artifacts.begin(), snap.artifacts.end(),
                            [&](const ArtifactState& a) { return a.artifact == st.artifact; });
  Muted("version %d of %zu · by %s%s%s", shown->version, versions.size(), shown->author.c_str(),
        shown->regeneration_reason.empty() ? "" : (" · " + shown->regeneration_reason).c_str(),
        shown->phase.empty() ? "" : (" · phase " + shown->phase).c_str());
  if (state != snap.artifacts.end() && !state->stale_reason.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, t.state_stale);
    ImGui::TextWrapped("Stale: %s", state->stale_reason.c_str());
    ImGui::PopStyleColor();
  }
  Gap();
  if (!st.editing) {
    ImGui::SetNextItemWidth(t.Px(160));
    std::string label = "v" + std::to_string(shown->version) + (shown == &versions.back() ? " (latest)" : "");
    if (ImGui::BeginCombo("##version", label.c_str())) {
      for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        std::string l = "v" + std::to_string(it->version) + " · " + it->author;
        if (ImGui::Selectable(l.c_str(), it->version == shown->version))
          st.view_version = (&*it == &versions.back()) ? 0 : it->version;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine(0, t.Px(8));
    ImGui::BeginDisabled(snap.read_only);
    if (ImGui::Button("Edit")) {
      st.editing = true;
      st.edit_buffer = versions.back().content;
    }
    ImGui::EndDisabled();
    ImGui::PushFont(Font(TypeSize::kBody, true));
    ImGui::BeginChild("artifact_text", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::TextUnformatted(shown->content.c_str());
    ImGui::EndChild();
    ImGui::PopFont();
    return;
  }
  if (AccentButton("Save as a new version")) {
    ctx.session.SaveArtifact(st.artifact, st.edit_buffer);
    st.editing = false;
    st.view_version = 0;
  }
  ImGui::SameLine(0, t.Px(8));
  if (ImGui::Button("Discard")) st.editing = false;
  ImGui::PushFont(Font(TypeSize::kBody, true));
  ImGui::InputTextMultiline("##editor", &st.edit_buffer, ImVec2(-1, -1), ImGuiInputTextFlags_AllowTabInput);
  ImGui::PopFont();
}

}  // namespace specwave::ui
