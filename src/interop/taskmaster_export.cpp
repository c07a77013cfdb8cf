// Task Master export: .taskmaster/tasks/tasks.json in Task Master's tagged
// format (docs/task-structure.md in eyaltoledano/claude-task-master: a tag
// "master" holding "tasks", each with id, title, description, status,
// dependencies, priority, details, testStrategy and subtasks), and
// .taskmaster/docs/prd.txt, the PRD Task Master's parse-prd reads.
//
//   task     = an epic: id E<n>; details = its Covers line and text; testStrategy
//              = its "Done when ..." paragraph; priority by epic order (first
//              third high, then medium, then low); dependencies = epics whose
//              tasks its tasks depend on
//   subtask  = a task: id n of T<e>.<n>; description = its text; details = its
//              Touches: (and other key) lines; dependencies from the trace
//              (trace_deps.hpp): a sibling as its number, a task of another
//              epic as "e.n", as Task Master writes them
//
// Status is "pending" throughout: Specwave does not track progress.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/pack_view.hpp"
#include "interop/taskmaster_layout.hpp"
#include "interop/trace_deps.hpp"

namespace specwave::interop {
namespace {

using ordered = nlohmann::ordered_json;

const char* Priority(size_t rank, size_t count) {
  size_t band = count ? rank * 3 / count : 0;
  return band == 0 ? "high" : band == 1 ? "medium" : "low";
}

}  // namespace

CodecExport ExportTaskmaster(const Pack& pack, const ExportContext&) {
  CodecExport out;
  PackView v = ViewOf(pack);
  out.entry = taskmaster::kTasksPath;
  if (const MdNode* prd = v.TopOf("prd.md")) {
    MdNode top = *prd;
    top.level = 1;
    out.files[taskmaster::kPrdPath] = RenderNode(top);
  }
  if (v.epics.empty() && v.groups.empty()) return out;
  auto deps = TraceDependencies(v.groups);
  std::vector<int> order;
  for (const Epic& e : v.epics) order.push_back(e.number);
  for (const TaskGroup& g : v.groups)
    if (std::find(order.begin(), order.end(), g.epic) == order.end()) order.push_back(g.epic);
  ordered tasks = ordered::array();
  for (size_t rank = 0; rank < order.size(); ++rank) {
    int n = order[rank];
    const Epic* e = v.EpicNumber(n);
    const TaskGroup* group = nullptr;
    for (const TaskGroup& g : v.groups)
      if (g.epic == n) group = &g;
    std::string title = e ? e->title : ParseIdHeading(group->heading, 'E').value_or(IdHeading{}).title;
    auto [details, test] = taskmaster::SplitDoneWhen(e ? e->body : "");
    std::string covers;
    if (e)
      for (int f : e->covers)
        if (const Feature* feature = v.FeatureNumber(f)) covers += (covers.empty() ? "" : ", ") + feature->title;
    std::set<int> epic_deps;
    ordered subtasks = ordered::array();
    if (group)
      for (const Task& t : group->tasks) {
        ordered sd = ordered::array();
        for (const TaskKey& d : deps[TaskKey{t.epic, t.number}]) {
          if (d.epic == t.epic) sd.push_back(d.number);
          else sd.push_back(std::to_string(d.epic) + "." + std::to_string(d.number)), epic_deps.insert(d.epic);
        }
        subtasks.push_back(ordered{{"id", t.number},
                                   {"title", t.title},
                                   {"description", NormBody(t.prose).empty() ? "" : std::string(TrimRight(t.prose))},
                                   {"status", "pending"},
                                   {"dependencies", sd},
                                   {"details", Join(t.key_lines, "\n")}});
        out.ids.push_back({"T" + std::to_string(t.epic) + "." + std::to_string(t.number),
                           std::to_string(t.epic) + "." + std::to_string(t.number), {}, taskmaster::kTasksPath});
      }
    epic_deps.erase(n);
    ordered task = {{"id", n},
                    {"title", title},
                    {"description", covers.empty() ? "Epic E" + std::to_string(n) : "Delivers " + covers + "."},
                    {"status", "pending"},
                    {"dependencies", std::vector<int>(epic_deps.begin(), epic_deps.end())},
                    {"priority", Priority(rank, order.size())},
                    {"details", std::string(TrimRight(JoinBlocks({e ? CoversLine(*e) : "", details})))},
                    {"testStrategy", std::string(TrimRight(test))},
                    {"subtasks", subtasks}};
    tasks.push_back(task);
    out.ids.push_back({"E" + std::to_string(n), std::to_string(n), {}, taskmaster::kTasksPath});
  }
  std::string intro;
  if (const MdNode* top = v.TopOf("epics.md")) intro = std::string(TrimRight(top->body));
  ordered doc = {{taskmaster::kTag, {{"tasks", tasks}, {"metadata", {{"description", intro}}}}}};
  out.files[taskmaster::kTasksPath] = doc.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace specwave::interop
