// DagLayout: positions for drawing a workflow's phases as a DAG, derived from
// the plan — one column per dependency level, and within a column an order
// that reduces edge crossings (a few barycentre sweeps, the usual Sugiyama
// heuristic). Pure geometry in abstract units; the UI scales it.
//
//   DagLayout layout = LayoutDag(spec, plan, {.node_w = 208, .node_h = 72});
//   layout.nodes[i].x / .y  // top-left of phase i
#pragma once

#include <vector>

#include "engine/plan.hpp"

namespace specwave {

struct DagLayoutOptions {
  float node_w = 208;
  float node_h = 72;
  float column_gap = 64;
  float row_gap = 32;
};

struct DagNodeBox {
  float x = 0, y = 0, w = 0, h = 0;
  int level = 0;
  int row = 0;
};

struct DagLayout {
  std::vector<DagNodeBox> nodes;  // per phase index
  float width = 0, height = 0;
};

DagLayout LayoutDag(const WorkflowSpec& spec, const Plan& plan, const DagLayoutOptions& options);

// Number of pairs of edges that cross between adjacent columns (for tests and
// to compare orderings).
int CountCrossings(const WorkflowSpec& spec, const Plan& plan, const DagLayout& layout);

}  // namespace specwave
