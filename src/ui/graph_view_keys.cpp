// Keyboard movement on the DAG (issue #18.4): arrows go to the nearest phase
// in that direction on the graph as drawn (left-to-right or top-down alike),
// Tab follows reading order; a phase chosen off screen is panned into view.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "ui/dag_view.hpp"
#include "ui/theme.hpp"

namespace specwave::ui {

int DagView::Neighbour(int from, int dx, int dy) const {
  const auto& nodes = geometry_.nodes;
  if (nodes.empty()) return -1;
  if (from < 0 || from >= static_cast<int>(nodes.size())) return ReadingOrder().front();
  auto centre = [&](int i) { return ImVec2(nodes[i].x + nodes[i].w / 2, nodes[i].y + nodes[i].h / 2); };
  const ImVec2 c = centre(from);
  int best = from;
  float best_cost = 1e30f;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    if (i == from) continue;
    const ImVec2 o = centre(i);
    const float along = (o.x - c.x) * dx + (o.y - c.y) * dy;  // distance in the asked direction
    if (along <= 1) continue;
    const float across = std::abs((o.x - c.x) * dy) + std::abs((o.y - c.y) * dx);
    const float cost = along + 2 * across;  // prefer straight ahead over diagonal
    if (cost < best_cost) {
      best_cost = cost;
      best = i;
    }
  }
  return best;
}

std::vector<int> DagView::ReadingOrder() const {
  std::vector<int> order(geometry_.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  const bool down = geometry_.orientation == GraphOrientation::kTopDown;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const GraphBox &p = geometry_.nodes[a], &q = geometry_.nodes[b];
    // Level first (x left-to-right, y top-down), then position in the level.
    const float pa = down ? p.y : p.x, qa = down ? q.y : q.x;
    if (pa != qa) return pa < qa;
    return (down ? p.x : p.y) < (down ? q.x : q.y);
  });
  return order;
}

void DagView::Reveal(int phase) {
  if (phase < 0 || phase >= static_cast<int>(geometry_.nodes.size())) return;
  const Theme& t = CurrentTheme();
  const float s = t.dpr * zoom_, m = t.Px(24);
  const GraphBox& b = geometry_.nodes[phase];
  const float x0 = pan_.x + b.x * s, x1 = pan_.x + (b.x + b.w) * s;
  const float y0 = pan_.y + b.y * s, y1 = pan_.y + (b.y + b.h) * s;
  if (x0 < m) pan_.x += m - x0;
  else if (x1 > canvas_size_.x - m) pan_.x -= x1 - (canvas_size_.x - m);
  if (y0 < m) pan_.y += m - y0;
  else if (y1 > canvas_size_.y - m) pan_.y -= y1 - (canvas_size_.y - m);
}

}  // namespace specwave::ui
