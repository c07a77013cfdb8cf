// Base profiles for platforms other than the browser: store apps, desktop
// and command line (see stack_profiles.cpp for the web ones).
#include "offline/domain/stack_profiles.hpp"

namespace specwave::offline {

StackProfile MobileFlutterProfile() {
  StackProfile s;
  s.id = "mobile-flutter-sqlite";
  s.summary =
      "Store apps for iOS and Android from one Flutter codebase, SQLite on the device, a Node.js API and "
      "PostgreSQL.";
  s.ui_element = "Flutter widget";
  s.ui_file_pattern = "lib/widgets/{name}.dart";
  s.offline_first = true;
  s.layers = {
      {"App", "Flutter 3 (Dart)", "One codebase for iOS and Android with native performance."},
      {"Local data", "SQLite through drift",
       "Typed queries and migrations on the device; data survives restarts offline."},
      {"API", "Node.js 20 LTS + Fastify 4", "A small JSON API for sync and sharing."},
      {"Database", "PostgreSQL 16", "The durable, shared copy of every record."},
      {"Distribution", "App Store and Google Play", "The platform asks for installed apps."},
  };
  s.rejected = {{"React Native", "native modules and the bridge add upkeep for little gain here"},
                {"Two native apps (Swift, Kotlin)", "two codebases for one small team"},
                {"A progressive web app", "limited background work and storage guarantees on iOS"}};
  s.consequences = {
      "Every release goes through store review; urgent fixes take days, so risky changes ship behind flags.",
      "The device schema (drift) and the server schema (PostgreSQL) must migrate together."};
  s.packages = {
      {"flutter", "stable channel; update each quarter", "BSD-3-Clause", "UI framework", "Low: large community"},
      {"drift, sqlite3_flutter_libs", "pin minor; update with a migration test", "MIT", "SQLite on the device",
       "Low: mature; code generation must run in CI"},
      {"http", "^1", "BSD-3-Clause", "API client", "Low"},
      {"fastify", "^4; minor updates monthly", "MIT", "HTTP API server", "Low"},
      {"pg (node-postgres)", "^8", "MIT", "PostgreSQL client", "Low"},
      {"PostgreSQL server", "16.x", "PostgreSQL Licence", "Durable database", "Low: managed service"}};
  s.components = {{"Mobile app", "Flutter screens and navigation."},
                  {"Local store", "drift database on the device; the only store the screens read."},
                  {"Sync engine", "Sends local changes and pulls remote ones when a connection exists."},
                  {"API server", "Fastify endpoints for the resources in api-spec.md."},
                  {"Database", "PostgreSQL."}};
  s.data_flow = {"Screens read and write the local drift database.",
                 "The sync engine exchanges changes with the API when a connection exists.",
                 "The API validates and commits each change to PostgreSQL in a transaction."};
  s.deployment = {"Apps: App Store and Google Play, staged roll-out.", "API: one container behind HTTPS.",
                  "Database: managed PostgreSQL 16 with backups."};
  return s;
}

StackProfile DesktopTauriProfile() {
  StackProfile s;
  s.id = "desktop-tauri-sqlite";
  s.summary = "Desktop app with Tauri 2: a web UI in the system webview, a Rust core and SQLite.";
  s.ui_element = "React function component (in the Tauri webview)";
  s.ui_file_pattern = "src/components/{Name}.tsx";
  s.offline_first = true;
  s.layers = {{"UI", "TypeScript + React 18 in the system webview", "Small installers; web skills apply."},
              {"Core", "Rust (Tauri 2 commands)", "File and OS access with a small, audited surface."},
              {"Local data", "SQLite through rusqlite", "A single-file database that works offline."},
              {"Distribution", "Signed installers for Windows, macOS and Linux", "The platform is the desktop."}};
  s.rejected = {{"Electron", "ships its own Chromium: installers of 100 MB and more"},
                {"Qt", "a C++ UI toolkit costs more to staff than a web UI"}};
  s.consequences = {"Webviews differ between operating systems; the UI is tested on all three.",
                    "Installers must be signed and notarised."};
  s.packages = {{"tauri, @tauri-apps/api", "v2; minor updates monthly", "MIT OR Apache-2.0", "Desktop shell",
                 "Medium: young v2 API"},
                {"rusqlite", "pin minor", "MIT", "SQLite from Rust", "Low"},
                {"react, react-dom", "^18", "MIT", "UI components", "Low"},
                {"vite", "^5; dev dependency", "MIT", "Build", "Low"}};
  s.components = {{"Desktop shell", "Tauri window, menus, updates."},
                  {"UI", "React screens."},
                  {"Core", "Rust commands for files and the database."},
                  {"Local store", "SQLite database file."}};
  s.data_flow = {"The UI calls Rust commands over Tauri's IPC.", "Commands read and write SQLite in transactions."};
  s.deployment = {"Signed installers per platform, delivered by the built-in updater."};
  return s;
}

StackProfile CliGoProfile() {
  StackProfile s;
  s.id = "cli-go-sqlite";
  s.summary = "Command-line tool in Go with a local SQLite database.";
  s.ui_element = "CLI subcommand";
  s.ui_file_pattern = "cmd/{name}.go";
  s.offline_first = true;
  s.layers = {{"CLI", "Go 1.22 with cobra", "One static binary per platform; fast start-up."},
              {"Local data", "SQLite through modernc.org/sqlite (pure Go)", "No C toolchain needed to build."}};
  s.rejected = {{"Python CLI", "users would need a matching Python installation"}};
  s.consequences = {"Output formats (text, JSON) are part of the interface and need versioning."};
  s.packages = {
      {"github.com/spf13/cobra", "v1; update quarterly", "Apache-2.0", "Commands and flags", "Low"},
      {"modernc.org/sqlite", "pin minor", "BSD-3-Clause", "SQLite without cgo", "Low: slower than the C library"}};
  s.components = {{"Command layer", "Parses flags and prints results."}, {"Local store", "SQLite database file."}};
  s.data_flow = {"A subcommand reads its flags, runs in one SQLite transaction and prints the result."};
  s.deployment = {"Release binaries per platform, built in CI."};
  return s;
}

}  // namespace specwave::offline
