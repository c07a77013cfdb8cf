#include "engine/impact.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "engine/plan.hpp"
#include "engine/regeneration_estimate.hpp"

namespace specwave {

const char* ImpactLevelName(ImpactLevel level) {
  switch (level) {
    case ImpactLevel::kHigh: return "HIGH";
    case ImpactLevel::kMedium: return "MEDIUM";
    case ImpactLevel::kLow: return "LOW";
    case ImpactLevel::kNone: return "NONE";
  }
  return "LOW";
}

const char* StrategyName(Strategy s) {
  switch (s) {
    case Strategy::kRegenerateAll: return "regenerate_all";
    case Strategy::kHighImpactOnly: return "high_impact_only";
    case Strategy::kManualReview: return "manual_review";
    case Strategy::kIgnore: return "ignore";
  }
  return "ignore";
}

bool ParseStrategy(const std::string& s, Strategy* out) {
  for (Strategy x : {Strategy::kRegenerateAll, Strategy::kHighImpactOnly, Strategy::kManualReview, Strategy::kIgnore})
    if (s == StrategyName(x)) {
      *out = x;
      return true;
    }
  return false;
}

namespace {

ImpactLevel Lower(ImpactLevel l) { return l == ImpactLevel::kHigh ? ImpactLevel::kMedium : ImpactLevel::kLow; }

bool IsDerivedReport(const PhaseSpec& p) { return p.IsDeterministic(); }

// Rule 1, for the edit itself.
ImpactLevel ChangeLevel(const ArtifactChangeInput& c) {
  if (!c.changed) return ImpactLevel::kLow;
  ImpactLevel level = ImpactLevel::kLow;
  for (const auto& s : c.sections) {
    if (s.section == "(frontmatter)") continue;
    if (s.change == "added" || s.change == "deleted") return ImpactLevel::kHigh;
    level = ImpactLevel::kMedium;
  }
  return level;
}

std::string DescribeChange(const ArtifactChangeInput& c) {
  if (!c.changed) return c.artifact + " did not change";
  std::vector<const SectionChange*> shown;
  for (const auto& s : c.sections)
    if (s.change != "modified") shown.push_back(&s);  // structural changes first
  for (const auto& s : c.sections)
    if (s.change == "modified") shown.push_back(&s);
  if (shown.empty()) return c.artifact + " changed";
  std::string out = c.artifact + " > " + shown[0]->section + " was " + shown[0]->change;
  if (shown.size() > 1) out += " (+" + std::to_string(shown.size() - 1) + " more section" + (shown.size() > 2 ? "s" : "") + ")";
  return out;
}

}  // namespace

ImpactAnalysis AnalyzeImpact(const WorkflowSpec& spec, const ArtifactChangeInput& change,
                             const std::vector<PhaseHistory>& history, const ImpactRefinement& refine) {
  ImpactAnalysis out;
  out.change = change;
  out.change_level = ChangeLevel(change);
  const int trigger = spec.ProducerOf(change.artifact);
  if (trigger < 0 || !change.changed) {
    out.recommended = Strategy::kIgnore;
    out.recommendation_reason = !change.changed ? "nothing changed (line endings and trailing spaces do not count)"
                                                : change.artifact + " is not produced by this workflow";
    return out;
  }
  Plan plan = MakePlan(spec);
  const std::string what = DescribeChange(change);
  std::vector<PhaseReach> best(spec.phases.size());
  best[trigger].path = {trigger};
  for (int v : plan.topo_order) {
    if (v == trigger) continue;
    const PhaseSpec& p = spec.phases[v];
    for (int d : p.deps) {
      PhaseReach cand;
      if (d == trigger) {
        cand.distance = 1;
        cand.level = out.change_level;
        bool reads_any = std::any_of(change.sections.begin(), change.sections.end(),
                                     [&](const SectionChange& s) { return p.Consumes(change.artifact, s.section); });
        cand.reason = what + ", via " + spec.phases[trigger].name + " -> " + p.name;
        if (!reads_any) {
          cand.level = ImpactLevel::kLow;
          std::string reads;
          for (const auto& [a, secs] : p.consumes)
            if (a == change.artifact) reads = Join(secs, ", ");
          cand.reason = p.name + " reads only " + reads + " of " + change.artifact + ", which did not change (" + what + ")";
        }
        cand.path = {trigger, v};
      } else if (best[d].affected) {
        cand.distance = best[d].distance + 1;
        cand.level = Lower(best[d].level);
        cand.path = best[d].path;
        cand.path.push_back(v);
        std::string via;
        for (size_t i = 0; i < cand.path.size(); ++i) via += (i ? " -> " : "") + spec.phases[cand.path[i]].name;
        cand.reason = what + ", via " + via;
      } else {
        continue;
      }
      if (IsDerivedReport(p)) {
        cand.level = ImpactLevel::kLow;
        cand.reason += " (a report built from the others: rebuilt, not redesigned)";
      }
      cand.affected = true;
      PhaseReach& b = best[v];
      if (!b.affected || cand.level > b.level || (cand.level == b.level && cand.distance < b.distance)) b = cand;
    }
  }
  out.affected = AffectedArtifactsOf(spec, plan, best);
  if (refine) refine(&out);
  std::set<int> phases;
  for (const auto& aa : out.affected) {
    (aa.level == ImpactLevel::kHigh ? out.high : aa.level == ImpactLevel::kMedium ? out.medium : out.low)++;
    phases.insert(spec.IndexOf(aa.phase));
  }
  out.estimate = EstimateRegeneration(spec, phases, history);

  if (out.trace_used && out.high > 0) {
    // The trace names exactly the sections and items the change reaches, and
    // regeneration revises only those: regenerating everything affected is cheap.
    out.recommended = Strategy::kRegenerateAll;
    out.recommendation_reason = std::to_string(out.high) +
                                " artifacts reference a changed id; regenerate what the trace reaches (the other "
                                "sections and items are kept as they are)";
  } else if (out.high > 0) {
    out.recommended = Strategy::kRegenerateAll;
    out.recommendation_reason = std::to_string(out.high) +
                                " artifacts depend on sections that were added or deleted; regenerate everything "
                                "affected (early cutoff stops where outputs come out unchanged)";
  } else if (out.medium > 0) {
    out.recommended = Strategy::kManualReview;
    out.recommendation_reason = "only modified sections: review the " + std::to_string(out.medium) +
                                " MEDIUM artifacts and regenerate the ones the change really touches";
  } else if (out.low > 0) {
    out.recommended = Strategy::kIgnore;
    out.recommendation_reason = "every affected artifact is LOW: mark them reviewed unless you see a reason";
  } else {
    out.recommended = Strategy::kIgnore;
    out.recommendation_reason = "no artifact depends on " + change.artifact;
  }
  return out;
}

std::vector<std::string> ImpactAnalysis::Select(Strategy strategy, const std::vector<std::string>& manual) const {
  std::vector<std::string> out;
  for (const auto& a : affected) {
    bool take = strategy == Strategy::kRegenerateAll ||
                (strategy == Strategy::kHighImpactOnly && a.level == ImpactLevel::kHigh) ||
                (strategy == Strategy::kManualReview &&
                 std::find(manual.begin(), manual.end(), a.artifact) != manual.end());
    if (take) out.push_back(a.artifact);
  }
  return out;
}

std::vector<std::string> ProducingPhases(const WorkflowSpec& spec, const std::vector<std::string>& artifacts) {
  std::vector<std::string> out;
  Plan plan = MakePlan(spec);
  for (int v : plan.topo_order)
    for (const auto& a : spec.phases[v].produces)
      if (std::find(artifacts.begin(), artifacts.end(), a) != artifacts.end()) {
        out.push_back(spec.phases[v].name);
        break;
      }
  return out;
}

std::string ImpactAnalysis::ToJson() const {
  using nlohmann::json;
  json sections = json::array();
  for (const auto& s : change.sections) sections.push_back({{"section", s.section}, {"change", s.change}});
  json affected_json = json::array();
  auto artifact_json = [](const AffectedArtifact& a) {
    json items = json::array();
    for (const auto& i : a.items)
      items.push_back({{"section", i.section}, {"id", i.id}, {"label", i.label}, {"level", ImpactLevelName(i.level)},
                       {"reason", i.reason}, {"root", i.root}, {"via", i.via}});
    return json{{"artifact", a.artifact},     {"level", ImpactLevelName(a.level)},
                {"reason", a.reason},         {"phase", a.phase},
                {"distance", a.distance},     {"path", a.path},
                {"source", a.from_trace ? "trace" : "phase_graph_fallback"},
                {"fallback_why", a.fallback_why},
                {"items", items}};
  };
  for (const auto& a : affected) affected_json.push_back(artifact_json(a));
  json none_json = json::array();
  for (const auto& a : unaffected) none_json.push_back(artifact_json(a));
  json ids = json::array();
  for (const auto& c : changed_ids) ids.push_back({{"id", c.id}, {"how", c.how}, {"section", c.section}});
  json estimate = {{"phases", this->estimate.phases},
                   {"model_calls", this->estimate.calls},
                   {"time_ms", this->estimate.time_ms},
                   {"sequential_ms", this->estimate.sequential_ms},
                   {"tokens", this->estimate.tokens},
                   {"cost_usd", this->estimate.cost_known ? json(this->estimate.cost_usd) : json(nullptr)},
                   {"from_history", this->estimate.from_history},
                   {"estimated", true}};
  json out = {{"artifact", change.artifact},
              {"changed", change.changed},
              {"old_sha256", change.old_sha256},
              {"new_sha256", change.new_sha256},
              {"sections", sections},
              {"impact_level", ImpactLevelName(change_level)},
              {"affected", affected_json},
              {"unaffected", none_json},
              {"changed_ids", ids},
              {"trace_used", trace_used},
              {"trace_note", trace_note},
              {"summary", {{"high", high}, {"medium", medium}, {"low", low}, {"total", affected.size()}}},
              {"recommended_strategy", StrategyName(recommended)},
              {"recommendation_reason", recommendation_reason},
              {"estimate", estimate}};
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace specwave
