// The reply cleaner: one function turns a model's reply into the documents a
// phase declared, for single-file, multi-file and fan-out item replies alike
// (issue 14, point 3). A reply is untrusted input; everything removed is
// recorded (Cleaning, with raw reply lines), everything wrong is an error.
//
//   CleanedReply r = CleanReply(response.text, ReplyShape::ForPhase(p.produces));
//   if (!r.ok()) ...fail the phase with r.errors (keep the raw reply in its record)...
//   for (const auto& d : r.documents)
//     ...WrapInEnvelope(d.text, facts, d.first_line) (envelope.hpp), then validate...
//   for (const auto& c : r.cleanings) ...keep ToDiagnostic(c, subject) as a phase warning...
//
// Thread-safe: no state; call it from any worker.
//
//   // a fan-out item: the same cleaning, plus its heading
//   CleanReply(item_reply, ReplyShape::FanOutItem("tasks.md", "## E2: Route sketch"));
//
// The rules (docs/artifact-formats.md, "How a response becomes artifacts"):
//
// Line ends. CR and CRLF become LF on every path; a UTF-8 byte-order mark is
// dropped. Nothing else on a line changes (trailing spaces stay).
//
// Reasoning. A <think>, <thinking> or <reasoning> block that opens the reply
// (reasoning models served through OpenAI-compatible APIs) is removed up to
// its closing tag; one never closed is left alone.
//
// Whole-reply refusal. A reply with no heading, fence, frontmatter or file
// marker whose first paragraph is a refusal ("I'm sorry, but I can't…",
// "I cannot assist…", "As an AI…") is the error kRefusal, quoting the words.
//
// File markers. A line `=== FILE: name ===` (any number of '=' from three,
// `FILE:` in any case, the name in backticks or quotes) outside a code fence.
// The name matches a declared file by its base name, ignoring case and a path
// prefix: `docs/data-model.md` and `API-Spec.md` are data-model.md and
// api-spec.md. `=== name ===` without `FILE:` is a marker only when the name
// is declared or looks like a file (`notes.md`, `a/b`): `=== Runtime ===` is
// content. A name that leaves the folder (`../prd.md`, `/etc/x`, `C:\x`) never
// matches a declared file. The text under an undeclared name is ignored with
// a warning naming it. A marker inside a code fence is content — unless the
// whole reply is one fence around the markers, which is unwrapped first. At
// this level (the reply, not a document) fences nest the way models write
// them: inside a ```markdown fence, ```json opens a sample that the next bare
// ``` closes, so the document's fence ends at its own closer.
// A multi-file reply with no marker for any declared file may use headings
// (or bold or code lines) that only name a declared file ("### `api-spec.md`")
// instead; each one used is recorded (kLabelAsMarker).
//
// Text before the first marker. Conversational → kPreambleRemoved; other
// text → kTextOutsideFilesIgnored (a warning quoting it). A declared file
// given twice: the last is kept (kDuplicateFile).
//
// Each document, in this order:
//  1. Closing remarks: while the last paragraph is a short remark of prose
//     (no heading, list, table, quote or fence line; ≤ 4 lines, ≤ 500 bytes)
//     with a phrase addressed to the requester at a sentence start ("Let me
//     know…", "I hope this helps", "Feel free to…", "Would you like me to…",
//     "I can also…") or a refusal, it is removed, with a `---` rule before it
//     and (not for a refusal) a heading it leaves empty ("## Next steps").
//  2. Preamble: the paragraphs before the first heading, frontmatter, fence or
//     rule are removed only when there is such a line after them, there are
//     at most three, and every one is a short opener remark ("Sure! Here's…",
//     "Certainly — below is…", "Here is the updated PRD:") or a refusal. Any
//     other paragraph there is content and nothing is removed. A line that
//     only names the file ("**prd.md**", or a heading "### `prd.md`" right
//     before a fence) is part of the preamble. A `---` rule left after a
//     removed preamble is removed (it would read as frontmatter).
//  3. A fence around the whole document — ```, ```markdown, ```md, ~~~,
//     ~~~markdown, four or more backticks — is removed when the first line
//     opens it, the last line is a bare closer of the same character and at
//     least its length, the fences inside pair up, and the inside has a
//     heading or frontmatter outside its own fences. A fenced code sample in
//     the document is never touched (its first/last lines are not the
//     document's). Steps 1–2 run again inside a removed fence, and a fence
//     right after frontmatter is unwrapped the same way.
//  4. A second frontmatter block right after the first is removed.
//  5. Blank lines at both ends are dropped; the text ends with one '\n'.
//  6. A document that is empty is the error kEmptyDocument; one that is only
//     remarks is kOnlyRemarks (for example a reply "Sure, what should the
//     PRD focus on?").
//
// Fan-out items, in addition: every marker naming the declared file
// (`=== FILE: tasks.md ===`) is removed (kNestedMarkerRemoved) and the text
// around it kept; frontmatter at the start of the item or after such a marker
// is removed (kFrontmatterRemoved — the engine writes the artifact's); refusal
// paragraphs anywhere outside fences are removed (kRefusalRemoved), and an
// item that was only a refusal is the error kRefusal. With a heading given:
// a leading title shallower than the item's ("# Tasks") is removed; a first
// heading for the same item (same id such as "E2", or any heading at the
// item's level when the heading has no id) is replaced by the given one when
// worded differently; a first heading naming another item ("## E3") is the
// error kWrongItem; text before the item's own heading further down is
// ignored (kTextBeforeHeadingIgnored); otherwise the given heading is put
// first. An item-level heading inside a code fence stays code and is reported
// (kFencedItemHeading: it is not another item); a second item-level heading
// outside fences is reported (kForeignItemHeading) and kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/cleaning.hpp"

namespace specwave {

// kSingle and kMulti behave by the number of names in `produces`: one
// declared file may come without a marker, several need markers (or headings
// naming them). kFanOutItem adds the item rules above.
enum class ReplyKind { kSingle, kMulti, kFanOutItem };

struct ReplyShape {
  ReplyKind kind = ReplyKind::kSingle;
  std::vector<std::string> produces;  // declared names; a fan-out item: the artifact it is part of
  std::string item_heading;           // fan-out item: its heading line ("## E2: Route sketch"); "" = none required

  static ReplyShape Single(std::string name);
  static ReplyShape Multi(std::vector<std::string> names);
  // A phase's declared files: Single for one, Multi for several.
  static ReplyShape ForPhase(std::vector<std::string> names);
  static ReplyShape FanOutItem(std::string artifact, std::string heading);
};

enum class ReplyErrorKind {
  kEmptyReply,     // nothing but whitespace
  kRefusal,        // the reply (or a fan-out item) is only a refusal
  kNoMarkers,      // several files declared, no marker for any of them
  kMissingFile,    // a declared file has no marker
  kEmptyDocument,  // a declared file is empty once cleaned
  kOnlyRemarks,    // a document made only of conversational remarks
  kWrongItem,      // a fan-out item starts with another item's heading
};

struct ReplyError {
  ReplyErrorKind kind = ReplyErrorKind::kEmptyReply;
  std::string file;     // "" = the reply as a whole
  int line = 0;         // raw reply line, 0 = none
  std::string message;  // names the file and, for a refusal, quotes the model
  std::string excerpt;  // the model's words (refusal: up to ~400 bytes)
};

struct CleanedDocument {
  std::string name;    // the declared name (produces), never the name as written
  std::string text;    // LF only, ends with one '\n'; no envelope yet
  int first_line = 0;  // raw reply line of the document's first line
};

struct CleanedReply {
  // In declared order. Kept even when errors is not empty, for the phase's
  // record and a repair prompt — never to be stored as a version then.
  std::vector<CleanedDocument> documents;
  std::vector<Cleaning> cleanings;  // in raw line order within each step
  std::vector<ReplyError> errors;
  bool ok() const { return errors.empty(); }
  // The document named `name`, or nullptr.
  const CleanedDocument* Find(std::string_view name) const;
};

CleanedReply CleanReply(std::string_view raw, const ReplyShape& shape);

Diagnostic ToDiagnostic(const ReplyError& e, const std::string& subject);

std::string_view ReplyErrorKindName(ReplyErrorKind kind);  // "refusal", "missing-file", ...

}  // namespace specwave
