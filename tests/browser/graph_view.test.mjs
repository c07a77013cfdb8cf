// Issue #18.1: the DAG view fits its canvas on load and on resize, zooms and
// pans (wheel, drag, keys + − 0), keeps node names at 12 CSS px or more for
// the default workflow at 1280×800, drops detail when small, and shows a
// minimap when the graph is larger than the view (a generated 200-phase
// workflow). Everything is read from the page's test hook (state().graph).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser } from './support.mjs';
import { largeWorkflow, projectFile } from '../../bench/web/large_workflow.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

const graphOf = (page) => page.evaluate(() => window.specwave.state().graph);
async function frames(page, n = 3) {
  const start = (await page.evaluate(() => window.specwave.state())).frames;
  await waitForState(page, (s) => s.frames >= start + n, `${n} more frames`);
}

test('the default workflow fills its canvas at 1280×800 with names of 12 CSS px or more', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  await page.keyboard.press('Escape');  // the first-run screen
  await frames(page);
  let g = await graphOf(page);
  console.log(`1280×800: ${g.orientation}, canvas ${g.canvas_w}×${g.canvas_h}, graph ${g.graph_w.toFixed(0)}×` +
              `${g.graph_h.toFixed(0)}, fit ratio ${g.fit_ratio.toFixed(3)}, zoom ${g.zoom.toFixed(3)}, names ${g.label_px_min.toFixed(1)} px`);
  assert.ok(g.fit_ratio >= 0.85 && g.fit_ratio <= 1.0, `the graph fills its canvas (fit ratio ${g.fit_ratio})`);
  assert.ok(g.label_px_min >= 12, `node names at ${g.label_px_min} CSS px`);
  assert.equal(g.labels_drawn, 11, 'every name drawn');
  assert.equal(g.labels_cut, 0, 'no name cut');
  assert.equal(g.detail, 'full');
  assert.equal(g.minimap, false, 'no minimap when the graph fits');
  await page.screenshot({ path: path.join(OUT, 'graph-1280x800.png') });

  // Resize: fitted again to the new canvas.
  const fits = g.fits;
  await page.setViewportSize({ width: 1024, height: 700 });
  g = await waitForState(page, (s) => s.graph.fits > fits && s.graph.canvas_w < 700, 'a refit after the resize')
    .then((s) => s.graph);
  console.log(`1024×700: fit ratio ${g.fit_ratio.toFixed(3)}, names ${g.label_px_min.toFixed(1)} px`);
  assert.ok(g.fit_ratio >= 0.85 && g.fit_ratio <= 1.0, `refitted (fit ratio ${g.fit_ratio})`);
  const fitted = g.zoom;

  // Keys: + zooms in about the centre, − out, 0 fits again.
  await page.keyboard.press('+');
  await frames(page);
  g = await graphOf(page);
  assert.ok(g.zoom > fitted * 1.1, `+ zooms in (${fitted} → ${g.zoom})`);
  assert.equal(g.user_moved, true);
  assert.equal(g.minimap, true, 'zoomed in past the canvas: the minimap shows');
  await page.keyboard.press('0');
  await frames(page);
  g = await graphOf(page);
  assert.ok(Math.abs(g.zoom - fitted) < 1e-4, `0 fits again (${g.zoom})`);
  assert.equal(g.minimap, false);
  for (let i = 0; i < 4; ++i) await page.keyboard.press('-');
  await frames(page);
  g = await graphOf(page);
  assert.ok(g.zoom < fitted * 0.5, `− zooms out (${g.zoom})`);
  assert.equal(g.detail, 'names', 'small: names only');
  for (let i = 0; i < 6; ++i) await page.keyboard.press('-');
  await frames(page);
  assert.equal((await graphOf(page)).detail, 'shapes', 'tiny: boxes only');
  await page.keyboard.press('0');
  await frames(page);

  // Wheel at the canvas zooms; a drag pans (the zoom stays).
  const c = { x: g.canvas_x + g.canvas_w / 2, y: g.canvas_y + g.canvas_h / 2 };
  await page.mouse.move(c.x, c.y);
  await page.mouse.wheel(0, -400);
  await frames(page);
  g = await graphOf(page);
  assert.ok(g.zoom > fitted * 1.05, `the wheel zooms in (${g.zoom})`);
  await page.keyboard.press('0');
  await frames(page);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + 80, c.y + 40, { steps: 5 });
  await page.mouse.up();
  await frames(page);
  g = await graphOf(page);
  assert.equal(g.user_moved, true, 'the drag panned');
  assert.ok(Math.abs(g.zoom - fitted) < 1e-4, 'a drag does not zoom');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 200-phase workflow: smallest fitted zoom, names only, and a minimap', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.keyboard.press('Escape');
  const wf = largeWorkflow();
  await page.evaluate((text) => window.specwave.importProject(text), projectFile('Two hundred phases', wf.yaml));
  const s = await waitForState(page, (st) => st.spec_phases === 200 && st.phases_drawn === 200 && st.graph.fits > 0,
                               'the 200-phase project drawn', 120000);
  await frames(page);
  const g = await graphOf(page);
  console.log(`200 phases: ${g.orientation}, zoom ${g.zoom}, detail ${g.detail}, ${g.nodes_on_screen} on screen, ` +
              `names ${g.label_px_min.toFixed(1)} px, ${g.labels_cut} cut`);
  assert.equal(s.edges_drawn, wf.edges, 'every edge drawn');
  assert.equal(g.zoom, 0.5, 'fitted no smaller than the readable minimum');
  assert.equal(g.detail, 'names');
  assert.equal(g.minimap, true, 'larger than the view: a minimap');
  assert.ok(g.nodes_on_screen < 200, 'nodes off screen are not drawn');
  await page.screenshot({ path: path.join(OUT, 'graph-200-phases.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
