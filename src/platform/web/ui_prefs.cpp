#include "platform/web/ui_prefs.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace {

// localStorage can throw (storage disabled, a sandboxed frame): then the
// preference is simply not kept.
EM_JS(char*, JsLoadUiPref, (const char* key), {
  let v = '';
  try { v = localStorage.getItem('specwave.ui.' + UTF8ToString(key)) || ''; } catch (e) {}
  const len = lengthBytesUTF8(v) + 1;
  const p = _malloc(len);
  stringToUTF8(v, p, len);
  return p;
});

EM_JS(void, JsSaveUiPref, (const char* key, const char* value), {
  try { localStorage.setItem('specwave.ui.' + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

}  // namespace

namespace specwave::web {

std::string LoadUiPref(const std::string& key) {
  char* p = JsLoadUiPref(key.c_str());
  std::string v = p ? p : "";
  std::free(p);
  return v;
}

void SaveUiPref(const std::string& key, const std::string& value) { JsSaveUiPref(key.c_str(), value.c_str()); }

}  // namespace specwave::web
