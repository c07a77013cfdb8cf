#include "engine/trace_impact.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "markdown/outline.hpp"

namespace specwave {
namespace {

using markdown::Outline;
using markdown::Section;

const Section* SectionAt(const Outline& o, int line) {
  const Section* best = nullptr;
  for (const auto& s : o.sections)
    if (s.kind != markdown::SectionKind::kFrontmatter && s.heading_line <= line) best = &s;
  return best;
}

bool Within(const std::string& path, const std::string& owner) {
  return path == owner || StartsWith(path, owner + " > ");
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      out.emplace_back(TrimRight(std::string_view(text).substr(start, i - start)));
      start = i + 1;
    }
  return out;
}

bool IsBullet(std::string_view l) {
  l = Trim(l);
  if (l.size() > 1 && (l[0] == '-' || l[0] == '*' || l[0] == '+') && l[1] == ' ') return true;
  size_t i = 0;
  while (i < l.size() && l[i] >= '0' && l[i] <= '9') ++i;
  return i > 0 && i + 1 < l.size() && (l[i] == '.' || l[i] == ')') && l[i + 1] == ' ';
}

int Bullets(const std::vector<std::string>& lines) {
  return static_cast<int>(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return IsBullet(l); }));
}

// "Acceptance:" / "**Acceptance criteria**" above the first changed line: the
// part of the item that changed, lower case.
std::string LabelAbove(const std::vector<std::string>& lines, size_t at) {
  for (size_t i = at + 1; i-- > 0;) {
    std::string_view l = Trim(lines[i]);
    if (l.empty() || IsBullet(l)) continue;
    std::string t;
    for (char c : l)
      if (c != '*' && c != '_') t += c;
    if (!t.empty() && t.back() == ':' && t.size() <= 40) {
      t.pop_back();
      return ToLower(Trim(t));
    }
    if (i != at) return "";  // a paragraph, not a label
  }
  return "";
}

std::string Plural(int n, const std::string& what) {
  return (n == 1 ? "a " + what : std::to_string(n) + " " + what + "s");
}

// How a modified section changed, as a clause: "whose acceptance gained a bullet".
std::string DescribeModified(const std::string& section, const std::string& owner, const Outline& before,
                             const Outline& after) {
  const Section* a = before.Find(section);
  const Section* b = after.Find(section);
  std::vector<std::string> old_lines = a ? SplitLines(a->text) : std::vector<std::string>{};
  std::vector<std::string> new_lines = b ? SplitLines(b->text) : std::vector<std::string>{};
  std::string what;
  if (section != owner) {
    size_t gt = section.rfind(" > ");
    what = ToLower(gt == std::string::npos ? section : section.substr(gt + 3));
  } else {
    std::multiset<std::string> old_set(old_lines.begin(), old_lines.end());
    for (size_t i = 0; i < new_lines.size(); ++i) {
      auto it = old_set.find(new_lines[i]);
      if (it != old_set.end()) {
        old_set.erase(it);
        continue;
      }
      what = LabelAbove(new_lines, i);
      break;
    }
  }
  const int d = Bullets(new_lines) - Bullets(old_lines);
  std::string verb = d > 0 ? "gained " + Plural(d, "bullet") : d < 0 ? "lost " + Plural(-d, "bullet") : "was reworded";
  return what.empty() ? (d == 0 ? "whose text was reworded" : "which " + verb) : "whose " + what + " " + verb;
}

const char* Verb(TraceKind from, TraceKind to) {
  switch (from) {
    case TraceKind::kEpic: return "covers";
    case TraceKind::kTask: return to == TraceKind::kEpic ? "belongs to" : to == TraceKind::kRequirement ? "cites" : "touches";
    case TraceKind::kJourneyStep: return "names";
    case TraceKind::kEndpoint: return "uses";
    default: return "references";
  }
}

ImpactLevel Lower(ImpactLevel l) {
  return l == ImpactLevel::kHigh ? ImpactLevel::kMedium : l == ImpactLevel::kMedium ? ImpactLevel::kLow : ImpactLevel::kNone;
}

struct Reach {
  ImpactLevel level = ImpactLevel::kNone;
  std::string reason;  // "E2 covers F2, whose acceptance gained a bullet"
  std::string link;    // "covers F2": what a further step quotes
  std::string root;    // the changed id it traces back to
  std::string via;     // the node it was reached through ("" = names `root`)
  int depth = 0;
};

struct Refiner {
  const WorkflowSpec& spec;
  TraceImpactInput in;
  TraceReader reader;

  void operator()(ImpactAnalysis* out) const {
    const std::string& edited = out->change.artifact;
    NamedTexts all;
    for (const auto& [name, text] : in.current)
      if (name != edited) all.emplace_back(name, text);
    all.emplace_back(edited, in.new_text);
    TraceGraph graph = reader(all);
    TraceGraph old_graph = reader({{edited, in.old_text}});
    auto fallback_all = [&](const std::string& why) {
      out->trace_note = why;
      for (auto& a : out->affected) {
        a.reason += " (phase-graph fallback: " + why + ")";
        a.fallback_why = why;
      }
    };
    if (!graph.Traced(edited) && !old_graph.Traced(edited))
      return fallback_all("the trace reads no identifiers in " + edited);

    const Outline before = markdown::ParseOutline(in.old_text), after = markdown::ParseOutline(in.new_text);
    // Rule 1: the ids the edit changed.
    std::map<std::string, ChangedId> changed;
    std::vector<const SectionChange*> untraced;  // changed sections no id owns
    auto owner_of = [&](const TraceGraph& g, const Outline& o, const std::string& section) -> const TraceNode* {
      const TraceNode* best = nullptr;
      size_t best_len = 0;
      for (const auto& n : g.nodes) {
        if (n.artifact != edited) continue;
        const Section* s = SectionAt(o, n.line);
        if (!s) continue;
        if (n.heading && Within(section, s->path) && s->path.size() >= best_len) {
          best = &n;
          best_len = s->path.size();
        }
      }
      return best;
    };
    for (const auto& c : out->change.sections) {
      if (c.section == "(frontmatter)") continue;
      const bool deleted = c.change == "deleted";
      const TraceNode* owner = deleted ? owner_of(old_graph, before, c.section)
                                       : owner_of(graph, after, c.section);
      if (owner) {
        const Section* s = SectionAt(deleted ? before : after, owner->line);
        std::string how;
        if (c.change == "added" && c.section == s->path) {
          untraced.push_back(&c);  // a new id: nothing names it yet, so the graph decides who picks it up
          how = "which was added";
        } else if (deleted && c.section == s->path) {
          how = "which was deleted";
        } else if (c.change != "modified") {
          size_t gt = c.section.rfind(" > ");
          how = "whose section '" + c.section.substr(gt == std::string::npos ? 0 : gt + 3) + "' was " + c.change;
        } else {
          how = DescribeModified(c.section, s->path, before, after);
        }
        auto [it, fresh] = changed.try_emplace(owner->key, ChangedId{owner->key, how, c.section, owner->label});
        if (!fresh && it->second.how != how) it->second.how = "which changed in several places";
        continue;
      }
      // A list item or row defining an id, whose line is new.
      bool found = false;
      if (!deleted) {
        std::vector<std::string> old_lines = SplitLines(in.old_text), new_lines = SplitLines(in.new_text);
        std::set<std::string> old_set(old_lines.begin(), old_lines.end());
        for (const auto& n : graph.nodes) {
          if (n.artifact != edited || n.heading || n.line < 1 || n.line > static_cast<int>(new_lines.size())) continue;
          const Section* s = SectionAt(after, n.line);
          if (!s || s->path != c.section || old_set.count(new_lines[n.line - 1])) continue;
          changed.try_emplace(n.key, ChangedId{n.key, "which was reworded", c.section, n.label});
          found = true;
        }
      }
      if (!found) untraced.push_back(&c);
    }
    for (const auto& [k, v] : changed) out->changed_ids.push_back(v);
    out->trace_used = true;

    // Rule 2: along the trace.
    std::map<std::string, std::vector<size_t>> by_key;
    for (size_t i = 0; i < graph.nodes.size(); ++i) by_key[graph.nodes[i].key].push_back(i);
    std::vector<Reach> reach(graph.nodes.size());
    auto offer = [&](size_t i, ImpactLevel level, std::string reason, std::string link, std::string root,
                     std::string via, int depth) {
      if (level > reach[i].level)
        reach[i] = {level, std::move(reason), std::move(link), std::move(root), std::move(via), depth};
    };
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
      const TraceNode& n = graph.nodes[i];
      if (n.artifact == edited) continue;
      for (const auto& r : n.refs)
        if (auto it = changed.find(r); it != changed.end()) {
          TraceKind to = TraceKind::kRequirement;
          if (auto k = by_key.find(r); k != by_key.end()) to = graph.nodes[k->second[0]].kind;
          std::string link = std::string(Verb(n.kind, to)) + " " + r;
          offer(i, ImpactLevel::kHigh, n.label + " " + link + ", " + it->second.how, link, r, "", 1);
        }
    }
    for (int round = 0; round < 4; ++round)
      for (size_t i = 0; i < graph.nodes.size(); ++i) {
        const TraceNode& n = graph.nodes[i];
        if (n.artifact == edited) continue;
        for (const auto& r : n.refs) {
          auto k = by_key.find(r);
          if (k == by_key.end()) continue;
          for (size_t j : k->second) {
            const TraceNode& m = graph.nodes[j];
            if (m.artifact == edited) continue;
            // n names m: n is reached from m (tasks of a reached epic) ...
            if (reach[j].level >= ImpactLevel::kMedium && n.kind != TraceKind::kEndpoint) {
              std::string link = std::string(Verb(n.kind, m.kind)) + " " + m.label;
              offer(i, Lower(reach[j].level), n.label + " " + link + ", which " + reach[j].link, link, reach[j].root,
                    m.key, reach[j].depth + 1);
            }
            // ... and what a reached task touches is reached one level lower.
            if (n.kind == TraceKind::kTask && reach[i].level >= ImpactLevel::kMedium &&
                (m.kind == TraceKind::kEntity || m.kind == TraceKind::kEndpoint || m.kind == TraceKind::kComponent))
              offer(j, Lower(reach[i].level), m.label + " is touched by " + n.label + ", which " + reach[i].link,
                    "is touched by " + n.label, reach[i].root, n.key, reach[i].depth + 1);
          }
        }
      }

    // Rule 3: items per artifact, in document order.
    std::map<std::string, std::vector<std::pair<int, ImpactItem>>> items;
    std::map<std::string, std::string> texts(all.begin(), all.end());
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
      if (reach[i].level == ImpactLevel::kNone) continue;
      const TraceNode& n = graph.nodes[i];
      items[n.artifact].push_back({n.line, ImpactItem{SectionOfLine(texts[n.artifact], n.line), n.key, reach[i].level,
                                                      reach[i].reason, n.label, reach[i].root, reach[i].via,
                                                      reach[i].depth}});
    }
    std::vector<AffectedArtifact> kept;
    for (auto& a : out->affected) {
      const PhaseSpec& p = spec.phases[spec.IndexOf(a.phase)];
      if (p.IsDeterministic()) {
        kept.push_back(a);  // rule 5
        continue;
      }
      if (!graph.Traced(a.artifact)) {
        a.fallback_why = "the trace reads no identifiers in " + a.artifact;
        a.reason += " (phase-graph fallback: " + a.fallback_why + ")";
        kept.push_back(a);
        continue;
      }
      auto& mine = items[a.artifact];
      std::sort(mine.begin(), mine.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      a.items.clear();
      for (auto& [line, item] : mine) a.items.push_back(item);
      std::string untraced_read;
      for (const SectionChange* c : untraced)
        if (p.Consumes(edited, c->section)) untraced_read = c->section;
      a.from_trace = true;
      if (a.items.empty() && untraced_read.empty()) {
        a.level = ImpactLevel::kNone;
        std::string ids;
        for (const auto& c : out->changed_ids) ids += (ids.empty() ? "" : ", ") + c.id;
        a.reason = a.artifact + ": nothing in it names " + (ids.empty() ? "a changed id" : ids) +
                   " or anything that does";
        out->unaffected.push_back(a);
        continue;
      }
      ImpactLevel level = ImpactLevel::kNone;
      const ImpactItem* top = nullptr;
      for (const auto& item : a.items)
        if (item.level > level) {
          level = item.level;
          top = &item;
        }
      if (!untraced_read.empty() && a.level > level) {
        // Rule 4 for a section no id owns: the phase reads it, so the graph's level stands.
        a.reason = a.artifact + ": " + edited + " > " + untraced_read + " changed and names no id that the trace "
                   "follows (phase-graph fallback)";
        a.from_trace = false;
        a.fallback_why = edited + " > " + untraced_read + " changed and names no id that the trace follows";
        kept.push_back(a);
        continue;
      }
      a.level = level;
      a.reason = a.artifact + ": " + top->reason;
      if (a.items.size() > 1) a.reason += " (+" + std::to_string(a.items.size() - 1) + " more)";
      kept.push_back(a);
    }
    out->affected = std::move(kept);
  }
};

}  // namespace

bool TraceGraph::Traced(const std::string& artifact) const {
  return std::find(traced_artifacts.begin(), traced_artifacts.end(), artifact) != traced_artifacts.end();
}

const char* TraceKindName(TraceKind kind) {
  switch (kind) {
    case TraceKind::kRequirement: return "requirement";
    case TraceKind::kEpic: return "epic";
    case TraceKind::kTask: return "task";
    case TraceKind::kJourneyStep: return "journey step";
    case TraceKind::kEndpoint: return "endpoint";
    case TraceKind::kEntity: return "entity";
    case TraceKind::kComponent: return "component";
  }
  return "item";
}

std::string SectionOfLine(const std::string& text, int line) {
  Outline o = markdown::ParseOutline(text);
  const Section* s = SectionAt(o, line);
  return s ? s->path : "";
}

ImpactRefinement TraceRefinement(const WorkflowSpec& spec, TraceImpactInput input, TraceReader reader) {
  if (!reader) return {};
  return Refiner{spec, std::move(input), std::move(reader)};
}

}  // namespace specwave
