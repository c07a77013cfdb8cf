// Specwave embed script for documentation pages.
//
//   <div data-specwave-project="https://example.org/docs/demo.specwave.json"></div>
//   <script src="https://example.org/specwave/embed.js"></script>
//
// Every element with data-specwave-project becomes a compact, read-only view
// of that exported project (DAG, artifacts, diff between versions) in an
// iframe of the Specwave site this script was loaded from. Optional
// attributes: data-height (CSS height, default 560px), data-artifact (open
// this artifact first).
//
// JS API (postMessage underneath), for the page around the embed:
//   const embed = SpecwaveEmbed.get(element);     // or the return of SpecwaveEmbed.create(...)
//   await embed.ready;
//   await embed.loadProject(url);
//   await embed.selectArtifact('prd.md');
//   const metrics = await embed.getMetrics();     // the last run's measured figures, as JSON
(function () {
  'use strict';
  const script = document.currentScript;
  const base = new URL('.', script ? script.src : location.href);
  const embeds = new WeakMap();
  let nextId = 1;

  class Embed {
    constructor(iframe) {
      this.iframe = iframe;
      this.pending = new Map();
      this.origin = base.origin;
      this.ready = new Promise((resolve) => { this._resolveReady = resolve; });
      window.addEventListener('message', (event) => {
        if (event.source !== iframe.contentWindow || event.origin !== this.origin) return;
        const msg = event.data || {};
        if (msg.type === 'specwave:ready') this._resolveReady();
        if (msg.id && this.pending.has(msg.id)) {
          const { resolve, reject } = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) reject(new Error(msg.error)); else resolve(msg.result);
        }
      });
    }
    _call(type, args) {
      const id = 'c' + nextId++;
      return new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.iframe.contentWindow.postMessage(Object.assign({ type, id }, args), this.origin);
      });
    }
    loadProject(url) { return this._call('specwave:load-project', { url: new URL(url, location.href).href }); }
    selectArtifact(name) { return this._call('specwave:select-artifact', { name }); }
    getMetrics() { return this._call('specwave:get-metrics', {}); }
  }

  function create(container, projectUrl, options) {
    options = options || {};
    const iframe = document.createElement('iframe');
    const src = new URL('index.html', base);
    src.searchParams.set('embed', '1');
    if (projectUrl) src.searchParams.set('project', new URL(projectUrl, location.href).href);
    if (options.artifact) src.searchParams.set('artifact', options.artifact);
    iframe.src = src.href;
    iframe.title = options.title || 'Specwave project';
    // cross-origin-isolated: threads when the page itself is isolated;
    // Chrome also isolates the frame on its own (Document-Isolation-Policy).
    iframe.allow = 'cross-origin-isolated';
    iframe.loading = 'lazy';
    iframe.style.width = '100%';
    iframe.style.height = options.height || '560px';
    iframe.style.border = '0';
    container.appendChild(iframe);
    const embed = new Embed(iframe);
    embeds.set(container, embed);
    return embed;
  }

  function scan() {
    document.querySelectorAll('[data-specwave-project]').forEach((el) => {
      if (embeds.has(el)) return;
      create(el, el.getAttribute('data-specwave-project'), {
        height: el.getAttribute('data-height') || undefined,
        artifact: el.getAttribute('data-artifact') || undefined,
      });
    });
  }

  window.SpecwaveEmbed = { create, get: (el) => embeds.get(el), scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan); else scan();
})();
