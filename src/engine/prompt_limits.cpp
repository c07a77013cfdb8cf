#include "engine/prompt_limits.hpp"

#include <algorithm>
#include <map>

namespace specwave {

namespace {

constexpr int kMinReplyTokens = 4096;
constexpr int kMaxReplyTokens = 16384;
constexpr int kUnknownArtifactTokens = 8192;

// Tokens a real model's document takes (the compliant corpus written to the
// formats of docs/artifact-formats.md, at about 4 characters a token), with
// room to spare: a reply cut at its limit fails the phase.
int ArtifactTokens(const std::string& artifact, bool fan_out_item) {
  static const std::map<std::string, int> kWhole = {
      {"analysis.md", 6000},       {"stack.md", 4000},          {"design-tokens.md", 6000},
      {"prd.md", 12000},           {"architecture.md", 8000},   {"data-model.md", 6000},
      {"api-spec.md", 8000},       {"component-mapping.md", 6000}, {"journey-maps.md", 4000},
      {"dependencies.md", 4000},   {"epics.md", 12000},         {"tasks.md", 16000},
      {"validation-report.md", 8000},
  };
  static const std::map<std::string, int> kItem = {{"tasks.md", 6000}, {"validation-report.md", 4000}};
  if (fan_out_item)
    if (auto it = kItem.find(artifact); it != kItem.end()) return it->second;
  auto it = kWhole.find(artifact);
  return it == kWhole.end() ? kUnknownArtifactTokens : it->second;
}

std::string Thousands(int64_t n) {
  std::string s = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return n < 0 ? "-" + s : s;
}

}  // namespace

int DefaultMaxTokens(const PhaseSpec& phase, bool fan_out_item) {
  int sum = 0;
  for (const auto& a : phase.produces) sum += ArtifactTokens(a, fan_out_item);
  return std::clamp(sum, kMinReplyTokens, kMaxReplyTokens);
}

std::string OversizedInput(const std::string& phase, const NamedTexts& inputs, const std::string& brief,
                           int64_t cap) {
  auto over = [&](const std::string& what, size_t size) {
    return phase + " was not run: " + what + " is " + Thousands(static_cast<int64_t>(size)) +
           " characters, over the cap of " + Thousands(cap) +
           " for an artifact entering a prompt. Shorten it (edit it, or regenerate the phase that wrote it), "
           "or raise the cap with 'max_artifact_chars: N' at the top of the workflow.";
  };
  if (cap <= 0) return "";
  if (static_cast<int64_t>(brief.size()) > cap) return over("the brief", brief.size());
  for (const auto& [name, content] : inputs)
    if (static_cast<int64_t>(content.size()) > cap) return over(name, content.size());
  return "";
}

std::string OversizedOutput(const std::string& phase, const NamedTexts& produced, int64_t cap) {
  if (cap <= 0) return "";
  for (const auto& [name, content] : produced)
    if (static_cast<int64_t>(content.size()) > cap)
      return phase + " wrote " + name + " of " + Thousands(static_cast<int64_t>(content.size())) +
             " characters, over the cap of " + Thousands(cap) +
             " for an artifact entering later prompts, so it was not stored. Run the phase again for a shorter "
             "document, or raise the cap with 'max_artifact_chars: N' at the top of the workflow.";
  return "";
}

std::string TooManyItems(const PhaseSpec& phase, int count) {
  if (!phase.fan_out || count <= phase.fan_out->max_items) return "";
  const std::string over = phase.fan_out->items == FanOut::Items::kHeadings
                               ? "'" + phase.fan_out->over + "' has " + std::to_string(count) + " item headings"
                               : "it has " + std::to_string(count) + " input artifacts";
  return phase.name + " was not run: " + over + ", more than its fan_out.max_items of " +
         std::to_string(phase.fan_out->max_items) + " (one model call each; no call was made). If that many are "
         "meant, raise it in the workflow: fan_out: {..., max_items: " + std::to_string(count) + "}.";
}

std::string ContextOverflow(const std::string& label, const std::string& model, int64_t prompt_chars,
                            int64_t prompt_tokens, int max_tokens, int64_t context_tokens) {
  if (context_tokens <= 0 || prompt_tokens + max_tokens <= context_tokens) return "";
  return label + " was not sent: its prompt is about " + Thousands(prompt_tokens) + " tokens (" +
         Thousands(prompt_chars) + " characters) and its reply may take " + Thousands(max_tokens) + ", more than " +
         model + "'s context window of " + Thousands(context_tokens) +
         " tokens (context_tokens in the price table). Shorten the inputs or choose a model with a larger window.";
}

}  // namespace specwave
