#include "interop/sync.hpp"

#include <algorithm>
#include <set>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "interop/section_merge.hpp"
#include "interop/sections.hpp"

namespace specwave::interop {
namespace {

struct Side {
  std::map<std::string, const KeyedSection*> by_key;
  std::vector<KeyedSection> list;
  explicit Side(const std::string* text) {
    if (text) list = KeyedSections(*text);
    for (const KeyedSection& s : list)
      if (!s.frontmatter) by_key[s.key] = &s;
  }
  std::string Hash(const std::string& key) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? "" : SectionHash(it->second->text);
  }
  const KeyedSection* Get(const std::string& key) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? nullptr : it->second;
  }
};

const char* Kind(const KeyedSection* before, const KeyedSection* after) {
  return !before ? "added" : !after ? "deleted" : "modified";
}

// The section before `key` in the folder's order that is not being deleted.
std::string PreviousKey(const Side& folder, const std::string& key) {
  std::string prev;
  for (const KeyedSection& s : folder.list) {
    if (s.frontmatter) continue;
    if (s.key == key) return prev;
    prev = s.key;
  }
  return prev;
}

}  // namespace

SyncPlan PlanSync(Format format, const FileTree& folder, const Pack& project, const std::optional<CopyBase>& base,
                  Prefer prefer) {
  const Codec& codec = CodecFor(format);
  SyncPlan plan;
  for (const auto& [path, text] : folder) {
    if (StartsWith(path, kBaseDir) || path == kManifestPath) continue;
    auto it = base ? base->files.find(path) : std::map<std::string, std::string>::const_iterator{};
    if (!base || it == base->files.end() || it->second != Sha256Hex(text)) plan.changed_files.push_back(path);
  }
  ImportResult in = ImportPack(format, folder, ImportOptions{"", project.project_name}, project,
                               base ? base->ids : IdSpace{});
  plan.errors = in.errors;
  plan.ignored = in.ignored;
  plan.ids = in.ids;
  if (!plan.errors.empty()) return plan;
  for (const std::string& artifact : codec.held) {
    const std::string* folder_text = in.pack.Find(artifact);
    if (!folder_text) continue;  // the folder has nothing for it: leave the project's as it is
    const std::string* project_text = project.Find(artifact);
    Side f(folder_text), p(project_text);
    static const std::map<std::string, SectionBase> kNone;
    const std::map<std::string, SectionBase>* b = &kNone;
    if (base) {
      auto it = base->sections.find(artifact);
      if (it != base->sections.end()) b = &it->second;
    }
    std::set<std::string> keys;
    for (const auto& [k, s] : f.by_key) keys.insert(k);
    for (const auto& [k, h] : *b) keys.insert(k);
    std::vector<SectionOp> ops;
    // Document order of the folder, deletions after.
    std::vector<std::string> ordered;
    for (const KeyedSection& s : f.list)
      if (!s.frontmatter) ordered.push_back(s.key);
    // Deletions only against a base: without one, a section the folder lacks
    // may just be one the layout cannot hold.
    if (base)
      for (const std::string& k : keys)
        if (!f.by_key.count(k)) ordered.push_back(k);
    for (const std::string& key : ordered) {
      if (key == "(preamble)" && !f.Get(key) && !p.Get(key)) continue;
      std::string fh = f.Hash(key), ph = p.Hash(key);
      auto bit = b->find(key);
      std::string bf = bit != b->end() ? bit->second.folder : "", bp = bit != b->end() ? bit->second.project : "";
      bool folder_changed = !base || fh != bf;
      if (!folder_changed || fh == ph) continue;
      bool project_unchanged = base && (ph == bp || ph == bf);
      if (!project_unchanged && prefer == Prefer::kProject) continue;
      if (!project_unchanged && prefer != Prefer::kFolder) {
        plan.conflicts.push_back({artifact, key});
        continue;
      }
      const KeyedSection* fs = f.Get(key);
      SectionOp op;
      op.key = key;
      if (fs) {
        op.text = fs->text;
        op.heading_line = fs->heading_line;
        op.after_key = PreviousKey(f, key);
      }
      plan.applied.push_back(artifact + ": " + key + " (" + Kind(p.Get(key), fs) + ")");
      ops.push_back(std::move(op));
    }
    if (ops.empty()) continue;
    std::string merged = project_text ? ApplySectionOps(*project_text, ops) : *folder_text;
    if (!project_text || NormalizeText(merged) != NormalizeText(*project_text)) plan.edits[artifact] = merged;
  }
  return plan;
}

SyncWrite FinishSync(Format format, const FileTree& folder, const Pack& project, const std::optional<CopyBase>& base,
                     const IdSpace& ids, const std::string& author, const std::string& copy,
                     const std::vector<std::string>& changed_files) {
  ExportOptions o;
  o.author = author;
  o.copy = copy;
  CopyBase with_ids = base.value_or(CopyBase{});
  with_ids.ids = ids;
  o.base = with_ids;
  ExportResult ex = ExportPack(format, project, o);
  std::set<std::string> changed(changed_files.begin(), changed_files.end());
  SyncWrite w;
  FileTree final_tree = folder;
  for (const auto& [path, text] : ex.files) {
    if (StartsWith(path, kBaseDir)) continue;
    if (changed.count(path) && path != kManifestPath) continue;  // a person's edit: never overwritten
    auto it = folder.find(path);
    if (it != folder.end() && it->second == text) continue;
    final_tree[path] = text;
    w.files[path] = text;
    if (path != kManifestPath) w.refreshed.push_back(path);
  }
  // The export may have drawn folder numbers for new ids: read back with its map.
  ImportResult back = ImportPack(format, final_tree, ImportOptions{"", project.project_name}, project, ex.base.ids);
  w.base = MakeBase(format, copy, final_tree, project, back.pack, back.errors.empty() ? back.ids : ex.base.ids);
  w.files[BasePath(copy)] = BaseJson(w.base);
  return w;
}

}  // namespace specwave::interop
