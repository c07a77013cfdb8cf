#include "interop/md_tree.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "markdown/frontmatter.hpp"
#include "markdown/outline.hpp"
#include "markdown/source_text.hpp"

namespace specwave::interop {
namespace {

// "### F1: **Login** ##" -> "F1: **Login**"; a setext heading's line as it is.
std::string RawHeading(std::string_view line) {
  std::string_view s = line;
  size_t indent = 0;
  while (indent < s.size() && indent < 3 && s[indent] == ' ') ++indent;
  s.remove_prefix(indent);
  if (s.empty() || s[0] != '#') return std::string(Trim(line));
  while (!s.empty() && s[0] == '#') s.remove_prefix(1);
  s = Trim(s);
  // Closing sequence: spaces then only '#'s.
  size_t end = s.size();
  while (end > 0 && s[end - 1] == '#') --end;
  if (end < s.size() && (end == 0 || s[end - 1] == ' ')) s = TrimRight(s.substr(0, end));
  return std::string(s);
}

bool IsHeadingKind(const markdown::Section& s) { return s.kind == markdown::SectionKind::kHeading; }

}  // namespace

std::string NormBody(std::string_view text) {
  std::string n = NormalizeText(text);
  size_t start = 0;
  while (start < n.size() && n[start] == '\n') ++start;
  return n.substr(start);
}

const MdNode* MdNode::Child(std::string_view t) const {
  for (const MdNode& c : children)
    if (IEquals(c.title, t)) return &c;
  return nullptr;
}

MdNode* MdNode::Child(std::string_view t) {
  for (MdNode& c : children)
    if (IEquals(c.title, t)) return &c;
  return nullptr;
}

const MdNode* MdNode::Find(std::initializer_list<std::string_view> path) const {
  const MdNode* at = this;
  if (level == 0) {
    int h1 = 0;
    const MdNode* only = nullptr;
    for (const MdNode& c : children)
      if (c.level == 1) ++h1, only = &c;
    if (h1 == 1 && path.size() && !Child(*path.begin())) at = only;
  }
  for (std::string_view p : path) {
    at = at->Child(p);
    if (!at) return nullptr;
  }
  return at;
}

const MdNode* MdDoc::H1() const {
  for (const MdNode& c : root.children)
    if (c.level == 1) return &c;
  return nullptr;
}

MdNode* MdDoc::H1() {
  for (MdNode& c : root.children)
    if (c.level == 1) return &c;
  return nullptr;
}

MdDoc ParseMd(std::string_view text) {
  MdDoc doc;
  markdown::FrontmatterSplit fm = markdown::SplitFrontmatter(text);
  if (fm.present && fm.closed) {
    doc.has_frontmatter = true;
    doc.frontmatter = NormalizeText(fm.yaml);
  }
  markdown::SourceText src(text);
  markdown::Outline outline = markdown::ParseOutline(text);
  // Flat nodes with their outline parent, then folded into a tree from the
  // end so each node is complete before it moves into its parent.
  std::vector<MdNode> flat(outline.sections.size());
  std::vector<bool> used(outline.sections.size(), false);
  for (size_t i = 0; i < outline.sections.size(); ++i) {
    const markdown::Section& s = outline.sections[i];
    if (s.kind == markdown::SectionKind::kPreamble) doc.root.body = s.text;
    if (!IsHeadingKind(s)) continue;
    used[i] = true;
    flat[i].level = s.level;
    flat[i].heading = RawHeading(src.Line(s.heading_line));
    flat[i].title = s.title;
    flat[i].body = s.text;
  }
  for (size_t k = outline.sections.size(); k-- > 0;) {
    if (!used[k]) continue;
    int parent = outline.sections[k].parent;
    if (parent >= 0 && used[static_cast<size_t>(parent)]) {
      auto& siblings = flat[static_cast<size_t>(parent)].children;
      siblings.insert(siblings.begin(), std::move(flat[k]));
    } else {
      doc.root.children.insert(doc.root.children.begin(), std::move(flat[k]));
    }
  }
  return doc;
}

std::string JoinBlocks(const std::vector<std::string>& blocks) {
  std::string out;
  for (const std::string& b : blocks) {
    std::string_view t = TrimRight(b);
    while (!t.empty() && t.front() == '\n') t.remove_prefix(1);
    if (t.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += t;
  }
  if (!out.empty()) out += '\n';
  return out;
}

namespace {

void Collect(const MdNode& node, int shift, bool with_heading, std::vector<std::string>* blocks) {
  if (with_heading && node.level > 0) {
    int level = std::clamp(node.level + shift, 1, 6);
    blocks->push_back(std::string(static_cast<size_t>(level), '#') + " " + node.heading);
  }
  if (!node.body.empty()) blocks->push_back(node.body);
  for (const MdNode& c : node.children) Collect(c, shift, true, blocks);
}

}  // namespace

std::string RenderNode(const MdNode& node, int shift) {
  std::vector<std::string> blocks;
  Collect(node, shift, true, &blocks);
  return JoinBlocks(blocks);
}

std::string RenderBelow(const MdNode& node, int shift) {
  std::vector<std::string> blocks;
  Collect(node, shift, false, &blocks);
  return JoinBlocks(blocks);
}

std::string RenderMd(const MdDoc& doc) {
  std::string out;
  if (doc.has_frontmatter) out = "---\n" + doc.frontmatter + "---\n\n";
  return out + RenderBelow(doc.root);
}

MdNode MakeNode(int level, std::string heading, std::string_view body) {
  MdNode n;
  n.level = level;
  n.heading = std::move(heading);
  n.title = n.heading;
  n.body = NormBody(body);
  return n;
}

}  // namespace specwave::interop
