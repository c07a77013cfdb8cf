#include "engine/phase_commit.hpp"

#include <map>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "engine/envelope.hpp"

namespace specwave {
namespace {

std::string FindingsSummary(const std::vector<ArtifactFinding>& findings) {
  int errors = 0;
  std::string first;
  for (const auto& f : findings)
    if (f.severity == Severity::kError) {
      if (errors++ == 0) first = f.artifact + (f.line > 0 ? ":" + std::to_string(f.line) : "") + ": " + f.message;
    }
  return std::to_string(errors) + " validation error" + (errors == 1 ? "" : "s") + " (" + first + ")";
}

}  // namespace

std::string ContentKey(const std::string& content) { return Sha256Hex(StableContent(content)); }

std::vector<ArtifactFinding> PhaseCommitter::Check(int phase, const NamedTexts& artifacts) const {
  if (!ctx_.checks.validate_phase) return {};
  return ctx_.checks.validate_phase(ctx_.spec.phases[phase], artifacts);
}

bool PhaseCommitter::Blocks(const std::vector<ArtifactFinding>& findings) {
  for (const auto& f : findings)
    if (f.severity == Severity::kError && f.validator != "traceability") return true;
  return false;
}

JobOutcome PhaseCommitter::Commit(int phase, const NamedTexts& artifacts, std::vector<ArtifactFinding> findings,
                                  const NamedTexts* cross_checked) {
  auto more = Check(phase, artifacts);
  findings.insert(findings.end(), more.begin(), more.end());
  return CommitChecked(phase, artifacts, findings, cross_checked);
}

JobOutcome PhaseCommitter::CommitChecked(int phase, const NamedTexts& artifacts,
                                         const std::vector<ArtifactFinding>& findings,
                                         const NamedTexts* cross_checked) {
  const PhaseSpec& p = ctx_.spec.phases[phase];
  int errors = 0, warnings = 0, blocking = 0;
  for (const auto& f : findings) {
    (f.severity == Severity::kError ? errors : warnings)++;
    blocking += f.severity == Severity::kError && f.validator != "traceability";
  }

  // The findings go on the phase's record with the reply's notes.
  accounts_.Update(phase, [&](PhaseAccount& a) { a.notes.insert(a.notes.end(), findings.begin(), findings.end()); });
  bool changed = false, unknown = false;
  std::vector<ArtifactToCommit> commit;
  std::vector<ChangedSection> sections;  // for early cutoff by section (change_scope.hpp)
  for (const auto& [name, content] : artifacts) {
    if (blocking) break;  // a failed phase's output is never a version
    auto prev = ctx_.store.LatestVersion(ctx_.project.id, name);
    if (!prev || ContentKey(prev->content) != ContentKey(content)) {
      changed = true;
      commit.push_back({name, content});
      if (!prev) unknown = true;
      else for (auto& c : ChangedSectionsOf(name, prev->content, content)) sections.push_back(std::move(c));
    }
  }
  PhaseRunRecord pr = ctx_.BaseRecord(phase, accounts_.Get(phase));
  pr.status = blocking ? PhaseStatus::kFailed : PhaseStatus::kSucceeded;
  pr.outcome = blocking ? PhaseOutcome::kValidationFailed : PhaseOutcome::kGenerated;
  if (blocking) pr.error = FindingsSummary(findings);
  pr.started_at_us = accounts_.Get(phase).first_start_us;
  pr.ended_at_us = ctx_.SinceStartUs();
  pr.duration_ms = (pr.ended_at_us - pr.started_at_us) / 1000;
  StoreError err = ctx_.store.CommitPhase(pr, commit, "agent:" + p.agent, ctx_.project.id,
                                          ctx_.options.regeneration_reason, ctx_.options.regeneration_run_id);
  if (err) {
    accounts_.Update(phase, [](PhaseAccount& a) { a.failure = PhaseOutcome::kStoreFailed; });
    return {false, false, "could not store the artifacts: " + err.message, 0};
  }
  accounts_.Update(phase, [&](PhaseAccount& a) {
    a.committed = true;
    a.errors = errors;
    a.warnings = warnings;
    a.changed = a.changed || changed;
    a.change_unknown = a.change_unknown || unknown;
    a.changed_sections.insert(a.changed_sections.end(), sections.begin(), sections.end());
    if (blocking) a.failure = PhaseOutcome::kValidationFailed;
  });
  if (!blocking) RecordValidations(phase, artifacts, findings, cross_checked);
  if (ctx_.observer && !findings.empty()) ctx_.observer->OnFindings(phase, findings);
  if (blocking) return {false, false, pr.error, 0};
  return {true, false, "", 0};
}

void PhaseCommitter::RecordValidations(int phase, const NamedTexts& artifacts,
                                       const std::vector<ArtifactFinding>& findings, const NamedTexts* cross_checked) {
  std::map<std::pair<std::string, std::string>, std::vector<const ArtifactFinding*>> groups;
  for (const auto& [name, content] : artifacts)
    for (const auto& v : ctx_.spec.phases[phase].validators) groups[{name, v}];
  if (cross_checked)
    for (const auto& [name, content] : *cross_checked) groups[{name, "traceability"}];
  for (const auto& f : findings) groups[{f.artifact, f.validator}].push_back(&f);
  for (const auto& [key, list] : groups) {
    ValidationRunRecord vr;
    vr.project_id = ctx_.project.id;
    vr.workflow_run_id = ctx_.run.id;
    vr.artifact = key.first;
    vr.validator = key.second;
    if (auto v = ctx_.store.LatestVersion(ctx_.project.id, key.first)) vr.artifact_version_id = v->id;
    vr.passed = true;
    for (const auto* f : list)
      if (f->severity == Severity::kError) vr.passed = false;
    vr.findings_json = FindingsToJson(list);
    ctx_.store.RecordValidation(vr);
  }
}

}  // namespace specwave
