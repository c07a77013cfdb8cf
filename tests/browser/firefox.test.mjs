// The same app in a second engine: Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi (playwright-core can drive only its own
// patched Firefox builds). Headless Firefox has no WebGL2 here, so it runs in
// a real window on a private Xvfb display.
//   1. The app: cross-origin isolated by our service worker, threaded, the
//      database on OPFS, the default workflow run offline to the end.
//   2. The embed in a cross-site documentation page that is not isolated:
//      Firefox has no Document-Isolation-Policy, so the single-threaded
//      viewer must be the one that runs, driven through postMessage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { DIST, OUT, exportedOfflineProject, runToTheEnd, selectPrdInEmbed, serveAppWithProject,
         serveDocsPageEmbedding, serveStatic, startXvfb, waitForEmbedShowingPrd, waitForThreadedProject }
  from './support.mjs';

const FIREFOX = '/usr/bin/firefox-esr';

let xvfb;
let browser;
let demoProject;
before(async () => {
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} is missing: scripts/setup.sh installs it`);
  xvfb = await startXvfb();
  browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: false,
    defaultViewport: { width: 1280, height: 800 },
    env: { ...process.env, DISPLAY: xvfb.display },
  });
  demoProject = exportedOfflineProject('firefox-demo');
});
after(async () => {
  await browser?.close();
  xvfb?.stop();
});

test('Firefox: isolated, threaded, runs the default workflow offline', async () => {
  const site = await serveStatic(DIST);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(site.url);
    const ready = await waitForThreadedProject(page);
    assert.equal(await page.evaluate(() => window.crossOriginIsolated), true);
    assert.equal(ready.owner, true, 'this tab owns the OPFS database');
    const done = await runToTheEnd(page);
    assert.equal(done.run_status, 'succeeded', done.banner);
    assert.equal(done.artifacts, 14);
    console.log(`# firefox: first frame ${Math.round(ready.first_frame_ms)} ms, run ${done.run_status}, ` +
                `${done.artifacts} artifacts`);
    await page.screenshot({ path: path.join(OUT, 'firefox-run.png') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    site.stop();
  }
});

test('Firefox: the embed in a cross-site docs page runs the single-threaded viewer', async () => {
  const app = await serveAppWithProject('firefox-embed-app', demoProject);
  const docs = await serveDocsPageEmbedding('firefox-embed-docs', app.url);
  const page = await browser.newPage();
  try {
    await page.goto(docs.url);  // another site than the app
    assert.equal(await page.evaluate(() => window.crossOriginIsolated), false, 'the docs page is not isolated');
    const result = await selectPrdInEmbed(page);
    assert.deepEqual(result.selected, { selected: 'prd.md' });
    assert.equal(result.metrics.status, 'succeeded');
    const frame = page.frames().find((f) => f.url().startsWith(app.url));
    assert.ok(frame, 'the embed frame');
    const s = await waitForEmbedShowingPrd(frame);
    assert.equal(s.embed, true);
    assert.equal(s.read_only, true);
    assert.deepEqual(s.phases.filter((p) => p.status !== 'succeeded').map((p) => p.name), [],
                     'the DAG shows how each phase of the exported run ended, not "waiting"');
    assert.equal(s.threads, false, 'no isolation in a cross-site frame in Firefox: the single-threaded viewer');
    await page.screenshot({ path: path.join(OUT, 'firefox-embed.png') });
  } finally {
    await page.close();
    app.stop();
    docs.stop();
  }
});
