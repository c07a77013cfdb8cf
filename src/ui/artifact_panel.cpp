// Artifact panel: the project's artifacts, one open at a time — rendered,
// as source, or two versions side by side — with its history, an editor,
// restore and "mark reviewed". Saving stores a new version by "user" and
// shows the change's impact; nothing here touches storage directly.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/diff_view.hpp"
#include "ui/swatch_view.hpp"
#include "ui/markdown_view.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {
namespace {

void OpenArtifact(ViewContext& ctx, const std::string& name) {
  ctx.state.artifact = name;
  ctx.state.editing = false;
  ctx.state.view_version = 0;
  ctx.state.view_mode = 0;
  ctx.session.OpenArtifact(name);
}

void ArtifactList(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  Title("Artifacts");
  if (snap.artifacts->artifacts.empty()) {
    Muted("No artifacts yet: run the workflow.");
    return;
  }
  for (const auto& a : snap.artifacts->artifacts) {
    ImGui::PushStyleColor(ImGuiCol_Text, a.stale_reason.empty() ? t.text : t.state_stale);
    if (ImGui::Selectable(a.artifact.c_str(), a.artifact == ctx.state.artifact)) OpenArtifact(ctx, a.artifact);
    ImGui::PopStyleColor();
    if (!a.stale_reason.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("stale: %s", a.stale_reason.c_str());
    ImGui::SameLine(t.Px(208));
    Muted("v%d · %s%s", a.latest_version, a.author.c_str(), a.stale_reason.empty() ? "" : " · stale");
  }
}

bool VersionCombo(const char* id, const std::vector<ArtifactVersion>& versions, int* version) {
  bool changed = false;
  std::string label = *version > 0 ? "v" + std::to_string(*version) : "latest";
  ImGui::SetNextItemWidth(CurrentTheme().Px(128));
  if (ImGui::BeginCombo(id, label.c_str())) {
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      std::string l = "v" + std::to_string(it->version) + " · " + it->author;
      if (ImGui::Selectable(l.c_str(), it->version == *version)) {
        *version = it->version;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void DrawArtifactPanel(ViewContext& ctx) {
  const auto& snap = ctx.snap;
  const Theme& t = CurrentTheme();
  UiState& st = ctx.state;
  if (st.artifact.empty() || snap.viewer->open_artifact != st.artifact) {
    ArtifactList(ctx);
    return;
  }
  if (ImGui::SmallButton("< All artifacts")) {
    st.artifact.clear();
    return;
  }
  Title(st.artifact.c_str());
  const auto& versions = *snap.viewer->versions;
  if (versions.empty()) {
    Muted("Loading…");
    return;
  }
  const ArtifactVersion* shown = &versions.back();
  for (const auto& v : versions)
    if (v.version == snap.viewer->shown_version) shown = &v;
  const bool latest = shown == &versions.back();
  auto state = std::find_if(snap.artifacts->artifacts.begin(), snap.artifacts->artifacts.end(),
                            [&](const ArtifactState& a) { return a.artifact == st.artifact; });
  Muted("v%d of %zu · by %s%s%s", shown->version, versions.size(), shown->author.c_str(),
        shown->phase.empty() ? "" : (" · phase " + shown->phase).c_str(),
        shown->regeneration_reason.empty() ? "" : (" · regenerated: " + shown->regeneration_reason).c_str());
  if (state != snap.artifacts->artifacts.end() && !state->stale_reason.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, t.state_stale);
    ImGui::TextWrapped("Stale: %s", state->stale_reason.c_str());
    ImGui::PopStyleColor();
    ImGui::BeginDisabled(snap.status->read_only);
    if (ImGui::SmallButton("Mark reviewed")) ctx.session.MarkReviewed(st.artifact);
    ImGui::EndDisabled();
  }
  if (auto f = snap.artifacts->findings_by_artifact.find(st.artifact); latest && f != snap.artifacts->findings_by_artifact.end()) {
    char label[64];
    std::snprintf(label, sizeof label, "Checks (%zu)###checks", f->second.size());
    if (ImGui::CollapsingHeader(label)) FindingList(f->second);
  }
  Gap();
  if (st.editing) {
    if (AccentButton("Save as a new version")) {
      ctx.session.SaveArtifact(st.artifact, st.edit_buffer);
      st.editing = false;
      st.view_version = 0;
    }
    ImGui::SameLine(0, t.Px(8));
    if (ImGui::Button("Discard")) st.editing = false;
    Muted("Saving shows what changed, section by section, and which artifacts it affects.");
    ImGui::PushFont(Font(TypeSize::kBody, true));
    ImGui::InputTextMultiline("##editor", &st.edit_buffer, ImVec2(-1, -1), ImGuiInputTextFlags_AllowTabInput);
    ImGui::PopFont();
    return;
  }
  ImGui::SetNextItemWidth(t.Px(160));
  static const char* kModes[] = {"Rendered", "Source", "Compare versions", "Swatches"};
  const bool has_swatches = !snap.viewer->swatches->empty();
  if (!has_swatches && st.view_mode == 3) st.view_mode = 0;
  ImGui::Combo("##mode", &st.view_mode, kModes, has_swatches ? 4 : 3);
  ImGui::SameLine(0, t.Px(8));
  if (st.view_mode != 2) {
    int v = shown->version;
    if (VersionCombo("##version", versions, &v)) ctx.session.ShowVersion(v == versions.back().version ? 0 : v);
    ImGui::SameLine(0, t.Px(8));
    ImGui::BeginDisabled(snap.status->read_only);
    if (ImGui::Button("Edit")) {
      st.editing = true;
      st.edit_buffer = versions.back().content;
    }
    if (!latest) {
      ImGui::SameLine(0, t.Px(8));
      if (ImGui::Button("Restore this version")) ctx.session.RestoreVersion(st.artifact, shown->version);
    }
    ImGui::EndDisabled();
  } else {
    int a = snap.viewer->diff_old > 0 ? snap.viewer->diff_old : std::max(1, static_cast<int>(versions.size()) - 1);
    int b = snap.viewer->diff_new > 0 ? snap.viewer->diff_new : versions.back().version;
    bool changed = VersionCombo("##old", versions, &a);
    ImGui::SameLine(0, t.Px(4));
    ImGui::TextUnformatted("→");
    ImGui::SameLine(0, t.Px(4));
    changed |= VersionCombo("##new", versions, &b);
    if (changed || snap.viewer->diff_old == 0) ctx.session.CompareVersions(a, b);
  }
  Gap(4);
  if (st.view_mode == 2) {
    if (versions.size() < 2) Muted("Only one version so far.");
    else DrawVersionDiff(snap);
    return;
  }
  // Rendered text wraps at the panel's width (code blocks and wide tables
  // scroll in their own boxes); only the source view scrolls sideways.
  ImGui::BeginChild("artifact_text", ImVec2(0, 0), true, st.view_mode == 1 ? ImGuiWindowFlags_HorizontalScrollbar : 0);
  if (st.view_mode == 3) {
    DrawTokenSwatches(*snap.viewer->swatches);
  } else if (st.view_mode == 0) {
    DrawMarkdownBlocks(*snap.viewer->blocks);
  } else {
    ImGui::PushFont(Font(TypeSize::kSmall, true));
    ImGui::TextUnformatted(shown->content.c_str());
    ImGui::PopFont();
  }
  ImGui::EndChild();
}

}  // namespace specwave::ui
