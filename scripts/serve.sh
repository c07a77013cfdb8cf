#!/usr/bin/env bash
# Builds the web app (doing all set-up first) and serves dist/ with a plain
# static file server — no special headers, like GitHub Pages.
#   scripts/serve.sh [PORT]     (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8080}
bash scripts/build-web.sh
echo
echo "Specwave is at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
echo "It opens the default workflow with a sample brief; no API key is needed."
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
