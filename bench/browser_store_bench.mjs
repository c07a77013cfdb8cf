#!/usr/bin/env node
// Browser storage benchmark (issue #5): what bench/store_bench.cpp measures
// natively, measured in Debian's Chromium on real, on-disk OPFS through the
// web app's own store (bench/web/store_web_bench.cpp). Prints one run's
// numbers, and the native ones beside them when build/native has the bench.
// Not a test: no thresholds.
//
//   cmake --build build/web --target specwave_bench_store_web
//   node bench/browser_store_bench.mjs [--opens N] [--no-native]
//
// A persistent browser profile (in a temporary folder), because Chromium
// keeps an incognito context's OPFS in memory, which would not be OPFS as a
// user has it. Each open is a fresh page, as a page load opens the database.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM_FLAGS, serveStatic } from '../tests/browser/support.mjs';

const args = process.argv.slice(2);
const opens = Number(args[args.indexOf('--opens') + 1]) || 5;
const SITE = path.join(ROOT, 'build', 'web', 'bench', 'web');
const NATIVE = path.join(ROOT, 'build', 'native', 'bench', 'specwave_bench_store');

if (!existsSync(path.join(SITE, 'store_bench.js'))) {
  console.error(`browser_store_bench: ${SITE}/store_bench.js is missing; build it with\n` +
                '  cmake --preset web   # once, or scripts/build-web.sh\n' +
                '  cmake --build build/web --target specwave_bench_store_web');
  process.exit(2);
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

// Loads the page for one step in a new tab and returns its BENCH result.
async function step(context, url, name) {
  const page = await context.newPage();
  try {
    await page.goto(`${url}store_bench.html?step=${name}`);
    const line = await page.waitForFunction(() => {
      const text = document.getElementById('out').textContent;
      return /^BENCH(-ERROR)? .*$/m.exec(text)?.[0];
    }, null, { timeout: 600000, polling: 100 });
    const text = await line.jsonValue();
    if (text.startsWith('BENCH-ERROR')) throw new Error(`step ${name}: ${text}`);
    return JSON.parse(text.slice('BENCH '.length));
  } finally {
    await page.close();
  }
}

async function fileSize(context, url, name) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(async (n) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('specwave');
      return (await (await dir.getFileHandle(n)).getFile()).size;
    }, name);
  } finally {
    await page.close();
  }
}

const server = await serveStatic(SITE, { isolated: true });
const profile = mkdtempSync(path.join(os.tmpdir(), 'specwave-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS,
});
try {
  const probe = await context.newPage();
  await probe.goto(server.url);
  const agent = await probe.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  await probe.close();
  console.log(`Specwave storage benchmark in the browser — ${agent}, headless, OPFS on disk (profile ${profile})`);
  console.log('SQLite 3.40 in the app\'s wasm, our OPFS VFS on a database thread, TRUNCATE journal, EXCLUSIVE lock, ' +
              'synchronous=FULL; calls through a StoreThread from another thread, as the engine makes them.\n');

  const c = await step(context, server.url, 'commit');
  const row = (label, s) => `  ${label.padEnd(40)} median ${ms(s.median)}  p90 ${ms(s.p90)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`;
  console.log(`1. commit latency (${c.add_version.n} commits of ~4 KB versions each):`);
  console.log(row('AddVersion (one version)', c.add_version));
  console.log(row('CommitPhase (3 versions + phase_run)', c.commit_phase));
  console.log(`  (opening the new, empty database took ${ms(c.empty_open_ms)}: store thread + OPFS handles + SQLite)`);

  const f = await step(context, server.url, 'fill');
  const bytes = await fileSize(context, server.url, 'bench-10k.db');
  console.log(`\n2. project with ${f.versions} versions (40 artifacts x 250, ~3 KB each); written in one ` +
              `transaction in ${f.ms.toFixed(0)} ms, file ${(bytes / 1e6).toFixed(1)} MB`);
  const runs = [];
  for (let i = 0; i < opens; ++i) runs.push(await step(context, server.url, 'open'));
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(`  open (store thread + OPFS handles + SQLite open with quick_check), median of ${opens}: ` +
              `${ms(m('open_ms'))} | ListProjects+ListArtifacts ${ms(m('list_ms'))} | ` +
              `40 x LatestVersion ${ms(m('latest_ms'))}`);
  console.log(`  open to latest versions shown, median ${ms(m('total_ms'))} ` +
              `(each: ${runs.map((r) => r.total_ms.toFixed(1)).join(', ')} ms)`);
} finally {
  await context.close();
  server.stop();
  rmSync(profile, { recursive: true, force: true });
}

if (!args.includes('--no-native')) {
  if (!existsSync(NATIVE)) {
    console.log(`\n(native comparison skipped: ${NATIVE} is not built)`);
  } else {
    // The same measurements natively, for comparison (a file in the build tree).
    const out = execFileSync(NATIVE, { encoding: 'utf8' });
    const keep = out.split("\n").filter((l) => /^[12]\. |TRUNCATE \+ EXCLUSIVE|shipped\)|^ {2}open /.test(l));
    console.log('\nnative (build/native/bench/specwave_bench_store, same data, same settings where it says so):');
    for (const l of keep) console.log(`  ${l.trim()}`);
  }
}
