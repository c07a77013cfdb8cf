// DESIGN.md export (Google Labs' format, google-labs-code/design.md
// docs/spec.md): design-tokens.md and component-mapping.md as one file.
//
//   front matter  version: alpha, name, colors (every colour token, in
//                 oklch(): written as it is when it already is, converted
//                 otherwise), primary (a reference to the accent when no
//                 token is called primary), typography (each type size with
//                 its font stack, size and line height), spacing, rounded
//                 (radius tokens), components (each component-mapping entry:
//                 backgroundColor, textColor, typography, padding, rounded as
//                 references to the tokens on its Tokens: line)
//   sections      Overview = the tokens' introduction, Colors = Colour and
//                 (as a sub-section) Contrast pairs, Typography, Layout =
//                 Spacing, Shapes = a radius section if there is one,
//                 Components = component-mapping.md's components; then the
//                 tokens' other sections (Motion, CSS) and the mapping's
//                 ("Component States"), which DESIGN.md readers keep.
#include <cstdio>
#include <set>

#include "design/color.hpp"
#include "core/text.hpp"
#include "design/design_tokens.hpp"
#include "interop/artifact_header.hpp"
#include "interop/carry.hpp"
#include "interop/designmd_layout.hpp"
#include "interop/format.hpp"
#include "interop/pack_view.hpp"

namespace specwave::interop {
namespace {

std::string AsOklch(const std::string& value) {
  if (StartsWith(ToLower(Trim(value)), "oklch(")) return std::string(Trim(value));
  auto rgb = ParseCssColor(value);
  if (!rgb) return std::string(Trim(value));
  Oklch c = ToOklch(*rgb);
  char buf[64];
  std::snprintf(buf, sizeof buf, "oklch(%.3f %.3f %.0f)", c.l, c.c, c.h);
  return buf;
}

const FontStack* FontFor(const DesignTokens& t, const std::string& use) {
  std::string u = ToLower(use);
  bool heading = IContains(u, "title") || IContains(u, "headline") || IContains(u, "display") || IContains(u, "heading");
  const FontStack* body = nullptr;
  for (const FontStack& f : t.fonts) {
    bool is_heading = IContains(f.name, "heading") || IContains(f.name, "display") || IContains(f.name, "title");
    if (heading && is_heading) return &f;
    if (!is_heading && !body) body = &f;
  }
  return body ? body : (t.fonts.empty() ? nullptr : &t.fonts[0]);
}

// The use column of a type-size row ("captions, labels, table notes").
std::string TypeUse(std::string_view tokens_md, const LengthToken& size) {
  std::vector<std::string_view> lines = SplitLines(tokens_md);
  if (size.line < 1 || size.line > static_cast<int>(lines.size())) return "";
  std::string_view row = lines[static_cast<size_t>(size.line - 1)];
  std::vector<std::string> cells;
  size_t start = row.find('|');
  while (start != std::string_view::npos) {
    size_t end = row.find('|', start + 1);
    if (end == std::string_view::npos) break;
    cells.emplace_back(Trim(row.substr(start + 1, end - start - 1)));
    start = end;
  }
  return cells.empty() ? "" : cells.back();
}

std::string FrontMatter(const PackView& v, const std::string& tokens_md) {
  DesignTokens t = ParseDesignTokens(tokens_md);
  std::string y = "version: alpha\nname: " + designmd::YamlScalar(v.project) + "\n";
  std::set<std::string> color_keys;
  if (!t.colors.empty()) {
    y += "colors:\n";
    const ColorToken* accent = nullptr;
    for (const ColorToken& c : t.colors) {
      std::string key = designmd::ColorKey(c.name);
      if (!color_keys.insert(key).second) continue;
      y += "  " + designmd::YamlKey(key) + ": " + designmd::YamlScalar(AsOklch(c.value)) + "\n";
      if (!accent && (IContains(c.role, "accent") || IContains(c.role, "brand") || IContains(c.name, "accent")))
        accent = &c;
    }
    if (!color_keys.count("primary") && accent)
      y += "  primary: \"{colors." + designmd::ColorKey(accent->name) + "}\"\n";
  }
  if (!t.type_sizes.empty()) {
    y += "typography:\n";
    for (const LengthToken& s : t.type_sizes) {
      y += "  " + designmd::YamlKey(designmd::TypeKey(s.name)) + ":\n";
      if (const FontStack* f = FontFor(t, TypeUse(tokens_md, s)))
        y += "    fontFamily: " + designmd::YamlScalar(f->value) + "\n";
      y += "    fontSize: " + designmd::YamlScalar(s.value) + "\n";
      if (!s.line_height.empty()) y += "    lineHeight: " + designmd::YamlScalar(s.line_height) + "\n";
    }
  }
  std::vector<const OtherToken*> radii;
  for (const OtherToken& o : t.other)
    if (designmd::IsRadiusName(o.name)) radii.push_back(&o);
  if (!radii.empty()) {
    y += "rounded:\n";
    for (const OtherToken* r : radii) y += "  " + designmd::YamlKey(designmd::RadiusKey(r->name)) + ": " + designmd::YamlScalar(r->value) + "\n";
  }
  if (!t.spacing.empty()) {
    y += "spacing:\n";
    for (const LengthToken& s : t.spacing)
      y += "  " + designmd::YamlKey(designmd::SpacingKey(s.name)) + ": " + designmd::YamlScalar(s.value) + "\n";
  }
  const MdNode* cm = v.TopOf("component-mapping.md");
  const MdNode* comps = cm ? ChildWithPrefix(*cm, "Components") : nullptr;
  if (comps && !comps->children.empty()) {
    y += "components:\n";
    for (const MdNode& c : comps->children) {
      std::string props;
      std::set<std::string> done;
      for (std::string_view l : SplitLines(c.body)) {
        auto tokens = KeyValue(l, {"tokens"});
        if (!tokens) continue;
        for (const std::string& name : SplitNames(*tokens)) {
          std::string prop, ref;
          if (const ColorToken* col = t.FindColor(name)) {
            bool text = IContains(col->name, "text") || IContains(col->role, "text") || IContains(col->name, "on-");
            prop = text ? "textColor" : "backgroundColor";
            ref = "{colors." + designmd::ColorKey(col->name) + "}";
          } else if (StartsWith(ToLower(name), "type.")) {
            prop = "typography", ref = "{typography." + designmd::TypeKey(name) + "}";
          } else if (StartsWith(ToLower(name), "space.")) {
            prop = "padding", ref = "{spacing." + designmd::SpacingKey(name) + "}";
          } else if (designmd::IsRadiusName(name)) {
            prop = "rounded", ref = "{rounded." + designmd::RadiusKey(name) + "}";
          }
          if (prop.empty() || !done.insert(prop).second) continue;
          props += "    " + prop + ": \"" + ref + "\"\n";
        }
      }
      if (props.empty()) continue;
      y += "  " + designmd::YamlKey(designmd::ComponentKey(c.title)) + ":\n" + props;
    }
  }
  return "---\n" + y + "---\n\n";
}

MdNode Renamed(const MdNode& n, const std::string& heading) {
  MdNode c = n;
  c.heading = c.title = heading;
  return c;
}

}  // namespace

CodecExport ExportDesignMd(const Pack& pack, const ExportContext&) {
  CodecExport out;
  PackView v = ViewOf(pack);
  const MdNode* dt = v.TopOf("design-tokens.md");
  const MdNode* cm = v.TopOf("component-mapping.md");
  if (!dt && !cm) return out;
  out.entry = designmd::kFile;
  MdNode top = MakeNode(1, v.project);
  std::vector<MdNode> extra;
  if (dt) {
    top.children.push_back(MakeNode(2, "Overview", dt->body));
    if (const MdNode* colour = ChildWithPrefix(*dt, "Colo")) {
      MdNode colors = Renamed(*colour, "Colors");
      if (const MdNode* pairs = ChildWithPrefix(*dt, "Contrast pairs")) {
        MdNode p = *pairs;
        ShiftLevels(&p, 1);
        colors.children.push_back(p);
      }
      top.children.push_back(colors);
    }
    if (const MdNode* type = ChildWithPrefix(*dt, "Typography")) top.children.push_back(*type);
    if (const MdNode* spacing = ChildWithPrefix(*dt, "Spacing")) top.children.push_back(Renamed(*spacing, "Layout"));
    for (const char* shape : {"Radius", "Shape", "Rounded"})
      if (const MdNode* s = ChildWithPrefix(*dt, shape)) {
        top.children.push_back(Renamed(*s, "Shapes"));
        break;
      }
    for (const MdNode& s : OtherSections(*dt, {"Colo", "Contrast pairs", "Typography", "Spacing", "Radius", "Shape", "Rounded"}))
      extra.push_back(s);
  }
  if (cm) {
    MdNode comps = MakeNode(2, "Components", cm->body);
    if (const MdNode* list = ChildWithPrefix(*cm, "Components")) {
      comps.body = JoinBlocks({cm->body, list->body});
      comps.children = list->children;
      if (!list->body.empty())
        out.dropped.push_back({"component-mapping.md", "Components",
                               "its text joins the mapping's introduction under DESIGN.md's Components"});
    }
    top.children.push_back(comps);
    for (const MdNode& s : OtherSections(*cm, {"Components"}))
      extra.push_back(Renamed(s, std::string(designmd::kComponentPrefix) + s.heading));
  }
  for (MdNode& e : extra) top.children.push_back(std::move(e));
  out.files[designmd::kFile] = FrontMatter(v, pack.artifacts.count("design-tokens.md") ? pack.artifacts.at("design-tokens.md") : "") +
                               RenderNode(top);
  if (dt) {
    DesignTokens t = ParseDesignTokens(pack.artifacts.at("design-tokens.md"));
    std::set<std::string> seen;
    for (const ColorToken& c : t.colors)
      if (seen.insert(c.name).second) out.ids.push_back({"token:" + c.name, "colors." + designmd::ColorKey(c.name), {}, designmd::kFile});
    for (const LengthToken& s : t.type_sizes)
      out.ids.push_back({"token:" + s.name, "typography." + designmd::TypeKey(s.name), {}, designmd::kFile});
    for (const LengthToken& s : t.spacing)
      out.ids.push_back({"token:" + s.name, "spacing." + designmd::SpacingKey(s.name), {}, designmd::kFile});
  }
  if (cm)
    if (const MdNode* list = ChildWithPrefix(*cm, "Components"))
      for (const MdNode& c : list->children)
        out.ids.push_back({"component:" + c.title, "components." + designmd::ComponentKey(c.title), {}, designmd::kFile});
  return out;
}

}  // namespace specwave::interop
