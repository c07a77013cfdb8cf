#!/usr/bin/env python3
"""The limits checked before a call (issue 15.4), through the real CLI against
the local LLM test server answering from the reply corpus:

1. hostile/many-epics (65 epic headings): SOLUTIONING_TASKS fails as
   `blocked` before any of its calls, naming the count, max_items 24 and how
   to raise it; the server saw no SOLUTIONING_TASKS request.
2. hostile/huge (a 1.5 MB architecture.md): SPEC_ARCHITECT fails naming the
   artifact, its size and the cap; no later phase sends it.
3. compliant with a price table whose gpt-4o window is 3,000 tokens: the
   first phase fails as `blocked`, naming the window, and the server saw no
   request at all.
4. compliant, unchanged: the run succeeds (the limits do not get in the way
   of a real-length pack).

usage: prompt_limits_run.py SPECWAVE_BINARY SOURCE_ROOT SCRATCH_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.request


def start_server(root, corpora):
    args = [sys.executable, os.path.join(root, "tests/support/llm_test_server.py"), "--port", "0"]
    for c in corpora:
        args += ["--corpus", os.path.join(root, "tests/corpus", c)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("LISTENING "):
        proc.kill()
        raise SystemExit("the LLM test server did not start: " + line)
    return proc, int(line.split()[1])


def labels_seen(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stats", timeout=10) as r:
        return json.load(r).get("accounting", {}).get("by_label", {})


def run(binary, root, scratch, name, corpora, extra=()):
    proc, port = start_server(root, corpora)
    try:
        db = os.path.join(scratch, name + ".db")
        env = dict(os.environ, OPENAI_API_KEY="test-server-key")
        res = subprocess.run([binary, "run", "--spec", os.path.join(root, "assets/workflows/default.yml"), "--brief",
                              os.path.join(root, "assets/briefs/tidewater.md"), "--db", db, "--auto-approve",
                              "--provider", "openai", "--base-url", f"http://127.0.0.1:{port}/v1", "--model", "gpt-4o",
                              "--json", *extra], capture_output=True, text=True, env=env, timeout=600)
        seen = labels_seen(port)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    try:
        report = json.loads(res.stdout)
    except ValueError:
        raise SystemExit(f"FAIL {name}: no JSON report\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")
    return report, seen


def phase(report, name):
    for p in report["phases"]:
        if p["name"] == name:
            return p
    raise SystemExit(f"FAIL: no phase {name} in the report")


def expect(ok, what, detail=""):
    if not ok:
        raise SystemExit(f"FAIL: {what}\n{detail}")
    print("ok:", what)


def main():
    binary, root, scratch = sys.argv[1:4]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)

    report, seen = run(binary, root, scratch, "many", ["compliant", "hostile/many-epics"])
    tasks = phase(report, "SOLUTIONING_TASKS")
    expect(tasks["status"] == "failed" and tasks.get("outcome") == "blocked", "65 epics: SOLUTIONING_TASKS blocked",
           json.dumps(tasks))
    reason = tasks.get("reason", "")
    expect("65 item headings" in reason and "max_items of 24" in reason and "max_items: 65}" in reason,
           "65 epics: the message gives the count, the cap and how to raise it", reason)
    expect(not any(l.startswith("SOLUTIONING_TASKS") for l in seen), "65 epics: no SOLUTIONING_TASKS call made",
           ", ".join(seen))

    report, seen = run(binary, root, scratch, "huge", ["compliant", "hostile/huge"])
    arch = phase(report, "SPEC_ARCHITECT")
    reason = arch.get("reason", "")
    expect(arch["status"] == "failed" and "architecture.md of 1," in reason and "over the cap of 200,000" in reason,
           "1.5 MB architecture.md: SPEC_ARCHITECT fails naming the artifact, its size and the cap", reason)
    expect(not any(l.startswith(("DEPENDENCIES", "SOLUTIONING_TASKS", "VALIDATE")) for l in seen),
           "1.5 MB architecture.md: no later prompt carries it", ", ".join(seen))

    pricing = os.path.join(scratch, "pricing.yml")
    with open(pricing, "w", encoding="utf-8") as f:
        f.write("models:\n  - {provider: openai, model: \"gpt-4o*\", input: 2.5, output: 10, context_tokens: 3000}\n")
    report, seen = run(binary, root, scratch, "window", ["compliant"], ["--pricing", pricing])
    analysis = phase(report, "ANALYSIS")
    reason = analysis.get("reason", "")
    expect(analysis["status"] == "failed" and analysis.get("outcome") == "blocked" and
           "gpt-4o's context window of 3,000 tokens" in reason, "a 3,000-token window: ANALYSIS is not sent", reason)
    expect(not seen, "a 3,000-token window: the server saw no request", ", ".join(seen))

    report, seen = run(binary, root, scratch, "compliant", ["compliant"])
    expect(report["status"] == "succeeded", "the real-length compliant pack runs within the limits",
           json.dumps([p for p in report["phases"] if p["status"] != "succeeded"])[:2000])
    print("4 passed, 0 failed")


if __name__ == "__main__":
    main()
