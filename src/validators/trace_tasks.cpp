// Tasks as models write them: headings ("### T1.2: ...", "### Story 1.1:
// ...", "### Task 2.3 ..."), bold lines ("**Story 1.1: ...**"), bullets and
// checkboxes with an id ("- [ ] T014 [P] [E1] Create ...", "- T3 ...") and
// Kiro's numbered checkboxes ("- [ ] 1.2 Do X"). A checkbox inside a task
// defined by a heading is one of its steps, not a task (BMAD's "Tasks /
// Subtasks" lists). The lines after a task, up to the next task or heading,
// belong to it: Epic:, Touches: and requirement lines (`_Requirements: 1.1_`)
// are read there; an "[E1]" label on the task's own line names its epic.
#include "core/text.hpp"
#include "design/text_scan.hpp"
#include "validators/trace_parse.hpp"

namespace specwave::validators {
namespace {

constexpr size_t kMaxTitle = 60;

// "- [ ] rest", "* [x] rest": the text after the box, or nullopt.
std::optional<std::string_view> CheckboxText(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() < 6 || (t[0] != '-' && t[0] != '*' && t[0] != '+') || t[1] != ' ') return std::nullopt;
  t = Trim(t.substr(2));
  if (t.size() < 3 || t[0] != '[' || t[2] != ']' || !(t[1] == ' ' || t[1] == 'x' || t[1] == 'X')) return std::nullopt;
  return Trim(t.substr(3));
}

// Leading "[P]", "[US1]", "[E2]" labels removed; an epic label is kept in *epic.
std::string_view StripLabels(std::string_view t, std::string* epic) {
  while (!t.empty() && t[0] == '[') {
    size_t close = t.find(']');
    if (close == std::string_view::npos || close > 24) break;
    std::string_view label = Trim(t.substr(1, close - 1));
    if (epic->empty())
      if (auto m = EpicIdAt(label, 0); m && m->length == label.size()) *epic = "E" + std::to_string(m->number);
    t = Trim(t.substr(close + 1));
  }
  return t;
}

struct TaskHead {
  TaskMatch match;
  std::string title, epic_label;
};

std::optional<TaskHead> TaskDefinitionIn(std::string_view text, bool bare_numbers, bool needs_mark) {
  std::string t = UnmarkLine(text);
  auto m = TaskIdAt(t, bare_numbers);
  if (!m) return std::nullopt;
  bool mark = false;
  std::string_view rest = SkipTitleSeparator(std::string_view(t).substr(m->length), &mark);
  if (needs_mark && !mark && rest.empty()) return std::nullopt;
  TaskHead h{*m, "", ""};
  rest = StripLabels(rest, &h.epic_label);
  h.title = Excerpt(rest, kMaxTitle);
  return h;
}

}  // namespace

std::vector<TaskDef> ReadTasks(std::string_view tasks) {
  MarkdownLines md(tasks);
  std::vector<TaskDef> out;
  std::string section_epic;
  int epic_level = 0, task_level = 0;
  bool in_task = false, heading_task = false;
  auto start = [&](const TaskHead& h, int line, int level, const char* form) {
    TaskDef t;
    t.id = h.match.id;
    t.title = h.title;
    t.line = line;
    t.section_epic = section_epic;
    t.label = h.match.style == "<n>.<m>" ? "Task " + h.match.written : h.match.written;  // Kiro's "1.2"
    t.style = h.match.style;
    t.form = form;
    t.native = h.match.native;
    t.implied_epic = h.match.implied_epic;
    if (!h.epic_label.empty()) t.epic = IdRef{h.epic_label, line};
    out.push_back(std::move(t));
    in_task = true;
    heading_task = level > 0;
    task_level = level;
  };
  for (const auto& l : md.lines()) {
    if (l.in_frontmatter || l.in_code) continue;
    if (l.heading_level) {
      if (auto t = TaskDefinitionIn(l.heading, false, false)) {
        start(*t, l.number, l.heading_level, "headings");
        continue;
      }
      std::string h = UnmarkLine(l.heading);
      if (auto e = EpicIdAt(h, 0)) {
        section_epic = "E" + std::to_string(e->number);
        epic_level = l.heading_level;
        in_task = false;
        continue;
      }
      if (!heading_task || l.heading_level <= task_level) in_task = false;
      if (l.heading_level <= epic_level) {
        section_epic.clear();
        epic_level = 0;
      }
      continue;
    }
    std::string_view trimmed = Trim(l.text);
    // A new task on this line?
    if (!(in_task && heading_task)) {
      std::optional<TaskHead> t;
      const char* form = "checkboxes";
      if (auto box = CheckboxText(l.text)) {
        t = TaskDefinitionIn(*box, true, false);
      } else if (StartsWith(trimmed, "- ") || StartsWith(trimmed, "* ") || StartsWith(trimmed, "+ ")) {
        t = TaskDefinitionIn(trimmed.substr(2), false, true);
        form = "list items";
      }
      if (t) {
        start(*t, l.number, 0, form);
        continue;
      }
    }
    if (StartsWith(trimmed, "**"))
      if (auto t = TaskDefinitionIn(trimmed, false, true); t && !t->title.empty()) {
        start(*t, l.number, 0, "bold lines");
        continue;
      }
    if (!in_task || out.empty()) continue;
    TaskDef& task = out.back();
    if (!task.epic)
      if (auto v = KeyLineValue(l.text, EpicKeys())) task.epic = IdRef{EpicRefIn(*v), l.number};
    if (auto v = KeyLineValue(l.text, TouchesKeys())) {
      for (const auto& name : ListItems(*v)) task.touches.push_back({name, l.number});
      continue;
    }
    if (auto v = KeyLineValue(l.text, CoverageKeys()))
      for (const auto& r : ReqIdsIn(*v)) task.requirements.push_back({r, l.number});
  }
  return out;
}

}  // namespace specwave::validators
