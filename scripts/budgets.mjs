// Measures the web app's budgets (issue #8) and prints them:
//   - gzipped bytes of everything the first load downloads (from the browser's
//     own resource list, each file gzipped here at level 9)
//   - time from navigation to the first frame drawn by the module, in
//     headless Chromium on localhost (second load, when the service worker
//     already controls the page, and first visit including the isolation reload)
//   - JS heap and wasm memory after the sample project is loaded
// Usage: node scripts/budgets.mjs   (after scripts/build-web.sh)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, serveStatic, launchBrowser, waitForApp } from '../tests/browser/support.mjs';

const server = await serveStatic(DIST);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(server.url);
  await waitForApp(page, 3);
  const firstVisitMs = Date.now() - t0;
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const files = [...new Set(['/', ...resources])].filter((p) => new URL(p, server.url).origin === new URL(server.url).origin);
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const p of files) {
    const rel = p === '/' ? 'index.html' : decodeURIComponent(p.slice(1));
    let data;
    try { data = readFileSync(path.join(DIST, rel)); } catch { continue; }
    const z = gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gz += z;
    rows.push([rel, data.length, z]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  // Second load: the worker controls the page; measure navigation -> first frame.
  const second = await context.newPage();
  await second.goto(server.url);
  await waitForApp(second, 3);
  const firstFrame = await second.evaluate(() => window.specwave.firstFrameMs);
  const marks = await second.evaluate(() => performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('specwave:')).map((m) => [m.name.slice(9), m.startTime]));
  const nav = await second.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return n ? { response: n.responseEnd, dom: n.domContentLoadedEventEnd } : null;
  });
  const memory = await second.evaluate(() => ({
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: window.specwave.module.HEAPU8.length,
  }));
  console.log('first-load download (what the page fetched):');
  for (const [name, size, z] of rows) console.log(`  ${name.padEnd(40)} ${String(size).padStart(9)} B  ${String(z).padStart(8)} B gz`);
  console.log(`  total ${raw} B, gzipped ${gz} B (${(gz / 1048576).toFixed(2)} MiB; budget 2 MiB)`);
  console.log(`navigation -> first drawn frame (service worker in control): ${firstFrame.toFixed(0)} ms (budget 1500 ms)`);
  console.log('  where the time goes (ms from navigation):' +
              (nav ? ` html ${nav.response.toFixed(0)}, DOMContentLoaded ${nav.dom.toFixed(0)},` : '') +
              marks.map(([n, t]) => ` ${n} ${t.toFixed(0)}`).join(','));
  console.log(`first visit incl. the one isolation reload, until frames are drawn: ${firstVisitMs} ms`);
  console.log(`memory after loading the sample project: wasm ${(memory.wasm / 1048576).toFixed(1)} MiB, JS heap ${memory.jsHeap ? (memory.jsHeap / 1048576).toFixed(1) + ' MiB' : 'n/a'}`);
} finally {
  await browser.close();
  server.stop();
}
