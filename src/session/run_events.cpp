#include "session/run_events.hpp"

#include <algorithm>

#include "core/assert.hpp"

namespace specwave {
namespace {

constexpr size_t kStreamTailBytes = 4096;

bool Ends(PhaseStatus s) {
  return s == PhaseStatus::kSucceeded || s == PhaseStatus::kFailed || s == PhaseStatus::kAwaitingApproval;
}

// The last kStreamTailBytes of `old` + `chunk`.
std::string Tail(const std::string& old, const std::string& chunk) {
  const size_t total = old.size() + chunk.size();
  if (total <= kStreamTailBytes) return old + chunk;
  if (chunk.size() >= kStreamTailBytes) return chunk.substr(chunk.size() - kStreamTailBytes);
  return old.substr(total - kStreamTailBytes) + chunk;
}

}  // namespace

void RunEvents::OnRunStarted(int64_t run_id) {
  core_.model.Change([&](SessionModel::Draft& d) {
    if (!Shown(d)) return;
    auto& r = d.Mut<RunPart>();
    r.run_id = run_id;
    r.run_status = RunStatus::kRunning;
  });
}

void RunEvents::OnPhaseStatus(int phase, PhaseStatus status, const std::string& reason) {
  core_.model.Change([&](SessionModel::Draft& d) {
    if (!Shown(d)) return;
    auto& r = d.Mut<RunPart>();
    SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(r.phases.size()),
                    "a run reported a phase the open project does not have");
    PhaseView& v = r.phases[phase];
    v.status = status;
    v.reason = reason;
    if (status == PhaseStatus::kRunning) {
      v.findings.clear();
      v.notes.clear();
      v.raw_reply.clear();
      v.repair_calls = 0;
      auto& tails = d.Mut<StreamPart>().tails;
      if (phase < static_cast<int>(tails.size())) tails[phase].reset();
    }
    // Gates appear as soon as their phase waits on them, so the person can
    // approve while the run is live; they leave when the phase moves on.
    const auto& spec = d.Read<ProjectPart>().spec;
    if (!spec) return;
    const PhaseSpec& p = spec->phases[phase];
    for (const auto& g : p.approval_gates) {
      std::string key = p.name + "/" + g;
      auto it = std::find(r.pending_gates.begin(), r.pending_gates.end(), key);
      if (status == PhaseStatus::kAwaitingApproval && it == r.pending_gates.end()) r.pending_gates.push_back(key);
      if (status != PhaseStatus::kAwaitingApproval && it != r.pending_gates.end()) r.pending_gates.erase(it);
    }
  });
  if (Ends(status)) core_.commands.Post([this] { viewer_.Reload(); });
}

// Only the stream part changes: one new string of at most 4 KB and a copy of
// one pointer per phase.
void RunEvents::OnText(int phase, int, const std::string& chunk) {
  core_.model.Change([&](SessionModel::Draft& d) {
    if (!Shown(d)) return;
    auto& tails = d.Mut<StreamPart>().tails;
    SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(tails.size()),
                    "a run streamed text for a phase the open project does not have");
    static const std::string kNone;
    tails[phase] = std::make_shared<const std::string>(Tail(tails[phase] ? *tails[phase] : kNone, chunk));
  });
}

void RunEvents::OnFindings(int phase, const std::vector<ArtifactFinding>& findings) {
  core_.model.Change([&](SessionModel::Draft& d) {
    if (!Shown(d)) return;
    auto& r = d.Mut<RunPart>();
    SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(r.phases.size()),
                    "a run reported findings for a phase the open project does not have");
    auto& f = r.phases[phase].findings;
    f.insert(f.end(), findings.begin(), findings.end());
  });
}

void RunEvents::OnFailedReply(int phase, const std::string& raw_reply) {
  core_.model.Change([&](SessionModel::Draft& d) {
    if (!Shown(d)) return;
    auto& r = d.Mut<RunPart>();
    SPECWAVE_ASSERT(phase >= 0 && phase < static_cast<int>(r.phases.size()),
                    "a run reported a reply for a phase the open project does not have");
    r.phases[phase].raw_reply = raw_reply;
  });
}

}  // namespace specwave
