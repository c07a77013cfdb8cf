// The default workflow runs end to end in the browser with the offline
// generator (no key, no network): phases run in parallel on pthreads, the
// architecture gate is approved from the page, every artifact is stored, the
// metrics are measured, no Content-Security-Policy violation is reported, and
// the main thread never blocks (no emscripten "Blocking on the main thread").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, waitForApp, waitForProject, waitForState, watchConsole, watchCsp, watchAllConsole, siteAndBrowser }
  from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

test('default workflow runs offline in the browser, gate approved from the page', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await watchCsp(context);
  const page = await context.newPage();
  const errors = watchConsole(page);
  const messages = watchAllConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  const opened = await waitForProject(page);
  assert.equal(opened.owner, true, 'the only tab owns the database');
  assert.equal(opened.provider, 'offline');

  // A little simulated latency so that phases overlap visibly.
  await page.evaluate(() => window.specwave.settings({ provider: 'offline', offline_latency_ms: 150 }));
  await page.evaluate(() => window.specwave.run(0));
  const gate = await waitForState(page, (s) => s.pending_gates.length > 0, 'the architecture gate');
  assert.deepEqual(gate.pending_gates, ['SPEC_ARCHITECT/architecture_approved']);
  assert.equal(gate.running, true, 'the run waits for the person');
  await page.evaluate(() => window.specwave.approve('SPEC_ARCHITECT', 'architecture_approved'));
  const done = await waitForState(page, (s) => !s.running && s.run_status !== 'running' && s.run_status !== '',
                                  'the run to finish');
  assert.equal(done.run_status, 'succeeded', done.banner);
  assert.equal(done.artifacts, 14);
  for (const p of done.phases) assert.equal(p.status, 'succeeded', p.name);

  const m = await page.evaluate(() => window.specwave.metrics());
  assert.equal(m.status, 'succeeded');
  assert.ok(m.max_in_flight_seen >= 2, `phases ran in parallel (peak ${m.max_in_flight_seen})`);
  assert.ok(m.makespan_ms < m.sequential_ms, 'makespan below the sequential sum');
  assert.ok(m.time_saved_percent > 0);
  assert.equal(m.language_model, false);

  await page.evaluate(() => window.specwave.openArtifact('prd.md'));
  await waitForState(page, (s) => s.open_artifact === 'prd.md' && s.open_versions === 1, 'prd.md to open');
  await page.screenshot({ path: path.join(OUT, 'run-offline.png') });

  // The design tokens get a swatch view: palette, measured contrast, type scale.
  await page.evaluate(() => window.specwave.openArtifact('design-tokens.md'));
  const tokens = await waitForState(page, (s) => s.open_artifact === 'design-tokens.md' && s.swatch_colors > 0,
                                    'the design tokens swatches');
  assert.ok(tokens.swatch_colors >= 3, `palette of ${tokens.swatch_colors}`);
  assert.equal(tokens.swatch_type_sizes, 4, 'four type sizes');
  assert.equal(tokens.swatch_pairs_failing, 0, 'every declared pair meets its WCAG level');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  // The approval (a store write) ran on the session's command thread: the
  // main thread never blocked on the database thread.
  assert.deepEqual(messages.filter((m) => /blocking on the main thread/i.test(m)), [],
                   'no main-thread blocking warning');
  await context.close();
});
