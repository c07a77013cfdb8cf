// ScriptedProvider: a fake LlmProvider for engine unit tests. It answers any
// phase with small valid artifacts (frontmatter + a heading; FILE markers for
// multi-artifact phases; one section per fan-out item), counts calls per
// label, and fails the phases it is told to fail.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "engine/llm_port.hpp"
#include "engine/spec.hpp"

namespace specwave::test {

class ScriptedProvider final : public LlmProvider {
 public:
  std::set<std::string> fail_phases;             // fail every call of these phases
  std::map<std::string, std::string> overrides;  // phase -> exact response text
  // label -> exact response text, before `overrides`: "SOLUTIONING_TASKS[1]",
  // "SPEC_PM#repair" (a repair call), ...
  std::map<std::string, std::string> label_overrides;
  std::vector<LlmRequest> requests;  // every request, in the order received (prompt text and label)
  int delay_ms = 0;

  ProviderKind Kind() const override { return ProviderKind::kOffline; }  // a fake: no bill, no model
  std::string Model() const override { return "script-1"; }
  bool IsLanguageModel() const override { return false; }

  int Calls(const std::string& phase) {
    std::lock_guard<std::mutex> l(mu_);
    return calls_[phase];
  }
  int LabelCalls(const std::string& label) {
    std::lock_guard<std::mutex> l(mu_);
    return label_calls_[label];
  }
  int TotalCalls() {
    std::lock_guard<std::mutex> l(mu_);
    int n = 0;
    for (auto& [k, v] : calls_) n += v;
    return n;
  }

  LlmResponse Complete(const LlmRequest& req, const TextSink& on_text, const CancelToken& cancel) override {
    const PhaseSpec& p = *req.context->phase;
    {
      std::lock_guard<std::mutex> l(mu_);
      ++calls_[p.name];
      ++label_calls_[req.label];
      requests.push_back(req);
    }
    if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    LlmResponse r;
    r.attempts = 1;
    if (cancel.IsCancelled()) {
      r.finish = FinishReason::kCancelled;
      r.error = "cancelled";
      return r;
    }
    if (fail_phases.count(p.name)) {
      r.finish = FinishReason::kError;
      r.error = "scripted failure of " + p.name;
      return r;
    }
    std::string text;
    if (auto it = label_overrides.find(req.label); it != label_overrides.end()) {
      text = it->second;
    } else if (auto it = overrides.find(p.name); it != overrides.end()) {
      text = it->second;
    } else if (req.context->fan_out_index >= 0) {
      text = "## " + req.context->fan_out_item + "\n\nWork for item " + std::to_string(req.context->fan_out_index) + ".\n";
    } else {
      for (const auto& a : p.produces) {
        if (p.produces.size() > 1) text += "=== FILE: " + a + " ===\n";
        text += "---\ntitle: " + a + "\nartifact: " + a + "\nphase: " + p.name + "\nagent: " + p.agent +
                "\nversion: 1\n---\n\n# " + a + "\n\nBased on " + std::to_string(req.context->inputs.size()) +
                " inputs.\n";
      }
    }
    on_text(text);
    r.ok = true;
    r.text = text;
    r.finish = FinishReason::kStop;
    r.usage.input_tokens = static_cast<int64_t>(req.user.size() / 4);
    r.usage.output_tokens = static_cast<int64_t>(text.size() / 4);
    return r;
  }

 private:
  std::mutex mu_;
  std::map<std::string, int> calls_;
  std::map<std::string, int> label_calls_;
};

}  // namespace specwave::test
