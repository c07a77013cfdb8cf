// Emscripten JS library: streaming fetch() on the main thread for engine
// threads (see src/platform/web/fetch_transport.hpp for the why).
// Error kinds must match specwave::TransportError:
//   1 connect, 2 timeout, 3 idle timeout, 4 cancelled, 5 CORS, 6 offline, 7 aborted, 8 other.
mergeInto(LibraryManager.library, {
  $SpecwaveFetch: {
    controllers: {},
    // A plain function property: emscripten 3.1.6 mangles method shorthand in
    // library objects ('classify:async classify(...)', a syntax error).
    classify: async function (url, err) {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        return [6, 'the network is down (the browser reports offline)'];
      }
      // fetch() rejects the same way for CORS and for an unreachable server.
      // A no-cors probe tells them apart: it succeeds (opaquely) when the
      // server answered and only the browser's CORS check failed. Under the
      // page's COEP the probe itself would be blocked, so the service worker
      // (web/sw.js) runs it; without one, the page tries.
      const reachable = await SpecwaveFetch.probe(url);
      if (reachable) {
        return [5, 'the browser blocked the response from ' + new URL(url).origin +
                   ' (CORS): the server does not allow this origin'];
      }
      return [1, 'could not connect to ' + url + ': ' + String(err && err.message || err)];
    },
    probe: async function (url) {
      const sw = typeof navigator !== 'undefined' && navigator.serviceWorker && navigator.serviceWorker.controller;
      if (sw) {
        const answer = await new Promise((resolve) => {
          const channel = new MessageChannel();
          const timer = setTimeout(() => resolve(null), 10000);
          channel.port1.onmessage = (e) => { clearTimeout(timer); resolve(e.data); };
          sw.postMessage({ type: 'probe', url }, [channel.port2]);
        });
        if (answer) return answer.reachable;
      }
      try {
        await fetch(url, { method: 'GET', mode: 'no-cors', cache: 'no-store' });
        return true;
      } catch (e) {
        return false;
      }
    },
  },

  specwave_fetch_start__deps: ['$SpecwaveFetch'],
  specwave_fetch_start: function (id, methodPtr, urlPtr, headersPtr, bodyPtr, bodyLen) {
    const method = UTF8ToString(methodPtr);
    const url = UTF8ToString(urlPtr);
    const headers = JSON.parse(UTF8ToString(headersPtr));
    // Copy out of the (shared) wasm heap: fetch() bodies must not be shared memory.
    const body = bodyLen > 0 ? HEAPU8.slice(bodyPtr, bodyPtr + bodyLen) : undefined;
    const controller = new AbortController();
    SpecwaveFetch.controllers[id] = controller;
    const withString = (s, fn) => {
      const len = lengthBytesUTF8(s) + 1;
      const p = _malloc(len);
      stringToUTF8(s, p, len);
      try { fn(p); } finally { _free(p); }
    };
    (async () => {
      let response;
      try {
        response = await fetch(url, { method, headers, body, signal: controller.signal, cache: 'no-store',
                                      credentials: 'omit', referrerPolicy: 'no-referrer' });
      } catch (err) {
        delete SpecwaveFetch.controllers[id];
        if (controller.signal.aborted) { withString('aborted', (p) => _specwave_fetch_on_error(id, 4, p)); return; }
        const [kind, message] = await SpecwaveFetch.classify(url, err);
        withString(message, (p) => _specwave_fetch_on_error(id, kind, p));
        return;
      }
      const head = {};
      response.headers.forEach((v, k) => { head[k] = v; });
      withString(JSON.stringify(head), (p) => _specwave_fetch_on_head(id, response.status, p));
      try {
        if (response.body) {
          const reader = response.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const p = _malloc(value.length);
            HEAPU8.set(value, p);
            try { _specwave_fetch_on_chunk(id, p, value.length); } finally { _free(p); }
          }
        }
        _specwave_fetch_on_done(id);
      } catch (err) {
        const message = controller.signal.aborted ? 'aborted' : 'the connection broke mid-stream: ' + String(err && err.message || err);
        withString(message, (p) => _specwave_fetch_on_error(id, controller.signal.aborted ? 4 : 1, p));
      } finally {
        delete SpecwaveFetch.controllers[id];
      }
    })();
  },

  specwave_fetch_abort__deps: ['$SpecwaveFetch'],
  specwave_fetch_abort: function (id) {
    const c = SpecwaveFetch.controllers[id];
    if (c) c.abort();
  },
});
