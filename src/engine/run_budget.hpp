// RunBudget: a run's spending cap across parallel launches.
//
//   RunBudget budget(2.00);                       // USD; 0 = no budget
//   std::string why = budget.Hold({phase, item}, estimate);   // before launch
//   if (!why.empty()) stop launching, tell the person `why`;
//   ...call...
//   budget.Settle({phase, item}, cost);           // the real cost replaces the hold
//
// Each launched call holds its worst-case estimate until its real cost is
// counted, so phases launched in one go cannot each spend the same remaining
// dollars (issue #4: a $0.10 budget once spent $0.138 that way). A call whose
// price is unknown holds and costs nothing: the budget cannot cap it.
//
// The estimate's prompt size comes from characters; the run measures its
// own characters per token from the calls it has made (4 until the first).
//
// Thread-safe: Hold on the coordinator, Settle/Release on phase workers.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace specwave {

class RunBudget {
 public:
  using Job = std::pair<int, int>;  // (phase, item)

  explicit RunBudget(double limit_usd) : limit_usd_(limit_usd) {}
  bool capped() const { return limit_usd_ > 0; }

  // "" and the estimate held for `job`, or why the call would take the run
  // over its budget (nothing held).
  std::string Hold(Job job, double estimate_usd);
  // The job's call was made: its hold ends and `cost_usd` is spent
  // (negative = unknown price: nothing is spent).
  void Settle(Job job, double cost_usd);
  // The job ended without a call: its hold ends.
  void Release(Job job);

  double spent() const;
  double held() const;

  // Measured characters per token, for estimates (prompt characters sent
  // and input tokens the provider counted for them).
  void ObservePrompt(int64_t chars, int64_t tokens);
  // Input tokens for a prompt of `chars` characters, with a 10% margin.
  int64_t EstimateInputTokens(int64_t chars) const;

 private:
  const double limit_usd_;
  mutable std::mutex mu_;
  double spent_usd_ = 0;
  std::map<Job, double> held_;  // launched, call not counted yet -> estimate
  int64_t prompt_chars_ = 0, prompt_tokens_ = 0;
};

}  // namespace specwave
