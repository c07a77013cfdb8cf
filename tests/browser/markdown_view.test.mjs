// Issue #18.2: markdown tables are drawn as ImGui tables (a header row,
// column widths, a horizontal scrollbar when wider than the panel), text
// wraps at the panel's width, code blocks scroll in their own box, and
// nothing is drawn past the panel's edge — read from state().markdown, what
// the markdown view reports it drew. The artifact is imported with the
// default workflow's project, so no run is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { OUT, ROOT, waitForApp, waitForState, watchConsole, siteAndBrowser } from './support.mjs';
import { projectFile } from '../../bench/web/large_workflow.mjs';

const NOTES = `# Notes with tables

A paragraph long enough to wrap several times inside the side panel, so that it would run past the panel's edge if it were drawn on one line the way a code block is, which is exactly what must not happen to prose.

| token | role | share |
|---|---|---|
| background | base | 60% |
| surface | panels | 30% |
| accent | action | 10% |

| a very wide column heading that needs room | another wide column heading | a third wide heading | fourth | fifth heading, wide too |
|---|---|---|---|---|
| cell text that is fairly long as well | more cell text here | and here | x | the last cell of the row |

\`\`\`
const aVeryLongLineOfCode = computeSomethingWithAVeryLongName(argumentNumberOne, argumentNumberTwo, argumentNumberThree);
\`\`\`

See [the guide](https://example.com/guide) — shown as text, never fetched.
`;

const env = siteAndBrowser();  // the built site on a static server, one Chromium

test('tables are tables, prose wraps, code and wide tables scroll in their own boxes', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = watchConsole(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.keyboard.press('Escape');
  const yaml = readFileSync(path.join(ROOT, 'assets/workflows/default.yml'), 'utf8');
  await page.evaluate((text) => window.specwave.importProject(text), projectFile('Tables', yaml, { 'notes.md': NOTES }));
  await waitForState(page, (s) => s.project_name === 'Tables' && s.artifacts === 1, 'the imported project');
  await page.evaluate(() => window.specwave.openArtifact('notes.md'));
  const s = await waitForState(page, (st) => st.open_artifact === 'notes.md' && st.markdown.tables > 0,
                               'notes.md drawn with its tables');
  const m = s.markdown;
  console.log(JSON.stringify(m));
  await page.screenshot({ path: path.join(OUT, 'markdown-tables.png') });
  assert.equal(m.tables, 2, 'two ImGui tables');
  assert.equal(m.table_rows, 6, 'every row inside them');
  assert.equal(m.header_rows, 2, 'each with its header row');
  assert.equal(m.max_columns, 5);
  assert.equal(m.scrolling_tables, 1, 'the wide one scrolls horizontally');
  assert.equal(m.code_blocks, 1, 'the code block in its own scrolling box');
  assert.equal(m.blocks_overflowing, 0, 'nothing drawn past the panel edge');
  assert.ok(!requests.some((u) => u.includes('example.com')), 'the link was not fetched');
  assert.deepEqual(errors, []);
  await context.close();
});
