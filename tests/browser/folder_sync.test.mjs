// "Save to folder…" and "Sync from folder…" in Chromium (issue #17 points 3
// and 5): the run's pack saved into a folder in Spec Kit's layout, a file of
// it edited, synced back as a new user version of prd.md with that section
// changed; the same section edited on both sides shown as a conflict with
// nothing changed; a file that is not UTF-8 refused; and the zip the page
// offers where there is no directory picker unzips to the same tree.
//
// Headless Chromium cannot show window.showDirectoryPicker, so the test sets
// window.specwaveFolder.testDirectory (web/folder_sync.js) to a folder of the
// origin private file system (navigator.storage.getDirectory()): the same
// FileSystemDirectoryHandle interface the picker returns, written and read by
// the same code. The picker call itself is the one line not exercised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { runToTheEnd, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser }
  from './support.mjs';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

// In the page: an OPFS folder as the picked folder, emptied first.
async function useOpfsFolder(page, name) {
  await page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    try { await root.removeEntry(name, { recursive: true }); } catch (e) { /* not there */ }
    window.specwaveFolder.testDirectory = await root.getDirectoryHandle(name, { create: true });
  }, name);
}

function readInFolder(page, path) {
  return page.evaluate(async (path) => {
    let d = window.specwaveFolder.testDirectory;
    const parts = path.split('/');
    for (const p of parts.slice(0, -1)) d = await d.getDirectoryHandle(p);
    return (await (await d.getFileHandle(parts.at(-1))).getFile()).text();
  }, path);
}

function writeInFolder(page, path, data) {
  return page.evaluate(async ({ path, data }) => {
    let d = window.specwaveFolder.testDirectory;
    const parts = path.split('/');
    for (const p of parts.slice(0, -1)) d = await d.getDirectoryHandle(p);
    const w = await (await d.getFileHandle(parts.at(-1))).createWritable();
    await w.write(typeof data === 'string' ? data : new Uint8Array(data));
    await w.close();
  }, { path, data });
}

// spec.md with FR-002's statement changed by `suffix`.
function editedSpec(spec, suffix) {
  const lines = spec.split('\n');
  const at = lines.findIndex((l) => l.startsWith('- **FR-002**:'));
  assert.ok(at >= 0, 'spec.md states FR-002');
  lines[at] = lines[at].replace(/[.;]?$/, ` ${suffix};`);
  return lines.join('\n');
}

async function prdVersions(page) {
  await page.evaluate(() => window.specwave.openArtifact('prd.md'));
  return waitForState(page, (s) => s.open_artifact === 'prd.md' && s.open_versions >= 1, 'prd.md');
}

test('save to a folder, edit a file there, sync it back as your edit', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  assert.equal((await runToTheEnd(page)).run_status, 'succeeded');
  const before = await prdVersions(page);

  await useOpfsFolder(page, 'folder-sync-test');
  const saved = await page.evaluate(() => window.specwave.folder.save('speckit'));
  assert.ok(saved.files > 5, `wrote ${saved.files} files`);
  const manifest = JSON.parse(await readInFolder(page, '.specwave/manifest.json'));
  assert.equal(manifest.layout, 'speckit');
  const paths = Array.isArray(manifest.files) ? manifest.files.map((f) => f.path ?? f[0]) : Object.keys(manifest.files);
  const SPEC = paths.find((p) => /^specs\/001-[^/]+\/spec\.md$/.test(p));
  assert.ok(SPEC, `a feature folder's spec.md among ${paths.join(', ')}`);
  const spec = await readInFolder(page, SPEC);
  await writeInFolder(page, SPEC, editedSpec(spec, 'and shows the sea state along it'));

  const result = await page.evaluate(() => window.specwave.folder.sync());
  assert.deepEqual(result.conflicts, []);
  assert.deepEqual(result.changed_files, [SPEC]);
  assert.deepEqual(result.recorded, ['prd.md']);
  const after = await waitForState(page, (s) => s.open_artifact === 'prd.md' && s.open_versions === before.open_versions + 1,
                                   'the synced version of prd.md');
  assert.equal(after.open_author, 'user', 'recorded as the person\'s edit');
  assert.ok(after.impact && after.impact.sections === 1, 'one section changed, its impact shown');
  assert.match(after.banner, /recorded as your edits: prd\.md/);
  const prd = await page.evaluate(() => window.specwave.openContent());
  assert.match(prd, /and shows the sea state along it/);
  assert.equal(await readInFolder(page, SPEC), editedSpec(spec, 'and shows the sea state along it'),
               'the person\'s file is not overwritten');

  // The same statement changed in the app and, differently, in the folder:
  // a conflict, shown, and nothing recorded or written.
  const synced = await readInFolder(page, SPEC);
  await page.evaluate((t) => window.specwave.save('prd.md', t), prd.replace('and shows the sea state along it', 'and the wind'));
  await waitForState(page, (s) => s.open_versions === before.open_versions + 2, 'the app edit');
  await writeInFolder(page, SPEC, synced.replace('and shows the sea state along it', 'and the swell'));
  const conflict = await page.evaluate(() => window.specwave.folder.sync());
  assert.equal(conflict.conflicts.length, 1);
  assert.equal(conflict.conflicts[0].artifact, 'prd.md');
  const shown = await waitForState(page, (s) => /CONFLICT prd\.md > /.test(s.banner), 'the conflict in the banner');
  assert.equal(shown.open_versions, before.open_versions + 2, 'nothing recorded');

  // A file that is not UTF-8: refused, naming it.
  await writeInFolder(page, SPEC, [0x23, 0x20, 0xff, 0xfe, 0x0a]);
  const bad = await page.evaluate(() => window.specwave.folder.sync().then(() => 'synced', (e) => e.message));
  assert.equal(bad, `${SPEC}: not UTF-8 text`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where there is no directory picker, the zip holds the same tree', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  assert.equal((await runToTheEnd(page)).run_status, 'succeeded');
  const tree = (await page.evaluate(() => window.specwave.folder.exportTree('kiro'))).files;
  // As a browser without showDirectoryPicker: save() falls back to the zip.
  await page.evaluate(() => { delete window.showDirectoryPicker; window.showDirectoryPicker = undefined; });
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.evaluate(() => window.specwave.folder.save('kiro'))]);
  assert.equal(download.suggestedFilename(), 'specwave-kiro.zip');
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const unzipped = Object.fromEntries(Object.entries(entries).map(([p, b]) => [p, strFromU8(b)]));
  assert.deepEqual(Object.keys(unzipped).sort(), Object.keys(tree).sort());
  assert.deepEqual(unzipped, tree);
  assert.ok(Object.keys(tree).some((p) => p.startsWith('.kiro/specs/')), 'a Kiro layout');
  assert.deepEqual(errors, []);
  await context.close();
});
