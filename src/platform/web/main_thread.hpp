// Runs a function on the browser's main thread (where `document`, downloads
// and fetch streaming live). With threads it is queued to the main thread and
// returns at once; in the single-threaded build everything already runs
// there, so it is called directly. The build picks main_thread_mt.cpp or
// main_thread_st.cpp.
#pragma once

namespace specwave::web {

void PostToMainThread(void (*fn)(void*), void* arg);

}  // namespace specwave::web
