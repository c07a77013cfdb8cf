// The app in WebKit, the engine of Safari: Debian's WebKitGTK 2.50
// (MiniBrowser, driven over W3C WebDriver by WebKitWebDriver on a private
// Xvfb). Safari itself cannot run here; where WebKitGTK's defaults differ
// from what Safari ships, the test says so and sets Safari's:
//   - SharedArrayBuffer: Safari (15.2+) allows it in a cross-origin isolated
//     page; WebKitGTK builds it off. JSC_useSharedArrayBuffer=1 turns it on.
//   - OPFS: Safari ships the File System API and sync access handles;
//     WebKitGTK has them off (--features turns them on) and, in a WebDriver
//     session (always ephemeral), getDirectory() fails anyway. So this test
//     sees the app's in-memory fallback, not OPFS persistence in WebKit.
// Tested:
//   1. The app: isolated by our service worker (no headers from the server),
//      threaded, on the in-memory database with a banner that says nothing is
//      kept, runs the default workflow offline to the end.
//   2. The embed in a cross-site docs page, in WebKitGTK as it ships: Safari
//      has no Document-Isolation-Policy, so the single-threaded viewer runs
//      (it needs neither shared memory nor OPFS), driven through postMessage.
//   3. WebKitGTK as it ships (no SharedArrayBuffer): a clear message, not a
//      crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIST, OUT, exportedOfflineProject, runToTheEnd, selectPrdInEmbed, serveAppWithProject,
         serveDocsPageEmbedding, serveStatic, startXvfb, waitForEmbedShowingPrd, waitForThreadedProject,
         waitInPage } from './support.mjs';
import { launchWebKit } from './webdriver.mjs';

const SAFARI_FEATURES = ['+FileSystem', '+AccessHandle', '+StorageAPI', '+StorageAPIEstimate'];
const SAFARI_ENV = { JSC_useSharedArrayBuffer: '1' };

let xvfb;
let demoProject;
before(async () => {
  xvfb = await startXvfb();
  demoProject = exportedOfflineProject('webkit-demo');
});
after(() => xvfb?.stop());

async function withWebKit(options, body) {
  const webkit = await launchWebKit({ display: xvfb.display, ...options });
  try {
    return await body(webkit.session);
  } finally {
    await webkit.close();
  }
}

test('WebKit: isolated by the service worker, threaded, runs the default workflow offline', async () => {
  const site = await serveStatic(DIST);
  try {
    await withWebKit({ env: SAFARI_ENV, features: SAFARI_FEATURES }, async (page) => {
      await page.goto(site.url);
      const ready = await waitForThreadedProject(page);
      assert.equal(await page.evaluate(() => window.crossOriginIsolated), true);
      assert.equal(ready.owner, true);
      assert.match(ready.banner, /lives in memory only and is lost on reload; export it/,
                   'no OPFS in a WebDriver session: the app works in memory and says so');
      const done = await runToTheEnd(page, 180000);
      assert.equal(done.run_status, 'succeeded', done.banner);
      assert.equal(done.artifacts, 14);
      console.log(`# webkit ${page.browserVersion}: first frame ${Math.round(ready.first_frame_ms)} ms, ` +
                  `run ${done.run_status}, ${done.artifacts} artifacts`);
      await page.screenshot(path.join(OUT, 'webkit-run.png'));
    });
  } finally {
    site.stop();
  }
});

test('WebKit: the embed in a cross-site docs page runs the single-threaded viewer', async () => {
  const app = await serveAppWithProject('webkit-embed-app', demoProject);
  const docs = await serveDocsPageEmbedding('webkit-embed-docs', app.url);
  try {
    // WebKitGTK as it ships: the viewer needs neither shared memory nor OPFS.
    await withWebKit({}, async (page) => {
      await page.goto(docs.url);
      assert.equal(await page.evaluate(() => window.crossOriginIsolated), false, 'the docs page is not isolated');
      const result = await selectPrdInEmbed(page);
      assert.deepEqual(result.selected, { selected: 'prd.md' });
      assert.equal(result.metrics.status, 'succeeded');
      await page.enterFrame('#embed iframe');
      const s = await waitForEmbedShowingPrd(page);
      assert.equal(s.embed, true);
      assert.equal(s.read_only, true);
      assert.deepEqual(s.phases.filter((p) => p.status !== 'succeeded').map((p) => p.name), []);
      assert.equal(s.threads, false, 'no isolation in a cross-site frame in WebKit: the single-threaded viewer');
      await page.leaveFrame();
      await page.screenshot(path.join(OUT, 'webkit-embed.png'));
    });
  } finally {
    app.stop();
    docs.stop();
  }
});

test('WebKitGTK as it ships (no SharedArrayBuffer): the app says why it cannot run', async () => {
  const site = await serveStatic(DIST);
  try {
    await withWebKit({}, async (page) => {
      await page.goto(site.url);
      const text = await waitInPage(page, () => {
        const t = document.body.innerText;
        return /memory shared between threads/.test(t) ? t : null;
      }, null, { what: 'the message about shared memory' });
      assert.match(text, /Open it in a current Chrome, Edge, Firefox or Safari/);
      assert.equal(await page.evaluate(() => window.crossOriginIsolated), true, 'isolated, by the service worker');
    });
  } finally {
    site.stop();
  }
});
