// HttpTransport over the browser's fetch(), for engine threads.
//
// Streaming fetch must run on the browser's main thread in emscripten 3.1.6
// (EMSCRIPTEN_FETCH_STREAM_DATA no longer streams; a synchronous fetch from a
// worker cannot stream). So Send(), on an engine pthread, hands the request to
// the main thread, where web/lib/specwave_fetch.js runs fetch() and reads the
// body stream; each chunk is passed back through an exported C function into
// this call's queue, which the engine thread drains. Timeouts and
// cancellation are enforced on the engine thread, which asks the main thread
// to abort the fetch. The main thread never blocks.
//
// Errors are classified for people: offline (navigator.onLine false), CORS
// (a no-cors probe reaches the server, so the browser blocked the response),
// connection failure, timeouts, cancellation.
#pragma once

#include <memory>

#include "llm/http_transport.hpp"

namespace specwave::web {

std::unique_ptr<HttpTransport> MakeFetchTransport();

}  // namespace specwave::web
