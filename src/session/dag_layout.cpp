#include "session/dag_layout.hpp"

#include <algorithm>
#include <numeric>

namespace specwave {
namespace {

// Order within each level; start from declaration order (already in waves),
// then alternate down/up sweeps placing each node at the mean position of its
// neighbours in the previous level. Edges that skip levels use the neighbour's
// current position directly, which is good enough for workflow-sized graphs.
std::vector<std::vector<int>> OrderLevels(const WorkflowSpec& spec, const Plan& plan) {
  std::vector<std::vector<int>> order = plan.waves;
  std::vector<double> pos(spec.phases.size(), 0);
  auto refresh = [&] {
    for (auto& col : order)
      for (size_t r = 0; r < col.size(); ++r) pos[col[r]] = static_cast<double>(r) - (col.size() - 1) / 2.0;
  };
  refresh();
  for (int sweep = 0; sweep < 8; ++sweep) {
    bool down = sweep % 2 == 0;
    for (size_t li = 1; li < order.size(); ++li) {
      size_t l = down ? li : order.size() - 1 - li;
      auto& col = order[l];
      std::vector<std::pair<double, int>> keyed;
      for (int v : col) {
        const std::vector<int>& nbrs = down ? spec.phases[v].deps : plan.dependents[v];
        double key = pos[v];
        if (!nbrs.empty()) {
          double sum = 0;
          for (int n : nbrs) sum += pos[n];
          key = sum / nbrs.size();
        }
        keyed.push_back({key, v});
      }
      std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first < b.first; });
      for (size_t r = 0; r < keyed.size(); ++r) col[r] = keyed[r].second;
      refresh();
    }
  }
  return order;
}

}  // namespace

DagLayout LayoutDag(const WorkflowSpec& spec, const Plan& plan, const DagLayoutOptions& o) {
  DagLayout layout;
  layout.nodes.resize(spec.phases.size());
  auto order = OrderLevels(spec, plan);
  size_t tallest = 0;
  for (auto& col : order) tallest = std::max(tallest, col.size());
  layout.height = tallest ? tallest * o.node_h + (tallest - 1) * o.row_gap : 0;
  layout.width = order.empty() ? 0 : order.size() * o.node_w + (order.size() - 1) * o.column_gap;
  for (size_t l = 0; l < order.size(); ++l) {
    const auto& col = order[l];
    float col_h = col.size() * o.node_h + (col.size() - 1) * o.row_gap;
    float top = (layout.height - col_h) / 2;
    for (size_t r = 0; r < col.size(); ++r) {
      auto& n = layout.nodes[col[r]];
      n.level = static_cast<int>(l);
      n.row = static_cast<int>(r);
      n.w = o.node_w;
      n.h = o.node_h;
      n.x = l * (o.node_w + o.column_gap);
      n.y = top + r * (o.node_h + o.row_gap);
    }
  }
  return layout;
}

int CountCrossings(const WorkflowSpec& spec, const Plan& plan, const DagLayout& layout) {
  struct Edge { float y0, y1; int l0, l1; };
  std::vector<Edge> edges;
  for (size_t v = 0; v < spec.phases.size(); ++v)
    for (int d : spec.phases[v].deps)
      edges.push_back({layout.nodes[d].y, layout.nodes[v].y, layout.nodes[d].level, layout.nodes[v].level});
  int crossings = 0;
  for (size_t i = 0; i < edges.size(); ++i)
    for (size_t j = i + 1; j < edges.size(); ++j) {
      const auto& a = edges[i];
      const auto& b = edges[j];
      if (a.l0 != b.l0 || a.l1 != b.l1) continue;
      if ((a.y0 - b.y0) * (a.y1 - b.y1) < 0) ++crossings;
    }
  (void)plan;
  return crossings;
}

}  // namespace specwave
