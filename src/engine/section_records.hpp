// What the store keeps about user edits at section level (issue #16.5):
// locks (a section a person edited is not rewritten by a regeneration),
// proposals (what a regeneration would have written into a locked section,
// for the person to accept or reject) and reviews ("accept as reviewed":
// a stale mark cleared without regenerating, with who and when).
//
// Kinds are enums here and names only in the database and JSON
// (SectionLockSourceName, ProposalStatusName...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace specwave {

// How a lock came to be: a person's edit changed the section (kEdit), a
// person locked it by hand (kHand), or it was derived from a user version
// written before locks existed (kDerived: the sections that version changed).
enum class LockSource { kEdit, kHand, kDerived };
const char* LockSourceName(LockSource s);
std::optional<LockSource> ParseLockSource(std::string_view s);

// One row per (artifact, heading path). An unlocked section keeps its row
// (locked = false), so unlocking by hand is remembered and a derived lock
// is not derived again.
struct SectionLock {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string artifact;
  std::string section;  // heading path, "PRD > Features > F2: Route sketch"
  bool locked = true;
  LockSource source = LockSource::kEdit;
  std::string set_by;   // "user", "cli", "derived"
  int64_t updated_at = 0;
};

enum class ProposalKind { kReplace, kDelete };
const char* ProposalKindName(ProposalKind k);
std::optional<ProposalKind> ParseProposalKind(std::string_view s);

// kSuperseded: a later regeneration proposed again for the same section.
enum class ProposalStatus { kOpen, kAccepted, kRejected, kSuperseded };
const char* ProposalStatusName(ProposalStatus s);
std::optional<ProposalStatus> ParseProposalStatus(std::string_view s);

// What a regeneration would have written into a locked section.
struct SectionProposal {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string artifact;
  std::string section;        // heading path in the version the lock protected
  ProposalKind kind = ProposalKind::kReplace;
  std::string old_text;       // the locked section's text, as kept (heading line first)
  std::string proposed_text;  // the regenerated section's text; "" for kDelete
  int64_t base_version_id = 0;       // the version old_text was read from
  int64_t workflow_run_id = 0;       // the run that proposed it
  int64_t regeneration_run_id = 0;   // 0 = not a regeneration
  ProposalStatus status = ProposalStatus::kOpen;
  std::string decided_by;
  int64_t decided_at = 0;
  int64_t result_version_id = 0;     // accepted: the user version it made
  int64_t created_at = 0;
};

// "Accept as reviewed": the person says a stale artifact is right as it is.
struct ReviewRecord {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string artifact;
  int64_t version_id = 0;     // the version reviewed
  std::string stale_reason;   // the mark it cleared
  std::string reviewed_by;    // "user", "cli"
  int64_t reviewed_at = 0;
};

}  // namespace specwave
