// Workflow panel (issue #19): the open project's workflow spec in a
// monospace editor with line numbers. Every change is sent to the session,
// which checks it with the spec loader on its command thread; the problems
// come back with line and column, the offending lines are marked, and the
// graph shows the draft as soon as it is valid. Apply records it as the
// project's workflow (a new version; changed phases go stale); an invalid
// draft can never be applied.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

namespace {

struct CursorProbe {
  int line = 0;
};

int CursorLine(ImGuiInputTextCallbackData* data) {
  auto* probe = static_cast<CursorProbe*>(data->UserData);
  probe->line = static_cast<int>(std::count(data->Buf, data->Buf + data->CursorPos, '\n'));
  return 0;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      if (start < text.size()) out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// "- old" / "+ new" lines of the last recorded change.
void LastChangeDiff(ViewContext& ctx, const WorkflowPart& w) {
  auto& st = ctx.state.workflow;
  if (st.diff_for != w.last_diff.get()) {
    st.diff_for = w.last_diff.get();
    st.diff_lines.clear();
    const auto old_lines = SplitLines(w.last_diff_old), new_lines = SplitLines(w.last_diff_new);
    auto line = [](const std::vector<std::string>& lines, int n) { return n > 0 && n <= static_cast<int>(lines.size()) ? lines[n - 1] : std::string(); };
    for (const auto& row : w.last_diff->rows) {
      if (row.kind == markdown::LineKind::kEqual) continue;
      if (row.old_line) st.diff_lines.push_back("- " + std::to_string(row.old_line) + ": " + line(old_lines, row.old_line));
      if (row.new_line) st.diff_lines.push_back("+ " + std::to_string(row.new_line) + ": " + line(new_lines, row.new_line));
    }
  }
  const Theme& t = CurrentTheme();
  ImGui::PushFont(Font(TypeSize::kSmall, true));
  for (const auto& l : st.diff_lines) {
    ImGui::PushStyleColor(ImGuiCol_Text, l[0] == '-' ? t.state_failed : t.state_done);
    ImGui::TextUnformatted(l.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopFont();
}

}  // namespace

void DrawWorkflowPanel(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  const auto& snap = ctx.snap;
  const WorkflowPart& w = *snap.workflow;
  auto& st = ctx.state.workflow;
  st.marked_line = 0;
  st.lines_drawn = 0;
  if (w.project_id == 0) {
    Muted("Open or create a project to edit its workflow.");
    return;
  }
  if (st.revision != w.revision || st.project_id != w.project_id) {
    st.buffer = w.text;
    st.revision = w.revision;
    st.project_id = w.project_id;
  }
  const bool current = w.text == st.buffer;  // the problems shown are about the text on screen
  int errors = 0;
  for (const auto& d : w.problems) errors += d.severity == Severity::kError;

  Title(w.spec && !w.spec->name.empty() ? w.spec->name.c_str() : "Workflow");
  if (!current) Muted("checking…");
  else if (w.valid)
    Muted("valid · %zu phases · checked in %.2f ms%s", w.spec ? w.spec->phases.size() : 0, w.check_ms,
          w.dirty ? " · not applied yet (the graph shows the draft)" : "");
  else {
    ImGui::PushStyleColor(ImGuiCol_Text, t.state_failed);
    ImGui::Text("%d problem%s — the project keeps its workflow until they are fixed", errors, errors == 1 ? "" : "s");
    ImGui::PopStyleColor();
  }
  const bool can_apply = current && w.valid && w.dirty && !snap.status->read_only && !snap.run->running;
  ImGui::BeginDisabled(!can_apply);
  if (AccentButton("Apply to the project")) ctx.session.ApplyWorkflow();
  ImGui::EndDisabled();
  ImGui::SameLine(0, t.Px(8));
  ImGui::BeginDisabled(!w.dirty && current);
  if (ImGui::Button("Discard changes")) ctx.session.DiscardWorkflow();
  ImGui::EndDisabled();

  // The editor: line numbers in a gutter, the text as tall as its lines in a
  // scrolling child, so that numbers and text scroll together.
  ImGui::PushFont(Font(TypeSize::kSmall, true));
  const float line_h = ImGui::GetTextLineHeight();
  const float pad_y = ImGui::GetStyle().FramePadding.y;
  const int lines = 1 + static_cast<int>(std::count(st.buffer.begin(), st.buffer.end(), '\n'));
  const float gutter_w = ImGui::CalcTextSize("0000").x + t.Px(8);
  const float editor_h = std::max(t.Px(240), ImGui::GetContentRegionAvail().y * 0.6f);
  ImGui::BeginChild("wf_editor", ImVec2(0, editor_h), true);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float scroll = ImGui::GetScrollY(), view_h = ImGui::GetWindowHeight();
  // Error lines, marked behind the text.
  for (const auto& d : w.problems) {
    if (d.severity != Severity::kError || d.line <= 0 || d.line > lines) continue;
    const float y = origin.y + pad_y + static_cast<float>(d.line - 1) * line_h;
    dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + line_h), (t.state_failed & 0x00FFFFFF) | 0x50000000);
    if (!st.marked_line) st.marked_line = d.line;
  }
  const int first = std::max(0, static_cast<int>((scroll - pad_y) / line_h) - 1);
  const int last = std::min(lines, static_cast<int>((scroll + view_h) / line_h) + 2);
  char num[16];
  for (int i = first; i < last; ++i) {
    std::snprintf(num, sizeof num, "%4d", i + 1);
    const bool marked = st.marked_line == i + 1;
    dl->AddText(ImVec2(origin.x, origin.y + pad_y + static_cast<float>(i) * line_h), marked ? t.state_failed : t.text_muted, num);
    ++st.lines_drawn;
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter_w, origin.y));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
  CursorProbe probe{st.cursor_line};
  const float text_h = static_cast<float>(lines + 1) * line_h + 2 * pad_y;
  if (ImGui::InputTextMultiline("##workflow_yaml", &st.buffer, ImVec2(std::max(t.Px(64), width - gutter_w), text_h),
                                ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackAlways, CursorLine,
                                &probe))
    ctx.session.OfferWorkflow(st.buffer);
  ImGui::PopStyleColor();
  // Keep the cursor in view as it moves (not while the person scrolls).
  auto scroll_to = [&](int line0) {
    const float y = pad_y + static_cast<float>(line0) * line_h;
    if (y < scroll) ImGui::SetScrollY(y);
    else if (y + 2 * line_h > scroll + view_h) ImGui::SetScrollY(y + 2 * line_h - view_h);
  };
  if (ImGui::IsItemActive() && probe.line != st.cursor_line) scroll_to(probe.line);
  st.cursor_line = probe.line;
  if (st.scroll_to_line > 0) {
    ImGui::SetScrollY(std::max(0.0f, pad_y + static_cast<float>(st.scroll_to_line - 1) * line_h - view_h / 3));
    st.scroll_to_line = 0;
  }
  ImGui::EndChild();
  ImGui::PopFont();

  if (!w.problems.empty()) {
    Gap();
    for (size_t i = 0; i < w.problems.size(); ++i) {
      const Diagnostic& d = w.problems[i];
      std::string where = d.line > 0 ? "line " + std::to_string(d.line) + (d.column > 0 ? ", col " + std::to_string(d.column) : "")
                                     : "file";
      std::string text = where + ": " + (d.subject.empty() ? "" : d.subject + ": ") + d.message;
      ImGui::PushID(static_cast<int>(i));
      ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::kError ? t.state_failed : t.text_muted);
      ImGui::PushTextWrapPos(0);
      if (ImGui::Selectable(text.c_str())) st.scroll_to_line = d.line;
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
  }
  if (current && w.valid && w.dirty) {
    Gap();
    Muted(w.changed_phases.empty() ? "No phase's definition changes."
                                   : "Applying changes these phases (those whose prompt, inputs, outputs or checks "
                                     "change are marked stale, with their dependents):");
    for (const auto& c : w.changed_phases) ImGui::BulletText("%s", c.c_str());
  }
  Gap();
  if (!w.versions.empty() &&
      ImGui::CollapsingHeader(("History: " + std::to_string(w.versions.size()) + " versions").c_str())) {
    for (auto it = w.versions.rbegin(); it != w.versions.rend(); ++it) {
      ImGui::Text("v%d · %s", it->version, it->author == "created" ? "as created" : "your edit");
      if (!it->summary.empty()) Muted("%s", it->summary.c_str());
    }
    Gap();
    Muted("Last change, line by line:");
    LastChangeDiff(ctx, w);
  }
  Muted("Format: docs/workflow-spec.md. Phases run as soon as their inputs exist; names, agents and prompts are "
        "yours to choose.");
}

}  // namespace specwave::ui
