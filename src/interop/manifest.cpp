#include "interop/manifest.hpp"

#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "core/text.hpp"

namespace specwave::interop {
namespace {

using nlohmann::json;

std::string Compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Objects one key per line down to `depth`, arrays one element per line,
// deeper values on one line: stable and diff-friendly.
void Dump(const json& j, int indent, int depth, std::string* out) {
  std::string pad(static_cast<size_t>(indent + 2), ' ');
  if (j.is_object() && depth > 0 && !j.empty()) {
    *out += "{\n";
    size_t i = 0;
    for (auto it = j.begin(); it != j.end(); ++it, ++i) {
      *out += pad + Compact(json(it.key())) + ": ";
      Dump(it.value(), indent + 2, depth - 1, out);
      *out += i + 1 < j.size() ? ",\n" : "\n";
    }
    *out += std::string(static_cast<size_t>(indent), ' ') + "}";
  } else if (j.is_array() && !j.empty()) {
    *out += "[\n";
    for (size_t i = 0; i < j.size(); ++i) *out += pad + Compact(j[i]) + (i + 1 < j.size() ? ",\n" : "\n");
    *out += std::string(static_cast<size_t>(indent), ' ') + "]";
  } else {
    *out += Compact(j);
  }
}

std::string Stable(const json& j, int depth) {
  std::string out;
  Dump(j, 0, depth, &out);
  return out + "\n";
}

json IdsJson(const IdSpace& s) {
  json features = json::object(), epics = json::object(), tasks = json::object();
  for (const auto& [d, f] : s.features) features[std::to_string(d)] = f;
  for (const auto& [d, f] : s.epics) epics[std::to_string(d)] = f;
  for (const auto& [d, f] : s.tasks) tasks[d] = f;
  return {{"known", std::vector<std::string>(s.known.begin(), s.known.end())},
          {"features", features},
          {"epics", epics},
          {"tasks", tasks}};
}

bool IdsFrom(const json& j, IdSpace* s) {
  if (!j.is_object()) return false;
  if (j.contains("known") && j["known"].is_array())
    for (const json& k : j["known"])
      if (k.is_string()) s->known.insert(k.get<std::string>());
  for (const char* kind : {"features", "epics"}) {
    if (!j.contains(kind) || !j[kind].is_object()) continue;
    for (auto it = j[kind].begin(); it != j[kind].end(); ++it) {
      if (!it.value().is_number_integer()) return false;
      int d = std::atoi(it.key().c_str());
      (std::string(kind) == "features" ? s->features : s->epics)[d] = it.value().get<int>();
    }
  }
  if (j.contains("tasks") && j["tasks"].is_object())
    for (auto it = j["tasks"].begin(); it != j["tasks"].end(); ++it)
      if (it.value().is_string()) s->tasks[it.key()] = it.value().get<std::string>();
  return true;
}

}  // namespace

std::string ManifestJson(const Manifest& m) {
  json ids = json::array(), dropped = json::array(), files = json::array();
  for (const IdMapping& i : m.ids) {
    json e = {{"specwave", i.specwave}, {"native", i.native}, {"file", i.file}};
    if (!i.also.empty()) e["also"] = i.also;
    ids.push_back(e);
  }
  for (const Dropped& d : m.dropped) dropped.push_back({{"artifact", d.artifact}, {"section", d.section}, {"why", d.why}});
  for (const auto& [path, sha] : m.files) files.push_back({{"path", path}, {"sha256", sha}});
  json rt = json::object();
  for (const ArtifactRoundTrip& a : m.round_trip.artifacts)
    rt[a.artifact] = std::to_string(a.sections_kept) + "/" + std::to_string(a.sections_total) + " sections";
  rt["ids"] = std::to_string(m.round_trip.ids_kept) + "/" + std::to_string(m.round_trip.ids_total);
  json j = {{"generator", "specwave"},
            {"manifest_version", kManifestVersion},
            {"layout", m.layout},
            {"tool", m.tool},
            {"project", m.project},
            {"entry", m.entry},
            {"files", files},
            {"ids", ids},
            {"dropped", dropped},
            {"not_held", m.not_held},
            {"round_trip", rt},
            {"sync_base", std::string(kBaseDir) + "<copy>.json (one per person and project)"}};
  return Stable(j, 2);
}

bool ReadManifest(const std::string& text, Manifest* out, std::string* error) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *error = std::string(kManifestPath) + ": not valid JSON (a Git merge conflict? take either side; sync rewrites it)";
    return false;
  }
  if (!j.contains("layout") || !j["layout"].is_string()) {
    *error = std::string(kManifestPath) + ": no \"layout\"";
    return false;
  }
  out->layout = j["layout"].get<std::string>();
  if (j.contains("project") && j["project"].is_string()) out->project = j["project"].get<std::string>();
  if (j.contains("entry") && j["entry"].is_string()) out->entry = j["entry"].get<std::string>();
  return true;
}

std::string BasePath(const std::string& copy) { return std::string(kBaseDir) + copy + ".json"; }

std::string BaseJson(const CopyBase& b) {
  json files = json::object(), artifacts = json::object();
  for (const auto& [path, sha] : b.files) files[path] = sha;
  for (const auto& [artifact, secs] : b.sections) {
    json s = json::object();
    for (const auto& [key, h] : secs) s[key] = {{"project", h.project}, {"folder", h.folder}};
    json a = {{"sections", s}};
    auto v = b.versions.find(artifact);
    if (v != b.versions.end()) a["version"] = v->second;
    artifacts[artifact] = a;
  }
  json j = {{"generator", "specwave"}, {"manifest_version", kManifestVersion}, {"copy", b.copy},
            {"layout", b.layout},      {"files", files},                        {"artifacts", artifacts},
            {"ids", IdsJson(b.ids)}};
  return Stable(j, 4);
}

bool ReadBase(const std::string& text, CopyBase* out, std::string* error) {
  json j = json::parse(text, nullptr, false);
  auto bad = [&](const std::string& why) {
    *error = BasePath(out->copy) + ": " + why;
    return false;
  };
  if (j.is_discarded() || !j.is_object()) return bad("not valid JSON");
  if (!j.contains("layout") || !j["layout"].is_string()) return bad("no \"layout\"");
  out->layout = j["layout"].get<std::string>();
  if (j.contains("files") && j["files"].is_object())
    for (auto it = j["files"].begin(); it != j["files"].end(); ++it)
      if (it.value().is_string()) out->files[it.key()] = it.value().get<std::string>();
  if (j.contains("artifacts") && j["artifacts"].is_object())
    for (auto a = j["artifacts"].begin(); a != j["artifacts"].end(); ++a) {
      if (!a.value().is_object()) return bad("artifact \"" + a.key() + "\" is not an object");
      if (a.value().contains("version") && a.value()["version"].is_number_integer())
        out->versions[a.key()] = a.value()["version"].get<int>();
      if (!a.value().contains("sections") || !a.value()["sections"].is_object()) continue;
      for (auto s = a.value()["sections"].begin(); s != a.value()["sections"].end(); ++s) {
        if (!s.value().is_object()) return bad("section \"" + s.key() + "\" is not an object");
        SectionBase h;
        if (s.value().contains("project") && s.value()["project"].is_string()) h.project = s.value()["project"];
        if (s.value().contains("folder") && s.value()["folder"].is_string()) h.folder = s.value()["folder"];
        out->sections[a.key()][s.key()] = h;
      }
    }
  if (j.contains("ids") && !IdsFrom(j["ids"], &out->ids)) return bad("\"ids\" is malformed");
  return true;
}

std::string CopyName(const std::string& author, const std::string& project_identity) {
  std::string slug = Slugify(author);
  if (slug.empty()) slug = "local";
  return slug + "-" + Sha256Hex(project_identity).substr(0, 6);
}

}  // namespace specwave::interop
