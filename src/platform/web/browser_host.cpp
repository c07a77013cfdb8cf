#include "platform/web/browser_host.hpp"

#include "platform/web/main_thread.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <cstring>

namespace specwave::web {
namespace {

BrowserHost* g_host = nullptr;

// Keys live in localStorage only after "remember on this device"; the
// session otherwise keeps them in memory. They are never written anywhere else.
EM_JS(void, JsRememberKey, (const char* provider, const char* key), {
  const name = 'specwave.key.' + UTF8ToString(provider);
  const value = UTF8ToString(key);
  try {
    if (value) localStorage.setItem(name, value); else localStorage.removeItem(name);
  } catch (e) {}
});

EM_JS(char*, JsRecallKey, (const char* provider), {
  let v = '';
  try { v = localStorage.getItem('specwave.key.' + UTF8ToString(provider)) || ''; } catch (e) {}
  const len = lengthBytesUTF8(v) + 1;
  const p = _malloc(len);
  stringToUTF8(v, p, len);
  return p;
});

// web/app.js's saveFile hands it to the browser's downloads.
EM_JS(void, JsDownload, (const char* name, const char* data, int len), {
  window.specwaveSaveFile(UTF8ToString(name), new Blob([HEAPU8.slice(data, data + len)], { type: 'application/json' }));
});

// kind 0: a project file (.json) for import; 1: a workflow (.yml) for a new project.
EM_JS(void, JsRequestUpload, (int kind), {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = kind ? '.yml,.yaml,text/yaml,application/yaml' : '.json,application/json';
  input.onchange = async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const p = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, p);
    HEAPU8[p + bytes.length] = 0;
    try { _specwave_upload_delivered(p, bytes.length, kind); } finally { _free(p); }
  };
  input.click();
});

EM_JS(void, JsRequestPersistentStorage, (), {
  globalThis.specwaveStorage = globalThis.specwaveStorage || { persisted: null, usage: null, quota: null };
  (async () => {
    try {
      if (navigator.storage && navigator.storage.persist) {
        globalThis.specwaveStorage.persisted = await navigator.storage.persisted() || await navigator.storage.persist();
      }
      if (navigator.storage && navigator.storage.estimate) {
        const e = await navigator.storage.estimate();
        globalThis.specwaveStorage.usage = e.usage;
        globalThis.specwaveStorage.quota = e.quota;
      }
    } catch (e) {}
  })();
});

EM_JS(char*, JsStorageNote, (), {
  const s = globalThis.specwaveStorage || {};
  const mb = (n) => n >= 1073741824 ? (n / 1073741824).toFixed(1) + ' GB' : (n / 1048576).toFixed(1) + ' MB';
  let note = '';
  if (s.persisted !== null && s.persisted !== undefined) note = s.persisted ? 'storage: persistent' : 'storage: may be evicted';
  if (s.usage != null && s.quota) note += (note ? ' · ' : 'storage: ') + mb(s.usage) + ' of ' + mb(s.quota);
  const len = lengthBytesUTF8(note) + 1;
  const p = _malloc(len);
  stringToUTF8(note, p, len);
  return p;
});

// The set-aside database files, as web/app.js lists them (window.specwaveSetAside:
// {version, files: [{name, bytes}]}); download and delete run there too.
EM_JS(int, JsSetAsideVersion, (), {
  return window.specwaveSetAside ? window.specwaveSetAside.version : 0;
});

EM_JS(char*, JsSetAsideLines, (), {
  const files = window.specwaveSetAside ? window.specwaveSetAside.files : [];
  const v = files.map((f) => f.name + '\t' + f.bytes).join('\n');
  const len = lengthBytesUTF8(v) + 1;
  const p = _malloc(len);
  stringToUTF8(v, p, len);
  return p;
});

EM_JS(void, JsSetAsideAction, (const char* action, const char* name), {
  const act = UTF8ToString(action), file = UTF8ToString(name);
  if (window.specwave && window.specwave[act]) window.specwave[act](file).catch((e) => console.error(e));
});

struct PendingDownload {
  std::string name, content;
};

void DownloadOnMain(void* arg) {
  auto* d = static_cast<PendingDownload*>(arg);
  JsDownload(d->name.c_str(), d->content.data(), static_cast<int>(d->content.size()));
  delete d;
}

}  // namespace

BrowserHost::BrowserHost(std::function<void(const std::string&)> on_upload) : on_upload_(std::move(on_upload)) {
  g_host = this;
}

void BrowserHost::RememberKey(const std::string& provider, const std::string& key) {
  JsRememberKey(provider.c_str(), key.c_str());
}

void BrowserHost::Download(const std::string& file_name, const std::string& content) {
  PostToMainThread(DownloadOnMain, new PendingDownload{file_name, content});
}

void BrowserHost::RequestUpload() { JsRequestUpload(0); }
void BrowserHost::RequestWorkflowUpload() { JsRequestUpload(1); }

std::vector<BrowserHost::SetAsideFile> BrowserHost::SetAsideFiles() {
  int version = JsSetAsideVersion();
  if (version != set_aside_version_) {
    set_aside_version_ = version;
    set_aside_.clear();
    char* lines = JsSetAsideLines();
    std::string text = lines;
    std::free(lines);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      size_t tab = line.find('\t');
      if (tab != std::string::npos)
        set_aside_.push_back({line.substr(0, tab), std::strtoll(line.c_str() + tab + 1, nullptr, 10)});
      start = end + 1;
    }
  }
  return set_aside_;
}

void BrowserHost::DownloadSetAside(const std::string& name) { JsSetAsideAction("downloadSetAside", name.c_str()); }
void BrowserHost::DeleteSetAside(const std::string& name) { JsSetAsideAction("deleteSetAside", name.c_str()); }

void BrowserHost::DeliverUpload(const std::string& content, int kind) {
  if (kind == 1) {
    if (on_workflow_upload_) on_workflow_upload_(content);
  } else if (on_upload_) {
    on_upload_(content);
  }
}

std::string BrowserHost::RecallKey(const std::string& provider) {
  char* p = JsRecallKey(provider.c_str());
  std::string out(p);
  std::free(p);
  return out;
}

void BrowserHost::RequestPersistentStorage() { JsRequestPersistentStorage(); }

std::string BrowserHost::StorageNote() {
  char* p = JsStorageNote();
  std::string out(p);
  std::free(p);
  return out;
}

}  // namespace specwave::web

extern "C" EMSCRIPTEN_KEEPALIVE void specwave_upload_delivered(const char* data, int len, int kind) {
  if (specwave::web::g_host) specwave::web::g_host->DeliverUpload(std::string(data, static_cast<size_t>(len)), kind);
}
