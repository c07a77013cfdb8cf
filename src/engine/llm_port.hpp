// The engine's port to a text generator: a hosted or local language model
// (src/llm/openai_provider, anthropic_provider) or the built-in offline
// generator (src/offline), which is *not* a language model and says so
// through IsLanguageModel().
//
// Complete() blocks the calling engine thread until the call finishes,
// handing streamed text to `on_text` as it arrives. Streamed text is scratch:
// the engine stores an artifact only from a response with ok == true, which a
// provider returns only after a clean stop (never after a cut-off stream, an
// error event, a length or content-filter stop).
//
// Implementations must be safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/cancel.hpp"
#include "engine/provider_kind.hpp"

namespace specwave {

struct PhaseSpec;

// Everything a phase call is about, in structured form. Hosted models get it
// rendered as prompt blocks (prompt_builder.hpp); the offline generator reads
// it directly.
struct GenerationContext {
  const PhaseSpec* phase = nullptr;
  std::string brief;                                   // the project brief (markdown)
  std::vector<std::pair<std::string, std::string>> inputs;  // upstream artifacts (name, content), graph order;
                                                       // for a review: outlines of the artifacts it traces to
  std::string fan_out_item;                            // for a fan-out call: the item's heading/artifact name
  std::string fan_out_item_body;                       // ...and its text
  int fan_out_index = -1;
  int fan_out_count = 0;
  std::string review_findings;                         // a review: the deterministic checks' findings about its item
  // Set when the call revises existing artifacts instead of writing them
  // (issue #16.2, engine/revision.hpp): the reply is a section patch.
  const struct RevisionContext* revision = nullptr;
};

// One piece of a prompt. A prompt is an ordered list of blocks: the system
// blocks first, then the user blocks (prompt_builder.hpp lays them out).
// `cache_breakpoint` marks the end of a prefix that other calls share
// byte for byte (sibling phases, the items of a fan-out): a provider with
// explicit prompt caching (Anthropic's cache_control) may cache the prompt up
// to and including that block; one with automatic prefix caching (OpenAI)
// gains from the order alone. The wire protocols decide which marks to use
// (Anthropic allows at most four, and caches nothing shorter than its minimum).
enum class PromptRole { kSystem, kUser };

struct PromptBlock {
  PromptRole role = PromptRole::kUser;
  std::string text;
  bool cache_breakpoint = false;
};

struct LlmRequest {
  // The prompt. When `blocks` is set it is the prompt, and `system` / `user`
  // hold the same text joined (SetPrompt sets all three); when it is empty
  // the prompt is one system block and one user block, with no breakpoints.
  std::vector<PromptBlock> blocks;
  std::string system;  // the system blocks joined: persona-free house rules, identical for every call
  std::string user;    // the user blocks joined: brief, upstream artifacts in graph order, then the task
  std::string model;
  double temperature = 0.2;
  int max_tokens = 8192;
  const GenerationContext* context = nullptr;  // never null when the engine calls
  std::string label;                           // "SPEC_PM" or "SOLUTIONING_TASKS[2]" — for logs and the test server
  bool bypass_cache = false;  // regenerate on purpose (e.g. after a validation failure): never answer from cache
};

// Sets request->blocks and the joined request->system and request->user.
void SetPrompt(LlmRequest* request, std::vector<PromptBlock> blocks);
// The request's blocks, or {system, user} as two blocks when it has none.
std::vector<PromptBlock> PromptBlocksOf(const LlmRequest& request);
// The text of the blocks of one role, joined in order.
std::string JoinBlocks(const std::vector<PromptBlock>& blocks, PromptRole role);

// Tokens as the engine counts them, whatever the provider's own convention:
//   input_tokens         every prompt token of the call, cached or not
//                        (Anthropic reports input_tokens *without* its cache
//                        reads and writes; the protocol adds them back)
//   cached_input_tokens  the part of input_tokens served from the provider's
//                        prompt cache (Anthropic cache_read_input_tokens,
//                        OpenAI prompt_tokens_details.cached_tokens)
//   cache_write_tokens   the part of input_tokens written to the provider's
//                        prompt cache (Anthropic cache_creation_input_tokens,
//                        billed above the input price; OpenAI reports none)
// so input_tokens - cached_input_tokens - cache_write_tokens were read at the
// plain input price.
struct TokenUsage {
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  int64_t cached_input_tokens = 0;
  int64_t cache_write_tokens = 0;
  TokenUsage& operator+=(const TokenUsage& o) {
    input_tokens += o.input_tokens;
    output_tokens += o.output_tokens;
    cached_input_tokens += o.cached_input_tokens;
    cache_write_tokens += o.cache_write_tokens;
    return *this;
  }
};

enum class FinishReason { kStop, kLength, kContentFilter, kError, kCancelled };
const char* FinishReasonName(FinishReason r);

struct LlmResponse {
  bool ok = false;        // true only after a clean, complete stop
  std::string text;       // the final text (complete only when ok)
  // Every attempt of this call together, failed ones included (as far as the
  // provider reported usage for them): what the call was billed. Metrics and
  // the budget count this.
  TokenUsage usage;
  // One entry per HTTP attempt, in order (zeros where the provider reported
  // nothing); their sum is `usage`. The last entry is the prompt as sent once.
  std::vector<TokenUsage> attempt_usage;
  FinishReason finish = FinishReason::kError;
  std::string error;      // for a person: what went wrong and what to do; never contains a key
  std::string refusal;    // the model's own words when it refused (finish is kContentFilter); not retried
  int attempts = 0;       // HTTP attempts made (retries included)
  bool cached = false;    // served from the response cache: no model call made
  bool network_down = false;
};

using TextSink = std::function<void(const std::string& chunk)>;

class LlmProvider {
 public:
  virtual ~LlmProvider() = default;
  virtual ProviderKind Kind() const = 0;
  virtual std::string Model() const = 0;          // model id, or "rules" for offline
  virtual bool IsLanguageModel() const = 0;       // false for the offline generator
  std::string Name() const { return ProviderKindName(Kind()); }  // "openai", "anthropic", "offline"
  virtual LlmResponse Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) = 0;
};

}  // namespace specwave
