#include <emscripten/threading.h>

#include "platform/web/main_thread.hpp"

namespace specwave::web {

void PostToMainThread(void (*fn)(void*), void* arg) {
  if (emscripten_is_main_runtime_thread()) fn(arg);
  else emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VI, fn, arg);
}

}  // namespace specwave::web
