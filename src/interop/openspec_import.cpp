// OpenSpec import: openspec/specs/<capability>/spec.md -> prd.md (each
// requirement a feature: its SHALL text the statement, each scenario an
// acceptance bullet) and epics.md (each capability an epic covering its
// requirements, its Purpose the epic's text). The F and E ids come from
// .specwave/manifest.json when the folder was exported by Specwave (matched by
// capability and requirement name); otherwise requirements are numbered in
// order, capabilities taken alphabetically. Change folders are history and are
// not read.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "interop/artifact_header.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/manifest.hpp"
#include "interop/openspec_layout.hpp"
#include "interop/scenario_text.hpp"

namespace specwave::interop {
namespace {

constexpr const char* kGenerator = "import:openspec";

struct Known {
  std::map<std::pair<std::string, std::string>, int> features;  // (capability, requirement name) -> F
  std::map<std::string, int> epics;                             // capability -> E
  std::string project;
};

// The ids an earlier export recorded; a missing or unreadable manifest (a
// merge conflict in it, say) leaves the import to number in order.
Known ReadKnown(const FileTree& files) {
  Known k;
  auto it = files.find(kManifestPath);
  if (it == files.end()) return k;
  nlohmann::json j = nlohmann::json::parse(it->second, nullptr, false);
  if (!j.is_object() || !j.contains("ids") || !j["ids"].is_array()) return k;
  if (j.contains("project") && j["project"].is_string()) k.project = j["project"].get<std::string>();
  for (const auto& e : j["ids"]) {
    if (!e.is_object() || !e.contains("specwave") || !e["specwave"].is_string() || !e.contains("native") ||
        !e["native"].is_string())
      continue;
    std::string id = e["specwave"], native = e["native"];
    if (id.size() < 2) continue;
    int n = std::atoi(id.c_str() + 1);
    if (id[0] == 'F' && StartsWith(native, "Requirement: ") && e.contains("also") && e["also"].is_array() &&
        !e["also"].empty() && e["also"][0].is_string())
      k.features[{e["also"][0].get<std::string>(), native.substr(13)}] = n;
    if (id[0] == 'E' && StartsWith(native, "capability ")) k.epics[native.substr(11)] = n;
  }
  return k;
}

WhenThen ReadScenario(const MdNode& s) {
  WhenThen w;
  w.name = s.title.size() > 9 && StartsWith(ToLower(s.title), "scenario:") ? std::string(Trim(s.heading.substr(9))) : s.heading;
  for (std::string_view l : SplitLines(s.body)) {
    std::string line = Unbold(Trim(l));
    if (StartsWith(line, "- ")) line = line.substr(2);
    for (auto [key, target] : std::initializer_list<std::pair<const char*, int>>{
             {"GIVEN ", 0}, {"WHEN ", 1}, {"THEN ", 2}, {"AND ", 3}}) {
      if (!StartsWith(line, key)) continue;
      std::string v(Trim(std::string_view(line).substr(std::string_view(key).size())));
      if (target == 0) w.given = v;
      else if (target == 1) w.when = v;
      else w.then.push_back(v);
      break;
    }
  }
  return w;
}

// One capability's spec: its title and Purpose as an epic, its requirements
// appended to `features` (numbered from the manifest, else from *next_feature).
Epic ReadCapability(const std::string& capability, const std::string& path, const std::string& text, const Known& known,
                    int* next_feature, MdNode* features, CodecImport* out) {
  MdDoc doc = ParseMd(text);
  const MdNode& top = Top(doc);
  Epic e;
  e.title = top.heading;
  if (EndsWith(e.title, openspec::kSpecSuffix)) e.title = e.title.substr(0, e.title.size() - 14);
  for (const MdNode& s : top.children) {
    std::string t = ToLower(s.title);
    if (t == "purpose") {
      e.body = s.body;
      e.children = s.children;
      continue;
    }
    if (t != "requirements") {
      out->ignored.push_back({path, s.title, "OpenSpec sections other than Purpose and Requirements"});
      continue;
    }
    for (const MdNode& r : s.children) {
      if (!StartsWith(ToLower(r.title), "requirement:")) {
        out->ignored.push_back({path, r.title, "not a \"### Requirement:\""});
        continue;
      }
      Feature f;
      f.title = std::string(Trim(std::string_view(r.heading).substr(12)));
      auto id = known.features.find({capability, f.title});
      f.number = id != known.features.end() ? id->second : (*next_feature)++;
      auto [statement, notes] = SplitFirstParagraph(r.body);
      // Specwave's export framed the statement in "The system SHALL ..."; a
      // requirement written in OpenSpec keeps its words.
      f.statement = id != known.features.end() ? FromShall(statement) : statement;
      f.notes = notes;
      for (const MdNode& sc : r.children) {
        if (!StartsWith(ToLower(sc.title), "scenario")) {
          f.children.push_back(sc);
          continue;
        }
        f.acceptance.push_back(FromWhenThen(f.title, ReadScenario(sc)));
      }
      if (!f.acceptance.empty()) f.acceptance_label = "Acceptance:";
      e.covers.push_back(f.number);
      features->children.push_back(FeatureNode(f, 3));
    }
  }
  return e;
}

}  // namespace

std::string NotOpenSpec(const FileTree& files) {
  for (const auto& [path, text] : files)
    if (StartsWith(path, openspec::kSpecsDir) && EndsWith(path, "/spec.md")) return "";
  return "no openspec/specs/<capability>/spec.md";
}

CodecImport ImportOpenSpec(const FileTree& files, const ImportOptions& options) {
  CodecImport out;
  if (std::string why = NotOpenSpec(files); !why.empty()) {
    out.errors.push_back({Severity::kError, "", 0, 0, "", "not an OpenSpec folder: " + why, ""});
    return out;
  }
  Known known = ReadKnown(files);
  std::string project = !options.project_name.empty() ? options.project_name
                                                       : (!known.project.empty() ? known.project : "OpenSpec project");
  out.pack.project_name = project;
  struct Cap {
    std::string name, path;
    int epic = 0;
  };
  std::vector<Cap> caps;
  for (const auto& [path, text] : files)
    if (StartsWith(path, openspec::kSpecsDir) && EndsWith(path, "/spec.md")) {
      std::string name = path.substr(std::string(openspec::kSpecsDir).size());
      name = name.substr(0, name.size() - 8);
      caps.push_back({name, path, known.epics.count(name) ? known.epics[name] : 0});
    }
  std::stable_sort(caps.begin(), caps.end(), [](const Cap& a, const Cap& b) {
    return (a.epic ? a.epic : 1 << 30) < (b.epic ? b.epic : 1 << 30);
  });
  int next_epic = 1, next_feature = 1;
  for (const Cap& c : caps) next_epic = std::max(next_epic, c.epic + 1);
  for (const auto& [key, n] : known.features) next_feature = std::max(next_feature, n + 1);
  MdNode prd = MakeNode(1, DefaultTitle("prd.md", project));
  MdNode features = MakeNode(2, "Features");
  MdNode epics = MakeNode(1, DefaultTitle("epics.md", project));
  for (const Cap& c : caps) {
    Epic e = ReadCapability(c.name, c.path, files.at(c.path), known, &next_feature, &features, &out);
    e.number = c.epic ? c.epic : next_epic++;
    epics.children.push_back(EpicNode(e, 2));
  }
  // Features in F order, as the PRD numbers them.
  std::stable_sort(features.children.begin(), features.children.end(), [](const MdNode& a, const MdNode& b) {
    return ParseIdHeading(a.heading, 'F')->number < ParseIdHeading(b.heading, 'F')->number;
  });
  std::stable_sort(epics.children.begin(), epics.children.end(), [](const MdNode& a, const MdNode& b) {
    return ParseIdHeading(a.heading, 'E')->number < ParseIdHeading(b.heading, 'E')->number;
  });
  prd.children.push_back(features);
  out.pack.artifacts["prd.md"] = BuildArtifact("prd.md", project, kGenerator, prd);
  out.pack.artifacts["epics.md"] = BuildArtifact("epics.md", project, kGenerator, epics);
  for (const auto& [path, text] : files)
    if (StartsWith(path, "openspec/changes/")) {
      out.ignored.push_back({"openspec/changes/", "", "change folders are history; the specs are read"});
      break;
    }
  return out;
}

}  // namespace specwave::interop
