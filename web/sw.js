// Specwave service worker. Two jobs, one worker:
//  1. Cross-origin isolation on any static host: adds COOP/COEP (and CORP) to
//     the app's own responses, so SharedArrayBuffer and threads work without
//     server configuration (GitHub Pages, a docs site, a sub-path).
//  2. Offline app shell: every file of this build is pre-cached in a cache
//     named after the build's content hash, and served from it. A new build
//     means a new worker and a new cache; it waits until the page accepts the
//     update, then the old cache is deleted — a tab never mixes two builds.
// Requests to other origins (model endpoints) are never touched.
'use strict';

const VERSION = '%%VERSION%%';
const SHELL = %%SHELL%%;
const CACHE = 'specwave-shell-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL.map((p) => new Request(p, { cache: 'reload' })));
    // First install: nothing to conflict with, take over now.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('specwave-shell-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const msg = event.data || {};
  if (msg.type === 'skip-waiting') self.skipWaiting();
  if (msg.type === 'version' && event.source) event.source.postMessage({ type: 'version', version: VERSION });
  // Why did a model call fail: CORS or no server? The page cannot tell — under
  // COEP require-corp its no-cors probe is blocked either way — but the worker
  // is not bound by the page's COEP: an opaque answer means the server is up
  // and only CORS stopped the page.
  if (msg.type === 'probe' && event.ports && event.ports[0]) {
    const port = event.ports[0];
    event.waitUntil(fetch(msg.url, { method: 'GET', mode: 'no-cors', cache: 'no-store', credentials: 'omit' })
      .then(() => port.postMessage({ reachable: true }), () => port.postMessage({ reachable: false })));
  }
});

// COOP + COEP isolate a top-level page. Inside a cross-site iframe (the embed
// viewer on a documentation page) they cannot, unless the parent is isolated
// too; Chrome/Edge 137+ isolate such a frame on their own with
// Document-Isolation-Policy. Other browsers ignore it and the viewer falls
// back to the single-threaded build.
function withIsolationHeaders(response, embedDocument) {
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  if (embedDocument) headers.set('Document-Isolation-Policy', 'isolate-and-require-corp');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== 'GET') return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    let response = await cache.match(request, { ignoreSearch: true });
    if (!response) {
      try {
        response = await fetch(request);
      } catch (err) {
        return new Response('Specwave is offline and this file is not in its cache.', {
          status: 503, headers: { 'Content-Type': 'text/plain' } });
      }
    }
    if (response.type === 'opaque' || response.status === 0) return response;
    const embedDocument = request.mode === 'navigate' && url.searchParams.get('embed') === '1';
    return withIsolationHeaders(response, embedDocument);
  })());
});
