// A phase's notes: what it said besides its artifacts, as ArtifactFindings
// so the report, the phase record and the phase panel read one kind of thing.
// The reply cleaner's removals (cleaning.hpp) and the reply's errors
// (reply_cleaner.hpp) become findings of the pseudo-validator "reply"; the
// validators' own findings keep their names.
//
//   account.notes.push_back(NoteFromCleaning(c));
//   record.findings_json = PhaseNotesToJson(account.notes);   // phase_runs.findings_json
//   for (const ArtifactFinding& f : PhaseNotesFromJson(record.findings_json)) ...
#pragma once

#include <string>
#include <vector>

#include "engine/cleaning.hpp"
#include "engine/phase_checks.hpp"
#include "engine/reply_cleaner.hpp"

namespace specwave {

ArtifactFinding NoteFromCleaning(const Cleaning& c);
ArtifactFinding NoteFromReplyError(const ReplyError& e);

// [{"artifact","severity","validator","rule","line","message","excerpt"}, ...]
std::string PhaseNotesToJson(const std::vector<ArtifactFinding>& notes);
// What PhaseNotesToJson wrote; stored data is outside input, so anything
// unreadable gives an empty list (a record written before schema 3 has "[]").
std::vector<ArtifactFinding> PhaseNotesFromJson(const std::string& json);

}  // namespace specwave
