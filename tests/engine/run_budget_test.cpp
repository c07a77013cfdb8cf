#include <doctest/doctest.h>

#include "engine/run_budget.hpp"

using namespace specwave;

TEST_CASE("RunBudget.HoldsEachLaunchUntilItsCostIsCounted") {
  RunBudget budget(0.10);
  CHECK(budget.capped());
  CHECK(budget.Hold({0, -1}, 0.04).empty());
  CHECK(budget.Hold({1, -1}, 0.04).empty());
  // A third launch on the same remaining margin would overspend: refused, with the figures.
  std::string why = budget.Hold({2, -1}, 0.04);
  CHECK(why.find("budget of $0.10 would be exceeded") != std::string::npos);
  CHECK(why.find("$0.0800 held for 2 calls in flight") != std::string::npos);
  CHECK(budget.held() == doctest::Approx(0.08));
  // The real cost replaces the hold: the first call cost less than feared.
  budget.Settle({0, -1}, 0.01);
  CHECK(budget.spent() == doctest::Approx(0.01));
  CHECK(budget.held() == doctest::Approx(0.04));
  CHECK(budget.Hold({2, -1}, 0.04).empty());
}

TEST_CASE("RunBudget.ReleaseAndUnknownPricesSpendNothing") {
  RunBudget budget(1.0);
  CHECK(budget.Hold({3, 0}, 0.5).empty());
  budget.Release({3, 0});  // the job ended before its call
  CHECK(budget.held() == 0);
  CHECK(budget.spent() == 0);
  CHECK(budget.Hold({3, 1}, 0.5).empty());
  budget.Settle({3, 1}, -1);  // unknown price: the budget cannot cap it
  CHECK(budget.spent() == 0);
  CHECK(budget.held() == 0);
}

TEST_CASE("RunBudget.EstimatesFromTheMeasuredCharactersPerToken") {
  RunBudget budget(0);
  CHECK_FALSE(budget.capped());
  CHECK(budget.EstimateInputTokens(4000) == 1100);  // 4 characters a token until measured, +10%
  budget.ObservePrompt(10000, 5000);                // this provider counts 2 characters a token
  CHECK(budget.EstimateInputTokens(4000) == 2200);
  budget.ObservePrompt(0, 100);  // nothing measured: ignored
  CHECK(budget.EstimateInputTokens(4000) == 2200);
}
