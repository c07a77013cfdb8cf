#include "offline/offline_provider.hpp"
#include "offline/offline_revision.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include "engine/sim_latency.hpp"
#include "engine/spec.hpp"
#include "offline/writers/generators.hpp"

namespace specwave::offline {

namespace {

// Sleeps `ms` in slices of at most 5 ms so a cancel is noticed promptly.
// Returns false when cancelled before the time was up.
bool Wait(double ms, const CancelToken& cancel) {
  if (!(ms > 0)) return !cancel.IsCancelled();
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::microseconds(static_cast<int64_t>(std::min(ms, 3.6e6) * 1000.0));
  while (!cancel.IsCancelled()) {
    auto now = Clock::now();
    if (now >= deadline) return true;
    std::this_thread::sleep_for(std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(5)));
  }
  return false;
}

LlmResponse Cancelled() {
  LlmResponse r;
  r.finish = FinishReason::kCancelled;
  r.error = "cancelled";
  return r;
}

int64_t ContextChars(const GenerationContext& ctx) {
  int64_t n = static_cast<int64_t>(ctx.brief.size() + ctx.fan_out_item_body.size());
  for (const auto& [name, text] : ctx.inputs) n += static_cast<int64_t>(name.size() + text.size());
  return n;
}

}  // namespace

OfflineOptions OfflineOptions::FromSimLatency(const SimLatency& latency, const WorkflowSpec& spec) {
  OfflineOptions o;
  for (size_t i = 0; i < spec.phases.size(); ++i)
    o.latency_ms[spec.phases[i].name] = latency.PhaseMs(static_cast<int>(i));
  return o;
}

OfflineProvider::OfflineProvider(const SimLatency& latency, const WorkflowSpec& spec)
    : options_(OfflineOptions::FromSimLatency(latency, spec)) {}

double OfflineProvider::LatencyFor(const std::string& phase) const {
  auto it = options_.latency_ms.find(phase);
  return it != options_.latency_ms.end() ? it->second : options_.default_latency_ms;
}

LlmResponse OfflineProvider::Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) {
  LlmResponse r;
  r.attempts = 0;  // no HTTP
  if (!request.context) {
    r.error = "the offline generator reads the structured phase context, and this request has none";
    return r;
  }
  const GenerationContext& ctx = *request.context;
  if (!Wait(LatencyFor(ctx.phase ? ctx.phase->name : ""), cancel)) return Cancelled();

  std::string text;
  try {
    text = GenerateResponse(ctx);
    if (ctx.revision) text = OfflineRevisionReply(ctx, text);  // a revision: the patch from current to that text
  } catch (const std::exception& e) {  // e.g. bad_alloc: a value, never a crash
    r.error = std::string("the offline generator failed: ") + e.what();
    return r;
  } catch (...) {
    r.error = "the offline generator failed";
    return r;
  }

  // Hand the text over in a few pieces, cut at line ends, as a stream would.
  size_t pieces = static_cast<size_t>(std::max(1, options_.stream_chunks));
  size_t target = text.size() / pieces + 1, pos = 0;
  while (pos < text.size()) {
    if (cancel.IsCancelled()) return Cancelled();
    size_t end = std::min(text.size(), pos + target);
    size_t nl = text.find('\n', end);
    end = nl == std::string::npos ? text.size() : nl + 1;
    if (on_text) on_text(text.substr(pos, end - pos));
    pos = end;
  }

  int64_t prompt_chars = static_cast<int64_t>(request.system.size() + request.user.size());
  r.usage.input_tokens = (prompt_chars > 0 ? prompt_chars : ContextChars(ctx)) / 4;
  r.usage.output_tokens = static_cast<int64_t>(text.size()) / 4;
  r.ok = true;
  r.finish = FinishReason::kStop;
  r.text = std::move(text);
  return r;
}

}  // namespace specwave::offline
