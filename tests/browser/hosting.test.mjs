// Static hosting (issue #8): the app under a sub-path of a plain static
// server, a reload with the network off (from the service worker's cache),
// the update prompt when a new build is deployed, and the embed viewer in a
// cross-site iframe on a documentation page that is not isolated, driven
// through its postMessage API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, OUT, exportedOfflineProject, serveStatic, serveDocsPageEmbedding, launchBrowser, runToTheEnd,
         selectPrdInEmbed, waitForApp, waitForEmbedShowingPrd, waitForProject, waitForState, waitInPage,
         watchCsp } from './support.mjs';

const SUB = 'docs/specwave/';
let browser;

// A site root with the app copied under docs/specwave/ and an exported
// project next to it (a real offline run through the CLI).
function makeSite(name) {
  const root = path.join(OUT, name);
  fs.rmSync(root, { recursive: true, force: true });
  const app = path.join(root, SUB);
  fs.mkdirSync(app, { recursive: true });
  fs.cpSync(DIST, app, { recursive: true });
  return { root, app };
}

let demoProject;
before(async () => {
  browser = await launchBrowser();
  demoProject = exportedOfflineProject('hosting-demo');
});
after(async () => {
  await browser?.close();
});

async function runOfflineToTheEnd(page) {
  await page.evaluate(() => window.specwave.settings({ provider: 'offline' }));
  await waitForState(page, (s) => s.provider === 'offline', 'the offline provider');
  return runToTheEnd(page);
}

test('under a sub-path, then reloaded with the network off', async () => {
  const site = makeSite('hosting-subpath');
  const server = await serveStatic(site.root);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await watchCsp(context);
  const page = await context.newPage();
  try {
    await page.goto(server.url + SUB);
    const s = await waitForApp(page);
    assert.equal(s.threads, true, 'isolated and threaded under a sub-path');
    await waitForProject(page);
    const done = await runOfflineToTheEnd(page);
    assert.equal(done.run_status, 'succeeded', done.banner);
    assert.equal(done.artifacts, 14);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'a service worker controls the page');

    // Network off (and the server gone): the shell comes from the cache, the
    // project from OPFS.
    server.stop();
    await context.setOffline(true);
    await page.reload();
    await waitForProject(page);
    const offline = await waitForState(page, (x) => x.artifacts === 14 && x.run_status === 'succeeded',
                                       'the last project, opened offline, with its artifacts and last run');
    assert.equal(offline.owner, true);
    await page.evaluate(() => window.specwave.openArtifact('prd.md'));
    await waitForState(page, (x) => x.open_artifact === 'prd.md' && x.open_versions >= 1, 'prd.md and its history');
    // The offline generator still runs.
    const again = await runOfflineToTheEnd(page);
    assert.equal(again.run_status, 'succeeded', again.banner);
    // A hosted model says the network is down.
    await page.evaluate(() => window.specwave.settings({ provider: 'openai', model: 'gpt-4.1-mini',
                                                         key: 'sk-offline-test-000000000000' }));
    await waitForState(page, (x) => x.provider === 'openai', 'the openai provider');
    const before = (await page.evaluate(() => window.specwave.state())).run_id;
    await page.evaluate(() => window.specwave.run(0));
    const failed = await waitForState(page, (x) => x.run_id !== before && !x.running && x.run_status !== 'running' &&
                                                   x.run_status !== '', 'the hosted run to fail', 90000);
    assert.notEqual(failed.run_status, 'succeeded');
    assert.match(failed.banner, /offline|network is down/i, failed.banner);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  } finally {
    await context.close();
    server.stop();
  }
});

test('a new build deployed: the page offers the update, then runs the new version only', async () => {
  const site = makeSite('hosting-update');
  const server = await serveStatic(site.root);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url + SUB);
    await waitForProject(page);
    const swVersion = () => page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'version') resolve(e.data.version);
      });
      navigator.serviceWorker.controller.postMessage({ type: 'version' });
    }));
    const v1 = await swVersion();
    // Deploy "a new build": another version string in sw.js.
    const swPath = path.join(site.app, 'sw.js');
    const v2 = 'test-update-' + Date.now();
    fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replaceAll(v1, v2));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update:not([hidden])', { timeout: 30000 });
    await page.click('#update-reload');
    await waitInPage(page, () => window.specwave && window.specwave.state().frames > 2, null,
                     { what: 'the app after the update reload' });
    await waitForProject(page);
    assert.equal(await swVersion(), v2, 'the new worker controls the page');
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches.filter((k) => k.startsWith('specwave-shell-')), ['specwave-shell-' + v2],
                     'the old shell cache is gone: no mix of old and new files');
  } finally {
    await context.close();
    server.stop();
  }
});

test('embedded in a cross-site documentation page, driven by postMessage', async () => {
  const site = makeSite('hosting-embed');
  fs.copyFileSync(demoProject, path.join(site.app, 'demo.specwave.json'));
  const appServer = await serveStatic(site.root);
  const appBase = appServer.url + SUB;  // http://127.0.0.1:A/docs/specwave/
  // localhost and 127.0.0.1 are different sites: the iframe is cross-site.
  const docs = await serveDocsPageEmbedding('hosting-docs', appBase);
  const docsUrl = docs.url;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(docsUrl);
    assert.equal(await page.evaluate(() => window.crossOriginIsolated), false, 'the docs page is not isolated');
    const result = await selectPrdInEmbed(page);
    assert.deepEqual(result.selected, { selected: 'prd.md' });
    assert.ok(result.metrics, 'metrics of the exported project');
    assert.equal(result.metrics.status, 'succeeded');
    assert.ok(result.metrics.makespan_ms > 0 && result.metrics.sequential_ms >= result.metrics.makespan_ms);
    const frame = page.frames().find((f) => f.url().startsWith(appBase));
    assert.ok(frame, 'the embed frame');
    const state = await waitForEmbedShowingPrd(frame);
    assert.equal(state.embed, true);
    assert.equal(state.read_only, true);
    assert.deepEqual(state.phases.filter((p) => p.status !== 'succeeded').map((p) => p.name), [],
                     'the DAG shows how each phase of the exported run ended, not "waiting"');
    console.log(`# embed: threads=${state.threads} (Chromium isolates the frame with Document-Isolation-Policy ` +
                `when it can; elsewhere the single-threaded viewer runs)`);
    // Loading another project through the API.
    const loaded = await page.evaluate(async (url) =>
      SpecwaveEmbed.get(document.getElementById('embed')).loadProject(url), appBase + 'demo.specwave.json');
    assert.equal(loaded.loaded, appBase + 'demo.specwave.json');
    await page.screenshot({ path: path.join(OUT, 'embed-docs-page.png') });
  } finally {
    await context.close();
    appServer.stop();
    docs.stop();
  }
});
