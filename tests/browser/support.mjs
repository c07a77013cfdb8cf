// Shared helpers for the browser tests: a plain static file server (Python's
// http.server — no special headers, like GitHub Pages), Debian's Chromium
// driven by playwright-core (never a downloaded browser), and waiting for the
// app across the one isolation reload.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'build', 'browser');
export const CLI = path.join(ROOT, 'build', 'native', 'src', 'app', 'cli', 'specwave');
mkdirSync(OUT, { recursive: true });

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader',
];

// Serves `dir` on 127.0.0.1 with a plain static server; resolves to {url, stop}.
// `isolated` adds COOP/COEP headers, for pages without the app's service
// worker that still need threads (the browser storage benchmark).
export async function serveStatic(dir, { port = 0, isolated = false } = {}) {
  const script = [
    'import http.server, socketserver, sys, functools',
    'class H(http.server.SimpleHTTPRequestHandler):',
    '    def end_headers(self):',
    '        if sys.argv[3] == "1":',
    '            self.send_header("Cross-Origin-Opener-Policy", "same-origin")',
    '            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")',
    '        super().end_headers()',
    'handler = functools.partial(H, directory=sys.argv[1])',
    'class S(http.server.ThreadingHTTPServer): daemon_threads = True',
    'srv = S(("127.0.0.1", int(sys.argv[2])), handler)',
    'print("LISTENING", srv.server_address[1], flush=True)',
    'srv.serve_forever()',
  ].join('\n');
  const proc = spawn('python3', ['-c', script, dir, String(port), isolated ? '1' : '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const boundPort = await new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/LISTENING (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    proc.on('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${boundPort}/`, port: boundPort, stop: () => proc.kill() };
}

// Starts Xvfb on a free display (for the browsers that need a real window:
// Firefox, which has no WebGL2 headless here, and WebKitGTK's MiniBrowser);
// resolves to {display, stop}.
export function startXvfb() {
  return new Promise((resolve, reject) => {
    const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'],
                       { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    let buf = '';
    proc.stdio[3].on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve({ display: ':' + buf.trim(), stop: () => proc.kill() });
    });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
}

// A plain documentation page, on another site than the app (localhost vs
// 127.0.0.1), embedding the project at appBase + 'demo.specwave.json' with
// the documented snippet; resolves to {url, stop}.
export async function serveDocsPageEmbedding(name, appBase) {
  const root = path.join(OUT, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'index.html'), `<!doctype html>
<html><head><meta charset="utf-8"><title>Docs</title></head><body>
<h1>Our spec pack</h1>
<div id="embed" data-specwave-project="${appBase}demo.specwave.json" data-height="600px"></div>
<script src="${appBase}embed.js"></script>
</body></html>`);
  const docs = await serveStatic(root);
  return { url: docs.url.replace('127.0.0.1', 'localhost'), stop: docs.stop };
}

// A copy of the app (dist/) in OUT/<name> with `projectFile` beside it as
// demo.specwave.json, served; resolves to the server ({url, stop}).
export async function serveAppWithProject(name, projectFile) {
  const root = path.join(OUT, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(DIST, root, { recursive: true });
  copyFileSync(projectFile, path.join(root, 'demo.specwave.json'));
  return serveStatic(root);
}

// On the docs page of serveDocsPageEmbedding, through the embed script's
// API: selects prd.md and asks for the metrics; resolves to {selected, metrics}.
export function selectPrdInEmbed(page) {
  return page.evaluate(async () => {
    const embed = SpecwaveEmbed.get(document.getElementById('embed'));
    await embed.ready;
    return { selected: await embed.selectArtifact('prd.md'), metrics: await embed.getMetrics() };
  });
}

// In the embed's frame: waits until it shows prd.md of the 14-artifact demo
// project; resolves to the app's state.
export function waitForEmbedShowingPrd(frame) {
  return waitInPage(frame, () => {
    const s = window.specwave && window.specwave.state();
    return s && s.open_artifact === 'prd.md' && s.artifacts === 14 ? s : null;
  }, null, { what: 'the embed to show prd.md' });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
}

// Collects console errors and page errors, to assert a clean run.
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

// Collects every console message (any level) as "type: text": for messages
// that are warnings, not errors, such as emscripten's "Blocking on the main
// thread is very dangerous" (issue #13: the render thread must never block).
export function watchAllConsole(page) {
  const all = [];
  page.on('console', (msg) => all.push(`${msg.type()}: ${msg.text()}`));
  return all;
}

// Polls `fn` in the page until it returns a truthy value; survives the
// isolation reload (which destroys the execution context once).
export async function waitInPage(page, fn, arg, { timeout = 60000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

export async function waitForApp(page, minFrames = 3) {
  return waitInPage(page, (n) => {
    const s = window.specwave && window.specwave.state();
    return s && s.frames >= n ? s : null;
  }, minFrames, { what: 'the app to draw frames' });
}

// Waits until the app has a project open and drawn.
export async function waitForProject(page) {
  return waitInPage(page, () => {
    const s = window.specwave && window.specwave.state();
    return s && s.spec_phases > 0 && s.phases_drawn === s.spec_phases ? s : null;
  }, null, { what: 'a project to be open and drawn' });
}

// The same, and a worker thread has run (the threaded build, isolated).
export async function waitForThreadedProject(page) {
  return waitInPage(page, () => {
    const s = window.specwave && window.specwave.state();
    return s && s.spec_phases > 0 && s.phases_drawn === s.spec_phases && s.threads ? s : null;
  }, null, { what: 'the app with a project drawn and a worker thread running' });
}

// Polls the app's state and tests it here, in Node (no eval in the page: its
// CSP forbids it, rightly).
export async function waitForState(page, predicate, what, timeout = 60000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await page.evaluate(() => window.specwave && window.specwave.state());
      if (last && predicate(last)) return last;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
}

// The default workflow has one approval gate (SPEC_ARCHITECT). These take a
// run past it to its end and return the last state; `page` is a playwright
// page or frame, or a WebDriver session (tests/browser/webdriver.mjs).
const runEnded = (s) => !s.running && s.run_status !== 'running' && s.run_status !== '';

// Starts a run of the open project and takes it to the end.
export async function runToTheEnd(page, timeout = 120000) {
  await page.evaluate(() => window.specwave.run(0));
  await waitForState(page, (s) => s.pending_gates.length > 0, 'the architecture gate');
  await page.evaluate(() => window.specwave.approve('SPEC_ARCHITECT', 'architecture_approved'));
  return waitForState(page, runEnded, 'the run to end', timeout);
}

// For a run just resumed: approves the gate whenever the run reaches it and
// waits for the end. Resuming is asynchronous, so the first states seen may
// still be the stopped run's: an end counts only once the run was seen going
// (or if it succeeded). CI once caught the simpler version taking the stopped
// state for the end, leaving the resumed run at its gate.
export async function finishRun(page, timeout = 120000) {
  const end = Date.now() + timeout;
  let seenGoing = false;
  let last;
  while (Date.now() < end) {
    try {
      last = await page.evaluate(() => window.specwave && window.specwave.state());
    } catch (err) {
      last = String(err);
    }
    if (last && typeof last === 'object') {
      if (last.running || last.pending_gates.length > 0) seenGoing = true;
      if (last.pending_gates.includes('SPEC_ARCHITECT/architecture_approved'))
        await page.evaluate(() => window.specwave.approve('SPEC_ARCHITECT', 'architecture_approved'));
      else if (runEnded(last) && (seenGoing || last.run_status === 'succeeded')) return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for the resumed run to end; last state: ${JSON.stringify(last)}`);
}

// Records Content-Security-Policy violations from the first script on.
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

// The number of phases in a workflow, as the native CLI plans it.
export function nativePlan(specPath) {
  return JSON.parse(execFileSync(CLI, ['plan', specPath, '--json'], { encoding: 'utf8' }));
}

// A real project: the default workflow run offline to the end by the native
// CLI into OUT/<name>.db (any earlier copy removed first); returns its path.
export function offlineProjectDb(name) {
  const db = path.join(OUT, `${name}.db`);
  for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
  execFileSync(CLI, ['run', '--spec', path.join(ROOT, 'assets/workflows/default.yml'), '--brief',
                     path.join(ROOT, 'assets/briefs/tidewater.md'), '--db', db, '--auto-approve', '--quiet']);
  return db;
}

// The same, exported as one file (OUT/<name>.specwave.json); returns its path.
export function exportedOfflineProject(name) {
  const file = path.join(OUT, `${name}.specwave.json`);
  rmSync(file, { force: true });
  execFileSync(CLI, ['export', '--db', offlineProjectDb(name), '--out', file, '--single-file']);
  return file;
}

// The set-up most browser test files share: the built site (DIST) on a
// local static server and one headless Chromium, started before the file's
// tests and stopped after them. Returns the object that holds them:
//   const env = siteAndBrowser();   ...   await env.browser.newContext(); page.goto(env.server.url)
export function siteAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveStatic(DIST);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}
