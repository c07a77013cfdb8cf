// Settings: provider, model, base URL, API key, concurrency, budget. The key
// is typed here, handed to the session (memory only) and, only if the person
// ticks "remember on this device", to the host's device storage. It is never
// stored in the project, exported or shown again.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/field_layout.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace specwave::ui {

void DrawSettingsPanel(ViewContext& ctx) {
  const Theme& t = CurrentTheme();
  UiState& st = ctx.state;
  if (!st.settings_loaded) {
    st.settings_form = ctx.snap.settings->settings;
    st.settings_loaded = true;
  }
  SessionSettings& f = st.settings_form;
  Title("Settings");
  Muted("Per project. Keys stay in this tab's memory unless you tick \"remember on this device\".");
  Gap();
  constexpr ProviderKind kKinds[] = {ProviderKind::kOffline, ProviderKind::kOpenAi, ProviderKind::kAnthropic};
  int provider = f.provider == ProviderKind::kOpenAi ? 1 : f.provider == ProviderKind::kAnthropic ? 2 : 0;
  if (ImGui::Combo(Field("Provider"), &provider, "Offline generator (no key, no network)\0OpenAI-compatible\0Anthropic\0"))
    f.provider = kKinds[provider];
  CheckClipped("Provider");
  if (f.provider == ProviderKind::kOffline) {
    Muted("Builds every artifact from the brief with templates and rules. It is not a language model: useful "
          "offline, deterministic, and it passes the workflow's validators.");
    ImGui::SliderInt(Field("Simulated latency per call (ms)"), &f.offline_latency_ms, 0, 3000);
    CheckClipped("Simulated latency per call (ms)");
    Muted("Makes each call take this long, to watch phases run in parallel. 0 = as fast as possible.");
  } else {
    const auto& hints = ctx.snap.settings->hints;
    auto hint = hints.find(f.provider);
    const std::string model_hint = hint != hints.end() ? hint->second.default_model : "";
    const std::string url_hint = hint != hints.end() ? hint->second.default_base_url : "";
    ImGui::InputTextWithHint(Field("Model"), model_hint.c_str(), &f.model);
    CheckClipped("Model");
    ImGui::InputTextWithHint(Field("Base URL"), url_hint.c_str(), &f.base_url);
    CheckClipped("Base URL");
    Muted("OpenAI-compatible covers OpenAI, OpenRouter, Ollama (http://127.0.0.1:11434/v1, start it with "
          "OLLAMA_ORIGINS set to this page's origin), llama.cpp's server, LM Studio (enable CORS) and vLLM.");
    ImGui::InputTextWithHint(Field("API key"), ctx.snap.settings->settings.has_key ? "(set — type to replace)" : "paste your key",
                             &st.key_buffer, ImGuiInputTextFlags_Password);
    CheckClipped("API key");
    CheckboxWrapped("Remember the key on this device", &st.remember_key);
  }
  Gap();
  ImGui::SliderInt(Field("Calls in flight"), &f.max_in_flight, 1, kMaxCallsInFlight);
  CheckClipped("Calls in flight");
  double budget = f.budget_usd;
  if (ImGui::InputDouble(Field("Budget per run (USD, 0 = none)"), &budget, 0.1, 1.0, "%.2f"))
    f.budget_usd = budget < 0 ? 0 : budget;
  CheckClipped("Budget per run (USD, 0 = none)");
  Gap(16);
  if (AccentButton("Apply")) {
    std::optional<std::string> key;
    if (!st.key_buffer.empty()) key = st.key_buffer;
    ctx.session.UpdateSettings(f, key);
    if (ctx.host && key) ctx.host->RememberKey(ProviderKindName(f.provider), st.remember_key ? *key : std::string());
    st.key_buffer.clear();
  }
  ImGui::SameLine(0, t.Px(8));
  if (ImGui::Button("Forget key")) {
    ctx.session.UpdateSettings(f, std::string());
    if (ctx.host) ctx.host->RememberKey(ProviderKindName(f.provider), "");
  }
}

}  // namespace specwave::ui
