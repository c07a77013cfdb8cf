// PhaseCommitter: the end of a generating phase — validate what it produced,
// keep only what changed, store the artifacts and the phase record in one
// transaction (Store::CommitPhase), record each validator's findings.
//
// Only what changed becomes a new version: rerunning a phase that writes the
// same text again adds no version, and the comparison ignores what varies
// between identical documents (line ends, trailing spaces, the frontmatter's
// version and created lines). Validator errors fail the phase; cross-artifact gaps
// (traceability) belong in the validation report and do not.
//
// A failed phase's output never becomes a version (issue #14.1): when its
// validators fail, only the phase record is stored, holding the findings
// (and, from the reply path, the raw reply) for a person to read.
#pragma once

#include <string>
#include <vector>

#include "engine/phase_accounts.hpp"
#include "engine/run_context.hpp"
#include "engine/scheduler.hpp"

namespace specwave {

class PhaseCommitter {
 public:
  PhaseCommitter(const RunContext& ctx, PhaseAccounts& accounts) : ctx_(ctx), accounts_(accounts) {}

  // `findings`: found before (e.g. the cross-artifact checks at a validate
  // join). `cross_checked`: at a validate join, every artifact those checks
  // read; each gets a traceability record even when clean, so a gap fixed
  // since an earlier run is not still shown from that run's record.
  JobOutcome Commit(int phase, const NamedTexts& artifacts, std::vector<ArtifactFinding> findings = {},
                    const NamedTexts* cross_checked = nullptr);
  // The same with the validators already run (`findings` holds theirs):
  // the reply path validates first to decide on a repair call.
  JobOutcome CommitChecked(int phase, const NamedTexts& artifacts, const std::vector<ArtifactFinding>& findings,
                           const NamedTexts* cross_checked = nullptr);
  // The phase's validators on what it produced.
  std::vector<ArtifactFinding> Check(int phase, const NamedTexts& artifacts) const;
  // Whether findings fail a phase: any error but a traceability gap (gaps
  // belong in the validation report). Warnings never fail.
  static bool Blocks(const std::vector<ArtifactFinding>& findings);

 private:
  void RecordValidations(int phase, const NamedTexts& artifacts, const std::vector<ArtifactFinding>& findings,
                         const NamedTexts* cross_checked);

  const RunContext& ctx_;
  PhaseAccounts& accounts_;
};

// The key two versions of an artifact are compared by (see above).
std::string ContentKey(const std::string& content);

}  // namespace specwave
