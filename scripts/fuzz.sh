#!/usr/bin/env bash
# Fuzzes the markdown layer (outline, section diff, line diff, render blocks)
# with libFuzzer + AddressSanitizer + UndefinedBehaviorSanitizer:
#
#   scripts/fuzz.sh [SECONDS]      # default 30
#
# Builds tests/fuzz/markdown_fuzz.cpp with clang in build/fuzz (md4c compiled
# from its Debian source in .deps/src when present, so it is instrumented too;
# otherwise the system libmd4c), then runs it for SECONDS on a corpus seeded
# from tests/data/markdown. New inputs go to build/fuzz/corpus, crashes to
# build/fuzz/artifacts/. Exits non-zero on a crash, leak, timeout or failed
# invariant. The same target is replayed on the seeds by CTest
# (markdown/FuzzCorpusReplay) in the ordinary build.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
out=build/fuzz
CXX="${CXX:-clang++}"
CC="${CC:-clang}"
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"

san=(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
common=(-g -O1 "${san[@]}" -fsanitize=fuzzer-no-link)

md4c_src=.deps/src/md4c/src/md4c.c
md4c_link=()
include=(-Isrc)
if [ -f "$md4c_src" ]; then
  include+=(-I"$(dirname "$md4c_src")")
else
  md4c_src=""
  md4c_link=(-lmd4c)
fi

# Recompile a file when it or any header of the layers it uses is newer.
newest_header=$(ls -t src/core/*.hpp src/markdown/*.hpp | head -1)
objects=()
compile() {  # compile SRC LANG
  local src=$1 obj="$out/obj/$(echo "$1" | tr '/' '_').o"
  objects+=("$obj")
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
    echo "compile $src"
    if [ "$2" = c ]; then
      "$CC" "${common[@]}" -w -c "$src" -o "$obj"
    else
      "$CXX" -std=c++20 "${common[@]}" "${include[@]}" -c "$src" -o "$obj"
    fi
  fi
}
for f in src/core/*.cpp src/markdown/*.cpp tests/fuzz/markdown_fuzz.cpp; do compile "$f" cxx; done
if [ -n "$md4c_src" ]; then compile "$md4c_src" c; fi
"$CXX" -g "${san[@]}" -fsanitize=fuzzer "${objects[@]}" "${md4c_link[@]}" -o "$out/markdown_fuzz"

echo "fuzzing for ${seconds}s (corpus $out/corpus, seeds tests/data/markdown)"
"$out/markdown_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$out/corpus" tests/data/markdown
