// Bad stored data in the browser (issue #5): a database written by a newer
// Specwave, and a damaged one, put into OPFS before the app opens it. Each
// gives a clear message and a way out, and nothing is silently lost: the
// newer one is shown read-only; the damaged one shows a read-only copy of
// what could be read (exportable), and ?new-database=1 starts afresh with the
// damaged file kept byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, OUT, offlineProjectDb, serveStatic, launchBrowser, finishRun, waitForApp, waitForState } from './support.mjs';

let server;
let browser;
let good;
before(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  // A real project database from the CLI, in the rollback-journal format the
  // browser uses (the CLI writes WAL).
  good = offlineProjectDb('bad-data-good');
  python(`import sqlite3; c = sqlite3.connect(${JSON.stringify(good)}); c.execute('PRAGMA journal_mode=DELETE'); c.close()`);
});
after(async () => {
  await browser?.close();
  server?.stop();
});

function python(code) {
  execFileSync('python3', ['-c', code]);
}

const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

// Any same-origin document will do to reach OPFS before the app runs.
async function putDatabase(page, bytes) {
  await page.goto(server.url + 'build.json');
  await page.evaluate(async (b64) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('specwave', { create: true });
    for (const n of ['specwave.db', 'specwave.db-journal']) {
      try { await dir.removeEntry(n); } catch (e) { /* absent */ }
    }
    const w = await (await dir.getFileHandle('specwave.db', { create: true })).createWritable();
    await w.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    await w.close();
  }, Buffer.from(bytes).toString('base64'));
}

// Puts `bytes` into OPFS as the database, opens the app on it in a fresh
// context, runs body(page) and closes the context.
async function withAppOnDatabase(bytes, body) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await putDatabase(page, bytes);
    await page.goto(server.url);
    await waitForApp(page);
    return await body(page);
  } finally {
    await context.close();
  }
}

async function opfsFiles(page) {
  await page.goto(server.url + 'build.json');
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('specwave');
    const out = {};
    for await (const [name, h] of dir.entries()) {
      const bytes = new Uint8Array(await (await h.getFile()).arrayBuffer());
      out[name] = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
        .map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    return out;
  });
}

test('a database written by a newer Specwave is shown read-only, and says why', async () => {
  const newer = path.join(OUT, 'bad-data-newer.db');
  fs.copyFileSync(good, newer);
  python(`import sqlite3; c = sqlite3.connect(${JSON.stringify(newer)}); c.execute('PRAGMA user_version = 99'); c.commit(); c.close()`);
  const bytes = fs.readFileSync(newer);
  await withAppOnDatabase(bytes, async (page) => {
    const s = await waitForState(page, (st) => st.artifacts > 0, 'the project from the newer database');
    assert.equal(s.read_only, true);
    assert.match(s.banner, /written by a newer Specwave \(schema 99 > \d+\): it is shown read-only; update Specwave/);
    assert.equal(s.artifacts, 14, 'every artifact is readable');
    await page.evaluate(() => window.specwave.run(0));  // refused: nothing is written
    const files = await opfsFiles(page);
    assert.equal(files['specwave.db'], sha(bytes), 'the file is unchanged (not migrated down, not rewritten)');
  });
});

test('a damaged database: a read-only copy of what could be read, export, then a new database', async () => {
  const bytes = Buffer.from(fs.readFileSync(good));
  // Damage the b-tree header of the page holding the last artifact version
  // (the validation report's text): one leaf of artifact_versions.
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const text = bytes.lastIndexOf(Buffer.from('Validation report'));
  assert.ok(text > 0);
  const at = Math.floor(text / pageSize) * pageSize;
  bytes.fill(0xff, at, at + 8);
  await withAppOnDatabase(bytes, async (page) => {
    const s = await waitForState(page, (st) => /damaged/.test(st.banner), 'the damage to be reported');
    assert.equal(s.read_only, true, s.banner);
    assert.match(s.banner, /the database file is damaged; shown read-only is what could be read from it \(1 project/);
    assert.match(s.banner, /\?new-database=1/);
    const shown = await waitForState(page, (st) => st.artifacts > 0, 'what could be read');
    console.log(`# damaged database: ${shown.artifacts} of 14 artifacts could be read; banner: ${shown.banner}`);
    const exported = await page.evaluate(() => window.specwave.exportProject());
    assert.match(exported.name, /\.specwave\.json$/);
    const bundle = JSON.parse(exported.content);
    const versions = bundle.artifacts.reduce((n, a) => n + a.versions.length, 0);
    assert.equal(versions, shown.artifacts, 'the export holds every version that could be read');
    assert.equal((await opfsFiles(page))['specwave.db'], sha(bytes), 'the damaged file is left as it was');

    await page.goto(server.url + '?new-database=1');
    await page.click('#new-db-confirm');  // a link alone does not set a database aside: the page asks
    await waitForApp(page).catch(async (e) => {
      throw new Error(`${e.message}; the page says: ${await page.textContent('#boot-message').catch(() => '?')}`);
    });
    const fresh = await waitForState(page, (st) => st.spec_phases > 0 && !st.read_only, 'a new, writable database');
    assert.equal(fresh.banner, '');
    assert.equal(new URL(page.url()).search, '', 'the parameter is dropped, so a reload does not repeat it');
    const files = await opfsFiles(page);
    const kept = Object.keys(files).filter((n) => /^damaged-.*\.db$/.test(n));
    assert.equal(kept.length, 1, `the damaged file is kept: ${Object.keys(files)}`);
    assert.equal(files[kept[0]], sha(bytes), 'byte for byte');
    assert.notEqual(files['specwave.db'], sha(bytes));

    // The set-aside file is not stuck: the Projects panel lists it, it
    // downloads byte for byte (for `specwave export --salvage`), and a
    // delete gives its space back.
    await page.goto(server.url);
    await waitForApp(page);
    const listed = await page.evaluate(() => window.specwave.setAsideFiles());
    assert.deepEqual(listed, [{ name: kept[0], bytes: bytes.length }]);
    await page.evaluate(() => window.specwave.showTab('projects'));
    await waitForState(page, (st) => st.set_aside_rows_drawn === 1, 'the set-aside file in the Projects panel');
    await page.screenshot({ path: path.join(OUT, 'set-aside-databases.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate((n) => window.specwave.downloadSetAside(n), kept[0]),
    ]);
    assert.equal(download.suggestedFilename(), kept[0]);
    assert.equal(sha(fs.readFileSync(await download.path())), sha(bytes), 'downloaded byte for byte');
    await page.evaluate((n) => window.specwave.deleteSetAside(n), kept[0]);
    await waitForState(page, (st) => st.set_aside_rows_drawn === 0, 'the row to go');
    await assert.rejects(page.evaluate(() => window.specwave.deleteSetAside('specwave.db')), /not a set-aside database/,
                         'only set-aside files can be deleted this way');
    assert.deepEqual(Object.keys(await opfsFiles(page)).filter((n) => n.startsWith('damaged-')), []);
  });
});

test('a file with nothing readable in it: the message still gives the way out', async () => {
  const garbage = Buffer.alloc(64 * 1024, 'not a database. ');
  await withAppOnDatabase(garbage, async (page) => {
    const s = await waitForState(page, (st) => /damaged/.test(st.banner), 'the damage to be reported');
    assert.match(s.banner, /nothing could be read from it/);
    assert.match(s.banner, /\?new-database=1/);
    assert.equal((await opfsFiles(page))['specwave.db'], sha(garbage), 'the file is left as it was');

    // The way out asks first; "keep" (the default) changes nothing.
    await page.goto(server.url + '?new-database=1');
    await page.waitForSelector('#new-db:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'new-db-keep', 'keeping is the default');
    await page.click('#new-db-keep');
    await waitForState(page, (st) => /damaged/.test(st.banner), 'the damage to be reported again');
    assert.equal(new URL(page.url()).search, '', 'the parameter is dropped');
    const files = await opfsFiles(page);
    assert.equal(files['specwave.db'], sha(garbage), 'kept: the file is as it was');
    assert.deepEqual(Object.keys(files).filter((n) => n.startsWith('damaged-')), [], 'nothing set aside');
  });
});

test('storage quota exceeded mid-run: a clear error, completed phases kept, and the run resumes once there is room', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await waitForApp(page);
    await waitForState(page, (st) => st.spec_phases > 0 && st.phases_drawn === st.spec_phases, 'a project');
    // Chromium's DevTools protocol caps this origin's quota just above what
    // it uses now: the first phases fit, a later commit does not.
    const cdp = await context.newCDPSession(page);
    const origin = new URL(server.url).origin;
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 40000 });
    await page.evaluate(() => window.specwave.run(0));
    const stopped = await waitForState(page, (st) => !st.running && st.run_status === 'failed', 'the run to stop');
    assert.match(stopped.banner, /storage is full: the last change was not saved; free space or export the project/);
    const kept = stopped.phases.filter((p) => p.status === 'succeeded').map((p) => p.name);
    assert.ok(kept.length >= 1, 'at least one phase completed before the quota ran out');
    console.log(`# quota exceeded after ${kept.join(', ')}: ${stopped.banner}`);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin });  // room again
    await page.evaluate(() => window.specwave.resume());
    const done = await finishRun(page);
    assert.equal(done.run_status, 'succeeded', done.banner);
    assert.equal(done.artifacts, 14);
    const report = await page.evaluate(() => window.specwave.metrics());
    for (const name of kept) {
      const phase = report.phases.find((p) => p.name === name);
      assert.ok(phase.done_earlier, `${name} was kept from before, not run again`);
    }
  } finally {
    await context.close();
  }
});
