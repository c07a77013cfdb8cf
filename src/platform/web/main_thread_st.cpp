#include "platform/web/main_thread.hpp"

namespace specwave::web {

void PostToMainThread(void (*fn)(void*), void* arg) { fn(arg); }

}  // namespace specwave::web
