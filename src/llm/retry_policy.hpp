// When and how long to wait before trying a model call again.
//
// Retried: 408, 409 (Anthropic's "conflict" on overload), 425, 429, 5xx and
// 529, and transport failures (connection refused/reset, timeouts, a stream
// cut off mid-way). Not retried: the 4xx a person must fix (400, 401, 403,
// 404, 413, 422), a refusal or a length stop (the same prompt would stop the
// same way), cancellation, and CORS (a retry cannot change the server's
// headers).
//
// The wait is exponential with "equal jitter" (AWS architecture blog,
// "Exponential Backoff And Jitter"): with cap = min(max_delay, base * 2^(n-1)),
// uniform in [cap/2, cap], so parallel phases that hit the same rate limit do
// not retry in lockstep, yet every retry waits at least half the step. A
// server's Retry-After wins when present (in seconds or as an HTTP date), capped
// by max_retry_after so a bad header cannot park a run for a day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace specwave {

struct RetryPolicy {
  int max_attempts = 4;          // first try included
  int base_delay_ms = 500;
  int max_delay_ms = 20000;
  int max_retry_after_ms = 120000;
};

bool IsRetryableStatus(int status);

// Parses a Retry-After value: delta-seconds ("2", "1.5") or an IMF-fixdate
// ("Wed, 21 Oct 2015 07:28:00 GMT") relative to `now_unix_s`. nullopt when it
// is neither. Negative results clamp to 0.
std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_unix_s);

// The wait before attempt number `attempt` (1 = the first retry). `unit` in
// [0,1) is the jitter draw (a parameter so tests can pin it).
int64_t BackoffDelayMs(const RetryPolicy& policy, int attempt, double unit,
                       std::optional<int64_t> retry_after_ms);

}  // namespace specwave
