// Durability in the browser (issue #5): artifacts live in SQLite on OPFS; a
// page reloaded in the middle of a run loses no completed phase and the run
// continues without redoing it; a second tab shows read-only data and never
// writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finishRun, runToTheEnd, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser }
  from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

test('reload mid-run: completed phases are kept and not run again', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  const first = await waitForProject(page);
  await page.evaluate(() => window.specwave.settings({ provider: 'offline', offline_latency_ms: 400 }));
  await page.evaluate(() => window.specwave.run(0));
  const mid = await waitForState(page, (s) => s.phases.filter((p) => p.status === 'succeeded').length >= 3,
                                 'three phases to finish');
  const doneBefore = mid.phases.filter((p) => p.status === 'succeeded').map((p) => p.name);
  await page.reload();
  await waitForApp(page);
  const back = await waitForProject(page);
  assert.equal(back.project_id, first.project_id, 'the same project after the reload');
  assert.equal(back.owner, true);
  await waitForState(page, (s) => s.running || s.pending_gates.length > 0, 'the run to resume');
  const end = await finishRun(page);
  assert.equal(end.run_status, 'succeeded', end.banner);
  assert.equal(end.artifacts, 14);
  const m = await page.evaluate(() => window.specwave.metrics());
  for (const name of doneBefore) {
    const p = m.phases.find((x) => x.name === name);
    assert.ok(p.done_earlier, `${name} finished before the reload and was not run again`);
    assert.equal(p.calls, 0, `${name} made no model call after the reload`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second tab is read-only and shows the owner tab\'s project', async () => {
  const context = await env.browser.newContext();
  const owner = await context.newPage();
  await owner.goto(env.server.url);
  await waitForApp(owner);
  await waitForProject(owner);
  const done = await runToTheEnd(owner);
  assert.equal(done.run_status, 'succeeded');

  const second = await context.newPage();
  await second.goto(env.server.url);
  await waitForApp(second);
  const ro = await waitForState(second, (s) => s.artifacts === done.artifacts, 'the snapshot from the owner tab');
  assert.equal(ro.owner, false);
  assert.equal(ro.read_only, true);
  assert.match(ro.banner, /another tab/);
  await second.evaluate(() => window.specwave.run(0));
  const refused = await waitForState(second, (s) => /read-only/.test(s.banner), 'the refusal');
  assert.equal(refused.running, false);
  // The owner is unaffected and still writes.
  const ownerState = await owner.evaluate(() => window.specwave.state());
  assert.equal(ownerState.read_only, false);
  await context.close();
});
