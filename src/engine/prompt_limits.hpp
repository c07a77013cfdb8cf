// Limits checked before a phase's model call, each failing the phase with a
// message that says what is too large, by how much, and how to change it
// (issue 15.4). Measured before they existed: a 1.5 MB architecture.md was
// copied into every later prompt (6.5M input tokens, every prompt beyond a
// 128k-token window) and 65 "##" headings in epics.md made 65 calls.
//
//   if (auto why = OversizedInput("SPEC_PM", inputs, brief, spec.max_artifact_chars); !why.empty()) fail(why);
//   if (auto why = TooManyItems(phase, items.size()); !why.empty()) fail(why);      // before any item call
//   if (auto why = ContextOverflow(label, model, chars, tokens, max_tokens, window); !why.empty()) fail(why);
//   request.max_tokens = DefaultMaxTokens(phase, /*fan_out_item=*/false);
//
// A phase that fails here ends as PhaseOutcome::kBlocked: no call was made.
#pragma once

#include <cstdint>
#include <string>

#include "engine/phase_checks.hpp"
#include "engine/spec.hpp"

namespace specwave {

// The reply limit (max_tokens) of a call of `phase` when the run sets none:
// the sum of its artifacts' sizes as real models write them (epics.md is
// about 10k tokens, so 12,000), at least 4,096 and at most 16,384 (gpt-4o's
// output limit, the smallest of the price table's default models). A fan-out
// item writes one item's part: tasks.md per epic, validation-report.md per
// review. An artifact not in the table gets 8,192.
int DefaultMaxTokens(const PhaseSpec& phase, bool fan_out_item);

// "" or which input (the brief counts as one) is larger than `cap` characters.
std::string OversizedInput(const std::string& phase, const NamedTexts& inputs, const std::string& brief,
                           int64_t cap);

// "" or which artifact a phase wrote is larger than `cap` characters: it
// would enter every later prompt, so it is not stored.
std::string OversizedOutput(const std::string& phase, const NamedTexts& produced, int64_t cap);

// "" or why a fan-out of `count` items is over the phase's fan_out.max_items.
std::string TooManyItems(const PhaseSpec& phase, int count);

// "" or why a prompt of about `prompt_tokens` tokens (`prompt_chars`
// characters) plus a reply of up to `max_tokens` does not fit a context
// window of `context_tokens` (0: not known, nothing checked).
std::string ContextOverflow(const std::string& label, const std::string& model, int64_t prompt_chars,
                            int64_t prompt_tokens, int max_tokens, int64_t context_tokens);

}  // namespace specwave
