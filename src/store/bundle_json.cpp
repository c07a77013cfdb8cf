// The export JSON (single file and manifest.json): writing it, and reading it
// back with every field checked. Input comes from outside, so each problem is
// reported with the file and the field ("tide.specwave.json:
// artifacts[1].versions[0].sha256: expected 64 lowercase hex digits").
// nlohmann::json throws; every call that can is inside a try here.
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/sha256.hpp"
#include "engine/run_report.hpp"
#include "store/bundle_codec.hpp"
#include "store/names.hpp"

namespace specwave::bundle {

using Kind = StoreError::Kind;
using nlohmann::json;
using nlohmann::ordered_json;

std::string LatestPath(const std::string& artifact) { return "artifacts/" + artifact; }
std::string VersionPath(const std::string& artifact, int version) {
  return "versions/" + artifact + "/v" + std::to_string(version) + ".md";
}

// ---- Writing ------------------------------------------------------------------

StoreError Encode(const ProjectBundle& bundle, Layout layout, std::string* out) {
  const bool inline_content = layout == Layout::kSingleFile;
  try {
    const ProjectRecord& p = bundle.project;
    std::string settings_text;
    int removed = 0;
    json settings = json::object();
    if (ScrubSecrets(p.settings_json, &settings_text, &removed, nullptr))
      settings = json::parse(settings_text, nullptr, false);
    if (!settings.is_object()) settings = json::object();

    ordered_json project = {{"name", p.name}, {"workflow_name", p.workflow_name}};
    project["settings"] = settings;
    project["created_at"] = p.created_at;
    project["updated_at"] = p.updated_at;
    if (inline_content) {
      project["brief"] = p.brief;
      project["workflow_yaml"] = p.workflow_yaml;
    } else {
      project["brief_file"] = kBriefFile;
      project["workflow_file"] = kWorkflowFile;
    }

    // Versions grouped by artifact, in the order of bundle.artifacts (then
    // any artifact that only appears among the versions).
    std::map<std::string, std::vector<const ArtifactVersion*>> by_name;
    for (const auto& v : bundle.versions) by_name[v.artifact].push_back(&v);
    std::vector<std::pair<std::string, std::string>> names;  // name, stale_reason
    std::set<std::string> seen;
    for (const auto& a : bundle.artifacts)
      if (by_name.count(a.artifact) && seen.insert(a.artifact).second) names.push_back({a.artifact, a.stale_reason});
    for (const auto& [name, list] : by_name)
      if (seen.insert(name).second) names.push_back({name, ""});

    ordered_json artifacts = ordered_json::array();
    for (const auto& [name, stale] : names) {
      ordered_json a = {{"name", name}, {"stale_reason", stale}};
      if (!inline_content) a["latest_file"] = LatestPath(name);
      ordered_json versions = ordered_json::array();
      for (const ArtifactVersion* v : by_name[name]) {
        ordered_json e = {{"version", v->version},
                          {"sha256", v->sha256},
                          {"author", v->author},
                          {"phase", v->phase},
                          {"regeneration_reason", v->regeneration_reason},
                          {"created_at", v->created_at}};
        if (inline_content)
          e["content"] = v->content;
        else
          e["file"] = VersionPath(name, v->version);
        versions.push_back(std::move(e));
      }
      a["versions"] = std::move(versions);
      artifacts.push_back(std::move(a));
    }

    ordered_json root = {{"format", kBundleFormat}, {"format_version", kBundleFormatVersion}};
    root["project"] = std::move(project);
    root["artifacts"] = std::move(artifacts);
    if (bundle.last_run) {
      const WorkflowRunRecord& r = *bundle.last_run;
      ordered_json metrics = ordered_json::parse(r.metrics_json, nullptr, false);
      ordered_json options = ordered_json::parse(r.options_json, nullptr, false);
      if (metrics.is_object())
        root["last_run"] = {{"kind", RunKindName(r.kind)},
                            {"mode", r.mode},
                            {"status", RunStatusName(r.status)},
                            {"started_at", r.started_at},
                            {"finished_at", r.finished_at},
                            {"options", options.is_object() ? options : ordered_json::object()},
                            {"metrics", std::move(metrics)}};
    }
    *out = root.dump(2) + "\n";
    return {};
  } catch (const json::exception& e) {
    // dump() refuses text that is not UTF-8.
    return {Kind::kInvalid, "the project cannot be written as JSON (" + std::string(e.what()) +
                                "); some stored text is not valid UTF-8"};
  } catch (const std::exception& e) {
    return {Kind::kIo, std::string("the project cannot be written as JSON: ") + e.what()};
  }
}

// ---- Reading ------------------------------------------------------------------

namespace {

class Reader {
 public:
  Reader(const std::string& source, Layout layout, FileReader read_file)
      : source_(source), layout_(layout), read_file_(std::move(read_file)) {}

  StoreError Fail(const std::string& where, const std::string& problem) const {
    return {Kind::kInvalid, source_ + ": " + (where.empty() ? "" : where + ": ") + problem};
  }

  const json* Find(const json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  StoreError String(const json& obj, const std::string& where, const char* key, bool required, std::string* out) const {
    const json* v = Find(obj, key);
    if (!v) return required ? Fail(where, std::string("missing field \"") + key + "\"") : StoreError{};
    if (!v->is_string()) return Fail(Join(where, key), "expected a string");
    *out = v->get<std::string>();
    return {};
  }

  StoreError Int(const json& obj, const std::string& where, const char* key, bool required, int64_t min, int64_t max,
                 int64_t* out) const {
    const json* v = Find(obj, key);
    if (!v) return required ? Fail(where, std::string("missing field \"") + key + "\"") : StoreError{};
    if (!v->is_number_integer()) return Fail(Join(where, key), "expected an integer");
    if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(max))
      return Fail(Join(where, key), "the number is too large");
    int64_t n = v->get<int64_t>();
    if (n < min || n > max)
      return Fail(Join(where, key), "expected a number from " + std::to_string(min) + " to " + std::to_string(max));
    *out = n;
    return {};
  }

  // A file named in the manifest: must be a safe relative path; read through
  // the folder reader (which also refuses links out of the folder).
  StoreError File(const json& obj, const std::string& where, const char* key, bool required, std::string* rel,
                  std::string* content) const {
    if (StoreError err = String(obj, where, key, required, rel)) return err;
    if (rel->empty()) return required ? Fail(Join(where, key), "empty file name") : StoreError{};
    std::string why;
    if (!IsSafeArtifactName(*rel, &why)) return Fail(Join(where, key), "'" + *rel + "' is not a safe path: " + why);
    return read_file_(*rel, content);
  }

  static std::string Join(const std::string& where, const char* key) { return where.empty() ? key : where + "." + key; }

  const std::string& source() const { return source_; }
  Layout layout() const { return layout_; }

 private:
  std::string source_;
  Layout layout_;
  FileReader read_file_;
};

bool IsSha256Hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

StoreError DecodeProject(const Reader& r, const json& root, ProjectBundle* out) {
  const json* pj = r.Find(root, "project");
  if (!pj) return r.Fail("", "missing field \"project\"");
  if (!pj->is_object()) return r.Fail("project", "expected an object");
  ProjectRecord& p = out->project;
  if (StoreError e = r.String(*pj, "project", "name", true, &p.name)) return e;
  if (p.name.empty()) return r.Fail("project.name", "the name is empty");
  if (StoreError e = r.String(*pj, "project", "workflow_name", false, &p.workflow_name)) return e;
  constexpr int64_t kMaxTime = std::numeric_limits<int64_t>::max();
  if (StoreError e = r.Int(*pj, "project", "created_at", false, 0, kMaxTime, &p.created_at)) return e;
  if (StoreError e = r.Int(*pj, "project", "updated_at", false, 0, kMaxTime, &p.updated_at)) return e;
  p.settings_json = "{}";
  if (const json* s = r.Find(*pj, "settings")) {
    if (!s->is_object()) return r.Fail("project.settings", "expected an object");
    int removed = 0;
    std::string why;
    if (!ScrubSecrets(s->dump(), &p.settings_json, &removed, &why)) return r.Fail("project.settings", why);
  }
  if (r.layout() == Layout::kSingleFile) {
    if (StoreError e = r.String(*pj, "project", "brief", false, &p.brief)) return e;
    if (StoreError e = r.String(*pj, "project", "workflow_yaml", false, &p.workflow_yaml)) return e;
  } else {
    std::string rel;
    if (StoreError e = r.File(*pj, "project", "brief_file", false, &rel, &p.brief)) return e;
    if (StoreError e = r.File(*pj, "project", "workflow_file", false, &rel, &p.workflow_yaml)) return e;
  }
  return {};
}

StoreError DecodeArtifact(const Reader& r, const json& a, const std::string& where, const std::string& root_label,
                          std::set<std::string>* names, ProjectBundle* out) {
  if (!a.is_object()) return r.Fail(where, "expected an object");
  ArtifactState state;
  if (StoreError e = r.String(a, where, "name", true, &state.artifact)) return e;
  std::string why;
  if (!IsSafeArtifactName(state.artifact, &why))
    return r.Fail(where + ".name", "'" + state.artifact + "' is not a safe file name: " + why);
  if (!names->insert(state.artifact).second) return r.Fail(where + ".name", "'" + state.artifact + "' appears twice");
  if (StoreError e = r.String(a, where, "stale_reason", false, &state.stale_reason)) return e;

  const json* vs = r.Find(a, "versions");
  if (!vs) return r.Fail(where, "missing field \"versions\"");
  if (!vs->is_array() || vs->empty()) return r.Fail(where + ".versions", "expected a non-empty array");
  int64_t previous = 0;
  std::string latest_sha;
  for (size_t j = 0; j < vs->size(); ++j) {
    const json& vj = (*vs)[j];
    std::string vw = where + ".versions[" + std::to_string(j) + "]";
    if (!vj.is_object()) return r.Fail(vw, "expected an object");
    ArtifactVersion v;
    v.artifact = state.artifact;
    int64_t number = 0;
    if (StoreError e = r.Int(vj, vw, "version", true, 1, std::numeric_limits<int>::max(), &number)) return e;
    if (number <= previous) return r.Fail(vw + ".version", "versions must be listed in increasing order");
    previous = number;
    v.version = static_cast<int>(number);
    if (StoreError e = r.String(vj, vw, "sha256", true, &v.sha256)) return e;
    if (!IsSha256Hex(v.sha256)) return r.Fail(vw + ".sha256", "expected 64 lowercase hex digits");
    if (StoreError e = r.String(vj, vw, "author", true, &v.author)) return e;
    if (!(v.author == "user" || (v.author.size() > 6 && v.author.compare(0, 6, "agent:") == 0)))
      return r.Fail(vw + ".author", "expected \"user\" or \"agent:<name>\"");
    if (StoreError e = r.String(vj, vw, "phase", false, &v.phase)) return e;
    if (StoreError e = r.String(vj, vw, "regeneration_reason", false, &v.regeneration_reason)) return e;
    if (StoreError e = r.Int(vj, vw, "created_at", false, 0, std::numeric_limits<int64_t>::max(), &v.created_at))
      return e;
    std::string label;  // what to name when the content does not match
    if (r.layout() == Layout::kSingleFile) {
      if (!r.Find(vj, "content") && r.Find(vj, "file"))
        return r.Fail(vw,
                      "names a file instead of holding its content: this is a folder export's manifest; "
                      "import the folder that holds it");
      if (StoreError e = r.String(vj, vw, "content", true, &v.content)) return e;
      label = r.source() + ": " + vw + " (" + v.artifact + " v" + std::to_string(v.version) + ")";
    } else {
      std::string rel;
      if (StoreError e = r.File(vj, vw, "file", true, &rel, &v.content)) return e;
      label = root_label + "/" + rel;
    }
    std::string actual = Sha256Hex(v.content);
    if (actual != v.sha256)
      return {Kind::kInvalid, label + ": the content does not match its sha256 in the manifest (expected " +
                                  v.sha256.substr(0, 12) + "…, found " + actual.substr(0, 12) + "…)"};
    latest_sha = v.sha256;
    out->versions.push_back(std::move(v));
  }
  if (r.layout() == Layout::kFolder && r.Find(a, "latest_file")) {
    std::string rel, content;
    if (StoreError e = r.File(a, where, "latest_file", false, &rel, &content)) return e;
    if (Sha256Hex(content) != latest_sha)
      return {Kind::kInvalid, root_label + "/" + rel + ": differs from the latest version of " + state.artifact +
                                  " in the manifest; the export was edited after it was written"};
  }
  state.latest_version = static_cast<int>(previous);
  out->artifacts.push_back(std::move(state));
  return {};
}

StoreError DecodeLastRun(const Reader& r, const json& lr, ProjectBundle* out) {
  if (!lr.is_object()) return r.Fail("last_run", "expected an object");
  constexpr int64_t kMaxTime = std::numeric_limits<int64_t>::max();
  WorkflowRunRecord run;
  std::string kind, status;
  if (StoreError e = r.String(lr, "last_run", "kind", true, &kind)) return e;
  auto parsed_kind = ParseRunKind(kind);
  if (!parsed_kind) return r.Fail("last_run.kind", "expected \"run\" or \"regeneration\"");
  run.kind = *parsed_kind;
  if (StoreError e = r.String(lr, "last_run", "mode", false, &run.mode)) return e;
  if (StoreError e = r.String(lr, "last_run", "status", true, &status)) return e;
  auto parsed_status = ParseRunStatus(status);
  if (!parsed_status) return r.Fail("last_run.status", "not a run status");
  run.status = *parsed_status;
  if (StoreError e = r.Int(lr, "last_run", "started_at", false, 0, kMaxTime, &run.started_at)) return e;
  if (StoreError e = r.Int(lr, "last_run", "finished_at", false, 0, kMaxTime, &run.finished_at)) return e;
  const json* options = r.Find(lr, "options");
  if (options && !options->is_object()) return r.Fail("last_run.options", "expected an object");
  run.options_json = options ? options->dump() : "{}";
  const json* metrics = r.Find(lr, "metrics");
  if (!metrics || !metrics->is_object()) return r.Fail("last_run.metrics", "expected an object (a run report)");
  run.metrics_json = metrics->dump();
  if (!RunReport::FromJson(run.metrics_json)) return r.Fail("last_run.metrics", "not a run report");
  // Settings-like text from outside: nothing that looks like a credential.
  std::string scrubbed;
  int dropped = 0;
  if (ScrubSecrets(run.options_json, &scrubbed, &dropped, nullptr)) run.options_json = scrubbed;
  out->last_run = std::move(run);
  return {};
}

}  // namespace

StoreError Decode(const std::string& text, const std::string& source, Layout layout, const FileReader& read_file,
                  ProjectBundle* out) {
  *out = {};
  try {
    FileReader no_files = [&](const std::string& rel, std::string*) -> StoreError {
      return {Kind::kInvalid, source + ": names a file (" + rel + ") but a single-file export holds its contents"};
    };
    Reader r(source, layout, read_file ? read_file : no_files);
    json root;
    try {
      root = json::parse(text);
    } catch (const json::parse_error& e) {
      return r.Fail("", std::string("not valid JSON (") + e.what() + ")");
    }
    if (!root.is_object()) return r.Fail("", "expected a JSON object");
    std::string format;
    if (StoreError e = r.String(root, "", "format", true, &format)) return e;
    if (format != kBundleFormat) return r.Fail("format", "\"" + format + "\" is not a Specwave project export");
    int64_t version = 0;
    if (StoreError e = r.Int(root, "", "format_version", true, 1, std::numeric_limits<int>::max(), &version)) return e;
    if (version > kBundleFormatVersion)
      return r.Fail("format_version", "written by a newer Specwave (format " + std::to_string(version) + " > " +
                                          std::to_string(kBundleFormatVersion) + "); update Specwave to import it");
    if (StoreError e = DecodeProject(r, root, out)) return e;
    const json* arts = r.Find(root, "artifacts");
    if (!arts) return r.Fail("", "missing field \"artifacts\"");
    if (!arts->is_array()) return r.Fail("artifacts", "expected an array");
    // Messages about version files name them relative to the folder.
    std::string root_label = source;
    if (layout == Layout::kFolder) {
      size_t slash = source.find_last_of('/');
      root_label = slash == std::string::npos ? "." : source.substr(0, slash);
    }
    std::set<std::string> names;
    for (size_t i = 0; i < arts->size(); ++i)
      if (StoreError e = DecodeArtifact(r, (*arts)[i], "artifacts[" + std::to_string(i) + "]", root_label, &names, out))
        return e;
    if (const json* lr = r.Find(root, "last_run")) return DecodeLastRun(r, *lr, out);
    return {};
  } catch (const std::exception& e) {
    return {Kind::kInvalid, source + ": cannot be read (" + e.what() + ")"};
  }
}

}  // namespace specwave::bundle

namespace specwave {

StoreError BundleToJson(const ProjectBundle& bundle, std::string* json) {
  return bundle::Encode(bundle, bundle::Layout::kSingleFile, json);
}

StoreError BundleFromJson(const std::string& json, const std::string& source, ProjectBundle* out) {
  if (json.size() > bundle::kMaxInputBytes) return {StoreError::Kind::kInvalid, source + ": the file is too large"};
  return bundle::Decode(json, source, bundle::Layout::kSingleFile, nullptr, out);
}

}  // namespace specwave
