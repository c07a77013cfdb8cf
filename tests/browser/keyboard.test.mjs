// Issue #18.4: the app without a mouse — Tab and the arrows through phases,
// Enter opens, R runs, Esc closes, Ctrl+K a command palette with every
// command and artifact, "?" the keys. Real key presses, state from the hook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser } from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

const PHASE_TAB = 0;
const ARTIFACT_TAB = 1;

async function after_frames(page, n = 3) {
  const start = (await page.evaluate(() => window.specwave.state())).frames;
  return waitForState(page, (s) => s.frames >= start + n, `${n} more frames`);
}

test('phases, the palette, the keys overlay and a run, all from the keyboard', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  const start = await waitForProject(page);
  assert.equal(start.shell.first_run_open, true, 'a new device sees the first screen');
  await page.keyboard.press('Escape');
  let s = await after_frames(page);
  assert.equal(s.shell.first_run_open, false, 'Esc closes it');

  await page.keyboard.press('Tab');
  s = await after_frames(page);
  const names = s.phases.map((p) => p.name);
  assert.equal(names[s.shell.selected_phase], 'ANALYSIS', 'Tab starts at the first phase');
  assert.equal(s.graph.labels_drawn, 11);
  await page.keyboard.press('Tab');
  s = await after_frames(page);
  const second = s.shell.selected_phase;
  assert.notEqual(names[second], 'ANALYSIS', 'Tab moves on');
  await page.keyboard.press('Shift+Tab');
  s = await after_frames(page);
  assert.equal(names[s.shell.selected_phase], 'ANALYSIS', 'Shift+Tab moves back');
  // ANALYSIS is the only phase of its level: going deeper leaves it.
  await page.keyboard.press(s.graph.orientation === 'top-down' ? 'ArrowDown' : 'ArrowRight');
  s = await after_frames(page);
  const deeper = names[s.shell.selected_phase];
  assert.ok(['STACK_SELECTION', 'SPEC_DESIGN_TOKENS', 'SPEC_PM'].includes(deeper), `an arrow goes one level on (${deeper})`);
  await page.evaluate(() => window.specwave.showTab('run'));
  await after_frames(page);
  await page.keyboard.press('Enter');
  s = await after_frames(page);
  assert.equal(s.shell.tab, PHASE_TAB, 'Enter opens the phase');
  await page.keyboard.press('Escape');
  s = await after_frames(page);
  assert.equal(s.shell.selected_phase, -1, 'Esc clears the choice');

  await page.keyboard.press('?');
  s = await after_frames(page);
  assert.equal(s.shell.help_open, true, '? shows the keys');
  await page.screenshot({ path: path.join(OUT, 'keys-overlay.png') });
  await page.keyboard.press('Escape');
  s = await after_frames(page);
  assert.equal(s.shell.help_open, false);

  await page.keyboard.press('Control+k');
  s = await after_frames(page);
  assert.equal(s.shell.palette_open, true, 'Ctrl+K opens the palette');
  assert.equal(s.shell.palette_commands, 18 + s.spec_phases + s.artifacts, 'every command, phase and artifact');
  await page.keyboard.type('zoom in');
  s = await after_frames(page);
  assert.equal(s.shell.palette_items, 1, 'filtered as one types');
  const zoom = s.graph.zoom;
  await page.keyboard.press('Enter');
  s = await after_frames(page);
  assert.equal(s.shell.palette_open, false, 'Enter runs and closes');
  assert.equal(s.shell.last_command, 'zoom-in');
  assert.ok(s.graph.zoom > zoom, 'and the command ran');

  await page.keyboard.press('r');
  s = await waitForState(page, (st) => st.running || st.run_id > 0, 'R to start a run');
  // The run reaches its approval gate; the palette lists its artifacts.
  await waitForState(page, (st) => st.pending_gates.length > 0, 'the gate', 120000);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('open prd');
  s = await after_frames(page);
  assert.equal(s.shell.palette_items, 1, 'an artifact in the palette');
  await page.keyboard.press('Enter');
  s = await waitForState(page, (st) => st.open_artifact === 'prd.md', 'prd.md opened from the palette');
  assert.equal(s.shell.tab, ARTIFACT_TAB);
  await page.keyboard.press('Control+k');
  s = await after_frames(page);
  await page.keyboard.press('Escape');
  s = await after_frames(page);
  assert.equal(s.shell.palette_open, false, 'Esc closes the palette');
  await page.evaluate(() => window.specwave.cancel());
  assert.deepEqual(errors, []);
  await context.close();
});
