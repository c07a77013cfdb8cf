#!/usr/bin/env bash
# One-time (and idempotent) set-up of everything Specwave builds and tests with.
#
# Installs Debian's toolchain and -dev packages, fetches the Debian *source*
# packages the WebAssembly build compiles (into .deps/, inside the clone: CI
# caches nothing outside it), and installs the npm packages pinned by
# package-lock.json.  Every step checks first, so a second run does nothing.
# Versions live in scripts/versions.env and nowhere else.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=versions.env
source scripts/versions.env

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. Debian binary packages --------------------------------------------
missing=()
for p in $TOOL_PACKAGES $NATIVE_DEV_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# deb-src lines are needed for `apt-get source` (Debian's own sources of imgui,
# yaml-cpp, md4c and sqlite3 for the wasm build).
SRC_LIST=/etc/apt/sources.list.d/specwave-deb-src.sources
need_update=0
if ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  log "adding Debian deb-src entries ($SRC_LIST)"
  as_root tee "$SRC_LIST" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  log "apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
have_emcc=$(dpkg-query -W -f='${Version}' emscripten)
[ "$have_emcc" = "$EMSCRIPTEN_DEB" ] || log "warning: emscripten $have_emcc installed, $EMSCRIPTEN_DEB recorded"

# --- 2. Debian source packages for the WebAssembly build -------------------
DEPS=$ROOT/.deps
mkdir -p "$DEPS/src"
fetch_source() {  # $1 = PKG=VERSION, $2 = directory name under .deps/src
  # Only the upstream tarball(s) are used: `--tar-only` fetches them with the
  # hashes checked against the signed Sources index, and does not depend on
  # the .debian.tar.xz (seen missing from the mirror for md4c 0.4.8-1).
  local spec=$1 name=$2 stamp="$DEPS/src/$2.stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$spec" ]; then return; fi
  log "apt-get source --tar-only $spec"
  local tmp; tmp=$(mktemp -d "$DEPS/fetch.XXXXXX")
  (cd "$tmp" && apt-get source --tar-only -qq "$spec" >/dev/null 2>&1) || {
    as_root apt-get update -qq
    (cd "$tmp" && apt-get source --tar-only -qq "$spec" >/dev/null)
  }
  # The main upstream tarball is PKG_VER.orig.tar.* (components are -NAME).
  local tarball; tarball=$(find "$tmp" -maxdepth 1 -name '*.orig.tar.*' ! -name '*.orig-*' | head -n1)
  [ -n "$tarball" ] || { echo "no upstream tarball for $spec" >&2; exit 1; }
  mkdir "$tmp/x" && tar -xf "$tarball" -C "$tmp/x"
  local dir; dir=$(find "$tmp/x" -mindepth 1 -maxdepth 1 -type d | head -n1)
  rm -rf "${DEPS:?}/src/$name"
  mv "$dir" "$DEPS/src/$name"
  rm -rf "$tmp"
  echo "$spec" > "$stamp"
}
fetch_source "$IMGUI_SRC" imgui
fetch_source "$YAML_CPP_SRC" yaml-cpp
fetch_source "$MD4C_SRC" md4c
fetch_source "$SQLITE_SRC" sqlite3

# SQLite's source package is the canonical tree; its amalgamation (sqlite3.c)
# is generated, which needs tcl.
if [ ! -f "$DEPS/src/sqlite3/sqlite3.c" ]; then
  log "generating the SQLite amalgamation"
  mkdir -p "$DEPS/sqlite-bld"
  (cd "$DEPS/sqlite-bld" && "$DEPS/src/sqlite3/configure" --quiet >/dev/null && make -s sqlite3.c >/dev/null)
  cp "$DEPS/sqlite-bld/sqlite3.c" "$DEPS/sqlite-bld/sqlite3.h" "$DEPS/src/sqlite3/"
  rm -rf "$DEPS/sqlite-bld"
fi

# --- 3. npm packages (pinned by package-lock.json) --------------------------
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
log "ready"
