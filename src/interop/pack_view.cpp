#include "interop/pack_view.hpp"

#include "core/text.hpp"
#include "interop/carry.hpp"

namespace specwave::interop {

const MdNode* FeaturesNode(const MdNode& top) {
  if (const MdNode* f = ChildWithPrefix(top, "Features")) return f;
  for (const MdNode& c : top.children)
    if (ParseIdHeading(c.heading, 'F')) return &top;
  return nullptr;
}

PackView ViewOf(const Pack& pack) {
  PackView v;
  v.project = pack.project_name;
  for (const auto& [name, text] : pack.artifacts) v.docs.emplace(name, ParseMd(text));
  if (const MdNode* top = v.TopOf("prd.md"))
    if (const MdNode* features = FeaturesNode(*top))
      for (const MdNode& f : features->children)
        if (ParseIdHeading(f.heading, 'F')) v.features.push_back(ParseFeature(f));
  if (const MdNode* top = v.TopOf("epics.md"))
    for (const MdNode& e : top->children)
      if (ParseIdHeading(e.heading, 'E')) v.epics.push_back(ParseEpic(e));
  if (const MdDoc* d = v.Doc("tasks.md")) v.groups = ReadTaskGroups(*d);
  return v;
}

const MdDoc* PackView::Doc(const std::string& artifact) const {
  auto it = docs.find(artifact);
  return it == docs.end() ? nullptr : &it->second;
}

const MdNode* PackView::TopOf(const std::string& artifact) const {
  const MdDoc* d = Doc(artifact);
  return d ? &Top(*d) : nullptr;
}

const Feature* PackView::FeatureNumber(int n) const {
  for (const Feature& f : features)
    if (f.number == n) return &f;
  return nullptr;
}

const Epic* PackView::EpicNumber(int n) const {
  for (const Epic& e : epics)
    if (e.number == n) return &e;
  return nullptr;
}

std::string PackView::FrontmatterField(const std::string& artifact, const std::string& key) const {
  const MdDoc* d = Doc(artifact);
  if (!d) return "";
  for (std::string_view line : SplitLines(d->frontmatter)) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || Trim(line.substr(0, colon)) != key) continue;
    std::string_view v = Trim(line.substr(colon + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return "";
}

}  // namespace specwave::interop
