// Hands "Save to folder…" / "Sync from folder…" to web/folder_sync.js (it
// picks the folder, or offers a zip where the browser has no directory
// picker). Main thread: the picker needs the click's user activation.
#pragma once

#include <string>

namespace specwave::app {

void SaveToFolder(const std::string& format);
void SyncFromFolder();

}  // namespace specwave::app
