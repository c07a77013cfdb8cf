#include "interop/interop.hpp"

#include <algorithm>
#include <set>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "interop/pack_view.hpp"
#include "interop/sections.hpp"

namespace specwave::interop {
namespace {

bool Held(const Codec& c, const std::string& artifact) {
  return std::find(c.held.begin(), c.held.end(), artifact) != c.held.end();
}

std::map<std::string, SectionBase> SectionHashes(const std::string* project, const std::string* folder) {
  std::map<std::string, SectionBase> out;
  if (project)
    for (const KeyedSection& s : KeyedSections(*project))
      if (!s.frontmatter) out[s.key].project = SectionHash(s.text);
  if (folder)
    for (const KeyedSection& s : KeyedSections(*folder))
      if (!s.frontmatter) out[s.key].folder = SectionHash(s.text);
  return out;
}

// Ids a pack defines more than once (two branches that both typed FR-007).
std::vector<std::string> DuplicateIds(const Pack& pack) {
  std::vector<std::string> ids = PackIds(pack, {"prd.md", "epics.md", "tasks.md"});
  std::set<std::string> seen, twice;
  for (const std::string& id : ids)
    if (!seen.insert(id).second) twice.insert(id);
  return {twice.begin(), twice.end()};
}

}  // namespace

std::vector<Format> LayoutsOf(const FileTree& files) {
  std::vector<Format> out;
  for (Format f : AllFormats())
    if (CodecFor(f).not_this_layout(files).empty()) out.push_back(f);
  return out;
}

CopyBase MakeBase(Format format, const std::string& copy, const FileTree& files, const Pack& project,
                  const Pack& folder_as_imported, const IdSpace& ids) {
  const Codec& codec = CodecFor(format);
  CopyBase b;
  b.copy = copy;
  b.layout = codec.name;
  b.ids = ids;
  for (const auto& [path, text] : files)
    if (!StartsWith(path, kBaseDir) && path != kManifestPath) b.files[path] = Sha256Hex(text);
  for (const std::string& artifact : codec.held) {
    const std::string* p = project.Find(artifact);
    const std::string* f = folder_as_imported.Find(artifact);
    if (!p && !f) continue;
    b.sections[artifact] = SectionHashes(p, f);
    auto v = project.versions.find(artifact);
    if (v != project.versions.end()) b.versions[artifact] = v->second;
  }
  return b;
}

ImportResult ImportPack(Format format, const FileTree& files, const ImportOptions& options, const Pack& project,
                        IdSpace ids) {
  const Codec& codec = CodecFor(format);
  ImportResult out;
  std::string why = codec.not_this_layout(files);
  if (!why.empty()) {
    std::string hint;
    for (Format other : LayoutsOf(files)) hint += (hint.empty() ? " (it looks like " : ", ") + std::string(FormatName(other));
    if (!hint.empty()) hint += ": try --format " + std::string(FormatName(LayoutsOf(files)[0])) + ")";
    out.errors.push_back({Severity::kError, "", 0, 0, "", std::string("not a ") + codec.tool + " folder: " + why + hint, ""});
    return out;
  }
  CodecImport in = codec.import_files(files, options);
  out.ignored = in.ignored;
  out.errors = in.errors;
  if (!out.errors.empty()) return out;
  for (const std::string& id : DuplicateIds(in.pack))
    out.errors.push_back({Severity::kError, "", 0, 0, id,
                          id + " is defined twice (two branches that both added it?): give one of them another "
                          "number in the folder, then sync again",
                          ""});
  if (!out.errors.empty()) return out;
  out.ids = ids;
  out.pack = ToDisplayIds(in.pack, project, &out.ids);
  out.pack.project_name = in.pack.project_name;
  return out;
}

ExportResult ExportPack(Format format, const Pack& pack, const ExportOptions& options) {
  const Codec& codec = CodecFor(format);
  ExportResult r;
  IdSpace space = options.base ? options.base->ids : IdSpace{};
  Pack folder_pack = ToFolderIds(pack, options.author, &space);
  ExportContext ctx;
  ctx.slug = Slugify(pack.project_name);
  if (ctx.slug.empty()) ctx.slug = "project";
  CodecExport out = codec.export_pack(folder_pack, ctx);
  r.entry = out.entry;
  r.ids = out.ids;
  r.files = std::move(out.files);

  // What comes back through the codec's own importer, in display ids (with
  // the manifest's id table, which layouts without numbers read).
  Manifest m;
  m.layout = codec.name;
  m.tool = codec.tool;
  m.project = pack.project_name;
  m.entry = r.entry;
  m.ids = r.ids;
  FileTree probe = r.files;
  probe[kManifestPath] = ManifestJson(m);
  CodecImport back = codec.import_files(probe, ImportOptions{"", pack.project_name});
  IdSpace check = space;
  Pack back_display = ToDisplayIds(back.pack, pack, &check);
  std::vector<std::string> held;
  for (const auto& [artifact, text] : pack.artifacts)
    if (Held(codec, artifact)) held.push_back(artifact);
    else r.not_held.push_back(artifact);
  r.round_trip = CompareRoundTrip(pack, back_display, held);
  std::map<std::string, std::string> reasons;
  for (const Dropped& d : out.dropped) reasons[d.artifact + "\n" + d.section] = d.why;
  for (const ArtifactRoundTrip& a : r.round_trip.artifacts)
    for (const std::string& key : a.lost) {
      auto it = reasons.find(a.artifact + "\n" + key);
      r.dropped.push_back({a.artifact, key,
                           it != reasons.end() ? it->second : std::string("no place for it in ") + codec.tool});
    }
  for (const std::string& artifact : r.not_held)
    r.dropped.push_back({artifact, "", std::string(codec.tool) + " has no place for this artifact"});

  r.files["AGENTS.md"] = AgentsMd(format, pack, r.entry, r.dropped);
  for (const auto& [path, text] : r.files) m.files.push_back({path, Sha256Hex(text)});
  m.dropped = r.dropped;
  m.not_held = r.not_held;
  m.round_trip = r.round_trip;
  r.files[kManifestPath] = ManifestJson(m);
  r.base = MakeBase(format, options.copy, r.files, pack, back_display, space);
  r.files[BasePath(options.copy)] = BaseJson(r.base);
  return r;
}

}  // namespace specwave::interop
