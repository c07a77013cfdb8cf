#include "platform/web/fetch_transport.hpp"

#include <emscripten.h>

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>
#include <string>

#include "platform/web/main_thread.hpp"

extern "C" {
// web/lib/specwave_fetch.js (main thread only).
void specwave_fetch_start(int id, const char* method, const char* url, const char* headers_json, const char* body,
                          int body_len);
void specwave_fetch_abort(int id);
}

namespace specwave::web {
namespace {

struct Event {
  enum class Kind { kHead, kChunk, kDone, kError } kind;
  int status = 0;
  std::string data;  // chunk bytes, or headers JSON for kHead, or message for kError
  int error_kind = 0;
};

// One in-flight fetch. Owned by the engine thread's Send(); reachable from the
// main thread through the registry while it is registered.
struct Call {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Event> events;
};

std::mutex g_registry_mu;
std::map<int, Call*> g_calls;
int g_next_id = 1;

void Push(int id, Event e) {
  std::lock_guard<std::mutex> lock(g_registry_mu);
  auto it = g_calls.find(id);
  if (it == g_calls.end()) return;  // the engine thread already gave up on it
  {
    std::lock_guard<std::mutex> l(it->second->mu);
    it->second->events.push_back(std::move(e));
  }
  it->second->cv.notify_one();
}

// What the main thread needs to start one fetch: its own copy, so starting it
// takes no lock (see platform/web/main_thread.hpp for why that matters).
struct StartArgs {
  int id;
  std::string method, url, headers_json, body;
};

void StartOnMain(void* p) {
  std::unique_ptr<StartArgs> a(static_cast<StartArgs*>(p));
  specwave_fetch_start(a->id, a->method.c_str(), a->url.c_str(), a->headers_json.c_str(), a->body.data(),
                       static_cast<int>(a->body.size()));
}

// Queued after the start, so it always finds the fetch started (or finished).
void AbortOnMain(void* p) { specwave_fetch_abort(static_cast<int>(reinterpret_cast<intptr_t>(p))); }


// Minimal parser for the flat {"name":"value",...} object the JS side sends.
HttpHeaders ParseHeaderJson(const std::string& s) {
  HttpHeaders out;
  size_t i = 0;
  auto read_string = [&](std::string* v) {
    while (i < s.size() && s[i] != '"') ++i;
    if (i >= s.size()) return false;
    ++i;
    v->clear();
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      *v += s[i++];
    }
    ++i;
    return true;
  };
  std::string k, v;
  while (read_string(&k) && read_string(&v)) out.push_back({k, v});
  return out;
}

class FetchTransport final : public HttpTransport {
 public:
  HttpResult Send(const HttpRequest& request, const HttpCallbacks& callbacks, const CancelToken& cancel) override {
    Call call;
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    const std::string headers_json = headers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    int id;
    {
      std::lock_guard<std::mutex> lock(g_registry_mu);
      id = g_next_id++;
      g_calls[id] = &call;
    }
    PostToMainThread(StartOnMain, new StartArgs{id, request.method, request.url, headers_json, request.body});

    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    auto last_byte = start;
    HttpResult result;
    bool aborted = false;
    auto abort = [&](TransportError e, const std::string& msg) {
      result.error = e;
      result.error_message = msg;
      if (!aborted) PostToMainThread(AbortOnMain, reinterpret_cast<void*>(static_cast<intptr_t>(id)));
      aborted = true;
    };
    bool finished = false;
    while (!finished) {
      std::deque<Event> batch;
      {
        std::unique_lock<std::mutex> lock(call.mu);
        call.cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return !call.events.empty(); });
        batch.swap(call.events);
      }
      for (auto& e : batch) {
        if (finished) break;
        switch (e.kind) {
          case Event::Kind::kHead:
            result.status = e.status;
            result.headers = ParseHeaderJson(e.data);
            last_byte = clock::now();
            if (callbacks.on_head) callbacks.on_head(result.status, result.headers);
            break;
          case Event::Kind::kChunk:
            last_byte = clock::now();
            if (callbacks.on_chunk && !callbacks.on_chunk(e.data.data(), e.data.size())) {
              abort(TransportError::kAborted, "aborted by the reader");
              finished = true;
            }
            break;
          case Event::Kind::kDone:
            finished = true;
            break;
          case Event::Kind::kError:
            if (result.error == TransportError::kNone) {
              result.error = static_cast<TransportError>(e.error_kind);
              result.error_message = e.data;
            }
            finished = true;
            break;
        }
      }
      if (finished) break;
      auto now = clock::now();
      auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
      if (cancel.IsCancelled()) {
        abort(TransportError::kCancelled, "cancelled");
        finished = true;
      } else if (ms(now - start) > request.timeout_ms) {
        abort(TransportError::kTimeout, "no complete response within " + std::to_string(request.timeout_ms) + " ms");
        finished = true;
      } else if (ms(now - last_byte) > (result.status ? request.idle_timeout_ms : request.connect_timeout_ms +
                                                                                        request.idle_timeout_ms)) {
        abort(TransportError::kIdleTimeout, "the stream went silent for " + std::to_string(ms(now - last_byte)) + " ms");
        finished = true;
      }
    }
    {
      std::lock_guard<std::mutex> lock(g_registry_mu);
      g_calls.erase(id);
    }
    return result;
  }
};

}  // namespace

std::unique_ptr<HttpTransport> MakeFetchTransport() { return std::make_unique<FetchTransport>(); }

}  // namespace specwave::web

// Called by web/lib/specwave_fetch.js on the main thread.
extern "C" {
EMSCRIPTEN_KEEPALIVE void specwave_fetch_on_head(int id, int status, const char* headers_json) {
  specwave::web::Event e{specwave::web::Event::Kind::kHead, status, headers_json ? headers_json : "{}", 0};
  specwave::web::Push(id, std::move(e));
}
EMSCRIPTEN_KEEPALIVE void specwave_fetch_on_chunk(int id, const char* data, int len) {
  specwave::web::Event e{specwave::web::Event::Kind::kChunk, 0, std::string(data, static_cast<size_t>(len)), 0};
  specwave::web::Push(id, std::move(e));
}
EMSCRIPTEN_KEEPALIVE void specwave_fetch_on_done(int id) {
  specwave::web::Push(id, {specwave::web::Event::Kind::kDone, 0, "", 0});
}
EMSCRIPTEN_KEEPALIVE void specwave_fetch_on_error(int id, int kind, const char* message) {
  specwave::web::Push(id, {specwave::web::Event::Kind::kError, 0, message ? message : "", kind});
}
}
