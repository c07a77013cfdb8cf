#!/usr/bin/env bash
# Builds the browser app and assembles dist/: only static files, relative
# URLs, so it works from any static host and under any sub-path.
#   dist/index.html app.js sw.js styles.css manifest.webmanifest build.json
#   dist/specwave.{js,wasm,worker.js}         the app (threads)
#   dist/specwave-st.{js,wasm}                the embed viewer without threads
#   dist/embed.js                             the snippet documentation pages include
#   dist/assets/...                           default workflow, sample briefs, theme tokens
#   dist/fonts/...                            from Debian font packages
# Incremental: a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs

# Two builds of the same code: the app (threads) and the single-threaded
# viewer for embeds where the frame cannot be cross-origin isolated.
[ -f build/web/build.ninja ] || cmake --preset web >/dev/null
cmake --build build/web -j"$(nproc)"
[ -f build/web-embed/build.ninja ] || cmake --preset web-embed >/dev/null
cmake --build build/web-embed -j"$(nproc)"

DIST=$ROOT/dist
STAGE=$(mktemp -d "$ROOT/build/dist.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
# fflate (package.json): the zip of "Save to folder…" where the browser has no
# directory picker; its UMD build defines window.fflate.
[ -f node_modules/fflate/umd/index.js ] || { echo "build-web: run npm ci first (fflate)" >&2; exit 1; }
cp node_modules/fflate/umd/index.js "$STAGE/fflate.js"
cp web/index.html web/app.js web/folder_sync.js web/embed.js web/styles.css web/manifest.webmanifest web/icon.svg "$STAGE/"
cp build/web/src/app/web/specwave.js build/web/src/app/web/specwave.wasm build/web/src/app/web/specwave.worker.js "$STAGE/"
cp build/web-embed/src/app/web/specwave-st.js build/web-embed/src/app/web/specwave-st.wasm "$STAGE/"
mkdir -p "$STAGE/assets/workflows" "$STAGE/assets/briefs" "$STAGE/assets/theme" "$STAGE/fonts"
cp assets/workflows/*.yml "$STAGE/assets/workflows/"
cp assets/briefs/*.md "$STAGE/assets/briefs/"
cp assets/theme/*.md "$STAGE/assets/theme/" 2>/dev/null || true
cp assets/*.yml "$STAGE/assets/" 2>/dev/null || true
cp /usr/share/fonts/truetype/karla/Karla-Regular.otf "$STAGE/fonts/"
cp /usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf "$STAGE/fonts/"

# build.json (what the page preloads) and sw.js (the shell list + a version
# that is the hash of every file, so any change is a new service worker).
python3 - "$STAGE" web/sw.js <<'PY'
import hashlib, json, os, sys
stage, sw_template = sys.argv[1], sys.argv[2]
files = []
for dirpath, _, names in os.walk(stage):
    for n in names:
        files.append(os.path.relpath(os.path.join(dirpath, n), stage))
files.sort()
h = hashlib.sha256()
for f in files:
    h.update(f.encode()); h.update(open(os.path.join(stage, f), 'rb').read())
version = h.hexdigest()[:16]
preload = [f for f in files if f.startswith(('assets/', 'fonts/'))]
json.dump({'version': version, 'preload': preload}, open(os.path.join(stage, 'build.json'), 'w'), indent=1)
shell = ['./'] + files + ['build.json']
sw = open(sw_template).read().replace('%%VERSION%%', version).replace('%%SHELL%%', json.dumps(shell))
open(os.path.join(stage, 'sw.js'), 'w').write(sw)
print(f'[build-web] version {version}, {len(shell)} shell files')
PY
rm -rf "$DIST"
mv "$STAGE" "$DIST"
chmod -R a+rX "$DIST"
trap - EXIT
