// Specwave boot script (no inline script anywhere: the page's CSP forbids it).
//
// 1. Cross-origin isolation. Threads need SharedArrayBuffer, which needs
//    COOP/COEP headers; a static host cannot send them, so our service worker
//    (sw.js) adds them to the app's own responses. On the very first visit the
//    page was loaded before the worker existed: reload once, guarded so a
//    browser that refuses never loops.
// 2. Startup files (workflow, sample briefs, theme tokens, fonts) are fetched
//    and written into the module's in-memory file system before main() runs.
// 3. The WebAssembly module starts; window.specwave exposes a small test hook.
'use strict';

(function () {
  const RELOAD_KEY = 'specwave.isolation-reload';
  const bootEl = document.getElementById('boot');
  const messageEl = document.getElementById('boot-message');

  function say(text) {
    messageEl.textContent = text;
  }

  async function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return null;
    try {
      const reg = await navigator.serviceWorker.register('sw.js');
      watchForUpdates(reg);
      return reg;
    } catch (err) {
      console.warn('specwave: service worker registration failed:', err);
      return null;
    }
  }

  // An updated build installs in the background and waits; the page offers a
  // reload, so a running tab never mixes old and new files.
  function watchForUpdates(reg) {
    const offer = (worker) => {
      const bar = document.getElementById('update');
      bar.hidden = false;
      document.getElementById('update-reload').onclick = () => worker.postMessage({ type: 'skip-waiting' });
    };
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading || !window.specwaveUpdateAccepted) return;
      reloading = true;
      location.reload();
    });
    document.getElementById('update-reload').addEventListener('click', () => {
      window.specwaveUpdateAccepted = true;
    });
  }

  async function ensureIsolation() {
    const reg = await registerServiceWorker();
    if (window.crossOriginIsolated) {
      sessionStorage.removeItem(RELOAD_KEY);
      return true;
    }
    if (!reg) return false;
    await navigator.serviceWorker.ready;
    if (!sessionStorage.getItem(RELOAD_KEY)) {
      sessionStorage.setItem(RELOAD_KEY, '1');
      say('Enabling threads…');
      location.reload();
      return new Promise(() => {});  // the reload takes over
    }
    return false;
  }

  async function fetchBytes(path) {
    const res = await fetch(path);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.appendChild(s);
    });
  }

  async function boot() {
    const isolated = await ensureIsolation();
    if (!isolated) {
      say('This browser did not enable cross-origin isolation, which Specwave needs for its threads. ' +
          'Open the page directly (not inside a frame) in a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    say('Loading…');
    const build = await (await fetch('build.json')).json();
    const files = await Promise.all(build.preload.map(async (p) => [p, await fetchBytes(p)]));
    await loadScript('specwave.js');
    const module = await window.createSpecwave({
      canvas: document.getElementById('canvas'),
      preRun: [(m) => {
        for (const [path, data] of files) {
          const parts = path.split('/');
          let dir = '';
          for (const part of parts.slice(0, -1)) {
            dir += '/' + part;
            try { m.FS.mkdir(dir); } catch (e) { /* exists */ }
          }
          m.FS.writeFile('/' + path, data);
        }
      }],
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
    });
    bootEl.hidden = true;
    window.specwave = {
      module,
      build: build.version,
      state: () => JSON.parse(module.UTF8ToString(module._specwave_test_state())),
    };
    document.getElementById('canvas').focus();
  }

  boot().catch((err) => {
    console.error(err);
    say('Specwave could not start: ' + err.message);
  });
})();
