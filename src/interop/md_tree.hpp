// A markdown document as a tree of sections, for moving whole sections
// between Specwave's artifacts and other tools' files without retyping them.
//
//   MdDoc doc = ParseMd(text);
//   const MdNode* features = doc.root.Find({"Features"});     // under the H1, by title
//   for (const MdNode& f : features->children) Use(f.heading, f.body);
//   std::string back = RenderMd(doc);                          // same sections, canonical spacing
//
// Built on markdown::ParseOutline, so headings are what md4c says they are
// (a '#' line in a code block is text). Each node keeps its heading as
// written (inline markup kept: "F1: **Login**") and its own body, normalised
// as the outline normalises it: two texts whose sections have equal bodies
// render the same. Rendering puts one blank line between blocks and ends
// with one newline. The document's first H1 is the usual container, so
// Find() looks below it when the root has exactly one H1.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace specwave::interop {

struct MdNode {
  int level = 0;          // 0 = the document itself, else 1..6
  std::string heading;    // as written, without the '#'s: "F1: **Login**"
  std::string title;      // flattened by the outline: "F1: Login"
  std::string body;       // own text (not the children's), normalised; "" or ends with '\n'
  std::vector<MdNode> children;

  // The child whose title equals `title` (case-insensitive), or null.
  const MdNode* Child(std::string_view title) const;
  MdNode* Child(std::string_view title);
  // Follows titles downwards; at the root, looks below a single H1 first.
  const MdNode* Find(std::initializer_list<std::string_view> path) const;
};

struct MdDoc {
  bool has_frontmatter = false;
  std::string frontmatter;  // the YAML between the fences, ends with '\n' unless empty
  MdNode root;              // root.body = text before the first heading
  // The first H1, or null.
  const MdNode* H1() const;
  MdNode* H1();
};

MdDoc ParseMd(std::string_view text);

// Heading line + body + children, levels shifted by `shift` (clamped to 1..6).
std::string RenderNode(const MdNode& node, int shift = 0);
// Children and body only (no heading line), levels shifted.
std::string RenderBelow(const MdNode& node, int shift = 0);
std::string RenderMd(const MdDoc& doc);

// Convenience: a node with this heading and body (body normalised).
MdNode MakeNode(int level, std::string heading, std::string_view body = {});

// Joins non-empty blocks with one blank line; "" if all are empty.
std::string JoinBlocks(const std::vector<std::string>& blocks);

// Body normalised the way MdNode bodies are: LF, trailing spaces and blank
// lines removed (leading blank lines too), one final newline ("" if empty).
std::string NormBody(std::string_view text);

}  // namespace specwave::interop
