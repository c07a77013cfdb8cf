// Requirements -> epics -> tasks.
//
// How a cited requirement finds its definition (docs/artifact-formats.md,
// "Identifier styles"): ids match within a family by number, whatever the
// spelling — FR-001, FR1 and FR_01 are one requirement. A citation in a
// family the PRD does not use, when the PRD uses exactly one family, is read
// in the PRD's family (epics citing F3 against a PRD of FR<n> mean FR3), and
// that is reported once per artifact as the warning id-style-mismatch. A bare
// number ("1.2" in `_Requirements: 1.2_`) is requirement 1 of the PRD's
// family, criterion 2; a criterion beyond the requirement's numbered
// acceptance criteria is an unknown citation.
#include <map>
#include <set>

#include "core/text.hpp"
#include "validators/trace_check.hpp"

namespace specwave::validators {
namespace {

class RequirementIndex {
 public:
  explicit RequirementIndex(const std::vector<FeatureDef>& features) {
    for (const auto& f : features) {
      by_key_.emplace(f.id, &f);
      families_.insert(f.family);
    }
  }

  struct Resolved {
    std::string key;                  // the key the citation reads as
    const FeatureDef* def = nullptr;  // nullptr: not defined
    std::string problem;              // why it is unknown, for the message
    bool mapped = false;              // read in another family than written
  };

  Resolved Resolve(const ReqId& r) const {
    Resolved out;
    ReqFamily family = r.family;
    if (r.bare) {
      family = families_.empty() ? ReqFamily::kREQ : *families_.begin();
      for (ReqFamily f : {ReqFamily::kREQ, ReqFamily::kFR, ReqFamily::kF})
        if (by_key_.count(ReqKey(f, r.number))) {
          family = f;
          break;
        }
    } else if (!families_.count(family) && families_.size() == 1) {
      family = *families_.begin();
      out.mapped = true;
    }
    out.key = ReqKey(family, r.number);
    auto it = by_key_.find(out.key);
    if (it == by_key_.end()) return out;
    const FeatureDef* f = it->second;
    if (r.criterion && f->criteria && r.criterion > f->criteria) {
      out.problem = f->label + " has " + std::to_string(f->criteria) + " acceptance criteri" +
                    (f->criteria == 1 ? "on" : "a");
      return out;
    }
    out.def = f;
    return out;
  }

  // "FR<n>" for the message of a mapped citation.
  std::string Family() const { return families_.empty() ? "" : ReqFamilyPattern(*families_.begin()); }

 private:
  std::map<std::string, const FeatureDef*> by_key_;
  std::set<ReqFamily> families_;
};

std::string Unknown(const ReqId& r, const RequirementIndex::Resolved& res, const std::string& prd) {
  if (!res.problem.empty()) return r.written + ", but " + res.problem;
  return r.written + ", which " + prd + " does not define";
}

// One warning per artifact that cites requirements in another family.
void StyleMismatch(const TraceInput& in, const RequirementIndex& index, const TraceDoc& doc, const ReqRef& first,
                   int count, GapSink& gaps) {
  gaps.Add("id-style-mismatch", Severity::kWarning,
           doc.name + " cites requirements as " + ReqFamilyPattern(first.id.family) + " (" + first.id.written +
               (count > 1 ? " and " + std::to_string(count - 1) + " more" : "") + ") but " + in.prd.name +
               " numbers them " + index.Family() + "; they are read by number as " + index.Family(),
           {{doc.name, first.line}, {in.prd.name, 0}}, doc);
}

// What the epics' tasks cite counts as covered by those epics.
std::set<std::string> CitedByTasks(const TraceInput& in, const RequirementIndex& index) {
  std::set<std::string> out;
  for (const auto& t : in.task_defs)
    for (const auto& r : t.requirements)
      if (auto res = index.Resolve(r.id); res.def) out.insert(res.key);
  return out;
}

}  // namespace

void CheckCoverage(const TraceInput& in, GapSink& gaps) {
  if (in.prd.present && in.features.empty())
    gaps.Add("no-requirements", Severity::kError,
             "no requirements recognised in " + in.prd.name +
                 ": number them as headings, list items or table rows (F1, FR1, FR-001, REQ-1, "
                 "\"Requirement 1\") so epics can cite them",
             {{in.prd.name, 0}}, in.prd);
  if (in.epics.present && in.epic_defs.empty())
    gaps.Add("no-epics", Severity::kError,
             "no epics recognised in " + in.epics.name + ": head each one \"## E1: Title\" or \"## Epic 1: Title\"",
             {{in.epics.name, 0}}, in.epics);
  if (!gaps.Pair(in.prd, in.epics, "PRD features' coverage by epics")) return;
  gaps.report().features = static_cast<int>(in.features.size());
  gaps.report().epics = static_cast<int>(in.epic_defs.size());
  RequirementIndex index(in.features);
  std::set<std::string> covered = in.tasks.present ? CitedByTasks(in, index) : std::set<std::string>{};
  int mapped = 0;
  const ReqRef* first_mapped = nullptr;
  for (const auto& e : in.epic_defs)
    for (const auto& c : e.covers)
      if (auto res = index.Resolve(c.id); res.def) {
        covered.insert(res.key);
        if (res.mapped && !mapped++) first_mapped = &c;
      }
  for (const auto& f : in.features)
    if (!covered.count(f.id))
      gaps.Add("feature-not-covered", Severity::kError, f.label + TitleSuffix(f.title) + " is covered by no epic",
               {{in.prd.name, f.line}, {in.epics.name, 0}}, in.prd);
  for (const auto& e : in.epic_defs) {
    if (e.covers.empty()) {
      gaps.Add("epic-covers-nothing", Severity::kWarning,
               e.label + TitleSuffix(e.title) +
                   " has no Covers: line (or FRs Addressed:, Requirements:) naming the features it delivers",
               {{in.epics.name, e.line}}, in.epics);
      continue;
    }
    for (const auto& c : e.covers)
      if (auto res = index.Resolve(c.id); !res.def)
        gaps.Add("epic-unknown-feature", Severity::kError, e.label + " covers " + Unknown(c.id, res, in.prd.name),
                 {{in.epics.name, c.line}, {in.prd.name, 0}}, in.epics);
  }
  if (mapped) StyleMismatch(in, index, in.epics, *first_mapped, mapped, gaps);
}

namespace {

// The epic a task names explicitly, by id or by exact title; "" if unknown.
std::string KnownEpic(const TraceInput& in, const std::string& named) {
  for (const auto& e : in.epic_defs)
    if (e.id == named || (!e.title.empty() && IEquals(Trim(e.title), Trim(named)))) return e.id;
  return "";
}

std::string EpicLabel(const TraceInput& in, const std::string& id) {
  for (const auto& e : in.epic_defs)
    if (e.id == id) return e.label;
  return id;
}

void TaskRequirements(const TraceInput& in, GapSink& gaps) {
  if (!in.prd.present || in.features.empty()) return;
  RequirementIndex index(in.features);
  int mapped = 0;
  const ReqRef* first_mapped = nullptr;
  for (const auto& t : in.task_defs)
    for (const auto& r : t.requirements) {
      auto res = index.Resolve(r.id);
      if (res.def) {
        if (res.mapped && !mapped++) first_mapped = &r;
        continue;
      }
      gaps.Add("task-unknown-requirement", Severity::kError, t.label + " cites " + Unknown(r.id, res, in.prd.name),
               {{in.tasks.name, r.line}, {in.prd.name, 0}}, in.tasks);
    }
  if (mapped) StyleMismatch(in, index, in.tasks, *first_mapped, mapped, gaps);
}

}  // namespace

void CheckTasks(const TraceInput& in, GapSink& gaps) {
  if (in.tasks.present && in.task_defs.empty())
    gaps.Add("no-tasks", Severity::kError,
             "no tasks recognised in " + in.tasks.name +
                 ": give each one an id (\"### T1.2: Title\", \"- [ ] T014 ...\", \"### Story 1.2: ...\")",
             {{in.tasks.name, 0}}, in.tasks);
  if (!gaps.Pair(in.epics, in.tasks, "epics' tasks")) return;
  gaps.report().tasks = static_cast<int>(in.task_defs.size());
  std::set<std::string> with_tasks;
  for (const auto& t : in.task_defs) {
    std::string epic;  // the epic it counts for
    std::string named;  // the epic it names (explicitly or by its number), for the mismatch check
    if (t.epic) {
      epic = KnownEpic(in, t.epic->id);
      if (epic.empty()) {
        gaps.Add("task-unknown-epic", Severity::kError,
                 t.label + " names epic " + t.epic->id + ", which " + in.epics.name + " does not define",
                 {{in.tasks.name, t.epic->line}, {in.epics.name, 0}}, in.tasks);
        continue;
      }
      named = epic;
    } else if (t.native || (t.section_epic.empty() && !t.implied_epic)) {
      gaps.Add("task-without-epic", Severity::kError,
               t.label + TitleSuffix(t.title) + " names no epic; add a line \"Epic: E<n>\"" +
                   (t.native ? "" : " or put it under its epic's heading"),
               {{in.tasks.name, t.line}}, in.tasks);
      epic = t.section_epic;  // still counts for its section's epic
    } else if (t.implied_epic) {
      named = KnownEpic(in, "E" + std::to_string(t.implied_epic));
      epic = t.section_epic.empty() ? named : t.section_epic;
      if (epic.empty()) {
        gaps.Add("task-unknown-epic", Severity::kError,
                 t.label + " belongs by its number to epic " + std::to_string(t.implied_epic) + ", which " +
                     in.epics.name + " does not define",
                 {{in.tasks.name, t.line}, {in.epics.name, 0}}, in.tasks);
        continue;
      }
    } else {
      epic = t.section_epic;
    }
    if (!named.empty() && !t.section_epic.empty() && t.section_epic != named)
      gaps.Add("task-epic-mismatch", Severity::kWarning,
               t.label + " sits under " + EpicLabel(in, t.section_epic) + " but names " + EpicLabel(in, named) +
                   " as its epic",
               {{in.tasks.name, t.epic ? t.epic->line : t.line}, {in.tasks.name, t.line}}, in.tasks);
    if (!epic.empty()) with_tasks.insert(epic);
  }
  for (const auto& e : in.epic_defs)
    if (!with_tasks.count(e.id))
      gaps.Add("epic-without-tasks", Severity::kError, e.label + TitleSuffix(e.title) + " has no tasks",
               {{in.epics.name, e.line}, {in.tasks.name, 0}}, in.epics);
  TaskRequirements(in, gaps);
}

}  // namespace specwave::validators
