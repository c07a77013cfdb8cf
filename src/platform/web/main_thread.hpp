// Runs a function on the browser's main thread (where `document`, downloads
// and fetch streaming live). With threads it is queued to the main thread and
// returns at once; in the single-threaded build everything already runs
// there, so it is called directly. The build picks main_thread_mt.cpp or
// main_thread_st.cpp.
//
// Why the threaded version defers once more: the main thread cannot block, so
// emscripten (3.1.6) makes it spin when it waits on a contended mutex, and
// while spinning it runs the calls other threads queued for it. A queued call
// run there is nested inside whatever the main thread was doing — possibly
// holding the very mutex the call wants, which it then waits for forever (the
// page froze this way during fan-outs: issue #4). So a queued call only
// schedules `fn` with a zero-delay timer; `fn` runs from the top of the event
// loop, where the main thread holds no lock.
#pragma once

namespace specwave::web {

void PostToMainThread(void (*fn)(void*), void* arg);

}  // namespace specwave::web
