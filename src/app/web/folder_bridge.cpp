// The browser's folder sync (issue #17 point 3), C++ side: web/folder_sync.js
// picks the folder (File System Access API) or makes the zip, and moves the
// files; the session does the rest on its command thread
// (session/folder_sync.hpp). Both calls answer through
// Module.specwaveOnFolder(id, json) on the main thread.
//
// A tree arrives as a JSON object {path: text} in a buffer the page
// malloc'ed (a large folder would not fit ccall's stack strings); this side
// frees it.
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "app/web/app_state.hpp"
#include "app/web/folder_bridge.hpp"
#include "interop/folder_io.hpp"
#include "interop/format.hpp"
#include "platform/web/main_thread.hpp"

using nlohmann::json;
using specwave::app::g_app;

namespace {

// This copy's name in the folder's .specwave/base/: the browser has no user
// name, so every browser copy is "browser" (a native `specwave sync` uses the
// person's name and keeps its own base beside it).
constexpr const char* kAuthor = "browser";

EM_JS(void, JsDeliverFolder, (int id, const char* text), {
  if (Module['specwaveOnFolder']) Module['specwaveOnFolder'](id, UTF8ToString(text));
});

struct FolderAnswer {
  int id;
  std::string json;
};

void DeliverOnMain(void* arg) {
  auto* a = static_cast<FolderAnswer*>(arg);
  JsDeliverFolder(a->id, a->json.c_str());
  delete a;
}

void Answer(int id, const json& j) {
  specwave::web::PostToMainThread(DeliverOnMain,
                                  new FolderAnswer{id, j.dump(-1, ' ', false, json::error_handler_t::replace)});
}

}  // namespace

extern "C" {

// The open project in `format`'s layout: {files: {path: text}, dropped: […]}
// or {error}.
EMSCRIPTEN_KEEPALIVE void specwave_folder_export(int id, const char* format) {
  if (!g_app || !g_app->session) return;
  auto f = specwave::interop::ParseFormat(format);
  if (!f) return Answer(id, {{"error", std::string("unknown layout \"") + format + "\"; one of " +
                                           specwave::interop::FormatNames()}});
  g_app->session->ExportToFolder(*f, kAuthor, [id](specwave::FolderExport e) {
    if (!e.error.empty()) return Answer(id, {{"error", e.error}});
    Answer(id, {{"files", e.files}, {"dropped", e.dropped}});
  });
}

// The paths (files or folders) a sync of `format` reads, as a JSON array, so
// the page reads only those and not a whole repository (interop::ReadRoots).
EMSCRIPTEN_KEEPALIVE const char* specwave_folder_roots(const char* format) {
  static std::string text;
  auto f = specwave::interop::ParseFormat(format);
  text = json(f ? specwave::interop::ReadRoots(*f) : std::vector<std::string>{}).dump();
  return text.c_str();
}

// A folder read back: {recorded, changed_files, applied, refreshed, conflicts:
// [{artifact, section}], to_write: {path: text}} or {error}.
EMSCRIPTEN_KEEPALIVE void specwave_folder_sync(int id, char* tree_json) {
  json tree = json::parse(tree_json, nullptr, false);
  std::free(tree_json);
  if (!g_app || !g_app->session) return;
  if (!tree.is_object()) return Answer(id, {{"error", "the folder could not be read"}});
  specwave::interop::FileTree files;
  for (auto& [path, text] : tree.items()) {
    if (!text.is_string()) return Answer(id, {{"error", path + ": not a text file"}});
    files[path] = text.get<std::string>();
  }
  g_app->session->SyncFromFolder(std::move(files), kAuthor, [id](specwave::FolderSyncResult r) {
    if (!r.error.empty()) return Answer(id, {{"error", r.error}});
    json conflicts = json::array();
    for (const auto& c : r.conflicts) conflicts.push_back({{"artifact", c.artifact}, {"section", c.section}});
    Answer(id, {{"conflicts", conflicts},
                {"recorded", r.recorded},
                {"changed_files", r.changed_files},
                {"applied", r.applied},
                {"refreshed", r.refreshed},
                {"to_write", r.to_write}});
  });
}

// The page could not pick, read or write the folder: the banner says so.
EMSCRIPTEN_KEEPALIVE void specwave_folder_failed(const char* message) {
  if (g_app && g_app->session)
    g_app->session->SetBanner(specwave::BannerKind::kError, std::string("Folder: ") + message + " (nothing was changed)");
}

}  // extern "C"

namespace {
EM_JS(void, JsFolderAction, (const char* action, const char* format), {
  if (window.specwaveFolder) window.specwaveFolder.fromUi(UTF8ToString(action), UTF8ToString(format));
});
}  // namespace

namespace specwave::app {
void SaveToFolder(const std::string& format) { JsFolderAction("save", format.c_str()); }
void SyncFromFolder() { JsFolderAction("sync", ""); }
}  // namespace specwave::app
