#include "llm/retry_policy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "core/text.hpp"

namespace specwave {

bool IsRetryableStatus(int status) {
  return status == 408 || status == 409 || status == 425 || status == 429 || status == 529 ||
         (status >= 500 && status <= 599);
}

namespace {

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm): no
// timegm(), which is not standard and not in every libc the web build uses.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> ParseHttpDate(std::string_view v) {
  // IMF-fixdate only ("Sun, 06 Nov 1994 08:49:37 GMT"), the form RFC 9110 says senders use.
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto comma = v.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string rest(Trim(v.substr(comma + 1)));
  int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
  char mon[4] = {0}, zone[4] = {0};
  if (std::sscanf(rest.c_str(), "%2d %3s %4d %2d:%2d:%2d %3s", &day, mon, &year, &hh, &mm, &ss, zone) != 7)
    return std::nullopt;
  if (std::strcmp(zone, "GMT") != 0) return std::nullopt;
  int month = -1;
  for (int i = 0; i < 12; ++i)
    if (std::strcmp(mon, kMonths[i]) == 0) month = i + 1;
  if (month < 0 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hh * 3600 + mm * 60 + ss;
}

}  // namespace

std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_unix_s) {
  std::string_view v = Trim(value);
  if (v.empty()) return std::nullopt;
  bool numeric = true, dot = false;
  for (char c : v) {
    if (c == '.' && !dot) dot = true;
    else if (c < '0' || c > '9') numeric = false;
  }
  if (numeric) {
    double s = std::atof(std::string(v).c_str());
    if (!(s >= 0) || s > 1e7) return std::nullopt;
    return static_cast<int64_t>(std::llround(s * 1000));
  }
  auto at = ParseHttpDate(v);
  if (!at) return std::nullopt;
  return std::max<int64_t>(0, (*at - now_unix_s) * 1000);
}

int64_t BackoffDelayMs(const RetryPolicy& policy, int attempt, double unit, std::optional<int64_t> retry_after_ms) {
  if (retry_after_ms) return std::min<int64_t>(*retry_after_ms, policy.max_retry_after_ms);
  double cap = std::min<double>(policy.max_delay_ms, policy.base_delay_ms * std::pow(2.0, std::max(0, attempt - 1)));
  unit = std::clamp(unit, 0.0, 1.0);
  return static_cast<int64_t>(cap / 2 + cap / 2 * unit);
}

}  // namespace specwave
