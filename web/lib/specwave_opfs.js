// Emscripten JS library: the file side of Specwave's OPFS SQLite VFS
// (src/platform/web/opfs_vfs.cpp). Runs on the database pthread only: OPFS
// FileSystemSyncAccessHandles exist only in dedicated workers and belong to
// the worker that created them. They are opened asynchronously once; after
// that every read, write, truncate and flush is synchronous, which is what a
// SQLite VFS needs.
mergeInto(LibraryManager.library, {
  $SpecwaveOpfs: { handles: [], names: [] },

  // Opens (creating if needed) each file of the comma-separated list inside
  // the origin-private folder `specwave/`, then calls
  // specwave_opfs_ready(outcome, message) on this same thread; outcome is
  // 1 opened, 0 unavailable, 2 busy (another tab holds the files), as
  // OpfsOpenOutcome in src/platform/web/opfs_store_mt.cpp.
  specwave_opfs_open_async__deps: ['$SpecwaveOpfs'],
  specwave_opfs_open_async: function (namesPtr) {
    const names = UTF8ToString(namesPtr).split(',').filter((n) => n);
    const report = (outcome, message) => {
      const len = lengthBytesUTF8(message) + 1;
      const p = _malloc(len);
      stringToUTF8(message, p, len);
      try { _specwave_opfs_ready(outcome, p); } finally { _free(p); }
    };
    (async () => {
      try {
        if (!navigator.storage || !navigator.storage.getDirectory) throw new Error('this browser has no Origin Private File System');
        const root = await navigator.storage.getDirectory();
        const dir = await root.getDirectoryHandle('specwave', { create: true });
        for (const name of names) {
          const fh = await dir.getFileHandle(name, { create: true });
          // This tab holds the database lock, so a handle still open elsewhere
          // belongs to a page that is going away (a reload): wait for it.
          let handle = null;
          for (let attempt = 0; !handle; ++attempt) {
            try {
              handle = await fh.createSyncAccessHandle();
            } catch (e) {
              if (!(e && e.name === 'NoModificationAllowedError') || attempt >= 20) throw e;
              await new Promise((r) => setTimeout(r, 250));
            }
          }
          SpecwaveOpfs.handles.push(handle);
          SpecwaveOpfs.names.push(name);
        }
        report(1, '');
      } catch (e) {
        // NoModificationAllowedError: another tab holds the database.
        const busy = e && e.name === 'NoModificationAllowedError';
        report(busy ? 2 : 0, String(e && e.message || e));
      }
    })();
  },

  specwave_opfs_index__deps: ['$SpecwaveOpfs'],
  specwave_opfs_index: function (namePtr) {
    return SpecwaveOpfs.names.indexOf(UTF8ToString(namePtr));
  },

  specwave_opfs_size__deps: ['$SpecwaveOpfs'],
  specwave_opfs_size: function (id) {
    try { return SpecwaveOpfs.handles[id].getSize(); } catch (e) { return -1; }
  },

  // Returns bytes read, or -1 on error. Reads go through an unshared buffer:
  // the wasm heap is a SharedArrayBuffer with threads.
  specwave_opfs_read__deps: ['$SpecwaveOpfs'],
  specwave_opfs_read: function (id, ptr, n, offset) {
    try {
      const tmp = new Uint8Array(n);
      const got = SpecwaveOpfs.handles[id].read(tmp, { at: offset });
      HEAPU8.set(tmp.subarray(0, got), ptr);
      return got;
    } catch (e) { return -1; }
  },

  // Returns bytes written, -2 when the storage quota is exceeded, -1 otherwise.
  specwave_opfs_write__deps: ['$SpecwaveOpfs'],
  specwave_opfs_write: function (id, ptr, n, offset) {
    try {
      const wrote = SpecwaveOpfs.handles[id].write(HEAPU8.slice(ptr, ptr + n), { at: offset });
      if (wrote === n) return wrote;
      // Chromium (seen in 156) does not throw when the quota is exceeded: it
      // returns base::File's FILE_ERROR_NO_SPACE (-8) as an unsigned count.
      if (wrote === 4294967288 || (wrote | 0) === -8) return -2;
      return wrote > n ? -1 : wrote;
    } catch (e) { return e && e.name === 'QuotaExceededError' ? -2 : -1; }
  },

  specwave_opfs_truncate__deps: ['$SpecwaveOpfs'],
  specwave_opfs_truncate: function (id, size) {
    try { SpecwaveOpfs.handles[id].truncate(size); return 0; } catch (e) { return e && e.name === 'QuotaExceededError' ? -2 : -1; }
  },

  specwave_opfs_flush__deps: ['$SpecwaveOpfs'],
  specwave_opfs_flush: function (id) {
    try { SpecwaveOpfs.handles[id].flush(); return 0; } catch (e) { return -1; }
  },

  specwave_opfs_close_all__deps: ['$SpecwaveOpfs'],
  specwave_opfs_close_all: function () {
    for (const h of SpecwaveOpfs.handles) { try { h.flush(); h.close(); } catch (e) {} }
    SpecwaveOpfs.handles = [];
    SpecwaveOpfs.names = [];
  },
});
