// The default workflow in the browser through fetch() to the local LLM test
// server (tests/support/llm_test_server.py) on another origin, once per
// protocol: CORS preflights, streamed bodies, a 429 and a cut stream retried,
// and at least two model calls in flight at the same moment. Then a server
// that sends no CORS headers: the failure says CORS and how to fix it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, OUT, CLI, serveStatic, launchBrowser, waitForApp, waitForProject, waitForState, watchCsp }
  from './support.mjs';

function startLlmServer(args) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(ROOT, 'tests/support/llm_test_server.py'), '--port', '0', ...args],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/LISTENING (\d+)/);
      if (m) resolve({ proc, port: Number(m[1]), url: `http://127.0.0.1:${m[1]}` });
    });
    proc.on('exit', (code) => reject(new Error(`LLM test server exited (${code})`)));
  });
}

async function control(server, p, body) {
  const r = await fetch(server.url + p, body === undefined ? {} :
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
}

let site;
let browser;
let llm;
before(async () => {
  // Script the server with the offline generator's replies (native CLI, built before the browser tests).
  fs.mkdirSync(OUT, { recursive: true });
  const replies = path.join(OUT, 'hosted-replies.json');
  execFileSync(CLI, ['run', '--spec', path.join(ROOT, 'assets/workflows/default.yml'),
                     '--brief', path.join(ROOT, 'assets/briefs/tidewater.md'), '--db', ':memory:', '--auto-approve',
                     '--quiet', '--record-replies', replies]);
  llm = await startLlmServer(['--replies', replies, '--latency-ms', '300', '--chunk-ms', '5', '--chunk-size', '400']);
  site = await serveStatic(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.stop();
  llm?.proc.kill();
});

for (const provider of ['openai', 'anthropic']) {
  test(`default workflow through fetch to a local ${provider} server`, { timeout: 240000 }, async () => {
    await control(llm, '/_control/reset', {});
    await control(llm, '/_control/faults', [
      { label: 'SPEC_PM', kind: '429', retry_after: '1', times: 1 },
      { label: 'SPEC_DESIGN_TOKENS', kind: 'cut', times: 1 },
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await watchCsp(context);
    const page = await context.newPage();
    await page.goto(site.url);
    await waitForApp(page);
    await waitForProject(page);
    await page.evaluate(([p, url]) => window.specwave.settings({ provider: p, model: 'test-model', base_url: url,
                                                                   key: 'sk-browser-test-key-000000000000' }),
                        [provider, llm.url + '/v1']);
    await waitForState(page, (s) => s.provider === provider, 'the provider setting');
    await page.evaluate(() => window.specwave.run(0));
    const gate = await waitForState(page, (s) => s.pending_gates.length > 0 || (!s.running && s.run_status), 'the gate',
                                    120000);
    assert.deepEqual(gate.pending_gates, ['SPEC_ARCHITECT/architecture_approved'], gate.banner);
    await page.evaluate(() => window.specwave.approve('SPEC_ARCHITECT', 'architecture_approved'));
    const done = await waitForState(page, (s) => !s.running && s.run_status !== 'running' && s.run_status !== '',
                                    'the run to finish', 120000);
    assert.equal(done.run_status, 'succeeded', done.banner);
    assert.equal(done.artifacts, 14);
    const stats = await control(llm, '/_stats');
    const m = await page.evaluate(() => window.specwave.metrics());
    assert.equal(m.language_model, true);
    assert.deepEqual(stats.faults_served.map((f) => f.kind).sort(), ['429', 'cut']);
    assert.equal(stats.requests, m.model_calls + 2, 'one request per call, plus the two retried faults');
    assert.ok(stats.max_in_flight >= 2, `at least two calls in flight at once (peak ${stats.max_in_flight})`);
    assert.ok(m.tokens.input > 0 && m.tokens.output > 0, 'token usage reported');
    console.log(`# ${provider}: ${m.model_calls} calls, ${stats.requests} requests, peak ${stats.max_in_flight} ` +
                `in flight at the server, makespan ${Math.round(m.makespan_ms)} ms`);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
    await page.screenshot({ path: path.join(OUT, `hosted-${provider}.png`) });
    await context.close();
  });
}

test('a server without CORS headers: the failure says CORS and what to do', async () => {
  const bare = await startLlmServer(['--no-cors']);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url);
    await waitForApp(page);
    await waitForProject(page);
    await page.evaluate((url) => window.specwave.settings({ provider: 'openai', model: 'test-model', base_url: url }),
                        bare.url + '/v1');
    await waitForState(page, (s) => s.provider === 'openai', 'the provider setting');
    await page.evaluate(() => window.specwave.run(0));
    const done = await waitForState(page, (s) => !s.running && s.run_status !== 'running' && s.run_status !== '',
                                    'the run to stop', 120000);
    assert.notEqual(done.run_status, 'succeeded');
    assert.match(done.banner, /CORS/);
    assert.match(done.banner, /OLLAMA_ORIGINS/);
    await context.close();
  } finally {
    bare.proc.kill();
  }
});
