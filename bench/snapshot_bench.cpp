// Snapshot benchmark (issue #13): what the UI pays, per streamed chunk, to
// take the session's snapshot while a phase streams — with a project open the
// way a person works: an artifact with many long versions open in the viewer,
// one version rendered and two of them compared.
//
// The provider hands over one chunk, then waits until the "UI" has taken a
// snapshot that reflects it, so every chunk costs exactly one republished
// snapshot, taken when the chunk's change is complete (no lock contention
// in the measurement). Printed: the mean and p95 time of Snapshot() per chunk, and for
// scale the time to take a snapshot when nothing changed. Not a test: no
// thresholds. Uses only the Session's public commands, so the same file
// measured the code before the snapshot was split into parts.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/files.hpp"
#include "engine/artifact_diff.hpp"
#include "session/session.hpp"
#include "support/memory_store.hpp"

using namespace specwave;

namespace {

constexpr int kChunks = 400;
constexpr int kVersions = 12;
constexpr size_t kVersionBytes = 60 * 1024;

// Streams kChunks chunks for the first call, each handed over only after the
// bench's UI loop has seen the previous one; later calls answer at once.
class LockstepProvider final : public LlmProvider {
 public:
  ProviderKind Kind() const override { return ProviderKind::kOffline; }
  std::string Model() const override { return "lockstep"; }
  bool IsLanguageModel() const override { return false; }

  LlmResponse Complete(const LlmRequest& req, const TextSink& on_text, const CancelToken&) override {
    LlmResponse r;
    std::string text = "---\ntitle: t\n---\n# Doc\n";
    bool stream = false;
    {
      std::lock_guard<std::mutex> l(mu_);
      stream = !streamed_;
      streamed_ = true;
    }
    if (stream) {
      for (int i = 0; i < kChunks; ++i) {
        std::string chunk = "Sentence " + std::to_string(i) + " of the streamed analysis, as a model writes it.\n";
        text += chunk;
        on_text(chunk);  // published by the time it returns
        std::unique_lock<std::mutex> l(mu_);
        sent_ = i + 1;
        cv_.wait(l, [&] { return seen_ >= i + 1; });
      }
      std::lock_guard<std::mutex> l(mu_);
      done_ = true;
    }
    for (const auto& a : req.context->inputs) (void)a;
    r.ok = true;
    r.finish = FinishReason::kStop;
    r.text = text;
    return r;
  }

  int sent() {
    std::lock_guard<std::mutex> l(mu_);
    return sent_;
  }
  bool done() {
    std::lock_guard<std::mutex> l(mu_);
    return done_;
  }
  void Seen(int n) {
    {
      std::lock_guard<std::mutex> l(mu_);
      seen_ = n;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool streamed_ = false, done_ = false;
  int sent_ = 0, seen_ = 0;
};

std::string LongVersion(int v) {
  std::string s = "---\ntitle: Notes\n---\n# Notes\n\n";
  int section = 0;
  while (s.size() < kVersionBytes) {
    s += "## Section " + std::to_string(++section) + "\n\n";
    for (int p = 0; p < 6; ++p)
      s += "Paragraph " + std::to_string(p) + " of section " + std::to_string(section) + " in version " +
           std::to_string(section % 7 == 0 ? v : 1) + ", with **bold** words, `code` and a [link](https://x).\n\n";
    s += "| token | value |\n|---|---|\n| a | b |\n\n";
  }
  return s;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main() {
  auto yaml = ReadFile(std::string(SPECWAVE_SOURCE_ROOT) + "/assets/workflows/default.yml", nullptr);
  if (!yaml) return 1;
  test::MemoryStore store;
  LockstepProvider* provider = nullptr;
  Session::Ports ports;
  ports.store = &store;
  ports.diff = MarkdownDiff();
  ports.make_provider = [&](const SessionSettings&, const std::string&, std::string*) -> std::unique_ptr<LlmProvider> {
    auto p = std::make_unique<LockstepProvider>();
    provider = p.get();
    return p;
  };
  Session session(ports);
  session.CreateProject("Bench", "# Brief\n", *yaml, "default.yml");
  for (int v = 1; v <= kVersions; ++v) session.SaveArtifact("notes.md", LongVersion(v));
  session.OpenArtifact("notes.md");
  session.CompareVersions(1, kVersions);
  session.Drain();

  // Idle cost: nothing changed since the last snapshot.
  std::vector<double> idle;
  for (int i = 0; i < 2000; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto s = session.Snapshot();
    idle.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }

  session.StartRun();
  std::vector<double> per_chunk;
  int seen = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (seen < kChunks && std::chrono::steady_clock::now() < deadline) {
    int sent = provider ? provider->sent() : 0;
    if (sent <= seen) {
      std::this_thread::yield();
      continue;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto s = session.Snapshot();
    per_chunk.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    seen = sent;
    provider->Seen(seen);
  }
  session.CancelRun();
  session.Drain();

  double sum = 0;
  for (double x : per_chunk) sum += x;
  size_t open_bytes = 0;
  for (int v = 1; v <= kVersions; ++v) open_bytes += LongVersion(v).size();
  std::printf(
      "snapshot cost per streamed chunk (%zu chunks; open artifact: %d versions, %zu KB, rendered and compared)\n",
      per_chunk.size(), kVersions, open_bytes / 1024);
  std::printf("  mean %.1f us   p50 %.1f us   p95 %.1f us\n", per_chunk.empty() ? 0 : sum / double(per_chunk.size()),
              Percentile(per_chunk, 0.5), Percentile(per_chunk, 0.95));
  std::printf("  unchanged snapshot: p50 %.2f us\n", Percentile(idle, 0.5));
  return per_chunk.size() == kChunks ? 0 : 1;
}
