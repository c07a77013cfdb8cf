// Clock port: the engine reads time only through this, so tests and the
// benchmark can reason about durations, and the browser and native builds use
// the same code. Wall time is for records (created_at); monotonic time is for
// durations and timeouts.
#pragma once

#include <cstdint>

namespace specwave {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMonotonicUs() const = 0;  // microseconds, arbitrary origin
  virtual int64_t NowUnixMs() const = 0;       // milliseconds since 1970-01-01 UTC
};

// std::chrono based; correct on both native and emscripten.
class SystemClock final : public Clock {
 public:
  int64_t NowMonotonicUs() const override;
  int64_t NowUnixMs() const override;
  static const SystemClock& Instance();
};

}  // namespace specwave
