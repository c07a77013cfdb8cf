// The engine's port to a text generator: a hosted or local language model
// (src/llm/openai_provider, anthropic_provider) or the built-in offline
// generator (src/llm/offline), which is *not* a language model and says so
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

namespace specwave {

struct PhaseSpec;

// Everything a phase call is about, in structured form. Hosted models get it
// rendered as text (system + user); the offline generator reads it directly.
struct GenerationContext {
  const PhaseSpec* phase = nullptr;
  std::string brief;                                   // the project brief (markdown)
  std::vector<std::pair<std::string, std::string>> inputs;  // upstream artifacts (name, content), graph order
  std::string fan_out_item;                            // for a fan-out call: the item's heading/artifact name
  std::string fan_out_item_body;                       // ...and its text
  int fan_out_index = -1;
  int fan_out_count = 0;
};

struct LlmRequest {
  std::string system;  // persona and rules first: stable across calls, so providers' prompt caches hit
  std::string user;    // upstream artifacts in graph order, then the task
  std::string model;
  double temperature = 0.2;
  int max_tokens = 8192;
  const GenerationContext* context = nullptr;  // never null when the engine calls
  std::string label;                           // "SPEC_PM" or "SOLUTIONING_TASKS[2]" — for logs and the test server
  bool bypass_cache = false;  // regenerate on purpose (e.g. after a validation failure): never answer from cache
};

struct TokenUsage {
  int64_t input_tokens = 0;
  int64_t output_tokens = 0;
  int64_t cached_input_tokens = 0;
  TokenUsage& operator+=(const TokenUsage& o) {
    input_tokens += o.input_tokens;
    output_tokens += o.output_tokens;
    cached_input_tokens += o.cached_input_tokens;
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
  virtual std::string Name() const = 0;           // "openai", "anthropic", "offline"
  virtual std::string Model() const = 0;          // model id, or "rules" for offline
  virtual bool IsLanguageModel() const = 0;       // false for the offline generator
  virtual LlmResponse Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) = 0;
};

}  // namespace specwave
