#include "core/clock.hpp"

#include <chrono>

namespace specwave {

int64_t SystemClock::NowMonotonicUs() const {
  using namespace std::chrono;
  return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

int64_t SystemClock::NowUnixMs() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const SystemClock& SystemClock::Instance() {
  static SystemClock clock;
  return clock;
}

}  // namespace specwave
