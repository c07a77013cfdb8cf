// A small W3C WebDriver client (plain HTTP, no dependency) for WebKitGTK's
// WebKitWebDriver, which is the only way to drive its MiniBrowser. It offers
// what the tests use, shaped like a playwright page: evaluate(fn, arg).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

async function waitForDriver(base, proc) {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited (${proc.exitCode})`);
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok && (await r.json()).value.ready) return;
    } catch (e) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

class WebDriverSession {
  constructor(base, id) { this.base = base; this.id = id; }

  async command(method, path, body) {
    const r = await fetch(`${this.base}/session/${this.id}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  goto(url) { return this.command('POST', '/url', { url }); }

  // Runs fn(arg) in the current browsing context and returns its JSON value;
  // fn may return a promise.
  evaluate(fn, arg) {
    return this.command('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
               Promise.resolve((${fn}).call(null, arguments[0])).then(done, (e) => done({ __error: String(e) }));`,
      args: [arg === undefined ? null : arg],
    }).then((v) => {
      if (v && v.__error) throw new Error(v.__error);
      return v;
    });
  }

  // Makes the first <iframe> of the page the context evaluate() runs in.
  async enterFrame(selector) {
    const el = await this.command('POST', '/element', { using: 'css selector', value: selector });
    return this.command('POST', '/frame', { id: el });
  }
  leaveFrame() { return this.command('POST', '/frame/parent', {}); }

  async screenshot(file) {
    fs.writeFileSync(file, Buffer.from(await this.command('GET', '/screenshot'), 'base64'));
  }
}

// Starts WebKitWebDriver and one MiniBrowser session on `display`. `env` is
// given to the browser (WebKitWebDriver passes its environment on);
// `features` are MiniBrowser's --features. Resolves to {session, close}.
export async function launchWebKit({ display, env = {}, features = [] }) {
  if (!fs.existsSync(MINIBROWSER)) throw new Error(`${MINIBROWSER} is missing: scripts/setup.sh installs webkit2gtk-driver`);
  const port = await freePort();
  const proc = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'],
                     { env: { ...process.env, ...env, DISPLAY: display }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await waitForDriver(base, proc);
  const args = ['--automation'];
  if (features.length) args.push(`--features=${features.join(',')}`);
  const r = await fetch(`${base}/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } } } }),
  });
  const json = await r.json();
  if (!r.ok) { proc.kill(); throw new Error(`WebDriver session: ${json.value.message}`); }
  const session = new WebDriverSession(base, json.value.sessionId);
  session.browserVersion = json.value.capabilities.browserVersion;
  return {
    session,
    close: async () => {
      await fetch(`${base}/session/${session.id}`, { method: 'DELETE' }).catch(() => {});
      proc.kill();
    },
  };
}
