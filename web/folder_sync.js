// "Save to folder…" and "Sync from folder…" (issue #17 point 3), the page's
// half: it picks the folder and moves the bytes; the module (session/
// folder_sync.hpp, on its command thread) makes the layout and turns the
// folder's edits into the person's edits.
//
// - Save: where the browser has the File System Access API
//   (window.showDirectoryPicker, Chromium) the files are written into the
//   folder the person picks; elsewhere the same tree is offered as a zip
//   download, made by fflate (a maintained zip library from npm, copied into
//   dist/ by scripts/build-web.sh), not by hand.
// - Sync: the folder's .specwave/manifest.json names the layout; only the
//   paths that layout reads are read (not a whole repository), each as
//   strict UTF-8 (a file that is not is an error naming it); the module
//   answers with what it recorded, or the conflicts (then nothing changed and
//   nothing is written), and the files to write back (the manifest, the
//   base, files nobody edited refreshed from the project).
// The outcome also shows as the app's banner (the session sets it).
//
// Tests: window.specwaveFolder.testDirectory, when set to a
// FileSystemDirectoryHandle (tests/browser use OPFS's
// navigator.storage.getDirectory()), stands in for the picker, which
// headless Chromium cannot show.
(function () {
  const MAX_FILES = 5000;
  const MAX_BYTES = 16 << 20;
  const waiters = new Map();
  let nextId = 1;
  let module = null;

  function ask(call) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiters.set(id, { resolve, reject });
      call(id);
    }).then((text) => {
      const answer = JSON.parse(text);
      if (answer.error) throw new Error(answer.error);
      return answer;
    });
  }

  function deliver(id, text) {
    const w = waiters.get(id);
    if (!w) return;
    waiters.delete(id);
    w.resolve(text);
  }

  function exportTree(format) {
    return ask((id) => module.ccall('specwave_folder_export', null, ['number', 'string'], [id, format]));
  }

  async function pickDirectory() {
    if (window.specwaveFolder.testDirectory) return window.specwaveFolder.testDirectory;
    if (!window.showDirectoryPicker) return null;
    return window.showDirectoryPicker({ id: 'specwave-folder', mode: 'readwrite' });
  }

  async function writeTree(dir, files) {
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/');
      let d = dir;
      for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part, { create: true });
      const w = await (await d.getFileHandle(parts[parts.length - 1], { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }

  // fflate is fetched on the first zip only: it is not on the start's path
  // (the service worker still caches it for offline use).
  function loadFflate() {
    if (window.fflate) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = 'fflate.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('fflate.js could not be loaded'));
      document.head.appendChild(s);
    });
  }

  function zipBytes(files) {
    const entries = {};
    for (const [path, text] of Object.entries(files)) entries[path] = new TextEncoder().encode(text);
    return window.fflate.zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  }

  // The project in `format`'s layout, into a picked folder or as a zip.
  async function save(format) {
    const dir = await pickDirectory();  // first: the picker needs the click's user activation
    const { files, dropped } = await exportTree(format);
    if (dir) {
      await writeTree(dir, files);
      return { folder: dir.name, files: Object.keys(files).length, dropped };
    }
    return saveZip(format, files, dropped);
  }

  async function saveZip(format, files, dropped) {
    if (!files) ({ files, dropped } = await exportTree(format));
    await loadFflate();
    const name = `specwave-${format}.zip`;
    window.specwaveSaveFile(name, new Blob([zipBytes(files)], { type: 'application/zip' }));
    return { zip: name, files: Object.keys(files).length, dropped };
  }

  async function entryAt(dir, path) {
    const parts = path.split('/');
    let d = dir;
    try {
      for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part);
      const last = parts[parts.length - 1];
      try {
        return await d.getFileHandle(last);
      } catch (e) {
        if (e.name !== 'TypeMismatchError') throw e;
        return await d.getDirectoryHandle(last);
      }
    } catch (e) {
      if (e.name === 'NotFoundError') return null;
      throw e;
    }
  }

  async function readInto(handle, path, out) {
    if (handle.kind === 'directory') {
      for await (const [name, child] of handle.entries()) await readInto(child, path + '/' + name, out);
      return;
    }
    if (Object.keys(out).length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files under the folder`);
    const file = await handle.getFile();
    if (file.size > MAX_BYTES) throw new Error(`${path}: over 16 MB`);
    try {
      out[path] = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch (e) {
      throw new Error(`${path}: not UTF-8 text`);
    }
  }

  async function readTree(dir) {
    const manifest = await entryAt(dir, '.specwave/manifest.json');
    if (!manifest || manifest.kind !== 'file')
      throw new Error(`${dir.name} has no .specwave/manifest.json (save the project to it first)`);
    let layout;
    try {
      layout = JSON.parse(await (await manifest.getFile()).text()).layout;
    } catch (e) {
      throw new Error('.specwave/manifest.json: not JSON (' + e.message + ')');
    }
    const roots = JSON.parse(module.UTF8ToString(module.ccall('specwave_folder_roots', 'number', ['string'], [String(layout)])));
    if (!roots.length) throw new Error(`.specwave/manifest.json: unknown layout "${layout}"`);
    const files = {};
    for (const root of roots) {
      const h = await entryAt(dir, root);
      if (h) await readInto(h, root, files);
    }
    return files;
  }

  function syncTree(files) {
    const text = JSON.stringify(files);
    const len = module.lengthBytesUTF8(text) + 1;
    const ptr = module._malloc(len);  // freed by specwave_folder_sync
    module.stringToUTF8(text, ptr, len);
    return ask((id) => module.ccall('specwave_folder_sync', null, ['number', 'number'], [id, ptr]));
  }

  // The picked folder's edits back into the open project.
  async function sync() {
    const dir = await pickDirectory();
    if (!dir) throw new Error('this browser cannot open folders (no File System Access API): use specwave sync');
    const result = await syncTree(await readTree(dir));
    if (!result.conflicts.length) await writeTree(dir, result.to_write);
    return result;
  }

  // Clicked in the app: errors go to the console; the banner shows the rest.
  function fromUi(action, format) {
    const job = action === 'save' ? save(format) : sync();
    job.catch((e) => {
      if (e.name === 'AbortError') return;  // the person closed the picker
      console.warn('specwave: ' + action + ' folder:', e);
      module.ccall('specwave_folder_failed', null, ['string'], [e.message]);
    });
  }

  window.specwaveFolder = {
    testDirectory: null,
    attach: (m) => { module = m; },
    deliver,
    fromUi,
    save,
    saveZip: (format) => saveZip(format),
    exportTree,
    sync,
  };
})();
