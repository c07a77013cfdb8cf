// The base profiles of the stack catalogue, one function each (internal to
// the offline generator; stack_catalog.hpp is the public face).
#pragma once

#include "offline/domain/stack_catalog.hpp"

namespace specwave::offline {

StackProfile WebPwaProfile();         // web-pwa-sqlite: offline-first web
StackProfile WebHtmxProfile();        // web-htmx-postgres: web for slow phones and connections
StackProfile WebReactProfile();       // web-react-postgres: the default web stack
StackProfile MobileFlutterProfile();  // mobile-flutter-sqlite: store apps for iOS and Android
StackProfile DesktopTauriProfile();   // desktop-tauri-sqlite
StackProfile CliGoProfile();          // cli-go-sqlite

}  // namespace specwave::offline
