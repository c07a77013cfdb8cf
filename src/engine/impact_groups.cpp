#include "engine/impact_groups.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"

namespace specwave {
namespace {

const char* kArrow = " \xE2\x86\x92 ";  // " → "
const char* kDot = " \xC2\xB7 ";        // " · "

// One node of a group's chain: an item key, merged across the artifacts
// that hold it (the highest level wins).
struct ChainNode {
  std::string key, label, via;
  ImpactLevel level = ImpactLevel::kLow;
};

std::string TierText(const ImpactTier& tier) {
  std::string out;
  const int n = static_cast<int>(tier.labels.size());
  for (int i = 0; i < n && i < kChainLabelsPerTier; ++i) out += (i ? ", " : "") + tier.labels[i];
  if (n > kChainLabelsPerTier) out += ", \xE2\x80\xA6 +" + std::to_string(n - kChainLabelsPerTier) + " more";
  return out;
}

// The branches from the items naming the changed id, each followed tier by
// tier through the items reached from it (`via`), in the order met.
std::vector<ImpactBranch> Branches(const std::vector<ChainNode>& nodes) {
  std::set<std::string> keys;
  for (const auto& n : nodes) keys.insert(n.key);
  // An item reached through one this group does not hold (its artifact is
  // not downstream of the edit) starts a branch of its own.
  auto starts = [&](const ChainNode& n) { return n.via.empty() || !keys.count(n.via); };
  std::map<std::string, std::vector<const ChainNode*>> children;
  for (const auto& n : nodes)
    if (!starts(n)) children[n.via].push_back(&n);
  std::vector<ImpactBranch> out;
  std::set<std::string> seen;
  for (const auto& n : nodes) {
    if (!starts(n) || !seen.insert(n.key).second) continue;
    ImpactBranch b;
    std::vector<const ChainNode*> tier = {&n};
    while (!tier.empty()) {
      ImpactTier t;
      t.level = ImpactLevel::kNone;
      std::vector<const ChainNode*> next;
      for (const ChainNode* c : tier) {
        t.labels.push_back(c->label);
        t.level = std::max(t.level, c->level);
        for (const ChainNode* k : children[c->key])
          if (seen.insert(k->key).second) next.push_back(k);
      }
      b.tiers.push_back(std::move(t));
      tier = std::move(next);
    }
    out.push_back(std::move(b));
  }
  // The longest chain first, so the line reads F2 → E2 → T2.1 → entity Route
  // before the single steps that name F2 too.
  std::stable_sort(out.begin(), out.end(),
                   [](const ImpactBranch& x, const ImpactBranch& y) { return x.tiers.size() > y.tiers.size(); });
  return out;
}

std::string ChainText(const std::string& root_label, const std::vector<ImpactBranch>& branches) {
  std::string out = root_label;
  for (size_t i = 0; i < branches.size(); ++i) {
    out += i == 0 ? kArrow : kDot;
    for (size_t t = 0; t < branches[i].tiers.size(); ++t) out += (t ? kArrow : "") + TierText(branches[i].tiers[t]);
  }
  return out;
}

ImpactGroup ChangedIdGroup(const ChangedId& c, const ImpactAnalysis& a) {
  ImpactGroup g;
  g.kind = ImpactGroupKind::kChangedId;
  g.id = c.id;
  g.title = c.label.empty() ? c.id : c.label;
  g.level = ImpactLevel::kNone;
  std::vector<ChainNode> nodes;
  std::map<std::string, size_t> at;
  for (const auto& art : a.affected) {
    if (!art.from_trace) continue;
    ImpactGroupArtifact ga{art.artifact, art.phase, ImpactLevel::kNone, ""};
    std::vector<std::string> labels;
    for (const auto& item : art.items) {
      if (item.root != c.id) continue;
      const std::string label = item.label.empty() ? item.id : item.label;
      ga.level = std::max(ga.level, item.level);
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
      auto [it, fresh] = at.try_emplace(item.id, nodes.size());
      if (fresh) nodes.push_back({item.id, label, item.via, item.level});
      else nodes[it->second].level = std::max(nodes[it->second].level, item.level);
    }
    if (labels.empty()) continue;
    ga.detail = Join(labels, ", ");
    g.level = std::max(g.level, ga.level);
    g.artifacts.push_back(std::move(ga));
  }
  g.branches = Branches(nodes);
  g.chain = ChainText(g.title, g.branches);
  g.reason = g.title + ", " + c.how;
  if (g.artifacts.empty()) g.reason += "; nothing in the pack names it yet";
  return g;
}

std::string PathText(const std::vector<std::string>& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) out += (i ? kArrow : "") + path[i];
  return out;
}

}  // namespace

const char* ImpactGroupKindName(ImpactGroupKind kind) {
  switch (kind) {
    case ImpactGroupKind::kChangedId: return "changed_id";
    case ImpactGroupKind::kPhaseGraphFallback: return "phase_graph_fallback";
    case ImpactGroupKind::kReports: return "reports";
  }
  return "changed_id";
}

ImpactGroups GroupImpact(const WorkflowSpec& spec, const ImpactAnalysis& a) {
  ImpactGroups out;
  for (const auto& c : a.changed_ids) out.groups.push_back(ChangedIdGroup(c, a));

  ImpactGroup fallback, reports;
  fallback.kind = ImpactGroupKind::kPhaseGraphFallback;
  fallback.title = "Phase-graph fallback";
  reports.kind = ImpactGroupKind::kReports;
  reports.title = "Reports";
  fallback.level = reports.level = ImpactLevel::kNone;
  std::vector<std::string> whys;
  for (const auto& art : a.affected) {
    if (art.from_trace) continue;
    const int i = spec.IndexOf(art.phase);
    const bool report = i >= 0 && spec.phases[i].IsDeterministic();
    ImpactGroup& g = report ? reports : fallback;
    g.artifacts.push_back({art.artifact, art.phase, art.level, PathText(art.path)});
    g.level = std::max(g.level, art.level);
    if (report) continue;
    std::string why = !art.fallback_why.empty() ? art.fallback_why
                      : !a.trace_note.empty()   ? a.trace_note
                                                : "no trace was read for this edit";
    if (std::find(whys.begin(), whys.end(), why) == whys.end()) whys.push_back(why);
  }
  if (!fallback.artifacts.empty()) {
    fallback.reason = "The trace does not rate these, so their level is the phase graph's (the fallback): " +
                      Join(whys, "; ") + ".";
    out.groups.push_back(std::move(fallback));
  }
  if (!reports.artifacts.empty()) {
    reports.reason = "Built from the other artifacts: rebuilt after the regeneration, not redesigned.";
    out.groups.push_back(std::move(reports));
  }

  for (const auto& art : a.unaffected) out.not_affected.push_back(art.artifact);
  if (!out.not_affected.empty()) {
    const size_t n = out.not_affected.size();
    out.not_affected_line = std::to_string(n) + (n == 1 ? " artifact" : " artifacts") + " not affected";
    std::vector<std::string> ids;
    for (const auto& c : a.changed_ids) ids.push_back(c.label.empty() ? c.id : c.label);
    out.not_affected_reason = std::string(n == 1 ? "Nothing in it names " : "Nothing in them names ") +
                              (ids.empty() ? "a changed id" : Join(ids, ", ")) +
                              " or anything that does: no call is made for " + (n == 1 ? "it." : "them.");
  }
  return out;
}

}  // namespace specwave
