// The reply path of a phase (issue #14, points 2 and 3): what the engine does
// with a model's reply after the provider returns and before the committer
// sees it. One cleaner for every shape (reply_cleaner.hpp), then the engine's
// envelope on each document (envelope.hpp): the engine writes artifact,
// phase, agent, version, generator and created itself; what the cleaner
// removed and the envelope replaced becomes the phase's notes (warnings kept
// also when it succeeds).
//
//   ReadReply r = ReadWholePhaseReply(ctx, phase, response.text);
//   if (!r.ok()) ...fail with r.errors, keep response.text on the record...
//   committer.Commit(phase, r.artifacts);
//
//   // fan-out: each item cleaned the same way, then one envelope on the join
//   ReadReply item = ReadFanOutItemReply(ctx, phase, item_title, reply);   // item.artifacts[0].second = the body
//   NamedTexts joined = EnvelopeJoined(ctx, phase, bodies);
//
// Thread-safe: reads the run context (the store for the next version number).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/envelope.hpp"
#include "engine/phase_checks.hpp"
#include "engine/run_context.hpp"

namespace specwave {

struct ReadReply {
  NamedTexts artifacts;                 // enveloped documents in declared order (a fan-out item: its body)
  std::vector<ArtifactFinding> notes;   // what was removed or replaced (info and warnings)
  std::vector<ArtifactFinding> errors;  // why the reply cannot be used; empty when ok
  bool refused = false;                 // the reply (or item) is only a refusal: never repaired
  bool ok() const { return errors.empty(); }
};

// The facts the engine writes into `artifact`'s envelope for this phase: the
// next version number from the store, the generator, now.
EnvelopeFacts FactsFor(const RunContext& ctx, int phase, const std::string& artifact);

// A whole phase's reply: single-file or multi-file by its `produces`.
ReadReply ReadWholePhaseReply(const RunContext& ctx, int phase, std::string_view raw);

// One fan-out item's reply, cleaned as an item of the phase's artifact
// (heading rules included). No envelope: the join gets one.
ReadReply ReadFanOutItemReply(const RunContext& ctx, int phase, const std::string& item_title, std::string_view raw);

// The heading an item's reply starts with, as the prompt asks for it:
// "## E2: Route sketch" for heading items, "### prd.md" for artifact items.
std::string FanOutItemHeading(const PhaseSpec& phase, const std::string& item_title);

// The joined artifact of a fan-out phase: "# Title", the item bodies in
// order, in the engine's envelope.
std::string EnvelopeJoined(const RunContext& ctx, int phase, const std::string& title,
                           const std::vector<std::string>& bodies);

// A stored document as a later prompt shows it: without the envelope's
// `created:` line, which differs on every run of the same content and would
// make every downstream prompt new (no response-cache hit, no provider
// prompt-cache prefix across runs). Everything else is byte for byte.
std::string WithoutCreatedLine(const std::string& document);

// "1 error (prd.md: the reply is a refusal: ...)" style summary of errors.
std::string SummariseErrors(const std::vector<ArtifactFinding>& errors);

}  // namespace specwave
