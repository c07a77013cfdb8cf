#include <emscripten.h>
#include <emscripten/threading.h>


#include "platform/web/main_thread.hpp"

namespace specwave::web {
namespace {

struct Deferred {
  void (*fn)(void*);
  void* arg;
};

void RunDeferred(void* p) {
  auto* d = static_cast<Deferred*>(p);
  d->fn(d->arg);
  delete d;
}

// Runs on the main thread, possibly nested inside a spinning mutex wait (see
// main_thread.hpp): takes no lock, only arms a timer.
void ScheduleOnEventLoop(void* p) { emscripten_async_call(RunDeferred, p, 0); }

}  // namespace

void PostToMainThread(void (*fn)(void*), void* arg) {
  if (emscripten_is_main_runtime_thread()) {
    fn(arg);
    return;
  }
  emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VI, ScheduleOnEventLoop, new Deferred{fn, arg});
}

}  // namespace specwave::web
