#!/usr/bin/env bash
# Runs every test, doing all set-up first (idempotent; a second run is
# incremental):
#   1. native: configure, build, CTest (unit tests, the layering checks, the
#      LLM test-server tests, fuzz-corpus replays)
#   2. ThreadSanitizer: the session, scheduler, runner and store-thread tests
#      built with -fsanitize=thread (preset tsan); any race fails the stage
#   3. web: build the site into dist/
#   4. browser: tests/browser/*.test.mjs in Debian's Chromium (headless),
#      Firefox ESR and WebKitGTK's MiniBrowser (each on a private Xvfb display)
# Exits non-zero if any stage fails; every stage runs even if an earlier one
# failed, so one run shows everything that is broken.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

status=0
stage() { printf '\n=== %s ===\n' "$1"; }
fail() { echo "FAILED: $1"; status=1; }

stage "native build"
{ [ -f build/native/build.ninja ] || cmake --preset native >/dev/null; } && cmake --build --preset native || fail "native build"

stage "native tests (CTest)"
ctest --preset native -j2 || fail "native tests"

stage "ThreadSanitizer (session, scheduler, runner, store thread)"
{ [ -f build/tsan/build.ninja ] || cmake --preset tsan >/dev/null; } && cmake --build --preset tsan && ctest --preset tsan \
  || fail "ThreadSanitizer tests"

stage "web build"
bash scripts/build-web.sh || fail "web build"

stage "browser tests (Chromium headless; Firefox ESR and WebKitGTK on Xvfb)"
if [ -f dist/index.html ]; then
  node --test --test-concurrency=1 --test-timeout=600000 tests/browser/ || fail "browser tests"
else
  fail "browser tests (no dist/)"
fi

echo
if [ $status = 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
exit $status
