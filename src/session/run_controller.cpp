#include "session/run_controller.hpp"

#include <algorithm>

#include "session/run_events.hpp"

namespace specwave {
namespace {}  // namespace

// Forwards run events into the session's model (engine threads).
RunController::RunController(SessionCore core, ArtifactViewer& viewer, Editor& editor)
    : core_(core), viewer_(viewer), editor_(editor) {}

RunController::~RunController() {
  Cancel();
  Join();
}

void RunController::Join() {
  if (run_thread_.joinable()) run_thread_.join();
}

void RunController::Cancel() {
  std::lock_guard<std::mutex> lock(cancel_mu_);
  cancel_.Cancel();
}

// A run, new or resumed, as a job for the run thread: the runner is kept
// (under run_mu_) so Approve can reach it while the run waits at a gate.
RunController::Job RunController::RunJob(ScheduleMode mode, bool resume) {
  auto spec = core_.model.Get<ProjectPart>()->spec;
  SessionSettings settings = core_.model.Get<SettingsPart>()->settings;
  auto checks = core_.ports.checks;
  auto cost = core_.ports.cost;
  auto context_tokens = core_.ports.context_tokens;
  Store* store = core_.ports.store;
  const Clock* clock = core_.ports.clock;
  return [=, this](LlmProvider& provider, RunObserver* observer, const CancelToken& cancel, int64_t project,
                   int64_t run_id) {
    auto runner = std::make_shared<WorkflowRunner>(*spec, *store, provider, *clock);
    runner->SetChecks(checks);
    {
      std::lock_guard<std::mutex> lock(run_mu_);
      runner_ = runner;
    }
    RunOptions opt;
    opt.mode = mode;
    opt.max_in_flight = settings.max_in_flight;
    opt.budget_usd = settings.budget_usd;
    opt.cost = cost;
    opt.context_tokens = context_tokens;
    opt.wait_for_approval = true;
    return resume && run_id ? runner->Resume(project, run_id, opt, observer, cancel)
                            : runner->Run(project, opt, observer, cancel);
  };
}

void RunController::Start(ScheduleMode mode) { StartJob(RunJob(mode, false), true); }

void RunController::Resume() { StartJob(RunJob(ScheduleMode::kReady, true), false); }

// Command thread: the approval is a store write, so it never happens on the
// render thread (which in the browser would block on the database thread).
void RunController::Approve(const std::string& phase, const std::string& gate) {
  const int64_t project = core_.ProjectId();
  const int64_t run = core_.model.Get<RunPart>()->run_id;
  std::shared_ptr<WorkflowRunner> runner;
  {
    std::lock_guard<std::mutex> lock(run_mu_);
    runner = runner_;
  }
  if (!runner || run == 0) return;
  if (StoreError err = runner->Approve(project, run, phase, gate, "user")) {
    core_.Banner(BannerKind::kError, "Approval not recorded: " + err.message);
    return;
  }
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& g = d.Mut<RunPart>().pending_gates;
    g.erase(std::remove(g.begin(), g.end(), phase + "/" + gate), g.end());
  });
}

void RunController::Regenerate(Strategy strategy, const std::vector<std::string>& selection,
                               bool overwrite_user_edits) {
  if (!editor_.last_edit()) {
    core_.Banner(BannerKind::kWarning, "Save an edit first: regeneration starts from a change.");
    return;
  }
  auto spec = core_.model.Get<ProjectPart>()->spec;
  if (!spec) return;
  RecordedEdit edit = *editor_.last_edit();
  RegenerationRequest req;
  req.strategy = strategy;
  req.selection = selection;
  req.overwrite_user_edits = overwrite_user_edits;
  auto checks = core_.ports.checks;
  auto diff = core_.ports.diff;
  auto trace = core_.ports.trace;
  auto cost = core_.ports.cost;
  auto context_tokens = core_.ports.context_tokens;
  Store* store = core_.ports.store;
  bool started = StartJob(
      [=, this](LlmProvider& provider, RunObserver* observer, const CancelToken& cancel, int64_t project, int64_t) {
        RunOptions opt;
        opt.auto_approve = true;  // these phases' gates were approved when they first ran
        opt.cost = cost;
        opt.context_tokens = context_tokens;
    opt.context_tokens = context_tokens;
        Regenerator regen(*spec, *store, diff);
        regen.SetTraceReader(trace);
        RegenerationResult r = regen.Regenerate(project, edit, req, provider, opt, checks, observer, cancel);
        core_.model.Change([&](SessionModel::Draft& d) {
          auto& e = d.Mut<EditPart>();
          e.last_regeneration = r;
          e.impact.reset();
          if (r.conflicts.empty()) return;
          std::string list;
          for (const auto& c : r.conflicts) list += (list.empty() ? "" : ", ") + c;
          auto& s = d.Mut<StatusPart>();
          s.banner_kind = BannerKind::kWarning;
          s.banner = "Kept your newer edits of " + list +
                     " (not regenerated). Regenerate with \"overwrite my edits\" to replace them.";
        });
        return r.report;
      },
      false);
  if (started) editor_.Forget();
}

void RunController::UpdateSettings(const SessionSettings& settings, const std::optional<std::string>& api_key) {
  if (api_key) api_key_ = *api_key;
  SessionSettings s = settings;
  s.max_in_flight = std::clamp(s.max_in_flight, 1, kMaxCallsInFlight);
  s.has_key = !api_key_.empty();
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& p = d.Mut<SettingsPart>();
    p.settings = s;
    p.provider_label = ProviderLabel(s);
  });
  const int64_t id = core_.ProjectId();
  if (id == 0) return;
  auto p = core_.store().GetProject(id);
  if (!p) return;
  p->settings_json = s.ToJson();  // never the key
  if (StoreError err = core_.store().UpdateProject(*p))
    core_.Banner(BannerKind::kError, "Settings not saved: " + err.message);
}

// Command thread: builds the provider, then runs `job` on the run thread.
bool RunController::StartJob(const Job& job, bool fresh) {
  if (core_.ports.synchronous) {
    core_.Banner(BannerKind::kInfo, "This viewer is read-only; open the project in Specwave to run it.");
    return false;
  }
  auto project = core_.model.Get<ProjectPart>();
  auto run = core_.model.Get<RunPart>();
  auto status = core_.model.Get<StatusPart>();
  if (run->running) {
    core_.Banner(BannerKind::kWarning, "A run is in progress; wait for it or cancel it first.");
    return false;
  }
  if (status->read_only) {
    core_.Banner(BannerKind::kWarning,
                 "This project is open read-only here; runs happen in the tab that owns the database.");
    return false;
  }
  if (!project->spec || project->project_id == 0) return false;
  const int64_t project_id = project->project_id, run_id = run->run_id;
  SessionSettings settings = core_.model.Get<SettingsPart>()->settings;
  std::string error;
  std::unique_ptr<LlmProvider> provider =
      core_.ports.make_provider ? core_.ports.make_provider(settings, api_key_, &error) : nullptr;
  if (!provider) {
    core_.Banner(BannerKind::kError, "Cannot start: " + (error.empty() ? "no provider" : error));
    return false;
  }
  Join();  // the previous job has finished (the run part says not running)
  provider_ = std::move(provider);
  {
    std::lock_guard<std::mutex> lock(run_mu_);
    runner_.reset();
  }
  CancelToken cancel;
  {
    std::lock_guard<std::mutex> lock(cancel_mu_);
    cancel_ = cancel;
  }
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& r = d.Mut<RunPart>();
    r.running = true;
    r.run_status = RunStatus::kRunning;
    if (!fresh) return;
    for (auto& p : r.phases) p = PhaseView{};
    for (auto& t : d.Mut<StreamPart>().tails) t.reset();
  });
  LlmProvider* p = provider_.get();
  run_thread_ = std::thread([=, this] {
    RunEvents observer(core_, viewer_, project_id);
    Finish(job(*p, &observer, cancel, project_id, run_id));
  });
  return true;
}

// Run thread, when a job returns.
void RunController::Finish(const RunReport& report) {
  const std::string first_failure = report.FirstFailure();
  core_.model.Change([&](SessionModel::Draft& d) {
    auto& r = d.Mut<RunPart>();
    r.running = false;
    r.run_status = report.status;
    r.last_report = report;
    r.pending_gates = report.pending_gates;
    // The report has one entry per spec phase, in order: each phase's notes
    // and repairs, kept on success too.
    for (size_t i = 0; i < r.phases.size() && i < report.phases.size(); ++i) {
      r.phases[i].notes = report.phases[i].notes;
      r.phases[i].repair_calls = report.phases[i].repair_calls;
    }
    if (report.status == RunStatus::kFailed) {
      auto& s = d.Mut<StatusPart>();
      s.banner_kind = BannerKind::kError;
      s.banner = "The run stopped. " + (first_failure.empty() ? report.stop_reason : first_failure);
    } else if (report.status == RunStatus::kCancelled) {
      auto& s = d.Mut<StatusPart>();
      s.banner_kind = BannerKind::kInfo;
      s.banner = "Run cancelled. Finished phases are kept; Resume continues.";
    }
  });
  core_.commands.Post([this] { viewer_.Reload(); });
}

}  // namespace specwave
