// Task Master import: tasks.json (tagged, or the older {"tasks": [...]}
// form) -> epics.md and tasks.md, prd.txt -> prd.md. Tasks with subtasks are
// epics and their subtasks Specwave's tasks; a list without subtasks is one
// epic's tasks. A Covers: line in an epic's details says which features it
// covers; its testStrategy closes its text. Dependencies, priorities and
// statuses are not read: Specwave derives order from the trace and does not
// track progress. Every field is checked; an error names the task and field.
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "interop/artifact_header.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/specwave_model.hpp"
#include "interop/taskmaster_layout.hpp"

namespace specwave::interop {

namespace taskmaster {

std::pair<std::string, std::string> SplitDoneWhen(std::string_view body) {
  std::string rest, done;
  std::string n = NormBody(body);
  size_t start = 0;
  while (start < n.size()) {
    size_t end = n.find("\n\n", start);
    std::string para = n.substr(start, end == std::string::npos ? std::string::npos : end - start);
    (StartsWith(Trim(para), "Done when") ? done : rest) += para + "\n\n";
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return {NormBody(rest), NormBody(done)};
}

}  // namespace taskmaster

namespace {

using nlohmann::json;
constexpr const char* kGenerator = "import:taskmaster";

struct Reader {
  std::vector<Diagnostic>* errors;
  bool Fail(const std::string& where, const std::string& what) {
    errors->push_back({Severity::kError, taskmaster::kTasksPath, 0, 0, where, what, ""});
    return false;
  }
  bool Id(const json& t, const std::string& where, int* out) {
    if (!t.contains("id")) return Fail(where, "has no \"id\"");
    const json& id = t["id"];
    if (id.is_number_integer() && id.get<long long>() > 0 && id.get<long long>() < 10000000) {
      *out = id.get<int>();
      return true;
    }
    if (id.is_string()) {
      std::string s = id.get<std::string>();
      if (!s.empty() && s.size() < 8 && s.find_first_not_of("0123456789") == std::string::npos) {
        *out = std::stoi(s);
        return *out > 0 || Fail(where, "\"id\" must be a positive number");
      }
    }
    return Fail(where, "\"id\" must be a positive number");
  }
  bool Text(const json& t, const char* key, const std::string& where, std::string* out, bool required = false) {
    if (!t.contains(key) || t[key].is_null()) return !required || Fail(where, std::string("has no \"") + key + "\"");
    if (!t[key].is_string()) return Fail(where, std::string("\"") + key + "\" must be a string");
    *out = t[key].get<std::string>();
    return true;
  }
};

// Details lines that are all "Key: value" are a task's key lines (Touches: ...).
bool AllKeyLines(const std::string& details) {
  bool any = false;
  for (std::string_view l : SplitLines(details)) {
    std::string_view t = Trim(l);
    if (t.empty()) continue;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
    for (char c : t.substr(0, colon))
      if (!(std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '-')) return false;
    any = true;
  }
  return any;
}

// The tagged list to read: options.feature names the tag, else "master",
// else the only one; the older {"tasks": [...]} form too.
const json* TaskList(const json& doc, const ImportOptions& options, std::string* tag, std::string* intro, Reader* r) {
  const json* list = nullptr;
  *tag = options.feature.empty() ? taskmaster::kTag : options.feature;
  if (doc.contains("tasks") && doc["tasks"].is_array()) {
    list = &doc["tasks"];
  } else if (doc.contains(*tag) && doc[*tag].is_object()) {
    list = doc[*tag].contains("tasks") ? &doc[*tag]["tasks"] : nullptr;
  } else if (doc.size() == 1 && doc.begin()->is_object() && options.feature.empty()) {
    *tag = doc.begin().key();
    list = doc.begin()->contains("tasks") ? &(*doc.begin())["tasks"] : nullptr;
  }
  if (!list || !list->is_array()) {
    r->Fail(*tag, "no task list (expected {\"" + *tag + "\": {\"tasks\": [...]}}; choose a tag with --feature TAG)");
    return nullptr;
  }
  if (doc.contains(*tag) && doc[*tag].is_object() && doc[*tag].contains("metadata") && doc[*tag]["metadata"].is_object())
    r->Text(doc[*tag]["metadata"], "description", *tag + ".metadata", intro);
  return list;
}

// A task's subtasks as Specwave tasks of epic `epic`, under `group`.
bool ReadSubtasks(const json& t, const std::string& where, int epic, Reader* r, MdNode* group) {
  if (!t.contains("subtasks") || t["subtasks"].is_null()) return true;
  if (!t["subtasks"].is_array()) return r->Fail(where, "\"subtasks\" must be a list");
  for (size_t k = 0; k < t["subtasks"].size(); ++k) {
    const json& s = t["subtasks"][k];
    std::string swhere = where + ".subtasks[" + std::to_string(k) + "]";
    if (!s.is_object()) return r->Fail(swhere, "is not an object");
    int sid = 0;
    std::string title, description, details;
    if (!r->Id(s, swhere, &sid) || !r->Text(s, "title", swhere, &title, true) ||
        !r->Text(s, "description", swhere, &description) || !r->Text(s, "details", swhere, &details))
      return false;
    Task task;
    task.epic = epic;
    task.number = sid;
    task.title = title;
    if (AllKeyLines(details)) {
      for (std::string_view l : SplitLines(details))
        if (!Trim(l).empty()) {
          task.key_lines.emplace_back(Trim(l));
          if (auto v = KeyValue(l, {"touches"})) task.touches = SplitNames(*v);
        }
      task.prose = NormBody(description);
    } else {
      task.prose = JoinBlocks({description, details});
    }
    group->children.push_back(TaskNode(task, 3));
  }
  return true;
}

bool HasSubtasks(const json& list) {
  for (const json& t : list)
    if (t.is_object() && t.contains("subtasks") && t["subtasks"].is_array() && !t["subtasks"].empty()) return true;
  return false;
}

}  // namespace

std::string NotTaskmaster(const FileTree& files) {
  return files.count(taskmaster::kTasksPath) ? "" : std::string("no ") + taskmaster::kTasksPath;
}

CodecImport ImportTaskmaster(const FileTree& files, const ImportOptions& options) {
  CodecImport out;
  if (std::string why = NotTaskmaster(files); !why.empty()) {
    out.errors.push_back({Severity::kError, "", 0, 0, "", "not a Task Master folder: " + why, ""});
    return out;
  }
  Reader r{&out.errors};
  json doc = json::parse(files.at(taskmaster::kTasksPath), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    r.Fail("", "not valid JSON");
    return out;
  }
  std::string tag, intro;
  const json* list = TaskList(doc, options, &tag, &intro, &r);
  if (!list) return out;
  std::string project = options.project_name.empty() ? "Task Master project" : options.project_name;
  out.pack.project_name = project;
  const bool epics_with_tasks = HasSubtasks(*list);
  MdNode epics = MakeNode(1, DefaultTitle("epics.md", project), epics_with_tasks ? intro : "");
  MdNode tasks = MakeNode(1, DefaultTitle("tasks.md", project));
  MdNode flat = MakeNode(2, "E1: " + (intro.empty() ? std::string("Tasks") : ShortName(intro, 6)));
  for (size_t i = 0; i < list->size(); ++i) {
    const json& t = (*list)[i];
    std::string where = tag + ".tasks[" + std::to_string(i) + "]";
    if (!t.is_object()) {
      r.Fail(where, "is not an object");
      return out;
    }
    int id = 0;
    std::string title, description, details, test;
    if (!r.Id(t, where, &id) || !r.Text(t, "title", where, &title, true) || !r.Text(t, "description", where, &description) ||
        !r.Text(t, "details", where, &details) || !r.Text(t, "testStrategy", where, &test))
      return out;
    if (!epics_with_tasks) {  // a flat list: the tasks of one epic
      Task task;
      task.epic = 1;
      task.number = id;
      task.title = title;
      task.prose = JoinBlocks({description, details, test.empty() ? "" : "Test: " + test});
      flat.children.push_back(TaskNode(task, 3));
      continue;
    }
    epics.children.push_back(EpicNode(ParseEpic(MakeNode(2, "E" + std::to_string(id) + ": " + title, JoinBlocks({details, test}))), 2));
    MdNode group = MakeNode(2, "E" + std::to_string(id) + ": " + title);
    if (!ReadSubtasks(t, where, id, &r, &group)) return out;
    tasks.children.push_back(group);
  }
  if (!epics_with_tasks) {
    MdNode en = EpicNode(ParseEpic(flat), 2);
    en.body = intro.empty() ? "" : NormBody(intro);
    epics.children.push_back(en);
    tasks.children.push_back(flat);
  }
  out.pack.artifacts["epics.md"] = BuildArtifact("epics.md", project, kGenerator, epics);
  out.pack.artifacts["tasks.md"] = BuildArtifact("tasks.md", project, kGenerator, tasks);
  auto prd = files.find(taskmaster::kPrdPath);
  if (prd != files.end()) {
    MdDoc d = ParseMd(prd->second);
    MdNode top = Top(d);
    top.heading = DefaultTitle("prd.md", project);
    out.pack.artifacts["prd.md"] = BuildArtifact("prd.md", project, kGenerator, top);
  }
  return out;
}

}  // namespace specwave::interop
