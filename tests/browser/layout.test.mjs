// Issues #18.3 and #18.7: no label cut off at 1024×700 and 1280×800 in any
// side panel (the labelled widgets check themselves and report cut labels to
// the test hook: state().shell.clipped_labels); the graph/panel split is
// dragged and remembered across a reload, and so is the timeline folded.
// Saves the screenshots of both sizes after a full offline run under
// build/browser/ (layout-1280x800.png, layout-1024x700.png, ...).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, waitForApp, waitForProject, waitForState, watchConsole, runToTheEnd, siteAndBrowser }
  from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

async function frames(page, n = 3) {
  const start = (await page.evaluate(() => window.specwave.state())).frames;
  return waitForState(page, (s) => s.frames >= start + n, `${n} more frames`);
}

const TABS = ['phase', 'artifact', 'impact', 'run', 'settings', 'projects'];

for (const [width, height] of [[1280, 800], [1024, 700]]) {
  test(`no clipped label at ${width}×${height}, after a full run`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(env.server.url);
    await waitForApp(page);
    await waitForProject(page);
    await page.keyboard.press('Escape');
    await runToTheEnd(page);
    await page.evaluate(() => window.specwave.command('phase:SPEC_ARCHITECT'));
    await page.evaluate(() => window.specwave.openArtifact('design-tokens.md'));
    // The hosted-provider form has the most labels: model, base URL, key, remember.
    await page.evaluate(() => window.specwave.settings({ provider: 'openai', model: 'gpt-4o-mini' }));
    const clipped = {};
    let checked = 0;
    for (const tab of TABS) {
      await page.evaluate((t) => window.specwave.showTab(t), tab);
      const s = await frames(page);
      clipped[tab] = s.shell.clipped_labels;
      checked += s.shell.labels_checked;
      if (tab === 'settings' || tab === 'artifact')
        await page.screenshot({ path: path.join(OUT, `layout-${width}x${height}-${tab}.png`) });
    }
    console.log(`${width}×${height}: ${checked} labels checked over ${TABS.length} panels; cut: ${JSON.stringify(clipped)}`);
    assert.ok(checked > TABS.length * 6, 'the labels were checked (the tab labels and the fields)');
    for (const tab of TABS) assert.deepEqual(clipped[tab], [], `no label cut in the ${tab} panel`);
    await page.evaluate(() => window.specwave.showTab('run'));
    await frames(page);
    await page.screenshot({ path: path.join(OUT, `layout-${width}x${height}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the split and the folded timeline are remembered across a reload', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  await page.keyboard.press('Escape');
  let s = await frames(page);
  assert.equal(s.shell.side_w, 0, 'the default split');
  const [x, y, w, h] = s.shell.targets.splitter;
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.mouse.down();
  await page.mouse.move(x + w / 2 - 120, y + h / 2, { steps: 6 });
  await page.mouse.up();
  s = await frames(page);
  assert.ok(Math.abs(s.shell.side_w - 560) < 4, `dragged 120 px: the panel is ${s.shell.side_w} px`);
  const canvasBefore = s.graph.canvas_w;
  const [fx, fy, fw, fh] = s.shell.targets.timeline_fold;
  await page.mouse.click(fx + fw / 2, fy + fh / 2);
  s = await frames(page);
  assert.equal(s.shell.timeline_open, false, 'the timeline folded');

  await page.reload();
  await waitForApp(page);
  s = await waitForProject(page);
  s = await frames(page);
  assert.ok(Math.abs(s.shell.side_w - 560) < 4, `the split remembered (${s.shell.side_w})`);
  assert.ok(Math.abs(s.graph.canvas_w - canvasBefore) < 2, 'the graph canvas as wide as before');
  assert.equal(s.shell.timeline_open, false, 'the timeline still folded');
  assert.equal(s.shell.first_run_open, false, 'the first screen not shown again');
  await context.close();
});
