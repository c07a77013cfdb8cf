// Specwave boot script (no inline script anywhere: the page's CSP forbids it).
//
// 1. Cross-origin isolation. Threads need SharedArrayBuffer, which needs the
//    page to be cross-origin isolated; a static host cannot send the headers,
//    so our service worker (sw.js) adds them to the app's own responses. On
//    the very first visit the page was loaded before the worker existed:
//    reload once, guarded so a browser that refuses never loops.
// 2. Which build: the app (specwave.js, threads) when isolated; the embed
//    viewer (?embed=1) uses it too when the frame is isolated (Chrome, through
//    Document-Isolation-Policy) and otherwise the single-threaded build of the
//    same engine (specwave-st.js) — Firefox and Safari inside a documentation
//    page.
// 3. Which tab owns the database: the first tab takes a Web Lock and opens
//    SQLite on OPFS; another tab shows a read-only snapshot it asks the owner
//    for over a BroadcastChannel.
// 4. Startup files (workflow, sample briefs, theme tokens, fonts) are written
//    into the module's in-memory file system before main() runs.
// 5. window.specwave is the automation/test hook; in embed mode a postMessage
//    API (web/embed.js) drives the viewer.
'use strict';

(function () {
  const RELOAD_KEY = 'specwave.isolation-reload';
  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1';
  const bootEl = document.getElementById('boot');
  const messageEl = document.getElementById('boot-message');
  if (embed) document.documentElement.classList.add('embed');

  function say(text) {
    messageEl.textContent = text;
  }

  async function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return null;
    try {
      const reg = await navigator.serviceWorker.register('sw.js');
      if (!embed) watchForUpdates(reg);
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
      // The canvas ends up inside a wrapper that paints above body-level
      // siblings whatever their z-index: show the bar inside that wrapper,
      // after the canvas, so it can be seen and clicked.
      const host = document.getElementById('canvas').parentElement;
      if (host && host !== document.body && bar.parentElement !== host) host.appendChild(bar);
      bar.hidden = false;
      document.getElementById('update-reload').onclick = () => {
        window.specwaveUpdateAccepted = true;
        worker.postMessage({ type: 'skip-waiting' });
      };
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
    // Look for a new build when the tab comes back into view.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') reg.update().catch(() => {});
    });
  }

  async function ensureIsolation() {
    if (window.crossOriginIsolated) {
      // The worker already controls this page: registering again only checks
      // for an update (a network round trip for sw.js, which took 1.7 s of a
      // 3.3 s start here), so it runs beside the boot, not before it.
      sessionStorage.removeItem(RELOAD_KEY);
      registerServiceWorker();
      return true;
    }
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

  // The first tab to ask owns the database for its lifetime.
  function acquireDatabaseLock() {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise((resolve) => {
      navigator.locks.request('specwave-database', { ifAvailable: true }, (lock) => {
        if (!lock) { resolve(false); return undefined; }
        resolve(true);
        return new Promise(() => {});  // held until the tab closes
      });
    });
  }

  // The way out of a damaged database (the app shows a read-only copy of
  // what it could read and says so): ?new-database=1 renames the file, and
  // its journal, to damaged-<time>.db before the module opens the database,
  // so nothing is deleted and the next start creates a new one. Only the tab
  // that owns the database lock does this.
  async function setDamagedDatabaseAside() {
    const dir = await databaseFolder();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const [name, kept] of [['specwave.db', `damaged-${stamp}.db`],
                                ['specwave.db-journal', `damaged-${stamp}.db-journal`]]) {
      // The page this one replaced may still be closing its handle on the
      // file: a locked file is retried for a few seconds.
      for (let attempt = 0; ; ++attempt) {
        try {
          await (await dir.getFileHandle(name)).move(kept);
          break;
        } catch (e) {
          if (e.name === 'NotFoundError') break;
          if (attempt >= 40) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    }
  }

  // What ?new-database=1 set aside stays in this browser's storage; the
  // Projects panel lists it (window.specwaveSetAside, read by the module's
  // host) with a download and a delete, so it is neither lost nor stuck.
  const SET_ASIDE = /^damaged-.*\.db$/;
  window.specwaveSetAside = { version: 0, files: [] };

  async function databaseFolder() {
    return (await navigator.storage.getDirectory()).getDirectoryHandle('specwave', { create: true });
  }

  async function listSetAside() {
    const files = [];
    const dir = await databaseFolder();
    for await (const [name, handle] of dir.entries())
      if (handle.kind === 'file' && SET_ASIDE.test(name)) files.push({ name, bytes: (await handle.getFile()).size });
    files.sort((a, b) => a.name.localeCompare(b.name));
    window.specwaveSetAside = { version: window.specwaveSetAside.version + 1, files };
    return files;
  }

  function checkSetAsideName(name) {
    if (!SET_ASIDE.test(String(name))) throw new Error(`not a set-aside database: ${name}`);
  }

  // Hands a file to the browser's downloads; the module's exports come here
  // too (BrowserHost::Download, through window.specwaveSaveFile).
  function saveFile(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  window.specwaveSaveFile = saveFile;

  async function downloadSetAside(name) {
    checkSetAsideName(name);
    saveFile(name, await (await (await databaseFolder()).getFileHandle(name)).getFile());
  }

  async function deleteSetAside(name) {
    checkSetAsideName(name);
    const dir = await databaseFolder();
    for (const n of [name, name + '-journal']) {
      try {
        await dir.removeEntry(n);
      } catch (e) {
        if (e.name !== 'NotFoundError') throw e;
      }
    }
    return listSetAside();
  }

  function dropParameter(name) {
    const url = new URL(location.href);
    url.searchParams.delete(name);
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  // ?new-database=1 is a URL parameter: any page can link to it. Acting on it
  // unasked would let a link hide a person's projects, so the page asks first
  // (keeping is the default); the banner that gives the way out sends them here.
  function confirmNewDatabase() {
    const box = document.getElementById('new-db');
    say('');
    box.hidden = false;
    return new Promise((resolve) => {
      const answer = (yes) => () => { box.hidden = true; resolve(yes); };
      document.getElementById('new-db-confirm').onclick = answer(true);
      document.getElementById('new-db-keep').onclick = answer(false);
      document.getElementById('new-db-keep').focus();
    });
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

  // Export bridge: C++ finishes an export on its command thread and hands the
  // text to the main thread here.
  const exportWaiters = new Map();
  let nextExport = 1;
  function requestExport(module) {
    const id = nextExport++;
    return new Promise((resolve, reject) => {
      exportWaiters.set(id, { resolve, reject });
      module._specwave_export_for(id);
    });
  }

  function setupOwnerChannel(module) {
    if (!('BroadcastChannel' in window)) return;
    const channel = new BroadcastChannel('specwave-database');
    channel.onmessage = async (event) => {
      if ((event.data || {}).type !== 'snapshot-request') return;
      try {
        const { content } = await requestExport(module);
        channel.postMessage({ type: 'snapshot', content, at: new Date().toISOString() });
      } catch (e) { /* nothing to share yet */ }
    };
  }

  function requestSnapshot(module) {
    if (!('BroadcastChannel' in window)) return;
    const channel = new BroadcastChannel('specwave-database');
    channel.onmessage = (event) => {
      const msg = event.data || {};
      if (msg.type === 'snapshot' && msg.content) module.ccall('specwave_cmd_import', null, ['string'], [msg.content]);
    };
    channel.postMessage({ type: 'snapshot-request' });
  }

  // The embed viewer's postMessage API (web/embed.js is the parent's side).
  function setupEmbedApi(module) {
    const reply = (event, id, result, error) =>
      event.source && event.source.postMessage({ id, result, error }, event.origin === 'null' ? '*' : event.origin);
    const load = async (url) => {
      const res = await fetch(url, { credentials: 'omit' });
      if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
      module.ccall('specwave_cmd_import', null, ['string'], [await res.text()]);
      return { loaded: url };
    };
    window.addEventListener('message', async (event) => {
      if (event.source !== window.parent) return;
      const msg = event.data || {};
      try {
        if (msg.type === 'specwave:load-project') reply(event, msg.id, await load(msg.url));
        else if (msg.type === 'specwave:select-artifact') {
          module.ccall('specwave_cmd_open_artifact', null, ['string'], [String(msg.name)]);
          reply(event, msg.id, { selected: msg.name });
        } else if (msg.type === 'specwave:get-metrics') {
          reply(event, msg.id, JSON.parse(module.UTF8ToString(module._specwave_metrics_json())));
        }
      } catch (e) {
        reply(event, msg.id, null, String(e.message || e));
      }
    });
    const project = params.get('project');
    const ready = project ? load(project) : Promise.resolve();
    ready.catch((e) => console.error(e)).finally(() => {
      if (params.get('artifact')) module.ccall('specwave_cmd_open_artifact', null, ['string'], [params.get('artifact')]);
      if (window.parent !== window) window.parent.postMessage({ type: 'specwave:ready' }, '*');
    });
  }

  // Boot steps as performance marks (scripts/budgets.mjs prints them), so
  // the first-frame budget can be traced to the step that spends it.
  const mark = (name) => { try { performance.mark('specwave:' + name); } catch (e) { /* old browser */ } };

  async function boot() {
    mark('boot');
    const isolated = await ensureIsolation();
    mark('isolated');
    const threads = isolated && typeof SharedArrayBuffer === 'function';
    if (!threads && !embed) {
      // Isolated but no shared memory: a browser built without it (WebKitGTK
      // leaves SharedArrayBuffer off); not isolated: a frame, or no service worker.
      say(isolated
        ? 'This browser does not allow memory shared between threads (SharedArrayBuffer), which Specwave ' +
          'needs to run its phases in parallel. Open it in a current Chrome, Edge, Firefox or Safari.'
        : 'This browser did not enable cross-origin isolation, which Specwave needs for its threads. ' +
          'Open the page directly (not inside a frame) in a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    const owner = !embed && threads ? await acquireDatabaseLock() : false;
    mark('lock');
    if (owner && params.get('new-database') === '1' && await confirmNewDatabase()) await setDamagedDatabaseAside();
    if (params.has('new-database')) dropParameter('new-database');  // a reload does not ask again
    say('Loading…');
    const build = await (await fetch('build.json')).json();
    const files = await Promise.all(build.preload.map(async (p) => [p, await fetchBytes(p)]));
    mark('startup-files');
    const script = threads ? 'specwave.js' : 'specwave-st.js';
    await loadScript(script);
    mark('script');
    const factory = threads ? window.createSpecwave : window.createSpecwaveSt;
    let appReady;
    const readyPromise = new Promise((r) => { appReady = r; });
    const module = await factory({
      canvas: document.getElementById('canvas'),
      specwaveBoot: { embed, owner, threads },
      specwaveOnReady: () => appReady(),
      specwaveOnFolder: (id, text) => window.specwaveFolder.deliver(id, text),
      specwaveOnExport: (id, name, content, error) => {
        const w = exportWaiters.get(id);
        if (!w) return;
        exportWaiters.delete(id);
        if (error) w.reject(new Error(error)); else w.resolve({ name, content });
      },
      preRun: [(m) => {
        mark('runtime');
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
    mark('module');
    await readyPromise;
    mark('first-frame');
    bootEl.hidden = true;
    window.specwave = {
      module,
      build: build.version,
      threads,
      embed,
      owner,
      firstFrameMs: null,
      state: () => JSON.parse(module.UTF8ToString(module._specwave_test_state())),
      metrics: () => JSON.parse(module.UTF8ToString(module._specwave_metrics_json())),
      command: (name) => module.ccall('specwave_cmd_ui', null, ['string'], [String(name)]),
      frameTimes: () => JSON.parse(module.UTF8ToString(module._specwave_frame_times())),
      run: (mode) => module._specwave_cmd_run(mode || 0),
      resume: () => module._specwave_cmd_resume(),
      cancel: () => module._specwave_cmd_cancel(),
      approve: (phase, gate) => module.ccall('specwave_cmd_approve', null, ['string', 'string'], [phase, gate]),
      openArtifact: (name) => module.ccall('specwave_cmd_open_artifact', null, ['string'], [name]),
      openContent: () => module.UTF8ToString(module._specwave_open_content()),
      save: (name, text) => module.ccall('specwave_cmd_save', null, ['string', 'string'], [name, text]),
      regenerate: (strategy) => module.ccall('specwave_cmd_regenerate', null, ['string'], [strategy]),
      importProject: (text) => module.ccall('specwave_cmd_import', null, ['string'], [text]),
      createProject: (name, brief, yaml, workflowName) =>
        module.ccall('specwave_cmd_create_project', null, ['string', 'string', 'string', 'string'],
                     [name, brief, yaml, workflowName || 'workflow.yml']),
      typeWorkflow: (text) => module.ccall('specwave_cmd_workflow_type', null, ['string'], [text]),
      applyWorkflow: () => module._specwave_cmd_workflow_apply(),
      setPhasePrompt: (phase, prompt) =>
        module.ccall('specwave_cmd_phase_prompt', null, ['string', 'string'], [phase, prompt]),
      selectPhase: (phase) => module.ccall('specwave_cmd_select_phase', null, ['string'], [phase]),
      exportProject: () => requestExport(module),
      showTab: (name) => module.ccall('specwave_cmd_show_tab', null, ['string'], [String(name)]),
      setAsideFiles: () => (owner ? listSetAside() : Promise.resolve([])),
      downloadSetAside: (name) => downloadSetAside(name),
      deleteSetAside: (name) => deleteSetAside(name),
      settings: (s) => module.ccall('specwave_cmd_settings', null,
                                    ['string', 'string', 'string', 'string', 'number', 'number'],
                                    [s.provider || 'offline', s.model || '', s.base_url || '', s.key || '',
                                     s.max_in_flight || 8, s.offline_latency_ms || 0]),
    };
    window.specwaveFolder.attach(module);  // web/folder_sync.js
    window.specwave.folder = window.specwaveFolder;
    window.specwave.firstFrameMs = window.specwave.state().first_frame_ms;
    // After the first frame: not on the start's critical path.
    if (owner) listSetAside().catch((e) => console.warn('specwave: could not list set-aside databases:', e));
    if (embed) setupEmbedApi(module);
    else if (owner) setupOwnerChannel(module);
    else requestSnapshot(module);
    document.getElementById('canvas').focus();
    // Ctrl+K (⌘K) is the app's command palette, not the browser's search box.
    window.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) e.preventDefault();
    }, true);
  }

  boot().catch((err) => {
    console.error(err);
    say('Specwave could not start: ' + err.message);
  });
})();
