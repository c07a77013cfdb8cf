// Issue #18.5: the first screen — what Specwave does, the sample brief, "Run
// with the offline generator" or "Use my model" — shown on a new device,
// dismissable, and not shown again after a reload. Clicked with the mouse at
// the places the app reports it drew the buttons (state().shell.targets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser } from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

const SETTINGS_TAB = 4;
const click = (page, [x, y, w, h]) => page.mouse.click(x + w / 2, y + h / 2);

test('"Use my model" opens the settings, and the screen does not come back', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  let s = await waitForState(page, (st) => st.shell.first_run_open && st.shell.targets.first_run_model, 'the first screen');
  await page.screenshot({ path: path.join(OUT, 'first-run.png') });
  await click(page, s.shell.targets.first_run_model);
  s = await waitForState(page, (st) => !st.shell.first_run_open, 'the first screen closed');
  assert.equal(s.shell.tab, SETTINGS_TAB, 'the settings are open');
  assert.equal(s.running, false, 'nothing ran');
  await page.reload();
  await waitForApp(page);
  s = await waitForProject(page);
  assert.equal(s.shell.first_run_open, false, 'not shown again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Run with the offline generator" runs the sample project', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  let s = await waitForState(page, (st) => st.shell.first_run_open && st.shell.targets.first_run_offline, 'the first screen');
  await page.screenshot({ path: path.join(OUT, 'first-run-1024x700.png') });
  await click(page, s.shell.targets.first_run_offline);
  s = await waitForState(page, (st) => !st.shell.first_run_open && (st.running || st.run_id > 0), 'a run started');
  assert.equal(s.provider, 'offline');
  await page.evaluate(() => window.specwave.cancel());
  await context.close();
});
