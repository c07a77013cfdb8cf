// Which text generator a run uses. Parsed once where a person names it (a
// command-line flag, the web settings, a stored settings row); everything
// inside compares the enum.
#pragma once

#include <optional>
#include <string_view>

namespace specwave {

enum class ProviderKind {
  kOffline,    // the built-in offline generator: rules and templates, not a language model
  kOpenAi,     // OpenAI-compatible chat completions (OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, ...)
  kAnthropic,  // Anthropic Messages
};

const char* ProviderKindName(ProviderKind kind);  // "offline", "openai", "anthropic"
std::optional<ProviderKind> ParseProviderKind(std::string_view name);
inline bool IsLanguageModel(ProviderKind kind) { return kind != ProviderKind::kOffline; }

}  // namespace specwave
