// Runs one step of the browser storage benchmark (store_web_bench.cpp) and
// shows its output in #out, where bench/browser_store_bench.mjs reads it.
(async () => {
  const out = document.getElementById('out');
  const print = (line) => {
    console.log(line);
    out.textContent += line + '\n';
  };
  try {
    if (!self.crossOriginIsolated) throw new Error('the page is not cross-origin isolated: serve it with COOP/COEP headers');
    const step = new URLSearchParams(location.search).get('step') || '';
    if (step === 'commit' || step === 'fill') {
      // Each of these starts from an empty database; the bench's files only.
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('specwave', { create: true });
      const base = step === 'commit' ? 'bench-commit.db' : 'bench-10k.db';
      for (const name of [base, `${base}-journal`]) {
        try {
          await dir.removeEntry(name);
        } catch (e) {
          if (e.name !== 'NotFoundError') throw e;
        }
      }
    }
    await createStoreBench({ arguments: [step], print, printErr: print });
  } catch (e) {
    print(`BENCH-ERROR ${e && e.message || e}`);
  }
})();
