// A Pack parsed once for the exporters: each artifact as a section tree, and
// the PRD's features, the epics and the task groups read into their parts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "interop/md_tree.hpp"
#include "interop/pack.hpp"
#include "interop/specwave_model.hpp"

namespace specwave::interop {

struct PackView {
  std::string project;
  std::map<std::string, MdDoc> docs;   // only the artifacts the pack has
  std::vector<Feature> features;       // prd.md > Features, in order
  std::vector<Epic> epics;             // epics.md, in order
  std::vector<TaskGroup> groups;       // tasks.md, in order

  const MdDoc* Doc(const std::string& artifact) const;
  // The artifact's H1 (or root); null when the pack lacks the artifact.
  const MdNode* TopOf(const std::string& artifact) const;
  const Feature* FeatureNumber(int n) const;
  const Epic* EpicNumber(int n) const;
  // A frontmatter field of an artifact ("stack" of stack.md), "" if absent.
  std::string FrontmatterField(const std::string& artifact, const std::string& key) const;
};

PackView ViewOf(const Pack& pack);

// The "## Features" section of a PRD tree: the child titled Features, or the
// top itself when the features sit directly under the H1.
const MdNode* FeaturesNode(const MdNode& prd_top);

}  // namespace specwave::interop
