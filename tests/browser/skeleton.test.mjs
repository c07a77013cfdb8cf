// Walking skeleton: the built site, served by a plain static server, opens in
// headless Chromium, becomes cross-origin isolated through our service worker,
// starts with threads, and draws every phase of the default workflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, ROOT, waitForApp, waitForProject, watchConsole, nativePlan, siteAndBrowser } from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

test('app is isolated, threaded and draws the default workflow DAG', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page, 5);
  const state = await waitForProject(page);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), true, 'crossOriginIsolated');
  assert.equal(await page.evaluate(() => typeof SharedArrayBuffer), 'function');
  assert.equal(state.threads, true, 'a pthread ran in the module');
  const plan = nativePlan(path.join(ROOT, 'assets/workflows/default.yml'));
  assert.equal(state.spec_phases, plan.phases.length);
  assert.equal(state.phases_drawn, plan.phases.length, 'every phase drawn');
  const edges = plan.phases.reduce((n, p) => n + p.depends_on.length, 0);
  assert.equal(state.edges_drawn, edges, 'every edge drawn by the GLSL renderer');
  assert.ok(state.shader_frames > 0, 'the shader callback ran');
  await page.screenshot({ path: path.join(OUT, 'skeleton.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
