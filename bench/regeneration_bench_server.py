#!/usr/bin/env python3
"""The regeneration benchmark against the local LLM test server with
--vary-wording (issue #16.8): every reply is reworded on every call, so
nothing can rely on a model writing the same words twice.

  python3 bench/regeneration_bench_server.py [build/native]

1. The offline bench records, per feature, the replies of a full run and of
   the one-feature regeneration (--record-dir): whole documents for the first
   run, section patches and fan-out items for the regeneration.
2. Per feature, a test server plays those replies back (the first call of a
   label gets its full-run reply, the second its regeneration reply), each
   reworded, and the bench runs the full run and the regeneration over the
   OpenAI-compatible protocol against it.
Prints the bench's table for each feature. Not a test: no thresholds.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "native")
    bench = os.path.join(build, "bench", "specwave_bench_regeneration")
    server = os.path.join(ROOT, "tests", "support", "llm_test_server.py")
    for edit in ("bullet", "title"):
        run(bench, server, edit)


def run(bench, server, edit):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([bench, "--record-dir", tmp, "--edit", edit], check=True, stdout=subprocess.DEVNULL)
        features = sorted(f[:-5] for f in os.listdir(tmp) if f.endswith(".json"))
        for feature in features:
            replies = os.path.join(tmp, feature + ".json")
            with open(replies) as f:
                json.load(f)  # fail early on a broken recording
            proc = subprocess.Popen([sys.executable, server, "--port", "0", "--replies", replies, "--vary-wording"],
                                    stdout=subprocess.PIPE, text=True)
            try:
                line = proc.stdout.readline().split()
                if len(line) != 2 or line[0] != "LISTENING":
                    sys.exit("the test server did not start")
                url = "http://127.0.0.1:%s/v1" % line[1]
                out = subprocess.run([bench, "--base-url", url, "--only", feature, "--edit", edit], check=True,
                                     capture_output=True, text=True).stdout
                print(out, end="")
            finally:
                proc.terminate()
                proc.wait(timeout=10)


if __name__ == "__main__":
    main()
