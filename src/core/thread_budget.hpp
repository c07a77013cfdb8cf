// Every thread Specwave starts, counted in one place. The web build sizes
// its pthread pool from these numbers (src/app/web/CMakeLists.txt reads this
// file): a thread started beyond the pool would need the browser's event
// loop, which the main thread never yields while it waits, so the pool must
// hold every thread at once. The settings' "calls in flight" (slider and
// stored value) is clamped to kMaxCallsInFlight for the same reason.
#pragma once

namespace specwave {

// Phase workers: model calls (and other jobs) in flight in one run.
inline constexpr int kMaxCallsInFlight = 8;
inline constexpr int kDefaultCallsInFlight = 8;
// Threads that live beside the workers: the session's command thread, the
// run thread (the scheduler's coordinator) and the database thread.
inline constexpr int kFixedThreads = 3;
// Headroom for threads the platform starts on its own (the browser build's
// start-up probe of a worker thread, emscripten's internal use).
inline constexpr int kPlatformThreads = 3;
// = the web build's PTHREAD_POOL_SIZE (checked at configure time).
inline constexpr int kThreadPoolSize = kMaxCallsInFlight + kFixedThreads + kPlatformThreads;

}  // namespace specwave
