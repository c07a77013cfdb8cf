// "Save to folder…" / "Sync from folder…" in the Projects panel (issue #17
// point 3): the project in another spec tool's layout, in a folder the person
// picks (a zip download where the browser cannot open folders), and that
// folder's edits back as the person's edits. The host picks the folder; the
// session does the work; the outcome (what was recorded, or the conflicts) is
// the banner.
#include <imgui.h>

#include <iterator>

#include "interop/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

namespace {
constexpr interop::Format kFormats[] = {interop::Format::kSpecKit, interop::Format::kKiro, interop::Format::kOpenSpec,
                                        interop::Format::kDesignMd, interop::Format::kTaskmaster};
// The layout last chosen: a UI preference of this window only, kept here
// rather than in the shared UiState (it is read nowhere else).
int g_format = 0;
}  // namespace

void DrawFolderSync(ViewContext& ctx) {
  if (!ctx.host || !ctx.host->CanSyncFolders()) return;
  const Theme& t = CurrentTheme();
  Gap();
  ImGui::BeginDisabled(ctx.snap.project->project_id == 0);
  ImGui::SetNextItemWidth(t.Px(140));
  if (ImGui::BeginCombo("Layout", interop::CodecFor(kFormats[g_format]).tool)) {
    for (int i = 0; i < static_cast<int>(std::size(kFormats)); ++i)
      if (ImGui::Selectable(interop::CodecFor(kFormats[i]).tool, g_format == i)) g_format = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, t.Px(8));
  if (ImGui::Button("Save to folder…")) ctx.host->SaveToFolder(interop::FormatName(kFormats[g_format]));
  ImGui::SameLine(0, t.Px(8));
  ImGui::BeginDisabled(ctx.snap.status->read_only);
  if (ImGui::Button("Sync from folder…")) ctx.host->SyncFromFolder();
  ImGui::EndDisabled();
  ImGui::EndDisabled();
}

}  // namespace specwave::ui
