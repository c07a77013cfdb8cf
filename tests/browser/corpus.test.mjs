// Issue #14, point 10, in the browser: the default workflow through fetch()
// to the local LLM test server answering from the reply corpus
// (tests/corpus: our own texts in the habits real models show). The same
// variants the native check (tests/corpus/tools/check_corpus_runs.py) runs
// through the CLI:
//   compliant-short   succeeds with 0 gaps and no repair call
//   drifting          succeeds: its preambles, fences and envelope fields
//                     cleaned (notes on the phases), one repair call counted
//   hostile/refusal   SPEC_PM refuses: the run fails naming it, no prd.md is
//                     stored, and the refusal is readable on the phase
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, DIST, serveStatic, launchBrowser, waitForApp, waitForProject, waitForState } from './support.mjs';

const CORPUS = path.join(ROOT, 'tests/corpus');

function startCorpusServer(folders) {
  return new Promise((resolve, reject) => {
    const args = [path.join(ROOT, 'tests/support/llm_test_server.py'), '--port', '0'];
    for (const f of folders) args.push('--corpus', path.join(CORPUS, f));
    const proc = spawn('python3', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/LISTENING (\d+)/);
      if (m) resolve({ proc, url: `http://127.0.0.1:${m[1]}` });
    });
    proc.on('exit', (code) => reject(new Error(`LLM test server exited (${code})`)));
  });
}

// Runs the open project to its end, approving the architecture gate if the
// run gets there (a run that fails early never does).
async function runThrough(page) {
  await page.evaluate(() => window.specwave.run(0));
  await waitForState(page, (s) => s.running || s.pending_gates.length > 0 || s.run_status !== '', 'the run to start');
  const end = Date.now() + 180000;
  for (;;) {
    const s = await page.evaluate(() => window.specwave.state());
    if (s.pending_gates.includes('SPEC_ARCHITECT/architecture_approved'))
      await page.evaluate(() => window.specwave.approve('SPEC_ARCHITECT', 'architecture_approved'));
    else if (!s.running && s.run_status && s.run_status !== 'running') return s;
    if (Date.now() > end) throw new Error(`the run did not end: ${JSON.stringify(s.banner)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stats(server) {
  return (await fetch(server.url + '/_stats')).json();
}

let site;
let browser;
before(async () => {
  site = await serveStatic(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.stop();
});

async function runVariant(folders) {
  const server = await startCorpusServer(folders);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await waitForApp(page);
    await waitForProject(page);
    await page.evaluate((url) => window.specwave.settings({ provider: 'openai', model: 'gpt-4o', base_url: url,
                                                              key: 'sk-corpus-test-key-0000000000000' }),
                        server.url + '/v1');
    await waitForState(page, (s) => s.provider === 'openai', 'the provider setting');
    const end = await runThrough(page);
    return { end, stats: await stats(server) };
  } finally {
    await context.close();
    server.proc.kill();
  }
}

const gapsOf = (s) => s.phases.reduce((n, p) => n + p.gaps, 0);
const repairsOf = (st) => Object.entries(st.by_label || {}).filter(([l]) => l.endsWith('#repair'))
  .reduce((n, [, c]) => n + c, 0);

test('compliant-short corpus: the run succeeds with 0 gaps and no repair', { timeout: 240000 }, async () => {
  const { end, stats: st } = await runVariant(['compliant-short']);
  assert.equal(end.run_status, 'succeeded', end.banner);
  assert.equal(end.artifacts, 14);
  assert.equal(gapsOf(end), 0);
  assert.equal(repairsOf(st), 0);
});

test('drifting corpus: cleaned and repaired, the run succeeds with 0 gaps', { timeout: 240000 }, async () => {
  const { end, stats: st } = await runVariant(['drifting']);
  assert.equal(end.run_status, 'succeeded', end.banner);
  assert.equal(end.artifacts, 14);
  assert.equal(gapsOf(end), 0);
  assert.equal(repairsOf(st), 1, JSON.stringify(st.by_label));
  // What the cleaner removed stays on the phases that succeeded.
  assert.ok(end.phases.filter((p) => p.status === 'succeeded' && p.notes > 0).length >= 5,
            JSON.stringify(end.phases.map((p) => [p.name, p.notes])));
  assert.equal(end.phases.find((p) => p.name === 'SPEC_DESIGN_TOKENS').repair_calls, 1);
});

test('hostile refusal: the run fails at SPEC_PM, nothing of it is stored, its words are readable',
     { timeout: 240000 }, async () => {
  const { end } = await runVariant(['compliant', 'hostile/refusal']);
  assert.equal(end.run_status, 'failed', end.banner);
  const pm = end.phases.find((p) => p.name === 'SPEC_PM');
  assert.equal(pm.status, 'failed');
  assert.ok(!end.artifact_names.includes('prd.md'), JSON.stringify(end.artifact_names));
  assert.ok(pm.raw_reply.length > 0, 'the refused reply is kept on the phase');
  assert.match(pm.reason + ' ' + end.banner, /refus/i);
});
