// What the engine changed in a model's reply before storing it: one Cleaning
// record per removal or replacement, made by the reply cleaner
// (reply_cleaner.hpp) and the envelope (envelope.hpp). A phase keeps them as
// warnings even when it succeeds, so a person can see what was dropped and
// why (issue 14: "every removal is recorded").
//
//   for (const Cleaning& c : cleaned.cleanings)
//     phase_warnings.push_back(ToDiagnostic(c, "phase 'SPEC_PM'"));
//
// Lines are 1-based lines of the raw reply as the model sent it (CR, LF and
// CRLF each end a line, as markdown::SourceText counts them); 0 when the
// record concerns no line (an envelope field the model did not write).
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace specwave {

enum class CleaningKind {
  kLineEndsNormalised,        // CRLF or CR line ends became LF (info)
  kByteOrderMarkRemoved,      // a UTF-8 BOM before the first line (info)
  kReasoningRemoved,          // a <think>...</think> block a reasoning model put before its reply
  kPreambleRemoved,           // "Sure! Here's the analysis:" (or a bare "**prd.md**" label) before the document
  kClosingRemoved,            // "Let me know if you'd like changes." after it
  kRuleRemoved,               // a `---` rule left between a removed remark and the document
  kFenceRemoved,              // a fence around a whole document; detail: the opening line ("~~~markdown")
  kTextOutsideFilesIgnored,   // non-conversational text before the first file marker
  kLabelAsMarker,             // no `=== FILE ===` markers: a heading naming a declared file ("## api-spec.md") used
  kUndeclaredFileIgnored,     // a file the phase does not produce; detail: its name as written
  kDuplicateFile,             // a declared file given twice; the last one is kept
  kNestedMarkerRemoved,       // a fan-out item carried its own `=== FILE: tasks.md ===`
  kFrontmatterRemoved,        // a second frontmatter block, or one in a fan-out item
  kRefusalRemoved,            // "I'm sorry, but I can't ..." inside a document or item
  kTitleRemoved,              // a fan-out item began with the artifact's title ("# Tasks")
  kTextBeforeHeadingIgnored,  // a fan-out item's text before its own heading (which comes later)
  kHeadingAdded,              // a fan-out item lacked its heading; the engine's was put first
  kHeadingReplaced,           // a fan-out item's heading was worded otherwise; the engine's is used
  kFencedItemHeading,         // an item-level heading inside a code fence: kept as code, not an item
  kForeignItemHeading,        // a fan-out item also holds another item's heading (kept)
  kEnvelopeFieldReplaced,     // the model wrote a wrong value for a field the engine owns
  kFrontmatterUnreadable,     // the model's frontmatter was not YAML key/values; dropped
  kFrontmatterKeyDropped,     // a key the model gave twice; the first is kept
};

struct Cleaning {
  CleaningKind kind = CleaningKind::kPreambleRemoved;
  std::string file;    // the document concerned; "" = the reply as a whole
  int first_line = 0;  // raw reply lines removed or concerned (0 = none)
  int last_line = 0;
  std::string detail;   // fence opener, file name, field name, heading, ...
  std::string excerpt;  // the removed text, shortened (first line, at most ~120 bytes)
  std::string message;  // a sentence a person can act on
};

// Stable id for JSON and stores: "preamble-removed", "fence-removed", ...
std::string_view CleaningKindName(CleaningKind kind);
// kInfo for line ends and a byte-order mark, kWarning for everything else.
Severity CleaningSeverity(CleaningKind kind);
// A Diagnostic of CleaningSeverity(c.kind) on c.file. Its line is 0: record
// lines count the reply, not the file, and the message names them.
Diagnostic ToDiagnostic(const Cleaning& c, const std::string& subject);

// A text shortened for an excerpt: first non-blank line, at most `max` bytes
// (cut on a UTF-8 boundary, "…" appended when cut).
std::string ShortExcerpt(std::string_view text, size_t max = 120);

}  // namespace specwave
