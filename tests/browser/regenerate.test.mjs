// Smart regeneration in the browser: after a run, a one-section edit of the
// PRD shows its change and impact (lit on the DAG), and regenerate_all runs
// through the same scheduler with early cutoff; nothing stays stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, runToTheEnd, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser }
  from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

test('edit the PRD, see the impact, regenerate what it touches', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  assert.equal((await runToTheEnd(page)).run_status, 'succeeded');

  await page.evaluate(() => window.specwave.openArtifact('prd.md'));
  await waitForState(page, (s) => s.open_artifact === 'prd.md' && s.open_versions === 1 && s.blocks > 0, 'prd.md');
  const prd = await page.evaluate(() => window.specwave.openContent());
  assert.ok(prd.includes('### F2'), 'the PRD has feature F2');
  const lines = prd.split('\n');
  const f2 = lines.findIndex((l) => l.startsWith('### F2'));
  lines.splice(f2 + 2, 0, 'It also shows the sea state along the route.');
  await page.evaluate((text) => window.specwave.save('prd.md', text), lines.join('\n'));
  const withImpact = await waitForState(page, (s) => s.impact && s.open_versions === 2, 'the impact');
  assert.equal(withImpact.impact.sections, 1, 'exactly one section changed');
  assert.equal(withImpact.impact.level, 'MEDIUM');
  assert.ok(withImpact.phases.some((p) => p.stale), 'affected phases are stale on the DAG');
  await page.screenshot({ path: path.join(OUT, 'impact.png') });

  await page.evaluate(() => window.specwave.regenerate('regenerate_all'));
  const done = await waitForState(page, (s) => s.regeneration && !s.running, 'the regeneration');
  assert.equal(done.regeneration.success, true);
  assert.ok(done.regeneration.regenerated > 0);
  const after = await waitForState(page, (s) => s.phases.every((p) => !p.stale), 'no stale artifacts');
  assert.equal(after.impact, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a gap an edit introduces is drawn on the DAG, and stays after a reload', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  const clean = await runToTheEnd(page);
  assert.equal(clean.run_status, 'succeeded');
  assert.deepEqual(clean.phases.filter((p) => p.gaps > 0).map((p) => p.name), [], 'the offline pack has no gaps');

  // The person edits the epics so that no epic covers F2 any more.
  await page.evaluate(() => window.specwave.openArtifact('epics.md'));
  await waitForState(page, (s) => s.open_artifact === 'epics.md' && s.open_versions >= 1 && s.blocks > 0, 'epics.md');
  const epics = await page.evaluate(() => window.specwave.openContent());
  const edited = epics.split('\n').map((l) => (/^Covers:/i.test(l) ? l.replace(/\bF2\b,?\s*/g, '') : l)).join('\n');
  assert.notEqual(edited, epics, 'some epic covered F2');
  await page.evaluate((text) => window.specwave.save('epics.md', text), edited);
  await waitForState(page, (s) => s.impact, 'the impact');
  await page.evaluate(() => window.specwave.regenerate('regenerate_all'));
  await waitForState(page, (s) => s.regeneration && !s.running, 'the regeneration');

  const isGapBadge = (b) => /^\d+ gaps?$/.test(b);
  const withGap = await waitForState(page, (s) => s.phases.some((p) => p.name === 'VALIDATE' && isGapBadge(p.badge)),
                                     'the gap on the DAG');
  const validate = withGap.phases.find((p) => p.name === 'VALIDATE');
  assert.ok(validate.gaps >= 1);
  const owners = withGap.phases.filter((p) => p.name !== 'VALIDATE' && p.gaps > 0);
  assert.ok(owners.length >= 1, 'the gap is also drawn on the phase whose artifact needs the fix');
  for (const p of owners) assert.ok(isGapBadge(p.badge), `${p.name} shows its gap: "${p.badge}"`);
  await page.screenshot({ path: path.join(OUT, 'gaps.png') });

  // The store is the truth: a reload draws the same gaps.
  await page.reload();
  await waitForApp(page);
  await waitForProject(page);
  const reloaded = await waitForState(page, (s) => s.phases.some((p) => p.name === 'VALIDATE' && isGapBadge(p.badge)),
                                      'the gap after a reload');
  assert.deepEqual(reloaded.phases.map((p) => p.gaps), withGap.phases.map((p) => p.gaps));
  assert.deepEqual(errors, []);
  await context.close();
});
