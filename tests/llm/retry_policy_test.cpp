#include <doctest/doctest.h>

#include "llm/retry_policy.hpp"

using namespace specwave;

TEST_CASE("RetryPolicy.WhichStatusesAreRetried") {
  for (int s : {408, 409, 425, 429, 500, 502, 503, 504, 529}) CHECK(IsRetryableStatus(s));
  for (int s : {200, 400, 401, 403, 404, 413, 422}) CHECK_FALSE(IsRetryableStatus(s));
}

TEST_CASE("RetryPolicy.RetryAfterSecondsAndDates") {
  CHECK(ParseRetryAfterMs("2", 0) == 2000);
  CHECK(ParseRetryAfterMs(" 1.5 ", 0) == 1500);
  CHECK(ParseRetryAfterMs("0", 0) == 0);
  // 1994-11-06 08:49:37 UTC = 784111777.
  CHECK(ParseRetryAfterMs("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 - 30) == 30000);
  CHECK(ParseRetryAfterMs("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 + 30) == 0);  // in the past: now
  CHECK_FALSE(ParseRetryAfterMs("", 0));
  CHECK_FALSE(ParseRetryAfterMs("soon", 0));
  CHECK_FALSE(ParseRetryAfterMs("-3", 0));
  CHECK_FALSE(ParseRetryAfterMs("Sun, 06 Nov 1994 08:49:37 CET", 0));
}

TEST_CASE("RetryPolicy.BackoffGrowsIsJitteredAndCapped") {
  RetryPolicy p;
  p.base_delay_ms = 100;
  p.max_delay_ms = 1000;
  p.max_retry_after_ms = 5000;
  CHECK(BackoffDelayMs(p, 1, 0.0, std::nullopt) == 50);
  CHECK(BackoffDelayMs(p, 1, 1.0, std::nullopt) == 100);
  CHECK(BackoffDelayMs(p, 2, 0.0, std::nullopt) == 100);
  CHECK(BackoffDelayMs(p, 3, 0.5, std::nullopt) == 300);
  CHECK(BackoffDelayMs(p, 10, 1.0, std::nullopt) == 1000);  // capped
  CHECK(BackoffDelayMs(p, 1, 0.3, 2000) == 2000);           // the server's word wins
  CHECK(BackoffDelayMs(p, 1, 0.3, 999999) == 5000);         // but not without end
}
