#include "interop/roundtrip.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "design/design_tokens.hpp"
#include "interop/carry.hpp"
#include "interop/pack_view.hpp"
#include "interop/sections.hpp"

namespace specwave::interop {
namespace {

bool Wanted(const std::vector<std::string>& only, const std::string& artifact) {
  return only.empty() || std::find(only.begin(), only.end(), artifact) != only.end();
}

void ChildTitles(const PackView& v, const std::string& artifact, const char* section, const char* kind,
                 std::vector<std::string>* out) {
  const MdNode* top = v.TopOf(artifact);
  const MdNode* list = top ? ChildWithPrefix(*top, section) : nullptr;
  if (!list) return;
  for (const MdNode& c : list->children) out->push_back(std::string(kind) + ":" + c.title);
}

}  // namespace

int RoundTrip::SectionsTotal() const {
  int n = 0;
  for (const auto& a : artifacts) n += a.sections_total;
  return n;
}

int RoundTrip::SectionsKept() const {
  int n = 0;
  for (const auto& a : artifacts) n += a.sections_kept;
  return n;
}

std::vector<std::string> PackIds(const Pack& pack, const std::vector<std::string>& only) {
  PackView v = ViewOf(pack);
  std::vector<std::string> out;
  if (Wanted(only, "prd.md"))
    for (const Feature& f : v.features) out.push_back("F" + std::to_string(f.number));
  if (Wanted(only, "epics.md"))
    for (const Epic& e : v.epics) out.push_back("E" + std::to_string(e.number));
  if (Wanted(only, "tasks.md"))
    for (const TaskGroup& g : v.groups)
      for (const Task& t : g.tasks) out.push_back("T" + std::to_string(t.epic) + "." + std::to_string(t.number));
  if (Wanted(only, "data-model.md")) ChildTitles(v, "data-model.md", "Entities", "entity", &out);
  if (Wanted(only, "api-spec.md")) ChildTitles(v, "api-spec.md", "Endpoints", "endpoint", &out);
  if (Wanted(only, "component-mapping.md")) ChildTitles(v, "component-mapping.md", "Components", "component", &out);
  if (Wanted(only, "design-tokens.md"))
    if (const std::string* t = pack.Find("design-tokens.md")) {
      std::set<std::string> seen;
      for (const TokenDefinition& d : ParseDesignTokens(*t).definitions)
        if (d.source != TokenSource::kCss && seen.insert(d.name).second) out.push_back("token:" + d.name);
    }
  return out;
}

RoundTrip CompareRoundTrip(const Pack& original, const Pack& back, const std::vector<std::string>& held) {
  RoundTrip r;
  for (const std::string& artifact : held) {
    const std::string* a = original.Find(artifact);
    if (!a) continue;
    ArtifactRoundTrip art;
    art.artifact = artifact;
    std::map<std::string, std::string> kept;
    if (const std::string* b = back.Find(artifact))
      for (const KeyedSection& s : KeyedSections(*b)) kept[s.key] = s.text;
    for (const KeyedSection& s : KeyedSections(*a)) {
      if (s.frontmatter || (s.key == "(preamble)" && s.text.empty())) continue;
      ++art.sections_total;
      auto it = kept.find(s.key);
      if (it != kept.end() && it->second == s.text) ++art.sections_kept;
      else art.lost.push_back(s.key);
    }
    r.artifacts.push_back(std::move(art));
  }
  std::vector<std::string> before = PackIds(original, held);
  std::vector<std::string> after = PackIds(back, held);
  std::set<std::string> after_set(after.begin(), after.end());
  for (const std::string& id : before) {
    ++r.ids_total;
    if (after_set.count(id)) ++r.ids_kept;
    else r.ids_lost.push_back(id);
  }
  return r;
}

}  // namespace specwave::interop
