// OpenSpec export: the PRD's features as OpenSpec requirements, one
// capability per epic (openspec/specs/<capability>/spec.md: Purpose = the
// epic's text, a "### Requirement:" per feature with SHALL text and a
// WHEN/THEN scenario per acceptance bullet), and the PRD's history as change
// folders (openspec_changes.cpp). OpenSpec names requirements, it does not
// number them: the F ids live in .specwave/manifest.json (requirement name ->
// F id, capability -> E id), which the import reads back.
#include "core/text.hpp"
#include "interop/carry.hpp"
#include "interop/format.hpp"
#include "interop/openspec_changes.hpp"
#include "interop/openspec_layout.hpp"

namespace specwave::interop {

CodecExport ExportOpenSpec(const Pack& pack, const ExportContext& ctx) {
  CodecExport out;
  PackView v = ViewOf(pack);
  out.entry = openspec::kSpecsDir;
  openspec::Capabilities caps = openspec::CapabilitiesOf(v, ctx.slug);
  for (const std::string& cap : caps.order) {
    const Epic* e = v.EpicNumber(caps.epic[cap]);
    std::string path = std::string(openspec::kSpecsDir) + cap + "/spec.md";
    MdNode top = MakeNode(1, (e ? e->title : v.project) + openspec::kSpecSuffix);
    MdNode purpose = MakeNode(2, "Purpose", e ? e->body : "The requirements of " + v.project + " that no epic covers yet.");
    if (e) purpose.children = e->children;
    top.children.push_back(std::move(purpose));
    MdNode reqs = MakeNode(2, "Requirements");
    for (const Feature& f : v.features) {
      if (caps.of_feature[f.number] != cap) continue;
      reqs.children.push_back(openspec::RequirementNode(f));
      out.ids.push_back({"F" + std::to_string(f.number), "Requirement: " + f.title, {cap}, path});
      if (!f.children.empty())
        out.dropped.push_back({"prd.md", "Features > F" + std::to_string(f.number) + ": " + f.title,
                               "OpenSpec requirements hold scenarios, not sub-sections"});
    }
    top.children.push_back(std::move(reqs));
    out.files[path] = RenderNode(top);
    if (e) out.ids.push_back({"E" + std::to_string(e->number), "capability " + cap, {}, path});
  }
  if (const MdNode* prd = v.TopOf("prd.md"))
    for (const MdNode& s : OtherSections(*prd, {"Features"}))
      out.dropped.push_back({"prd.md", s.title, "OpenSpec specs hold requirements and scenarios only"});
  for (auto& [path, text] : OpenSpecChanges(pack, caps)) out.files[path] = text;
  return out;
}

}  // namespace specwave::interop
